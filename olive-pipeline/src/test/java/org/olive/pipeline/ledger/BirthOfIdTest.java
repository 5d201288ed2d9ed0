package org.olive.pipeline.ledger;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class BirthOfIdTest {

    @Test
    void readsTheBirthDateOfAnEighteenCharacterIdAndRefusesImpossibleDates() {
        assertThat(PresenceStep.birthOfId("330922198708310053")).isEqualTo(LocalDate.of(1987, 8, 31));
        assertThat(PresenceStep.birthOfId("33092220000229001X")).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(PresenceStep.birthOfId("330922190002290011")).isNull(); // 1900 is not a leap year
        assertThat(PresenceStep.birthOfId("330922198713010053")).isNull();
        assertThat(PresenceStep.birthOfId("330922198700010053")).isNull();
        assertThat(PresenceStep.birthOfId("3309221987A8310053")).isNull();
        assertThat(PresenceStep.birthOfId("330922870831005")).isNull();
        assertThat(PresenceStep.birthOfId(null)).isNull();
    }
}
