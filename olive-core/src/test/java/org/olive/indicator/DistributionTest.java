package org.olive.indicator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Hand-computed cases; the arithmetic is in the comments. */
class DistributionTest {

    private final Distribution oneToFive = Distribution.of(new double[]{5, 3, 1, 4, 2});

    @Test
    void quantilesFollowTheEuSilcRule() {
        // cumulative weights 1..5; p=0.5 → target 2.5 → first cw ≥ 2.5 is the 3rd person
        assertThat(oneToFive.median()).isEqualTo(3);
        // p=0.4 → target exactly 2 → mean of the 2nd and 3rd incomes
        assertThat(oneToFive.quantile(0.4)).isEqualTo(2.5);
        assertThat(oneToFive.quantile(0.2)).isEqualTo(1.5);
        assertThat(oneToFive.quantile(0)).isEqualTo(1);
        assertThat(oneToFive.quantile(1)).isEqualTo(5);
    }

    @Test
    void giniOfOneToFive() {
        // Σ|xi−xj| over ordered pairs = 40; G = 40 / (2 · 5² · 3) = 0.2667
        assertThat(oneToFive.gini()).isCloseTo(26.6667, within(1e-3));
        assertThat(Distribution.of(new double[]{7, 7, 7}).gini()).isCloseTo(0, within(1e-12));
    }

    @Test
    void weightsActLikeRepeatedPersons() {
        Distribution weighted = Distribution.of(new double[]{1, 2}, new double[]{3, 1});
        Distribution repeated = Distribution.of(new double[]{1, 1, 1, 2});
        assertThat(weighted.gini()).isCloseTo(repeated.gini(), within(1e-12));
        assertThat(weighted.median()).isEqualTo(repeated.median());
        assertThat(weighted.mean()).isEqualTo(1.25);
    }

    @Test
    void quintileShareAndPalma() {
        // P80 = (4+5)/2 = 4.5 → above: 5; P20 = 1.5 → at or below: 1
        assertThat(oneToFive.s80s20()).isEqualTo(5);
        Distribution oneToTen = Distribution.of(new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        // above P90 = 9.5: 10; at or below P40 = 4.5: 1+2+3+4 = 10
        assertThat(oneToTen.palma()).isEqualTo(1.0);
        // P90 = 9.5, P10 = 1.5
        assertThat(oneToTen.p90p10()).isCloseTo(9.5 / 1.5, within(1e-12));
        // undefined when the bottom is not positive
        Distribution withZeros = Distribution.of(new double[]{0, 0, 0, 1, 2});
        assertThat(withZeros.p90p10()).isNaN();
        assertThat(withZeros.s80s20()).isNaN();
    }

    @Test
    void theilAndMeanLogDeviation() {
        Distribution d = Distribution.of(new double[]{1, 3});
        // μ = 2: T = (0.5 ln 0.5 + 1.5 ln 1.5) / 2
        assertThat(d.theil()).isCloseTo((0.5 * Math.log(0.5) + 1.5 * Math.log(1.5)) / 2, within(1e-12));
        // MLD = (ln 2 + ln 2/3) / 2
        assertThat(d.meanLogDeviation()).isCloseTo((Math.log(2) + Math.log(2.0 / 3)) / 2, within(1e-12));
        Distribution withZero = Distribution.of(new double[]{0, 1, 3});
        assertThat(withZero.theil()).isCloseTo(d.theil(), within(1e-12));
        assertThat(withZero.nonPositiveWeight()).isEqualTo(1);
    }

    @Test
    void lorenzCurve() {
        // poorest 40% hold (1+2)/15
        assertThat(oneToFive.lorenz(new double[]{0, 0.4, 0.5, 1})).containsExactly(
                new double[]{0, 0.2, (1 + 2 + 0.5 * 3) / 15.0, 1}, within(1e-12));
        assertThat(oneToFive.lorenz(4)).hasSize(5);
    }

    @Test
    void relativePoverty() {
        // median 3, line 1.8: only the person with 1 is below
        assertThat(oneToFive.atRiskOfPovertyRate(0.6)).isEqualTo(0.2);
        assertThat(oneToFive.relativeMedianPovertyGap(0.6)).isCloseTo((1.8 - 1) / 1.8, within(1e-12));
        assertThat(Distribution.of(new double[]{5, 5}).relativeMedianPovertyGap(0.6)).isZero();
        // a zero median: the line is 0 and nobody is strictly below it
        Distribution zeros = Distribution.of(new double[]{0, 0, 0, 7});
        assertThat(zeros.atRiskOfPovertyRate(0.6)).isZero();
        assertThat(zeros.relativeMedianPovertyGap(0.6)).isZero();
        assertThat(Distribution.of(new double[]{-10, 0, 0}).atRiskOfPovertyRate(0.6)).isCloseTo(1 / 3.0, within(1e-12));
    }

    @Test
    void fosterGreerThorbecke() {
        // line 3: poor are 1 and 2; gaps 2/3 and 1/3
        assertThat(oneToFive.fgt(3, 0)).isEqualTo(0.4);
        assertThat(oneToFive.fgt(3, 1)).isCloseTo((2.0 / 3 + 1.0 / 3) / 5, within(1e-12));
        assertThat(oneToFive.fgt(3, 2)).isCloseTo((4.0 / 9 + 1.0 / 9) / 5, within(1e-12));
        assertThat(oneToFive.shareWithin(2, 4)).isEqualTo(0.4);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Distribution.of(new double[]{1}, new double[]{-1})).hasMessageContaining("weight 0");
        assertThatThrownBy(() -> Distribution.of(new double[]{Double.NaN})).hasMessageContaining("income 0");
        assertThatThrownBy(() -> Distribution.of(new double[]{})).hasMessageContaining("empty");
        assertThatThrownBy(() -> oneToFive.quantile(1.5)).hasMessageContaining("quantile");
        assertThatThrownBy(() -> oneToFive.fgt(0, 1)).hasMessageContaining("line");
    }
}
