package org.olive.indicator;

import org.junit.jupiter.api.Test;
import org.olive.income.ShippedIncome;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The breakdown by key group (KEY_GROUP): each group over its members with their family's figures, a person in two
 * groups counted in both, a person in none in none, a declared group without members kept with zero persons, design
 * weights on a sample.
 */
class KeyGroupIndicatorsTest {

    /**
     * The six persons of {@link CountyIndicatorsTest#county()} (F1 per capita 40 000: persons 0, 1, 2; F2 30 000:
     * person 3; F3 75 000: persons 4, 5) with groups a = {0, 4}, b = {3, 4}, c declared and empty; 1, 2 and 5 in none.
     */
    static CountyPersons county() {
        CountyPersons.Builder b = CountyPersons.builder();
        b.keyGroups(List.of("a", "b", "c"));
        int f1 = b.addFamily("F1");
        b.addIncome(f1, 120_000);
        b.addPerson(f1, 1, 40, "M", CountyIndicatorsTest.T1, CountyIndicatorsTest.V1, true, true, true);
        b.addPerson(f1, 1, 38, "F", CountyIndicatorsTest.T1, CountyIndicatorsTest.V1, true, true, true);
        b.addPerson(f1, 1, 10, "M", CountyIndicatorsTest.T1, CountyIndicatorsTest.V1, true, false, true);
        int f2 = b.addFamily("F2");
        b.addIncome(f2, 30_000);
        b.addPerson(f2, 1, 70, "F", CountyIndicatorsTest.T2, CountyIndicatorsTest.V2, false, true, false);
        int f3 = b.addFamily("F3");
        b.addIncome(f3, 150_000);
        b.addPerson(f3, 1, 50, "M", CountyIndicatorsTest.T2, CountyIndicatorsTest.V2, false, false, true);
        b.addPerson(f3, 1, 20, "F", CountyIndicatorsTest.T2, CountyIndicatorsTest.V2, false, false, true);
        b.addMembership(0, "a").addMembership(4, "a");
        b.addMembership(4, "b").addMembership(3, "b").addMembership(3, "b"); // given twice: counted once
        return b.build();
    }

    @Test
    void aPersonInTwoGroupsCountsInBothAndAPersonInNoneInNone() {
        CountyReport r = CountyIndicators.compute(county(), ShippedIncome.county());
        assertThat(r.of(Breakdown.KEY_GROUP).keySet()).containsExactly("a", "b", "c"); // declared order
        GroupIndicators a = r.of(Breakdown.KEY_GROUP).get("a");
        assertThat(a.distribution().persons()).isEqualTo(2);
        assertThat(a.distribution().households()).isEqualTo(2);
        // members with their family's per-capita DI: (40 000 + 75 000) / 2
        assertThat(a.distribution().perCapitaIncome()).isCloseTo(57_500, within(1e-9));
        assertThat(a.urbanRuralRatio()).isCloseTo(40_000.0 / 75_000, within(1e-12));
        // family of three 120 000 and 225 000: both in 10–50万, only person 4 in 20–60万
        assertThat(a.bracket("10-50万").figure()).isCloseTo(1.0, within(1e-12));
        assertThat(a.bracket("20-60万").figure()).isCloseTo(0.5, within(1e-12));
        assertThat(a.monitored().figure()).isCloseTo(0.5, within(1e-12)); // person 0 monitored, person 4 not
        assertThat(a.distribution().gini()).isCloseTo(100 * 70.0 / 460, within(1e-9)); // Σ|xi − xj| / (2 n² mean)
        GroupIndicators b = r.of(Breakdown.KEY_GROUP).get("b");
        assertThat(b.distribution().persons()).isEqualTo(2);
        assertThat(b.distribution().perCapitaIncome()).isCloseTo(52_500, within(1e-9));
        // person 4 is in both; persons 1, 2 and 5 in neither: the groups do not add up to the county
        double members = r.of(Breakdown.KEY_GROUP).values().stream().mapToDouble(g -> g.distribution().weightedPersons()).sum();
        assertThat(members).isEqualTo(4);
        assertThat(r.county().distribution().weightedPersons()).isEqualTo(6);
        assertThat(Breakdown.KEY_GROUP.partition()).isFalse();
    }

    @Test
    void aDeclaredGroupWithoutMembersHasZeroPersonsAndUndefinedFigures() {
        GroupIndicators c = CountyIndicators.compute(county(), ShippedIncome.county()).of(Breakdown.KEY_GROUP).get("c");
        assertThat(c.distribution().persons()).isZero();
        assertThat(c.distribution().weightedPersons()).isZero();
        assertThat(c.distribution().perCapitaIncome()).isNaN();
        assertThat(c.distribution().gini()).isNaN();
        assertThat(c.monitored().figure()).isNaN();
        assertThat(c.bracket("10-50万").figure()).isNaN();
    }

    @Test
    void onTheSampleEachMemberCountsWithTheirDesignWeight() {
        CountyPersons.Builder b = CountyPersons.builder();
        b.keyGroups(List.of("hardship"));
        int s1 = b.addFamily("S1");
        b.addIncome(s1, 80_000);
        int p1 = b.addPerson(s1, 100, 40, "M", null, null, true, false, false);
        b.addPerson(s1, 100, 38, "F", null, null, true, false, false);
        int s2 = b.addFamily("S2");
        b.addIncome(s2, 30_000);
        int p3 = b.addPerson(s2, 300, 70, "F", null, null, false, false, false);
        b.addMembership(p1, "hardship").addMembership(p3, "hardship");
        CountySettings settings = ShippedIncome.county().withBreakdowns(EnumSet.of(Breakdown.KEY_GROUP));
        GroupIndicators g = CountyIndicators.compute(b.build(), settings).of(Breakdown.KEY_GROUP).get("hardship");
        assertThat(g.distribution().persons()).isEqualTo(2);
        assertThat(g.distribution().weightedPersons()).isEqualTo(400);
        // (100 × 40 000 + 300 × 30 000) / 400
        assertThat(g.distribution().perCapitaIncome()).isCloseTo(32_500, within(1e-9));
        assertThat(g.urbanRuralRatio()).isCloseTo(40_000.0 / 30_000, within(1e-12));
        // the small-cell rule counts sample persons, not weights
        assertThat(settings.withMinSamplePersons(2).reliable(g)).isTrue();
        assertThat(settings.withMinSamplePersons(3).reliable(g)).isFalse();
        assertThat(settings.reliable(g)).isTrue(); // 0: no rule
    }

    @Test
    void aGroupNotDeclaredComesAfterTheDeclaredOnesAndKeyGroupIsNoPartition() {
        CountyPersons.Builder b = CountyPersons.builder();
        b.keyGroups(List.of("z"));
        int f = b.addFamily("F");
        b.addIncome(f, 10_000);
        int p = b.addPerson(f, 1, 30, "M", null, null, null, false, false);
        b.addMembership(p, "a");
        CountyPersons persons = b.build();
        assertThat(persons.keyGroups()).containsExactly("z", "a");
        assertThat(persons.members(1)).containsExactly(p);
        assertThatThrownBy(() -> persons.group(Breakdown.KEY_GROUP, p, AgeGroups.defaults()))
                .hasMessageContaining("no partition");
        assertThatThrownBy(() -> CountyPersons.builder().addMembership(0, "a")).hasMessageContaining("no person 0");
        assertThat(Breakdown.parse("key_group")).isEqualTo(Breakdown.KEY_GROUP);
        assertThat(Breakdown.parse("key-group")).isEqualTo(Breakdown.KEY_GROUP);
    }
}
