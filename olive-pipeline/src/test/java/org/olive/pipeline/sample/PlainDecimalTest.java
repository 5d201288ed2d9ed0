package org.olive.pipeline.sample;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written check of plain decimals accepts exactly what the documented pattern accepts. */
class PlainDecimalTest {

    @Property(tries = 3000)
    void agreesWithThePattern(@ForAll("numberish") String s) {
        assertThat(SampleReader.plainDecimal(s)).as("'" + s + "'").isEqualTo(SampleReader.DECIMAL.matcher(s).matches());
    }

    @Provide
    Arbitrary<String> numberish() {
        return Arbitraries.strings().withChars("0123456789+-.e, ").ofMinLength(0).ofMaxLength(8);
    }

    @Test
    void examples() {
        assertThat(SampleReader.plainDecimal("12.50")).isTrue();
        assertThat(SampleReader.plainDecimal("-.5")).isTrue();
        assertThat(SampleReader.plainDecimal("+7.")).isTrue();
        assertThat(SampleReader.plainDecimal(".")).isFalse();
        assertThat(SampleReader.plainDecimal("-")).isFalse();
        assertThat(SampleReader.plainDecimal("1e5")).isFalse();
        assertThat(SampleReader.plainDecimal("1,000")).isFalse();
        assertThat(SampleReader.plainDecimal("")).isFalse();
    }
}
