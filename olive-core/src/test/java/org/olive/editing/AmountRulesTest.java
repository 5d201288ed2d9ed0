package org.olive.editing;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The editing rules on hand-made values (docs/editing.md). */
class AmountRulesTest {

    static final IitSchedule SCHEDULE = new IitSchedule(5000, List.of(
            new IitSchedule.Bracket(36000, 0.03, 0), new IitSchedule.Bracket(144000, 0.10, 2520),
            new IitSchedule.Bracket(300000, 0.20, 16920), new IitSchedule.Bracket(420000, 0.25, 31920),
            new IitSchedule.Bracket(660000, 0.30, 52920), new IitSchedule.Bracket(960000, 0.35, 85920),
            new IitSchedule.Bracket(1e15, 0.45, 181920)));
    static final AmountRules.Withholding W = new AmountRules.Withholding(SCHEDULE, 0.225, 1.0, List.of(2, 3, 4));
    static final AmountRules.Outlier HISTORY = new AmountRules.Outlier(3, 20, true, List.of(2, 3, 4), 0.15);

    @Test
    void scheduleIsTheAnnualTable() {
        assertThat(SCHEDULE.annual(36000)).isEqualTo(1080, within(1e-9));
        assertThat(SCHEDULE.annual(432000)).isEqualTo(432000 * 0.30 - 52920, within(1e-9));
        assertThat(SCHEDULE.annual(-10)).isZero();
    }

    @Test
    void hundredfoldWageWithANormalTaxIsDividedBack() {
        // the example: 13,000.10 written as 1,300,010.00 in June, tax 152.25
        AmountRules.Pair p = AmountRules.withholding(1_300_010.00, 152.25, 6, W);
        assertThat(p.first().kind()).isEqualTo(Verdict.Kind.CORRECT);
        assertThat(p.first().value()).isEqualTo(13_000.10);
        assertThat(p.first().power()).isEqualTo(2);
        assertThat(p.second().kind()).isEqualTo(Verdict.Kind.NONE);
    }

    @Test
    void hundredfoldLowWageWithoutTaxIsDividedBack() {
        AmountRules.Pair p = AmountRules.withholding(300_000, 0, 3, W);
        assertThat(p.first().kind()).isEqualTo(Verdict.Kind.CORRECT);
        assertThat(p.first().value()).isEqualTo(3000);
    }

    @Test
    void normalHighEarnerWithConsistentTaxIsSupportedNotEdited() {
        // 80,000 a month, 3,000 contributions: cumulative taxable 72,000 a month; June's withholding
        double june = SCHEDULE.annual(6 * 72000) - SCHEDULE.annual(5 * 72000);
        AmountRules.Pair p = AmountRules.withholding(80_000, june, 6, W);
        assertThat(p.first().kind()).isEqualTo(Verdict.Kind.SUPPORTED);
        assertThat(p.second().kind()).isEqualTo(Verdict.Kind.SUPPORTED);
        // and a December with a 300,000 bonus, taxed as it should be
        double before = SCHEDULE.annual(11 * 72000);
        double dec = SCHEDULE.annual(11 * 72000 + 372000) - before;
        assertThat(AmountRules.withholding(380_000, dec, 12, W).first().kind()).isEqualTo(Verdict.Kind.SUPPORTED);
    }

    @Test
    void hundredfoldTaxIsDividedBack() {
        AmountRules.Pair p = AmountRules.withholding(12_000, 8566.00, 4, W);
        assertThat(p.second().kind()).isEqualTo(Verdict.Kind.CORRECT);
        assertThat(p.second().value()).isEqualTo(85.66);
        assertThat(p.first().kind()).isEqualTo(Verdict.Kind.SUPPORTED);
    }

    @Test
    void lowWageWithoutTaxDecidesNothing() {
        assertThat(AmountRules.withholding(3000, 0, 6, W).first().kind()).isEqualTo(Verdict.Kind.NONE);
    }

