package org.olive.income;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.olive.period.Period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FamilyIncomeTest {

    static final IncomeLines LINES = lines(Map.of(2022, 11_000.0, 2025, 14_000.0), 2.0, 2_070, 0.8, 0.4);
    static final FamilyIncomeRules RULES = ShippedIncome.rules().withLines(LINES);
    static final FamilyArea NOWHERE = FamilyArea.COUNTY;

    /** Lines of the county alone: 低保 by year from 1 January, one 低边 multiple, one minimum wage from the start. */
    static IncomeLines lines(Map<Integer, Double> dibaoByYear, double multiple, double wage, double assist, double safety) {
        List<DatedFigures.Figure> dibao = new ArrayList<>();
        new TreeMap<>(dibaoByYear).forEach((y, v) -> dibao.add(new DatedFigures.Figure(LocalDate.of(y, 1, 1),
                LineArea.COUNTY, v, false, "lines.dibao." + y)));
        return new IncomeLines(new DatedFigures("lines.dibao", "test", dibao),
                new DatedFigures("lines.dibian", "test", List.of(new DatedFigures.Figure(null, LineArea.COUNTY, multiple, true,
                        "lines.dibian[0]"))), null,
                List.of(new IncomeLines.WageTiers(null, List.of(wage), "lines.minimum_wage.tiers[0]")),
                new DatedFigures("lines.minimum_wage.tier", "test", List.of(new DatedFigures.Figure(null, LineArea.COUNTY, 1,
                        false, "lines.minimum_wage.tier[0]"))), assist, safety);
    }

    static IncomeRulesAt at(FamilyIncomeRules rules, int year) {
        return rules.at(Period.of(year, 12));
    }

    static FamilyIncome of(List<FamilyIncome.Member> m, double oop, int year, FamilyIncomeRules rules) {
        return FamilyIncome.of(m, oop, NOWHERE, at(rules, year));
    }

    static Bracket bracket(String id, BracketBasis basis, double lower, double upper) {
        return new Bracket(id, id, id, basis, lower, upper, Validity.ALWAYS);
    }

    static FamilyIncomeRules raw() {
        return RULES.withBrackets(List.of(bracket("middle_10_50", BracketBasis.FAMILY_DI, 100_000, 500_000),
                bracket("middle_20_60", BracketBasis.FAMILY_DI, 200_000, 600_000)));
    }

    @Test
    void threeEarnersInTheMiddleBracket() {
        // 60,000 + 40,000 + 20,000 = 120,000; per capita 40,000; × 3 = 120,000 → 10–50万 yes, 20–60万 no
        FamilyIncome f = of(List.of(FamilyIncome.Member.precise(60_000), FamilyIncome.Member.precise(40_000),
                FamilyIncome.Member.precise(20_000)), 0, 2025, RULES);
        assertThat(f.residents()).isEqualTo(3);
        assertThat(f.disposable()).isEqualTo(120_000);
        assertThat(f.perCapita()).isEqualTo(40_000);
        assertThat(f.threePerson()).isEqualTo(120_000);
        assertThat(f.inBracket("middle_10_50")).isTrue();
        assertThat(f.inBracket("middle_20_60")).isFalse();
        assertThat(f.below(LinesAt.DIBAO)).isFalse();
        assertThat(f.below(LinesAt.DIBIAN)).isFalse();
        assertThat(f.flags()).extracting(FamilyFlag::kind, FamilyFlag::id).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FlagKind.BRACKET, "middle_10_50"));
        assertThat(f.flags().get(0).evidence()).isEqualTo("per capita × 3 120000.00 in [100000, 500000)");
        // (120,000 − 0) / 3 / 12 = 3,333.33 ≥ 0.8 × 2,070 = 1,656
        assertThat(f.afterRigidMonthly()).isCloseTo(3_333.333, within(0.001));
        assertThat(f.doubleLine()).isEqualTo(DoubleLine.NONE);
    }

    @Test
    void aCoupleTestedOnPerCapitaTimesThreeOrOnFamilyDi() {
        // 2 × 40,000 = 80,000: per-capita × 3 = 120,000 is in 10–50万; the raw family DI of 80,000 is not
        List<FamilyIncome.Member> couple = List.of(FamilyIncome.Member.precise(40_000), FamilyIncome.Member.precise(40_000));
        assertThat(of(couple, 0, 2025, RULES).inBracket("middle_10_50")).isTrue();
        assertThat(of(couple, 0, 2025, raw()).inBracket("middle_10_50")).isFalse();
    }

    @Test
    void boundsAreLowerInclusiveUpperExclusive() {
        // a single member of 200,000: × 3 = 600,000, the excluded upper bound of 20–60万
        assertThat(of(List.of(FamilyIncome.Member.precise(200_000)), 0, 2025, RULES).inBracket("middle_20_60")).isFalse();
        // and above 500,000, the upper bound of 10–50万
        assertThat(of(List.of(FamilyIncome.Member.precise(200_000)), 0, 2025, RULES).inBracket("middle_10_50")).isFalse();
        assertThat(of(List.of(FamilyIncome.Member.precise(100_000)), 0, 2025, raw()).inBracket("middle_10_50")).isTrue();
        assertThat(of(List.of(FamilyIncome.Member.precise(99_999.99)), 0, 2025, raw()).inBracket("middle_10_50")).isFalse();
    }

    @Test
    void anyNumberOfBracketsEachOnItsBasisAndDates() {
        List<Bracket> b = new ArrayList<>(RULES.brackets());
        b.add(new Bracket("high_60", "60万以上", "600 thousand and more", BracketBasis.FAMILY_DI, 600_000, 1e12, Validity.ALWAYS));
        b.add(new Bracket("low_5_10", "5-10万", "50-100 thousand", BracketBasis.PER_CAPITA_TIMES_3, 50_000, 100_000,
                new Validity(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30))));
        FamilyIncomeRules r = RULES.withBrackets(b);
        List<FamilyIncome.Member> rich = List.of(FamilyIncome.Member.precise(400_000), FamilyIncome.Member.precise(300_000));
        assertThat(of(rich, 0, 2025, r).flags()).extracting(FamilyFlag::id).contains("high_60").doesNotContain("middle_10_50");
        List<FamilyIncome.Member> modest = List.of(FamilyIncome.Member.precise(25_000));
        // 75,000 on per capita × 3: in 5–10万 while it is valid (to June 2025), not in December 2025
        assertThat(FamilyIncome.of(modest, 0, NOWHERE, r.at(Period.of(2025, 6))).inBracket("low_5_10")).isTrue();
        assertThat(FamilyIncome.of(modest, 0, NOWHERE, r.at(Period.of(2025, 7))).inBracket("low_5_10")).isFalse();
        assertThat(FamilyIncome.of(modest, 0, NOWHERE, r.at(Period.of(2024, 12))).inBracket("low_5_10")).isFalse();
        assertThatThrownBy(() -> RULES.withBrackets(List.of(RULES.brackets().get(0), RULES.brackets().get(0))))
                .hasMessageContaining("middle_10_50").hasMessageContaining("twice");
    }

    @Test
    void linesOfTheYearAndTheDoubleLine() {
        // 2025: 低保 14,000, 低边 28,000. Two residents with 12,000 + 14,000 = 26,000, per capita 13,000
        List<FamilyIncome.Member> m = List.of(FamilyIncome.Member.precise(12_000), FamilyIncome.Member.precise(14_000));
        FamilyIncome f = of(m, 6_000, 2025, RULES);
        assertThat(f.below(LinesAt.DIBAO)).isTrue();
        assertThat(f.below(LinesAt.DIBIAN)).isTrue();
        // after rigid: (26,000 − 6,000) / 2 / 12 = 833.33 < 0.8 × 2,070 = 1,656 but ≥ 0.4 × 2,070 = 828
        assertThat(f.afterRigidMonthly()).isCloseTo(833.333, within(0.001));
        assertThat(f.doubleLine()).isEqualTo(DoubleLine.ASSIST);
        assertThat(f.below(LinesAt.ASSIST)).isTrue();
        assertThat(f.below(LinesAt.SAFETY_NET)).isFalse();
        // 2023 has no figure: the 2022 standard 11,000 carries forward; 13,000 is above it, below 22,000
        FamilyIncome y2023 = of(m, 6_000, 2023, RULES);
        assertThat(y2023.below(LinesAt.DIBAO)).isFalse();
        assertThat(y2023.below(LinesAt.DIBIAN)).isTrue();
        // more medical cost: (26,000 − 7,000) / 24 = 791.67 < 828 → safety net, which is also below the 80% line
        FamilyIncome worse = of(m, 7_000, 2025, RULES);
        assertThat(worse.doubleLine()).isEqualTo(DoubleLine.SAFETY_NET);
        assertThat(worse.below(LinesAt.SAFETY_NET)).isTrue();
        assertThat(worse.below(LinesAt.ASSIST)).isTrue();
    }

    @Test
    void theShippedLinesHaveTekunAndTheZhejiangTiers() {
        IncomeRulesAt r = ShippedIncome.rules().at(Period.of(2025, 12));
        assertThat(r.lines().tekun(NOWHERE).amount()).isEqualTo(1.3 * 14_000);
        assertThat(r.lines().minimumWage(NOWHERE).amount()).isEqualTo(2_070);
        // per capita 16,000: above 低保 (14,000), below 特困 (18,200) and 低边 (28,000); 1,333 a month < 80% of 2,070
        FamilyIncome f = FamilyIncome.of(List.of(FamilyIncome.Member.precise(16_000)), 0, NOWHERE, r);
        assertThat(f.flags()).extracting(FamilyFlag::id).containsExactly(LinesAt.DIBIAN, LinesAt.TEKUN, LinesAt.ASSIST);
        // the 2021 tiers apply from 1 August 2021: July has no minimum wage in the shipped file
        assertThatThrownBy(() -> ShippedIncome.rules().at(Period.of(2021, 7)).lines().minimumWage(NOWHERE))
                .hasMessageContaining("lines.minimum_wage.tiers").hasMessageContaining("2021-07-31");
        assertThat(ShippedIncome.rules().at(Period.of(2021, 8)).lines().minimumWage(NOWHERE).amount()).isEqualTo(2_070);
    }

    @Test
    void intervalsAddUp() {
        FamilyIncome f = of(List.of(new FamilyIncome.Member(30_000, 25_000, 36_000),
                FamilyIncome.Member.precise(10_000)), 0, 2025, RULES);
        assertThat(f.low()).isEqualTo(35_000);
        assertThat(f.high()).isEqualTo(46_000);
    }

    @Test
    void rejectsWhatCannotBeComputed() {
        assertThatThrownBy(() -> of(List.of(), 0, 2025, RULES)).hasMessageContaining("at least one resident");
        assertThatThrownBy(() -> LINES.at(Period.of(2019, 12)).dibao(NOWHERE)).hasMessageContaining("no 低保 standard in force on 2019-12-31");
        assertThatThrownBy(() -> new FamilyIncome.Member(10, 11, 12)).hasMessageContaining("low <= DI");
        assertThatThrownBy(() -> lines(Map.of(2025, 14_000.0), 2.5, 2_070, 0.8, 0.4)).hasMessageContaining("between 1 and 2");
        assertThatThrownBy(() -> bracket("x", BracketBasis.FAMILY_DI, 500_000, 100_000)).hasMessageContaining("0 <= lower < upper");
        assertThatThrownBy(() -> bracket("Bad id", BracketBasis.FAMILY_DI, 0, 100_000)).hasMessageContaining("lower-case");
    }

    @Property
    void perCapitaTimesResidentsIsTheFamilyDi(@ForAll @IntRange(min = 1, max = 8) int n,
                                              @ForAll @DoubleRange(min = -20_000, max = 400_000) double each) {
        List<FamilyIncome.Member> m = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            m.add(FamilyIncome.Member.precise(each * (i + 1)));
        }
        FamilyIncome f = of(m, 0, 2025, RULES);
        assertThat(f.perCapita() * n).isCloseTo(f.disposable(), within(1e-6 * Math.max(1, Math.abs(f.disposable()))));
        assertThat(f.threePerson()).isCloseTo(f.perCapita() * 3, within(1e-9 * Math.max(1, Math.abs(f.threePerson()))));
        // below the 低保 standard implies below the 低边 line; the safety-net line implies the assistance line
        assertThat(!f.below(LinesAt.DIBAO) || f.below(LinesAt.DIBIAN)).isTrue();
        assertThat(!f.below(LinesAt.SAFETY_NET) || f.below(LinesAt.ASSIST)).isTrue();
    }

    @Property
    void moreMedicalCostNeverImprovesTheDoubleLine(@ForAll @DoubleRange(min = 0, max = 100_000) double di,
                                                   @ForAll @DoubleRange(min = 0, max = 50_000) double oop,
                                                   @ForAll @DoubleRange(min = 0, max = 50_000) double more) {
        List<FamilyIncome.Member> m = List.of(FamilyIncome.Member.precise(di));
        DoubleLine before = of(m, oop, 2025, RULES).doubleLine();
        DoubleLine after = of(m, oop + more, 2025, RULES).doubleLine();
        assertThat(after.ordinal()).isGreaterThanOrEqualTo(before.ordinal());
    }
}
