package org.olive.indicator;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Invariants every inequality measure must respect. */
class DistributionPropertiesTest {

    @Provide
    Arbitrary<double[]> incomes() {
        return Arbitraries.doubles().between(1, 1_000_000).ofScale(2).array(double[].class).ofMinSize(2).ofMaxSize(60);
    }

    @Property(tries = 300)
    void scaleInvariance(@ForAll("incomes") double[] x, @ForAll @DoubleRange(min = 0.01, max = 1000) double c) {
        Distribution a = Distribution.of(x);
        Distribution b = Distribution.of(Arrays.stream(x).map(v -> v * c).toArray());
        assertThat(b.gini()).isCloseTo(a.gini(), within(1e-6));
        assertThat(b.theil()).isCloseTo(a.theil(), within(1e-9));
        assertThat(b.meanLogDeviation()).isCloseTo(a.meanLogDeviation(), within(1e-9));
        assertThat(b.s80s20()).isCloseTo(a.s80s20(), within(1e-6 * a.s80s20()));
        assertThat(b.palma()).isCloseTo(a.palma(), within(1e-6 * a.palma()));
        assertThat(b.atRiskOfPovertyRate(0.6)).isEqualTo(a.atRiskOfPovertyRate(0.6));
    }

    @Property(tries = 300)
    void populationReplication(@ForAll("incomes") double[] x, @ForAll @IntRange(min = 2, max = 4) int k) {
        double[] replicated = new double[x.length * k];
        for (int i = 0; i < replicated.length; i++) {
            replicated[i] = x[i % x.length];
        }
        double[] weights = new double[x.length];
        Arrays.fill(weights, k);
        Distribution a = Distribution.of(x);
        Distribution b = Distribution.of(replicated);
        Distribution c = Distribution.of(x, weights);
        for (Distribution d : new Distribution[]{b, c}) {
            assertThat(d.gini()).isCloseTo(a.gini(), within(1e-6));
            assertThat(d.theil()).isCloseTo(a.theil(), within(1e-9));
            assertThat(d.median()).isEqualTo(a.median());
            assertThat(d.quantile(0.9)).isEqualTo(a.quantile(0.9));
            assertThat(d.fgt(a.median(), 2)).isCloseTo(a.fgt(a.median(), 2), within(1e-12));
            assertThat(d.lorenz(10)).containsExactly(a.lorenz(10), within(1e-9));
        }
    }

    @Property(tries = 500)
    void transferFromRichToPoorLowersGini(@ForAll("incomes") double[] x, @ForAll @DoubleRange(min = 0.01, max = 0.49) double f) {
        double[] s = x.clone();
        Arrays.sort(s);
        int poor = 0;
        int rich = s.length - 1;
        if (s[rich] - s[poor] < 1) {
            return; // nothing to transfer
        }
        double amount = f * (s[rich] - s[poor]); // at most half the gap: ranks are not reversed
        double[] after = s.clone();
        after[poor] += amount;
        after[rich] -= amount;
        assertThat(Distribution.of(after).gini()).isLessThan(Distribution.of(s).gini());
        assertThat(Distribution.of(after).theil()).isLessThan(Distribution.of(s).theil());
    }

    @Property(tries = 300)
    void boundsAndMonotoneLorenz(@ForAll("incomes") double[] x) {
        Distribution d = Distribution.of(x);
        assertThat(d.gini()).isBetween(0.0, 100.0);
        double[] l = d.lorenz(20);
        assertThat(l[0]).isZero();
        assertThat(l[20]).isCloseTo(1, within(1e-9));
        for (int i = 1; i < l.length; i++) {
            assertThat(l[i]).isGreaterThanOrEqualTo(l[i - 1] - 1e-12);
            assertThat(l[i]).isLessThanOrEqualTo(i / 20.0 + 1e-9); // below the diagonal
        }
        assertThat(d.fgt(d.median(), 2)).isLessThanOrEqualTo(d.fgt(d.median(), 1) + 1e-12);
        assertThat(d.fgt(d.median(), 1)).isLessThanOrEqualTo(d.fgt(d.median(), 0) + 1e-12);
    }

    @Property(tries = 200)
    void weightedQuantileMatchesReplicatedIntegerWeights(@ForAll("weighted") double[][] xw, @ForAll @DoubleRange(min = 0, max = 1) double p) {
        double[] x = xw[0];
        double[] w = xw[1];
        int total = 0;
        for (double v : w) {
            total += (int) v;
        }
        double[] rep = new double[total];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < (int) w[i]; j++) {
                rep[k++] = x[i];
            }
        }
        assertThat(Distribution.of(x, w).quantile(p)).isEqualTo(Distribution.of(rep).quantile(p));
    }

    @Provide
    Arbitrary<double[][]> weighted() {
        return Arbitraries.integers().between(1, 30).flatMap(n -> Combinators.combine(
                Arbitraries.doubles().between(0, 1000).ofScale(0).array(double[].class).ofSize(n),
                Arbitraries.integers().between(1, 5).map(Integer::doubleValue).array(double[].class).ofSize(n))
                .as((x, w) -> new double[][]{x, w}));
    }
}
