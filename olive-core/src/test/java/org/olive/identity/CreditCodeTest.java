package org.olive.identity;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreditCodeTest {

    @Test
    void acceptsRealPublishedCodes() {
        // Published codes of well-known enterprises (public registration data).
        assertThat(CreditCode.parse("91350100M000100Y43").valid()).isTrue();
        assertThat(CreditCode.parse("91110000802100433B").valid()).isTrue();
    }

    @Test
    void organisationCodeCheckFollowsGb11714() {
        // GB 11714 example: D2143569 → check character X
        assertThat(CreditCode.orgCheckChar("D2143569")).isEqualTo('X');
    }

    @Test
    void rejectsBadCheckAndAlphabet() {
        assertThat(CreditCode.parse("91350100M000100Y44").error()).contains("expected 3");
        assertThat(CreditCode.parse("91350100M000100YI3").error()).contains("alphabet");
        assertThat(CreditCode.parse("9135").error()).contains("18 characters");
    }

    @Test
    void knowsTheEntityKind() {
        assertThat(CreditCode.compose(CreditCode.Kind.INDIVIDUAL_BUSINESS, "330922", 42).kind())
                .isEqualTo(CreditCode.Kind.INDIVIDUAL_BUSINESS);
        assertThat(CreditCode.compose(CreditCode.Kind.ENTERPRISE, "330922", 42).divisionCode()).isEqualTo("330922");
    }

    @Property
    void composedCodesAreValid(@ForAll @LongRange(min = 0, max = 99_999_999L) long serial, @ForAll @IntRange(min = 0, max = 2) int k) {
        CreditCode c = CreditCode.compose(CreditCode.Kind.values()[k], "330922", serial);
        assertThat(CreditCode.parse(c.value()).valid()).isTrue();
    }
}
