package org.olive.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.olive.period.Period;
import org.olive.synth.truth.CountyStats;

/**
 * On a mid-size county (20,000 registered) the 2022 figures (end of the warm-up) match the seed's baseline:
 * per-capita DI 58,000 ± 8%, urban/rural ratio 1.30–1.60, 10–50万 share 0.62–0.78, 20–60万 share 0.25–0.40.
 */
class CalibrationTest {

    @Test
    void the2022FiguresMatchTheSeedBaseline() throws Exception {
        SynthReport r = Counties.midsize();
        CountyStats c = r.calibration();
        assertThat(c.period()).isEqualTo(Period.of(2022, 12));
        assertThat(c.perCapitaDi()).isCloseTo(58_000, within(58_000 * 0.08));
        assertThat(c.urbanRuralRatio()).isBetween(1.30, 1.60);
        assertThat(c.share10to50()).isBetween(0.62, 0.78);
        assertThat(c.share20to60()).isBetween(0.25, 0.40);
        assertThat(c.shareBelowDibao()).isBetween(0.001, 0.05);
        assertThat(c.shareBelowDibian()).isGreaterThan(c.shareBelowDibao()).isLessThan(0.2);
        assertThat(r.summary()).contains("58,000", "1.45", "70%", "32%", "城乡居民收入倍差");
    }

    @Test
    void incomesGrowAfter2022() throws Exception {
        SynthReport r = Counties.midsize();
        assertThat(r.last().perCapitaDi()).isGreaterThan(r.calibration().perCapitaDi() * 0.99);
    }
}
