package org.olive.indicator;

import org.olive.income.ShippedIncome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Hand-computed indicators of a four-household sample; the arithmetic is in the comments.
 *
 * <pre>
 * household  area  ages        DI      per capita  weights
 * H1         A     40, 38, 10  60 000  20 000      1, 1, 1
 * H2         B     70           6 000   6 000      2
 * H3         B     30, 5       30 000  15 000      1, 1
 * H4         A     50          90 000  90 000      1
 * </pre>
 * Persons by per-capita income: 6 000 (weight 2), 15 000 (2), 20 000 (3), 90 000 (1); Σw = 8, cumulative 2, 4, 7, 8.
 */
class IndicatorsTest {

    static HouseholdSample sample() {
        HouseholdSample.Builder b = HouseholdSample.builder();
        int h1 = b.addHousehold("H1");
        b.addPerson(h1, 40, "A", 1);
        b.addPerson(h1, 38, "A", 1);
        b.addPerson(h1, 10, "A", 1);
        b.addIncome(h1, 50_000).addIncome(h1, 12_000).addIncome(h1, -2_000);
        int h2 = b.addHousehold("H2");
        b.addPerson(h2, 70, "B", 2);
        b.addIncome(h2, 6_000);
        int h3 = b.addHousehold("H3");
        b.addPerson(h3, 30, "B", 1);
        b.addPerson(h3, 5, "B", 1);
        b.addIncome(h3, 30_000);
        int h4 = b.addHousehold("H4");
        b.addPerson(h4, 50, "A", 1);
        b.addIncome(h4, 90_000);
        return b.build();
    }

    private final IndicatorReport report = Indicators.compute(sample(), ShippedIncome.indicators(), true);
    private final IndicatorSet all = report.all();

    @Test
    void countsAndMeans() {
        assertThat(all.persons()).isEqualTo(7);
        assertThat(all.households()).isEqualTo(4);
        assertThat(all.weightedPersons()).isEqualTo(8);
        // (2·6 000 + 2·15 000 + 3·20 000 + 90 000) / 8 = 192 000 / 8
        assertThat(all.perCapitaIncome()).isCloseTo(24_000, within(1e-9));
        assertThat(all.meanEquivalisedIncome()).isCloseTo(24_000, within(1e-9));
    }

    @Test
    void quantilesAndRatios() {
        // median: target 4 equals the cumulative weight of 15 000 → (15 000 + 20 000) / 2
        assertThat(quantile(0.5)).isEqualTo(17_500);
        // P25: target 0.25·8 = 2 equals the cumulative weight of 6 000 → (6 000 + 15 000) / 2
        assertThat(quantile(0.25)).isEqualTo(10_500);
        // P10: target 0.8 → 6 000; P90: target 7.2 → 90 000
        assertThat(all.p90p10()).isCloseTo(15, within(1e-12));
        // P80 = 20 000 (target 6.4), above it 90 000; P20 = 6 000 (target 1.6), at or below it 2·6 000 = 12 000
        assertThat(all.s80s20()).isCloseTo(7.5, within(1e-12));
        // P90 = 90 000: nobody above → Palma 0
        assertThat(all.palma()).isZero();
    }

    @Test
    void inequality() {
        // Σ w·x·cw = 2·6 000·2 + 2·15 000·4 + 3·20 000·7 + 90 000·8 = 1 284 000; Σ w²·x = 354 000; Σw·Σw·x = 1 536 000
        // G = 100·((2·1 284 000 − 354 000) / 1 536 000 − 1) = 44.140625; the same as Σ|xi−xj| / (2 n² μ) = 1 356 / 3 072
        assertThat(all.gini()).isCloseTo(44.140625, within(1e-9));
        double mu = 24_000;
        double theil = (2 * r(6_000, mu) * Math.log(r(6_000, mu)) + 2 * r(15_000, mu) * Math.log(r(15_000, mu))
                + 3 * r(20_000, mu) * Math.log(r(20_000, mu)) + r(90_000, mu) * Math.log(r(90_000, mu))) / 8;
        assertThat(all.theil()).isCloseTo(theil, within(1e-12));
        double mld = (2 * Math.log(mu / 6_000) + 2 * Math.log(mu / 15_000) + 3 * Math.log(mu / 20_000) + Math.log(mu / 90_000)) / 8;
        assertThat(all.meanLogDeviation()).isCloseTo(mld, within(1e-12));
        assertThat(all.nonPositiveIncomeShare()).isZero();
        // poorest half (weight 4) hold 2·6 000 + 2·15 000 = 42 000 of 192 000
        assertThat(all.lorenz().get(5).populationShare()).isEqualTo(0.5);
        assertThat(all.lorenz().get(5).incomeShare()).isCloseTo(42_000 / 192_000.0, within(1e-12));
        assertThat(all.lorenz()).hasSize(11);
    }

