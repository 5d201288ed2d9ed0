package org.olive.period;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {
    @Test
    void parsesAndRanges() {
        assertThat(Period.range(Period.parse("2023-01"), Period.parse("2025-12"))).hasSize(36);
        assertThat(Period.parse("2024-02").lastDay().getDayOfMonth()).isEqualTo(29);
        assertThatThrownBy(() -> Period.parse("2024/02")).hasMessageContaining("YYYY-MM");
        assertThatThrownBy(() -> Period.range(Period.parse("2024-02"), Period.parse("2024-01"))).hasMessageContaining("before");
    }
}
