package org.olive.identity;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumberTest {

    @Test
    void acceptsPublishedExample() {
        // GB 11643-1999 appendix example: 11010519491231002X
        IdNumber.ParseResult r = IdNumber.parse("11010519491231002X");
        assertThat(r.valid()).isTrue();
        assertThat(r.id().birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(r.id().male()).isFalse();
        assertThat(r.id().addressCode()).isEqualTo("110105");
    }

    @Test
    void acceptsLowerCaseXAndWhitespace() {
        assertThat(IdNumber.parse(" 11010519491231002x ").valid()).isTrue();
    }

    @Test
    void rejectsWrongCheckCharacterWithReason() {
        IdNumber.ParseResult r = IdNumber.parse("110105194912310021");
        assertThat(r.valid()).isFalse();
        assertThat(r.error()).contains("expected X");
    }

    @Test
    void rejectsImpossibleBirthDate() {
        String body = "33092219870230123";
        IdNumber.ParseResult r = IdNumber.parse(body + IdNumber.checkChar(body));
        assertThat(r.valid()).isFalse();
        assertThat(r.error()).contains("not a calendar date");
    }

    @Test
    void rejectsWrongLengthAndLetters() {
        assertThat(IdNumber.parse("12345").error()).contains("18 characters");
        assertThat(IdNumber.parse("3309221987A2301234").error()).contains("non-digit");
        assertThat(IdNumber.parse("").error()).contains("empty");
        assertThat(IdNumber.parse(null).valid()).isFalse();
    }

    @Test
    void upgradesLegacy15DigitNumber() {
        // 15-digit 110105491231002 → 11010519491231002X
        IdNumber.ParseResult r = IdNumber.parse("110105491231002");
        assertThat(r.valid()).isTrue();
        assertThat(r.upgradedFrom15()).isTrue();
        assertThat(r.id().value()).isEqualTo("11010519491231002X");
    }

    @Test
    void masksForDisplay() {
        assertThat(IdNumber.of("11010519491231002X").masked()).isEqualTo("110105********002X");
        assertThat(IdNumber.of("11010519491231002X").toString()).doesNotContain("19491231");
        assertThat(IdNumber.mask("12345")).isEqualTo("*****");
    }

    @Property
    void composedNumbersRoundTrip(@ForAll @IntRange(min = 0, max = 40000) int day, @ForAll @IntRange(min = 0, max = 499) int seq,
                                  @ForAll boolean male) {
        LocalDate birth = LocalDate.of(1920, 1, 1).plusDays(day);
        IdNumber id = IdNumber.compose("330922", birth, seq, male);
        IdNumber.ParseResult r = IdNumber.parse(id.value());
        assertThat(r.valid()).isTrue();
        assertThat(r.id().birthDate()).isEqualTo(birth);
        assertThat(r.id().male()).isEqualTo(male);
    }

    @Property
    void anySingleDigitChangeIsDetected(@ForAll @IntRange(min = 0, max = 16) int pos, @ForAll @IntRange(min = 1, max = 9) int delta) {
        String v = IdNumber.compose("330922", LocalDate.of(1975, 6, 15), 123, true).value();
        char c = (char) ('0' + ((v.charAt(pos) - '0' + delta) % 10));
        String changed = v.substring(0, pos) + c + v.substring(pos + 1);
        assertThat(IdNumber.parse(changed).valid()).isFalse();
    }
}
