package org.olive.whatif;

import org.junit.jupiter.api.Test;
import org.olive.income.Component;
import org.olive.period.Period;

import java.time.YearMonth;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioLoaderTest {

    static final Vocabulary V = new Vocabulary(Set.of("fishery_crew", "vessel_owner", "bnb", "assistance"),
            Set.of("fishery_worker"), Set.of("330922100", "330922100001"));

    static Scenario read(String text) {
        return ScenarioLoader.read(text, "s.yaml", "s", V);
    }

    static ScenarioException fails(String text) {
        try {
            read(text);
        } catch (ScenarioException e) {
            return e;
        }
        throw new AssertionError("expected a ScenarioException for:\n" + text);
    }

    @Test
    void readsShocksWithTheirFiltersAndFactors() {
        Scenario s = read("""
                name: moratorium
                title: 休渔
                shocks:
                  - sources: [fishery_crew, vessel_owner]
                    change: -30%
                    months: 2025-05..2025-09
                    groups: [fishery_worker]
                    areas: [330922100]
                  - line: dibao
                    factor: 1.1
                  - component: transfer
                    sources: assistance
                    amount: 100
                """);
        assertThat(s.name()).isEqualTo("moratorium");
        assertThat(s.shocks()).hasSize(3);
        Shock a = s.shocks().get(0);
        assertThat(a.sources()).containsExactly("fishery_crew", "vessel_owner");
        assertThat(a.factor()).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(a.from()).isEqualTo(YearMonth.of(2025, 5));
        assertThat(a.to()).isEqualTo(YearMonth.of(2025, 9));
        assertThat(a.yamlLine()).isEqualTo(4);
        assertThat(a.groups()).containsExactly("fishery_worker");
        assertThat(a.monthsIn(Period.parse("2025-12"))).isEqualTo(5);
        assertThat(a.monthsIn(Period.parse("2025-07"))).isEqualTo(3);
        assertThat(a.monthsIn(Period.parse("2025-03"))).isZero();
        // a factor acts on the months' share of the 12-month amount; an amount adds per month
        assertThat(a.delta(1200, Period.parse("2025-12"))).isCloseTo(-150, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.shocks().get(2).component()).isEqualTo(Component.TRANSFER_IN);
        assertThat(s.shocks().get(2).delta(5000, Period.parse("2025-12"))).isEqualTo(1200);
        assertThat(s.dibaoFactor()).isEqualTo(1.1);
        assertThat(s.changesLines()).isTrue();
    }

    @Test
    void unknownNamesAreRejectedWithTheFileTheLineAndTheReason() {
        ScenarioException e = fails("""
                name: x
                shocks:
                  - sources: [fishery_crew,
                              fishing]
                    change: -30%
                """);
        assertThat(e.getMessage()).startsWith("s.yaml:4: ").contains("unknown income source 'fishing'");
        assertThat(fails("""
                shocks:
                  - sources: [bnb]
                    change: -50%
                    groups: [pirates]
                """).getMessage()).startsWith("s.yaml:4: ").contains("unknown group 'pirates'");
        assertThat(fails("""
                shocks:
                  - sources: [bnb]
                    change: -50%
                    areas: [330922999]
                """).getMessage()).startsWith("s.yaml:4: ").contains("unknown area '330922999'");
        assertThat(fails("""
                shocks:
                  - component: salary
                    change: -50%
                """).getMessage()).startsWith("s.yaml:2: ").contains("unknown component 'salary'");
        assertThat(fails("""
                shocks:
                  - line: tekun_plus
                    change: +5%
                """).getMessage()).startsWith("s.yaml:2: ").contains("unknown line");
        assertThat(fails("""
                shocks:
                  - sources: [bnb]
                    colour: red
                    change: -5%
                """).getMessage()).startsWith("s.yaml:3: ").contains("unknown key 'colour'");
    }

    @Test
    void badValuesAreRejectedWithTheirLine() {
        assertThat(fails("""
                shocks:
                  - sources: [bnb]
                    change: minus thirty
                """).getMessage()).startsWith("s.yaml:3: ").contains("percentage");
        assertThat(fails("""
                shocks:
                  - sources: [bnb]
                    change: -30%
                    factor: 0.5
                """).getMessage()).startsWith("s.yaml:2: ").contains("exactly one of change, factor and amount");
        assertThat(fails("""
                shocks:
                  - sources: [bnb]
                    factor: 0.5
                    months: 2025-13..2025-14
                """).getMessage()).startsWith("s.yaml:4: ").contains("months");
        assertThat(fails("""
                shocks:
                  - sources: [bnb]
                    factor: 0.5
                    months: 2025-09..2025-05
                """).getMessage()).contains("is after");
        assertThat(fails("name: x\n").getMessage()).contains("at least one shock");
        assertThat(fails("shocks: [\n").getMessage()).startsWith("s.yaml:").contains("not valid YAML");
        assertThat(fails("""
                shocks:
                  - line: dibao
                    sources: [bnb]
                    change: +5%
                """).getMessage()).startsWith("s.yaml:2: ").contains("line shock");
    }
}
