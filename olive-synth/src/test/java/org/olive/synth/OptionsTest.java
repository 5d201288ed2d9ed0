package org.olive.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.olive.period.Period;

class OptionsTest {

    @Test
    void defaultsMatchTheContract() {
        SynthOptions o = SynthOptions.defaults(Path.of("/tmp/x"));
        assertThat(o.seed()).isEqualTo(20230101L);
        assertThat(o.persons()).isEqualTo(76_000);
        assertThat(o.from()).isEqualTo(Period.of(2023, 1));
        assertThat(o.to()).isEqualTo(Period.of(2025, 12));
        assertThat(o.faults()).isEqualTo(FaultRates.defaults());
        assertThat(o.touristVisitsPerYear()).isEqualTo(1_000_000);
    }

    @Test
    void rejectsTooFewPersons() {
        assertThatThrownBy(() -> SynthOptions.defaults(Path.of("/tmp/x")).withPersons(99))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("persons");
    }

    @Test
    void rejectsEndBeforeStart() {
        assertThatThrownBy(() -> SynthOptions.defaults(Path.of("/tmp/x")).withPeriods(Period.of(2024, 5), Period.of(2024, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
    }

    @Test
    void rejectsRatesOutsideZeroToOne() {
        assertThatThrownBy(() -> new FaultRates(2, 0, 0, 0, 0, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
