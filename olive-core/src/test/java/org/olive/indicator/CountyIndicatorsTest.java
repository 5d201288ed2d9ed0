package org.olive.indicator;

import org.olive.income.ShippedIncome;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** County indicators on a six-person county computed by hand. */
class CountyIndicatorsTest {

    static final String T1 = "330922100";
    static final String T2 = "330922200";
    static final String V1 = "330922100001";
    static final String V2 = "330922200001";

    /**
     * F1 urban, DI 120 000, three members (per capita 40 000, family of three 120 000: 10–50万 only);
     * F2 rural, DI 30 000, one member (90 000: no bracket); F3 rural, DI 150 000, two members (75 000; 225 000: both).
     */
    static CountyPersons county() {
        CountyPersons.Builder b = CountyPersons.builder();
        int f1 = b.addFamily("F1");
        b.addIncome(f1, 100_000).addIncome(f1, 20_000);
        b.addPerson(f1, 1, 40, "M", T1, V1, true, true, true);
        b.addPerson(f1, 1, 38, "F", T1, V1, true, true, true);
        b.addPerson(f1, 1, 10, "M", T1, V1, true, false, true);
        int f2 = b.addFamily("F2");
        b.addIncome(f2, 30_000);
        b.addPerson(f2, 1, 70, "F", T2, V2, false, true, false);
        int f3 = b.addFamily("F3");
        b.addIncome(f3, 160_000).addIncome(f3, -10_000);
        b.addPerson(f3, 1, 50, "M", T2, V2, false, true, true);
        b.addPerson(f3, 1, 20, "F", T2, V2, false, false, true);
        return b.build();
    }

    @Test
    void countyPilotIndicatorsByHand() {
        CountyReport r = CountyIndicators.compute(county(), ShippedIncome.county());
        GroupIndicators c = r.county();
        assertThat(c.distribution().weightedPersons()).isEqualTo(6);
        assertThat(c.distribution().perCapitaIncome()).isCloseTo(50_000, within(1e-9)); // 300 000 / 6
        assertThat(c.urbanPerCapita()).isCloseTo(40_000, within(1e-9));
        assertThat(c.ruralPerCapita()).isCloseTo(60_000, within(1e-9)); // (30 000 + 2 × 75 000) / 3
        assertThat(c.urbanRuralRatio()).isCloseTo(40_000.0 / 60_000, within(1e-12));
        assertThat(c.bracket("10-50万").figure()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(c.bracket("20-60万").numerator()).isCloseTo(2, within(1e-12));
        assertThat(c.monitored().figure()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(c.relationshipAccurate().figure()).isCloseTo(5.0 / 6, within(1e-12));
        // per-capita incomes 30, 40, 40, 40, 75, 75 (thousand): Σ|xi − xj| over ordered pairs / (2 n² mean) = 660 / 3600
        assertThat(c.distribution().gini()).isCloseTo(100 * 660.0 / 3600, within(1e-9));
    }

    @Test
    void theCountyGroupIsWhatIndicatorsComputesForTheSameSample() {
        CountyPersons persons = county();
        for (EquivalenceScale scale : EquivalenceScale.values()) {
            IndicatorSettings s = ShippedIncome.indicators().withScale(scale);
            IndicatorSet expected = Indicators.compute(persons.sample(), s, false).all();
            assertThat(CountyIndicators.compute(persons, ShippedIncome.county().withIndicators(s)).county().distribution())
                    .isEqualTo(expected);
        }
    }

    @Test
    void breakdownsByHand() {
        CountyReport r = CountyIndicators.compute(county(), ShippedIncome.county());
        assertThat(r.of(Breakdown.TOWNSHIP)).containsOnlyKeys(T1, T2);
        GroupIndicators t1 = r.of(Breakdown.TOWNSHIP).get(T1);
        assertThat(t1.distribution().perCapitaIncome()).isCloseTo(40_000, within(1e-9));
        assertThat(t1.urbanRuralRatio()).isNaN(); // no rural resident
        GroupIndicators t2 = r.of(Breakdown.TOWNSHIP).get(T2);
        assertThat(t2.distribution().perCapitaIncome()).isCloseTo(60_000, within(1e-9));
        assertThat(t2.monitored().figure()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(t2.relationshipAccurate().figure()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.of(Breakdown.VILLAGE)).containsOnlyKeys(V1, V2);
        assertThat(r.of(Breakdown.URBAN_RURAL).get(CountyPersons.RURAL).distribution().perCapitaIncome())
                .isCloseTo(60_000, within(1e-9));
        assertThat(r.of(Breakdown.SEX).get("M").distribution().perCapitaIncome()).isCloseTo(155_000.0 / 3, within(1e-9));
        assertThat(r.of(Breakdown.SEX).get("F").distribution().perCapitaIncome()).isCloseTo(145_000.0 / 3, within(1e-9));
        // a family split by sex: F1's members are in both groups, each with F1's per-capita DI
        assertThat(r.of(Breakdown.SEX).get("F").distribution().households()).isEqualTo(3);
        assertThat(r.of(Breakdown.AGE_GROUP).keySet()).containsExactly("0-15", "16-29", "30-44", "45-59", "60+");
        assertThat(r.of(Breakdown.AGE_GROUP).get("30-44").distribution().weightedPersons()).isEqualTo(2);
        assertThat(r.of(Breakdown.AGE_GROUP).get("60+").distribution().perCapitaIncome()).isCloseTo(30_000, within(1e-9));
    }

    @Test
    void unknownAttributesFallInTheUnknownGroupAndOnlyAskedBreakdownsAreComputed() {
        CountyPersons.Builder b = CountyPersons.builder();
        int f = b.addFamily("F");
        b.addIncome(f, 50_000);
        b.addPerson(f, 2.5, -1, null, null, null, null, false, false);
        b.addPerson(f, 2.5, 33, "M", T1, V1, true, true, true);
        CountySettings s = ShippedIncome.county().withBreakdowns(EnumSet.of(Breakdown.AGE_GROUP, Breakdown.URBAN_RURAL));
        CountyReport r = CountyIndicators.compute(b.build(), s);
        assertThat(r.groups()).containsOnlyKeys(Breakdown.COUNTY, Breakdown.AGE_GROUP, Breakdown.URBAN_RURAL);
        assertThat(r.of(Breakdown.AGE_GROUP).keySet()).containsExactly("30-44", CountyPersons.UNKNOWN);
        assertThat(r.of(Breakdown.URBAN_RURAL).get(CountyPersons.UNKNOWN).distribution().weightedPersons()).isEqualTo(2.5);
        assertThat(r.county().monitored().figure()).isEqualTo(0.5);
        assertThat(r.county().urbanRuralRatio()).isNaN(); // no rural person
    }

    @Test
    void ageGroupsAreConfigurable() {
        AgeGroups g = new AgeGroups(List.of(0, 18, 65));
        assertThat(g.labels()).containsExactly("0-17", "18-64", "65+");
        assertThat(g.labelOf(17)).isEqualTo("0-17");
        assertThat(g.labelOf(65)).isEqualTo("65+");
        assertThat(g.labelOf(-1)).isEqualTo(CountyPersons.UNKNOWN);
        assertThatThrownBy(() -> new AgeGroups(List.of(5, 10))).hasMessageContaining("start at 0");
        assertThatThrownBy(() -> new AgeGroups(List.of(0, 10, 10))).hasMessageContaining("increase");
        assertThat(Breakdown.parse("urban-rural")).isEqualTo(Breakdown.URBAN_RURAL);
        assertThat(Breakdown.parse("age")).isEqualTo(Breakdown.AGE_GROUP);
    }
}