    @Test
    void contributionsAgainstBaseTimesRate() {
        Map<String, AmountRules.Rate> rates = Map.of("personal", new AmountRules.Rate(0.02, 0.02),
                "employer", new AmountRules.Rate(0.05, 0.12));
        // personal 2% of 1,234.50 = 24.69 written as 2,469.00
        Map<String, Verdict> v = AmountRules.contributions("base", 1234.50, parts(2469.00, 117.28), rates, 0.05, List.of(2, 3, 4));
        assertThat(v.get("personal").kind()).isEqualTo(Verdict.Kind.CORRECT);
        assertThat(v.get("personal").value()).isEqualTo(24.69);
        assertThat(v).doesNotContainKey("base");
        // the base ×100: neither part fits, base ÷100 fits both
        v = AmountRules.contributions("base", 123450, parts(24.69, 117.28), rates, 0.05, List.of(2, 3, 4));
        assertThat(v.get("base").kind()).isEqualTo(Verdict.Kind.CORRECT);
        assertThat(v.get("base").value()).isEqualTo(1234.50);
        // consistent: supported
        v = AmountRules.contributions("base", 1234.50, parts(24.69, 117.28), rates, 0.05, List.of(2, 3, 4));
        assertThat(v.get("base").kind()).isEqualTo(Verdict.Kind.SUPPORTED);
        // a zero-rate part written as 100: excluded
        v = AmountRules.contributions("base", 1234.50, parts(100.0, 117.28), Map.of("personal", new AmountRules.Rate(0, 0),
                "employer", new AmountRules.Rate(0.05, 0.12)), 0.05, List.of(2, 3, 4));
        assertThat(v.get("personal").kind()).isEqualTo(Verdict.Kind.EXCLUDE);
    }

    private static Map<String, Double> parts(double personal, double employer) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("personal", personal);
        m.put("employer", employer);
        return m;
    }

    @Test
    void medicalIdentityFindsTheSlippedField() {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("total", 583.89);
        v.put("fund", 401.20);
        v.put("oop", 18269.00);   // 182.69 ×100
        Map<String, Verdict> out = AmountRules.identity(v, "total", 0.05, List.of(2, 3, 4), "oop");
        assertThat(out.get("oop").kind()).isEqualTo(Verdict.Kind.CORRECT);
        assertThat(out.get("oop").value()).isEqualTo(182.69);
        v.put("oop", 182.69);
        assertThat(AmountRules.identity(v, "total", 0.05, List.of(2, 3, 4), "oop")).isEmpty();
        v.put("oop", 150.00);     // off, but not by a power of ten
        assertThat(AmountRules.identity(v, "total", 0.05, List.of(2, 3, 4), "oop").get("oop").kind())
                .isEqualTo(Verdict.Kind.EXCLUDE);
    }

    @Test
    void historyDividesBackAHundredfoldAndExcludesASpike() {
        double[] others = {988.67, 988.67, 1010.00, 988.67};
        Verdict v = AmountRules.outlier(98_867.00, others, HISTORY, "the person's median");
        assertThat(v.kind()).isEqualTo(Verdict.Kind.CORRECT);
        assertThat(v.value()).isEqualTo(988.67);
        assertThat(AmountRules.outlier(30_000, others, HISTORY, "m").kind()).isEqualTo(Verdict.Kind.EXCLUDE);
        assertThat(AmountRules.outlier(5_000, others, HISTORY, "m").kind()).isEqualTo(Verdict.Kind.NONE);
        // without spike exclusion (seasonal datasets) a spike is kept
        AmountRules.Outlier keep = new AmountRules.Outlier(3, 20, false, List.of(2, 3, 4), 0.15);
        assertThat(AmountRules.outlier(30_000, others, keep, "m").kind()).isEqualTo(Verdict.Kind.NONE);
    }

    @Test
    void tooLittleHistoryDecidesNothing() {
        assertThat(AmountRules.outlier(98_867.00, new double[]{988.67, 988.67}, HISTORY, "m").kind())
                .isEqualTo(Verdict.Kind.NONE);
    }

    @Test
    void negativeAmountsAreExcluded() {
        assertThat(AmountRules.negative(-182.69).kind()).isEqualTo(Verdict.Kind.EXCLUDE);
        assertThat(AmountRules.negative(0).kind()).isEqualTo(Verdict.Kind.NONE);
    }

    @Test
    void slipPowers() {
        assertThat(Slips.power(1_300_010, 13_000, List.of(2, 3, 4), 0.15)).isEqualTo(2);
        assertThat(Slips.power(50_000, 13_000, List.of(2, 3, 4), 0.15)).isZero();
        assertThat(Slips.power(130_000_000, 13_000, List.of(2, 3, 4), 0.15)).isEqualTo(4);
    }
}