    @Test
    void poverty() {
        // line 0.6 · 17 500 = 10 500; below: 6 000 (weight 2) → 2/8; gap (10 500 − 6 000) / 10 500
        assertThat(all.relativePoverty().line()).isCloseTo(10_500, within(1e-9));
        assertThat(all.relativePoverty().atRiskRate()).isEqualTo(0.25);
        assertThat(all.relativePoverty().medianGap()).isCloseTo(4_500 / 10_500.0, within(1e-12));
        IndicatorSet.AbsolutePoverty dibao = all.absolutePoverty().get(0);
        assertThat(dibao.line()).isEqualTo("dibao");
        assertThat(dibao.amount()).isEqualTo(14_000);
        // below 14 000: 6 000 with weight 2, gap 8/14
        assertThat(dibao.headcount()).isEqualTo(0.25);
        assertThat(dibao.gap()).isCloseTo(2 * (8.0 / 14) / 8, within(1e-12));
        assertThat(dibao.severity()).isCloseTo(2 * (8.0 / 14) * (8.0 / 14) / 8, within(1e-12));
        IndicatorSet.AbsolutePoverty dibian = all.absolutePoverty().get(1);
        assertThat(dibian.amount()).isEqualTo(28_000);
        // everyone but 90 000: weight 7; gaps 22/28 (w 2), 13/28 (w 2), 8/28 (w 3)
        assertThat(dibian.headcount()).isEqualTo(7 / 8.0);
        assertThat(dibian.gap()).isCloseTo((2 * 22 + 2 * 13 + 3 * 8) / 28.0 / 8, within(1e-12));
    }

    @Test
    void middleIncomeBracketsOnAFamilyOfThree() {
        // per capita × 3: 18 000, 45 000, 60 000, 270 000 → only H4's one person is in 10–50万 and in 20–60万
        assertThat(all.brackets()).extracting(IndicatorSet.BracketShare::share).containsExactly(1 / 8.0, 1 / 8.0);
        // the families' own DI (6 000 … 90 000) are all below 10万
        IndicatorSet actual = Indicators.compute(sample(),
                ShippedIncome.indicators().withFamilyIncomeBasis(IndicatorSettings.FamilyIncomeBasis.ACTUAL_FAMILY), false).all();
        assertThat(actual.brackets()).extracting(IndicatorSet.BracketShare::share).containsExactly(0.0, 0.0);
    }

    @Test
    void eachBracketOnItsOwnBasis() {
        // the same bounds on per capita × 3 and on the family's own DI, side by side (a profile may mix the bases)
        IndicatorSettings s = ShippedIncome.indicators().withBrackets(java.util.List.of(
                new IncomeBracket("typical", 100_000, 500_000, IndicatorSettings.FamilyIncomeBasis.TYPICAL_FAMILY),
                new IncomeBracket("actual", 100_000, 500_000, IndicatorSettings.FamilyIncomeBasis.ACTUAL_FAMILY)));
        assertThat(Indicators.compute(sample(), s, false).all().brackets()).extracting(IndicatorSet.BracketShare::share)
                .containsExactly(1 / 8.0, 0.0);
    }

    @Test
    void equivalenceScales() {
        IndicatorSet oecd = Indicators.compute(sample(), ShippedIncome.indicators().withScale(EquivalenceScale.MODIFIED_OECD), false).all();
        // H1: 1 + 0.5 + 0.3 = 1.8; H2: 1; H3: 1 + 0.3 = 1.3; H4: 1
        double mean = (2 * 6_000 + 2 * 30_000 / 1.3 + 3 * 60_000 / 1.8 + 90_000) / 8;
        assertThat(oecd.meanEquivalisedIncome()).isCloseTo(mean, within(1e-9));
        assertThat(oecd.perCapitaIncome()).isCloseTo(24_000, within(1e-9)); // per capita whatever the scale
        IndicatorSet sqrt = Indicators.compute(sample(), ShippedIncome.indicators().withScale(EquivalenceScale.SQUARE_ROOT), false).all();
        assertThat(sqrt.meanEquivalisedIncome()).isCloseTo((2 * 6_000 + 2 * 30_000 / Math.sqrt(2) + 3 * 60_000 / Math.sqrt(3) + 90_000) / 8,
                within(1e-9));
    }

    @Test
    void byArea() {
        assertThat(report.byArea()).containsOnlyKeys("A", "B");
        IndicatorSet a = report.byArea().get("A");
        assertThat(a.persons()).isEqualTo(4);
        assertThat(a.households()).isEqualTo(2);
        assertThat(a.perCapitaIncome()).isCloseTo((60_000 + 90_000) / 4.0, within(1e-9));
        IndicatorSet b = report.byArea().get("B");
        assertThat(b.weightedPersons()).isEqualTo(4);
        assertThat(b.perCapitaIncome()).isCloseTo((12_000 + 30_000) / 4.0, within(1e-9));
        assertThat(Indicators.compute(sample(), ShippedIncome.indicators(), false).byArea()).isEmpty();
    }

    @Test
    void configurableLines() {
        IndicatorSet s = Indicators.compute(sample(), ShippedIncome.indicators().withLines(List.of(PovertyLine.parse("half=16000"))), false).all();
        // below 16 000: 6 000 (w 2) and 15 000 (w 2)
        assertThat(s.absolutePoverty()).singleElement().satisfies(p -> assertThat(p.headcount()).isEqualTo(0.5));
        assertThat(PovertyLine.of(ShippedIncome.rules().at(org.olive.period.Period.of(2020, 12)).lines())).extracting(PovertyLine::amount).containsExactly(9_720.0, 19_440.0);
    }

    private double quantile(double p) {
        return all.quantiles().stream().filter(q -> q.level() == p).findFirst().orElseThrow().value();
    }

    private static double r(double x, double mu) {
        return x / mu;
    }
}
