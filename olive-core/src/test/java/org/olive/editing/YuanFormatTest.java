package org.olive.editing;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-built money text is exactly what Formatter's %,.2f writes. */
class YuanFormatTest {

    @Property(tries = 5000)
    void sameAsFormatter(@ForAll @DoubleRange(min = -1e12, max = 1e12) double v) {
        assertThat(Slips.yuan(v)).isEqualTo(String.format(Locale.ROOT, "%,.2f", v));
    }

    @Property(tries = 3000)
    void sameAsFormatterForCents(@ForAll @DoubleRange(min = -100000, max = 100000) double v) {
        double cents = Math.round(v * 1000) / 1000.0; // values on and around the half-cent
        assertThat(Slips.yuan(cents)).isEqualTo(String.format(Locale.ROOT, "%,.2f", cents));
    }

    @Test
    void examples() {
        assertThat(Slips.yuan(1300010)).isEqualTo("1,300,010.00");
        assertThat(Slips.yuan(-1234.005)).isEqualTo(String.format(Locale.ROOT, "%,.2f", -1234.005));
        assertThat(Slips.yuan(0.125)).isEqualTo(String.format(Locale.ROOT, "%,.2f", 0.125));
        assertThat(Slips.yuan(999.995)).isEqualTo(String.format(Locale.ROOT, "%,.2f", 999.995));
        assertThat(Slips.yuan(0)).isEqualTo("0.00");
        assertThat(Slips.yuan(-0.0)).isEqualTo(String.format(Locale.ROOT, "%,.2f", -0.0));
        assertThat(Slips.yuan(-0.001)).isEqualTo(String.format(Locale.ROOT, "%,.2f", -0.001));
    }
}
