package org.olive.pipeline.income.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.olive.income.Component;
import org.olive.pipeline.income.EstimationResult;

/**
 * The intervals on problems whose noise is known: the cross-conformal interval must cover fresh rows at the nominal
 * level (within tolerance), per Mondrian group where the noise differs between groups, and the DI interval shared out
 * over components must add up to the calibrated one.
 */
class ConformalCalibrationTest {

    static final List<String> NAMES = List.of("x0", "x1");
    static final double QUIET = 500, NOISY = 3000;

    /** Group A (x0 < 0.5): 1,000 + N(0, 500²); group B: 5,000 + N(0, 3,000²). One row per household. */
    static List<ResidualModel.Row> twoGroups(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<ResidualModel.Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] x = {r.nextDouble(), r.nextDouble()};
            boolean a = x[0] < 0.5;
            double y = a ? 1000 + QUIET * ResidualModelTest.gaussian(r) : 5000 + NOISY * ResidualModelTest.gaussian(r);
            rows.add(new ResidualModel.Row("H" + seed + "-" + i, x, y));
        }
        return rows;
    }

    static final Function<double[], String> GROUP = x -> x[0] < 0.5 ? "A" : "B";

    static ResidualModel.Parameters params(ResidualModel.Learner learner) {
        return ResidualModel.Parameters.defaults().withLearner(learner);
    }

    /** Share of fresh rows of a group inside their interval. */
    static double freshCoverage(ResidualModel m, List<ResidualModel.Row> fresh, String group) {
        int in = 0, n = 0;
        for (ResidualModel.Row r : fresh) {
            if (!GROUP.apply(r.features()).equals(group)) {
                continue;
            }
            EstimationResult.Estimate e = m.estimate(r.features(), false);
            in += r.target() >= e.low() && r.target() <= e.high() ? 1 : 0;
            n++;
        }
        return (double) in / n;
    }

    @Test
    void mondrianIntervalsCoverEachGroupAtTheNominalLevel() {
        ResidualModel m = ResidualModel.train(NAMES, twoGroups(3000, 1), params(ResidualModel.Learner.GROUP_MEAN), GROUP);
        // held out (each fold calibrated without it): measured 0.800
        assertThat(m.accuracy().coverage()).isBetween(0.77, 0.83);
        List<ResidualModel.Row> fresh = twoGroups(20_000, 2);
        // fresh rows per group: measured A 0.799, B 0.797
        assertThat(freshCoverage(m, fresh, "A")).isBetween(0.77, 0.83);
        assertThat(freshCoverage(m, fresh, "B")).isBetween(0.77, 0.83);
        // the known noise: the 80% interval of N(0, σ²) is ±1.2816σ
        double[] a = m.offsets().of("A");
        assertThat(a[1] - a[0]).isCloseTo(2 * 1.2816 * QUIET, org.assertj.core.data.Percentage.withPercentage(10));
        double[] b = m.offsets().of("B");
        assertThat(b[1] - b[0]).isCloseTo(2 * 1.2816 * NOISY, org.assertj.core.data.Percentage.withPercentage(10));
    }

    @Test
    void onePooledIntervalMissesTheNominalLevelInBothGroups() {
        // the same data with one group: right on average, wrong in each group (why the intervals are Mondrian)
        List<ResidualModel.Row> rows = twoGroups(3000, 1);
        ResidualModel pooled = ResidualModel.train(NAMES, rows, params(ResidualModel.Learner.GROUP_MEAN), x -> "all");
        assertThat(pooled.accuracy().coverage()).isBetween(0.77, 0.83);
        List<ResidualModel.Row> fresh = twoGroups(20_000, 2);
        double a = freshCoverage(pooled, fresh, "A"), b = freshCoverage(pooled, fresh, "B");
        // measured: quiet group 0.865, noisy group %.3f (see the message)
        assertThat(a).as("quiet group, noisy group %.3f", b).isGreaterThan(0.85);
        assertThat(b).as("noisy group").isLessThan(0.78);
    }

    @Test
    void boostedTreesWithKnownNoiseCoverFreshRows() {
        // y = f(x) + N(0, 500²): the model must learn f and the interval must cover 80% of fresh rows
        ResidualModel m = ResidualModel.train(ResidualModelTest.NAMES, ResidualModelTest.rows(1500, 7),
                params(ResidualModel.Learner.XGBOOST));
        // held out: measured 0.800
        assertThat(m.accuracy().coverage()).isBetween(0.77, 0.83);
        int in = 0;
        List<ResidualModel.Row> fresh = ResidualModelTest.rows(3000, 99);
        for (ResidualModel.Row r : fresh) {
            EstimationResult.Estimate e = m.estimate(r.features(), false);
            in += r.target() >= e.low() && r.target() <= e.high() ? 1 : 0;
        }
        // fresh rows: measured 0.804
        assertThat((double) in / fresh.size()).isBetween(0.77, 0.83);
    }

    @Test
    void baselinesPredictTheGroupsMeanOrMedian() {
        List<ResidualModel.Row> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            // group A: 0 for 90%, 10,000 for 10%: mean 1,000, median 0
            rows.add(new ResidualModel.Row("H" + i, new double[] {0.1, 0}, i % 10 == 0 ? 10_000 : 0));
            rows.add(new ResidualModel.Row("G" + i, new double[] {0.9, 0}, 7_000));
        }
        ResidualModel mean = ResidualModel.train(NAMES, rows, params(ResidualModel.Learner.GROUP_MEAN), GROUP);
        ResidualModel median = ResidualModel.train(NAMES, rows, params(ResidualModel.Learner.GROUP_MEDIAN), GROUP);
        assertThat(mean.predict(new double[] {0.2, 0})).isCloseTo(1000, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(median.predict(new double[] {0.2, 0})).isZero();
        assertThat(mean.predict(new double[] {0.7, 0})).isEqualTo(7000);
        assertThat(mean.trainer()).startsWith("mean residual per group");
    }

    @Test
    void theDiIntervalSharedOutAddsUpToTheCalibratedOne() {
        Map<Component, EstimationResult.Estimate> mine = new EnumMap<>(Component.class);
        mine.put(Component.WAGE, new EstimationResult.Estimate(5000, 0, 15000));
        mine.put(Component.PROPERTY, new EstimationResult.Estimate(300, 100, 600));
        mine.put(Component.TRANSFER_IN, new EstimationResult.Estimate(0, 0, 0));
        Map<Component, EstimationResult.Estimate> out = SurveyEstimation.shareOut(mine, new double[] {-8000, 12000});
        double low = 0, high = 0, amount = 0;
        for (EstimationResult.Estimate e : out.values()) {
            low += e.low();
            high += e.high();
            amount += e.amount();
            assertThat(e.low()).isLessThanOrEqualTo(e.amount());
            assertThat(e.high()).isGreaterThanOrEqualTo(e.amount());
        }
        assertThat(amount).isEqualTo(5300);
        assertThat(low).isCloseTo(5300 - 8000, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(high).isCloseTo(5300 + 12000, org.assertj.core.data.Offset.offset(1e-6));
        // shares follow the components' own widths (15,000 and 500 of 15,500); a point component gets none
        assertThat(out.get(Component.WAGE).high() - 5000).isCloseTo(12000 * 15000 / 15500.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(out.get(Component.TRANSFER_IN).high()).isZero();
    }

    @Test
    void aResidualManyTimesTheSurveyFigureIsAbsurd() {
        SurveyEstimation s = new SurveyEstimation(EstimationSettings.defaults());
        // a wage of 1.3 million in the records against a survey wage of 156,000: a ×100 slip
        assertThat(s.absurd(156_000 - 1_460_000, 156_000)).isTrue();
        // an unrecorded business of 500,000 the survey shows: hidden income, kept
        assertThat(s.absurd(500_000, 500_000)).isFalse();
        // small figures: the floor (20,000 × 3) decides
        assertThat(s.absurd(50_000, 3_000)).isFalse();
        assertThat(s.absurd(-1_186_404, 3_600)).isTrue();
    }
}
