package org.olive.income;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FamilyIncomeTest {

    static final IncomeLines LINES = new IncomeLines(Map.of(2022, 11_000.0, 2025, 14_000.0), 2.0, 2_070, 0.8, 0.4);
    static final FamilyIncomeRules RULES = withLines(ShippedIncome.rules(), LINES);

    static FamilyIncomeRules withLines(FamilyIncomeRules r, IncomeLines lines) {
        return new FamilyIncomeRules(lines, r.basis(), r.lower1050(), r.upper1050(), r.lower2060(), r.upper2060(), r.typicalSize());
    }

    @Test
    void threeEarnersInTheMiddleBracket() {
        // 60,000 + 40,000 + 20,000 = 120,000; per capita 40,000; × 3 = 120,000 → 10–50万 yes, 20–60万 no
        FamilyIncome f = FamilyIncome.of(List.of(FamilyIncome.Member.precise(60_000), FamilyIncome.Member.precise(40_000),
                FamilyIncome.Member.precise(20_000)), 0, 2025, RULES);
        assertThat(f.residents()).isEqualTo(3);
        assertThat(f.disposable()).isEqualTo(120_000);
        assertThat(f.perCapita()).isEqualTo(40_000);
        assertThat(f.threePerson()).isEqualTo(120_000);
        assertThat(f.bracket1050()).isTrue();
        assertThat(f.bracket2060()).isFalse();
        assertThat(f.belowDibao()).isFalse();
        assertThat(f.belowMarginal()).isFalse();
        // (120,000 − 0) / 3 / 12 = 3,333.33 ≥ 0.8 × 2,070 = 1,656
        assertThat(f.afterRigidMonthly()).isCloseTo(3_333.333, within(0.001));
        assertThat(f.doubleLine()).isEqualTo(DoubleLine.NONE);
    }

    @Test
    void aCoupleTestedOnPerCapitaTimesThreeOrOnFamilyDi() {
        // 2 × 40,000 = 80,000: per-capita × 3 = 120,000 is in 10–50万; the raw family DI of 80,000 is not
        List<FamilyIncome.Member> couple = List.of(FamilyIncome.Member.precise(40_000), FamilyIncome.Member.precise(40_000));
        assertThat(FamilyIncome.of(couple, 0, 2025, RULES).bracket1050()).isTrue();
        FamilyIncomeRules raw = new FamilyIncomeRules(LINES, BracketBasis.FAMILY_DI, 100_000, 500_000, 200_000, 600_000, 3);
        assertThat(FamilyIncome.of(couple, 0, 2025, raw).bracket1050()).isFalse();
    }

    @Test
    void boundsAreLowerInclusiveUpperExclusive() {
        // a single member of 200,000: × 3 = 600,000, the excluded upper bound of 20–60万
        assertThat(FamilyIncome.of(List.of(FamilyIncome.Member.precise(200_000)), 0, 2025, RULES).bracket2060()).isFalse();
        // and above 500,000, the upper bound of 10–50万
        assertThat(FamilyIncome.of(List.of(FamilyIncome.Member.precise(200_000)), 0, 2025, RULES).bracket1050()).isFalse();
        FamilyIncomeRules raw = new FamilyIncomeRules(LINES, BracketBasis.FAMILY_DI, 100_000, 500_000, 200_000, 600_000, 3);
        assertThat(FamilyIncome.of(List.of(FamilyIncome.Member.precise(100_000)), 0, 2025, raw).bracket1050()).isTrue();
        assertThat(FamilyIncome.of(List.of(FamilyIncome.Member.precise(99_999.99)), 0, 2025, raw).bracket1050()).isFalse();
    }

    @Test
    void linesOfTheYearAndTheDoubleLine() {
        // 2025: 低保 14,000, 低边 28,000. Two residents with 12,000 + 14,000 = 26,000, per capita 13,000
        List<FamilyIncome.Member> m = List.of(FamilyIncome.Member.precise(12_000), FamilyIncome.Member.precise(14_000));
        FamilyIncome f = FamilyIncome.of(m, 6_000, 2025, RULES);
        assertThat(f.belowDibao()).isTrue();
        assertThat(f.belowMarginal()).isTrue();
        // after rigid: (26,000 − 6,000) / 2 / 12 = 833.33 < 0.8 × 2,070 = 1,656 but ≥ 0.4 × 2,070 = 828
        assertThat(f.afterRigidMonthly()).isCloseTo(833.333, within(0.001));
        assertThat(f.doubleLine()).isEqualTo(DoubleLine.ASSIST);
        // 2023 has no figure: the 2022 standard 11,000 carries forward; 13,000 is above it, below 22,000
        FamilyIncome y2023 = FamilyIncome.of(m, 6_000, 2023, RULES);
        assertThat(y2023.belowDibao()).isFalse();
        assertThat(y2023.belowMarginal()).isTrue();
        // more medical cost: (26,000 − 7,000) / 24 = 791.67 < 828 → safety net
        assertThat(FamilyIncome.of(m, 7_000, 2025, RULES).doubleLine()).isEqualTo(DoubleLine.SAFETY_NET);
    }

    @Test
    void intervalsAddUp() {
        FamilyIncome f = FamilyIncome.of(List.of(new FamilyIncome.Member(30_000, 25_000, 36_000),
                FamilyIncome.Member.precise(10_000)), 0, 2025, RULES);
        assertThat(f.low()).isEqualTo(35_000);
        assertThat(f.high()).isEqualTo(46_000);
    }

    @Test
    void rejectsWhatCannotBeComputed() {
        assertThatThrownBy(() -> FamilyIncome.of(List.of(), 0, 2025, RULES)).hasMessageContaining("at least one resident");
        assertThatThrownBy(() -> LINES.dibao(2019)).hasMessageContaining("no 低保 standard for 2019");
        assertThatThrownBy(() -> new FamilyIncome.Member(10, 11, 12)).hasMessageContaining("low <= DI");
        assertThatThrownBy(() -> new IncomeLines(Map.of(2025, 14_000.0), 2.5, 2_070, 0.8, 0.4))
                .hasMessageContaining("between 1 and 2");
    }

    @Property
    void perCapitaTimesResidentsIsTheFamilyDi(@ForAll @IntRange(min = 1, max = 8) int n,
                                              @ForAll @DoubleRange(min = -20_000, max = 400_000) double each) {
        List<FamilyIncome.Member> m = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            m.add(FamilyIncome.Member.precise(each * (i + 1)));
        }
        FamilyIncome f = FamilyIncome.of(m, 0, 2025, RULES);
        assertThat(f.perCapita() * n).isCloseTo(f.disposable(), within(1e-6 * Math.max(1, Math.abs(f.disposable()))));
        assertThat(f.threePerson()).isCloseTo(f.perCapita() * 3, within(1e-9 * Math.max(1, Math.abs(f.threePerson()))));
        // below the 低保 standard implies below the 低边 line
        assertThat(!f.belowDibao() || f.belowMarginal()).isTrue();
    }

    @Property
    void moreMedicalCostNeverImprovesTheDoubleLine(@ForAll @DoubleRange(min = 0, max = 100_000) double di,
                                                   @ForAll @DoubleRange(min = 0, max = 50_000) double oop,
                                                   @ForAll @DoubleRange(min = 0, max = 50_000) double more) {
        List<FamilyIncome.Member> m = List.of(FamilyIncome.Member.precise(di));
        DoubleLine before = FamilyIncome.of(m, oop, 2025, RULES).doubleLine();
        DoubleLine after = FamilyIncome.of(m, oop + more, 2025, RULES).doubleLine();
        assertThat(after.ordinal()).isGreaterThanOrEqualTo(before.ordinal());
    }
}
