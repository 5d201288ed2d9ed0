package org.olive.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void masks18CharacterIdsAnywhereInText() {
        assertThat(Masking.ids("330922198612120039")).isEqualTo("330922********0039");
        assertThat(Masking.ids("duplicate key person_id=33092219730923002X (first seen at row 839)"))
                .isEqualTo("duplicate key person_id=330922********002X (first seen at row 839)");
        assertThat(Masking.ids("33092219620919003x,张三")).isEqualTo("330922********003x,张三");
        assertThat(Masking.ids("a 330922198612120039,b 411526199008070026"))
                .isEqualTo("a 330922********0039,b 411526********0026");
        assertThat(Masking.ids("公民身份号码330922198612120039有误")).isEqualTo("公民身份号码330922********0039有误");
    }

    @Test
    void masks15DigitLegacyIds() {
        assertThat(Masking.ids("330922861212003")).isEqualTo("330922*****2003");
        assertThat(Masking.ids("old id 330922861212003 upgraded")).isEqualTo("old id 330922*****2003 upgraded");
    }

    @Test
    void leavesOtherNumbersAlone() {
        assertThat(Masking.ids("331200000019,330922101208,202312,226,6.9")).isEqualTo("331200000019,330922101208,202312,226,6.9");
        // 16, 17 and 19 digits are not ID numbers
        assertThat(Masking.ids("1234567890123456 12345678901234567 1234567890123456789"))
                .isEqualTo("1234567890123456 12345678901234567 1234567890123456789");
        assertThat(Masking.ids("330922200202GB00000197")).isEqualTo("330922200202GB00000197");
        assertThat(Masking.ids("value 1209232.00 is outside the plausible range [1, 100000]"))
                .isEqualTo("value 1209232.00 is outside the plausible range [1, 100000]");
        assertThat(Masking.ids(null)).isNull();
        assertThat(Masking.ids("")).isEmpty();
    }

    @Test
    void holdsIdFindsWhatIsLeft() {
        assertThat(Masking.holdsId("x 330922198612120039")).isTrue();
        assertThat(Masking.holdsId(Masking.ids("x 330922198612120039 y 330922861212003"))).isFalse();
    }
}
