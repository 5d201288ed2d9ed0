package org.olive.whatif;

import org.junit.jupiter.api.Test;
import org.olive.income.Component;
import org.olive.income.FamilyIncome;
import org.olive.period.Period;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** FGT, the gap cost and Gini on tiny hand-computed examples, and the shocks on a household's items. */
class PovertyAndMeasuresTest {

    @Test
    void fgtAgainstEachUnitsOwnLine() {
        // units: 50 against 100 (gap .5), 90 against 100 (gap .1), 200 against 150 (not poor); weights 2, 1, 1
        double[] y = {50, 90, 200};
        double[] z = {100, 100, 150};
        double[] w = {2, 1, 1};
        assertThat(Poverty.fgt(y, z, w, 0)).isCloseTo(3.0 / 4, offset(1e-12));
        assertThat(Poverty.fgt(y, z, w, 1)).isCloseTo((2 * 0.5 + 0.1) / 4, offset(1e-12));
        assertThat(Poverty.fgt(y, z, w, 2)).isCloseTo((2 * 0.25 + 0.01) / 4, offset(1e-12));
        // gap cost: (100 − 50) × 2 + (100 − 90) × 1
        assertThat(Poverty.gapCost(y, z, w)).isCloseTo(110, offset(1e-9));
        // a unit exactly on its line is not poor
        assertThat(Poverty.fgt(new double[] {100}, new double[] {100}, new double[] {1}, 0)).isZero();
    }

    @Test
    void measuresOfUnits() {
        List<Measures.Unit> units = List.of(
                new Measures.Unit(0, 100, 1, Set.of("dibao", "dibian"), "RED"),
                new Measures.Unit(100, 100, 1, Set.of("middle"), "GREEN"));
        Measures m = Measures.of(units, List.of("middle"));
        // two persons with 0 and 100: Gini = Σ|xi − xj| / (2 n² mean) = 200 / (2 · 4 · 50) = 0.5
        assertThat(m.gini()).isCloseTo(0.5, offset(1e-12));
        assertThat(m.meanPerCapita()).isEqualTo(50);
        assertThat(m.fgt0()).isEqualTo(0.5);
        assertThat(m.fgt1()).isEqualTo(0.5);
        assertThat(m.belowDibao()).isEqualTo(1);
        assertThat(m.brackets()).containsEntry("middle", 0.5);
        assertThat(m.red()).isEqualTo(1);
        assertThat(m.gapCost()).isEqualTo(100);
    }

    @Test
    void shocksActOnlyOnMatchingItemsGroupsAndAreas() {
        Household.Resident fisher = new Household.Resident(1, 12_000, 12_000, 12_000, List.of(
                new Household.Item(Component.WAGE, "fishery_crew", 12_000)), Set.of("fishery_worker"));
        Household.Resident clerk = new Household.Resident(2, 24_000, 20_000, 30_000, List.of(
                new Household.Item(Component.WAGE, "iit_wages", 26_000),
                new Household.Item(Component.TRANSFER_OUT, "iit_tax", 2_000)), Set.of());
        Household h = new Household("F1", "330922100", "330922100001", false, List.of(fisher, clerk));
        Scenario s = ScenarioLoader.read("""
                shocks:
                  - sources: [fishery_crew]
                    change: -30%
                    months: 2025-05..2025-09
                  - sources: [iit_tax]
                    factor: 2
                  - sources: [iit_wages]
                    factor: 0
                    areas: [330922101]
                """, "s.yaml", "s", new Vocabulary(Set.of("fishery_crew", "iit_wages", "iit_tax"), Set.of(),
                Set.of("330922100", "330922101")));
        Household.Shocked x = h.apply(s, Period.parse("2025-12"));
        List<FamilyIncome.Member> m = x.members();
        // fishery: 12,000 × −0.3 × 5/12 = −1,500
        assertThat(m.get(0).disposable()).isCloseTo(10_500, offset(1e-9));
        // tax doubled: −2,000 of DI; the wage shock is for another township
        assertThat(m.get(1).disposable()).isCloseTo(22_000, offset(1e-9));
        assertThat(m.get(1).low()).isCloseTo(18_000, offset(1e-9));
        assertThat(x.total()).isCloseTo(-3_500, offset(1e-9));
        assertThat(x.deltas()).hasSize(2);
        // the zero shock keeps the stored figures
        Household.Shocked zero = h.apply(ScenarioLoader.read("shocks:\n  - sources: [fishery_crew]\n    factor: 1\n",
                "z.yaml", "z", new Vocabulary(Set.of("fishery_crew"), Set.of(), Set.of())), Period.parse("2025-12"));
        assertThat(zero.members()).isEqualTo(h.members());
        assertThat(zero.deltas()).isEmpty();
        // groups restrict to members
        Household.Shocked grouped = h.apply(ScenarioLoader.read("shocks:\n  - component: wage\n    factor: 0\n"
                + "    groups: [fishery_worker]\n", "g.yaml", "g", new Vocabulary(Set.of(), Set.of("fishery_worker"),
                Set.of())), Period.parse("2025-12"));
        assertThat(grouped.members().get(0).disposable()).isZero();
        assertThat(grouped.members().get(1).disposable()).isEqualTo(24_000);
    }
}
