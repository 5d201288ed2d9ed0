package org.olive.pipeline.income;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.olive.income.Component;
import org.olive.income.Method;

/** Pilot indicator 5's rule (domain.md §7): each component precise, or estimated within the configured width. */
class MonitoringRuleTest {

    private static IncomeStep.Item precise(Component c, double amount) {
        return new IncomeStep.Item(1, c, "iit_wages", "income_iit", Method.PRECISE, amount, 12, 12, "", 1.0, null, null);
    }

    private static IncomeStep.Item estimated(Component c, double amount, double low, double high) {
        return new IncomeStep.Item(1, c, "model", "", Method.ESTIMATED, amount, 0, 0, "", 0.6, low, high);
    }

    @Test
    void preciseComponentsAreMonitored() {
        assertThat(IncomeStep.narrow(List.of(precise(Component.WAGE, 60_000), precise(Component.TRANSFER_OUT, 5_000)),
                20_000)).isTrue();
    }

    @Test
    void eachEstimatedComponentIsTestedOnItsOwnWidth() {
        // wage ±9,000 (18,000 wide) and property ±4,000: each within 20,000, although the DI interval is 26,000 wide
        assertThat(IncomeStep.narrow(List.of(precise(Component.WAGE, 40_000),
                estimated(Component.WAGE, 10_000, 1_000, 19_000),
                estimated(Component.PROPERTY, 4_000, 0, 8_000)), 20_000)).isTrue();
        // a wage estimate 30,000 wide is not monitored
        assertThat(IncomeStep.narrow(List.of(estimated(Component.WAGE, 20_000, 5_000, 35_000)), 20_000)).isFalse();
    }
}
