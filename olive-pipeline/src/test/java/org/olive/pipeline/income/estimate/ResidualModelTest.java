package org.olive.pipeline.income.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.olive.pipeline.income.EstimationResult;

class ResidualModelTest {

    static final List<String> NAMES = List.of("x0", "x1", "x2", "noise");

    /** y = 8000·x0 + 4000·[x1 > 0.5] − 2000·x2 + N(0, 500²), households of 1–4 rows sharing x2. */
    static List<ResidualModel.Row> rows(int households, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<ResidualModel.Row> rows = new ArrayList<>();
        for (int h = 0; h < households; h++) {
            double shared = r.nextDouble();
            int size = 1 + r.nextInt(4);
            for (int m = 0; m < size; m++) {
                double[] x = {r.nextDouble(), r.nextDouble(), shared, r.nextDouble()};
                double y = truth(x) + 500 * gaussian(r);
                rows.add(new ResidualModel.Row("H" + h, x, y));
            }
        }
        return rows;
    }

    static double truth(double[] x) {
        return 8000 * x[0] + (x[1] > 0.5 ? 4000 : 0) - 2000 * x[2];
    }

    static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** XGBoost: six fits per model (five folds and the final one) on hundreds of rows take a second, the forest minutes. */
    static final ResidualModel.Parameters BOOSTED = ResidualModel.Parameters.defaults().withLearner(ResidualModel.Learner.XGBOOST);

    @Test
    void beatsTheMeanPredictorAndCoversNearNominal() {
        ResidualModel m = ResidualModel.train(NAMES, rows(600, 7), BOOSTED);
        ResidualModel.Accuracy a = m.accuracy();
        assertThat(a.rows()).isGreaterThan(200);
        // the target's spread is ~2,700 around its mean; the model must recover most of the known function
        assertThat(a.mae()).isLessThan(0.5 * a.baselineMae());
        // held-out coverage of the cross-conformal interval: measured 0.80 (nominal 0.8)
        assertThat(a.coverage()).isBetween(0.75, 0.85);
        assertThat(m.halfWidth()).isPositive();
        assertThat(m.households()).containsEntry("households", 600).containsEntry("folds", 5);
        assertThat(m.outOfFold()).hasSize(a.rows());
    }

    @Test
    void predictsTheKnownFunctionOnFreshRows() {
        ResidualModel m = ResidualModel.train(NAMES, rows(600, 7), BOOSTED);
        double err = 0;
        int n = 0;
        for (ResidualModel.Row r : rows(200, 99)) {
            err += Math.abs(m.predict(r.features()) - truth(r.features()));
            n++;
        }
        assertThat(err / n).isLessThan(1500);
    }

    @Test
    void sameRowsAndSeedGiveTheSameModel() {
        List<ResidualModel.Row> rows = rows(300, 11);
        ResidualModel a = ResidualModel.train(NAMES, rows, BOOSTED);
        ResidualModel b = ResidualModel.train(NAMES, rows, BOOSTED);
        double[] x = {0.3, 0.7, 0.2, 0.5};
        assertThat(a.predict(x)).isEqualTo(b.predict(x));
        assertThat(a.halfWidth()).isEqualTo(b.halfWidth());
        assertThat(a.accuracy()).isEqualTo(b.accuracy());
    }

    @Test
    void clampingRaisesNegativeEstimatesAndBoundsToZero() {
        List<ResidualModel.Row> rows = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(3);
        for (int h = 0; h < 100; h++) {
            double[] x = {r.nextDouble(), 0, 0, 0};
            rows.add(new ResidualModel.Row("H" + h, x, -5000 - 1000 * x[0]));
        }
        ResidualModel m = ResidualModel.train(NAMES, rows, ResidualModel.Parameters.defaults());
        EstimationResult.Estimate clamped = m.estimate(new double[] {0.5, 0, 0, 0}, true);
        EstimationResult.Estimate raw = m.estimate(new double[] {0.5, 0, 0, 0}, false);
        assertThat(clamped.amount()).isZero();
        assertThat(clamped.low()).isZero();
        assertThat(raw.amount()).isLessThan(-4000);
        assertThat(raw.low()).isLessThanOrEqualTo(raw.amount());
        assertThat(raw.high()).isGreaterThanOrEqualTo(raw.amount());
    }

    @Test
    void conformalQuantileIsTheRankCeilNPlusOneTimesCoverage() {
        double[] errors = {5, 1, 4, 2, 3, 9, 8, 7, 6, 10};
        // n = 10, coverage 0.8 → rank ⌈8.8⌉ = 9 → the 9th smallest
        assertThat(ResidualModel.conformalQuantile(errors, 0.8)).isEqualTo(9);
        // rank beyond n → the largest
        assertThat(ResidualModel.conformalQuantile(new double[] {1, 2}, 0.9)).isEqualTo(2);
    }

    @Test
    void refusesFewerHouseholdsThanFolds() {
        List<ResidualModel.Row> rows = List.of(new ResidualModel.Row("A", new double[4], 1),
                new ResidualModel.Row("B", new double[4], 2));
        assertThatThrownBy(() -> ResidualModel.train(NAMES, rows, ResidualModel.Parameters.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 households");
    }

    @Test
    void equalTailedOffsetsTakeTheConformalRanks() {
        double[] r = {-5, -1, -4, -2, -3, 9, 8, 7, 6, 10, 0};
        // n = 11, coverage 0.8 → ranks ⌊12·0.1⌋ = 1 and ⌈12·0.9⌉ = 11: the smallest and the largest
        assertThat(ResidualModel.interval(r, 0.8)).containsExactly(-5, 10);
        // coverage 0.5 → ranks ⌊12·0.25⌋ = 3 and ⌈12·0.75⌉ = 9 of −5 −4 −3 −2 −1 0 6 7 8 9 10: −3 and 8
        assertThat(ResidualModel.interval(r, 0.5)).containsExactly(-3, 8);
    }

    @Test
    void foldsKeepAHouseholdTogether() {
        List<ResidualModel.Row> rows = rows(200, 5);
        int[] fold = ResidualModel.folds(rows.stream().map(ResidualModel.Row::household).toList(), 5, 1);
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Integer before = seen.putIfAbsent(rows.get(i).household(), fold[i]);
            assertThat(before == null || before == fold[i]).isTrue();
        }
        assertThat(java.util.Arrays.stream(fold).distinct().count()).isEqualTo(5);
    }

    /**
     * A group too small for its own mean falls back to its record-status stratum, not to the pool: 40 persons without
     * wage records with a hidden wage of 20,000 must not lend it to 6 persons whose records hold their whole wage.
     */
    @Test
    void aSmallGroupFallsBackToItsStratumNotThePool() {
        List<ResidualModel.Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(new ResidualModel.Row("N" + i, new double[] {0, 0, 0, i}, 20_000));
        }
        for (int i = 0; i < 6; i++) {
            rows.add(new ResidualModel.Row("R" + i, new double[] {1, 0, 0, i}, i % 2 == 0 ? 0 : 600));
        }
        java.util.function.Function<double[], String> grouping = x -> (x[3] < 3 ? "16" : "30") + (x[0] > 0 ? "|records" : "|none");
        ResidualModel m = ResidualModel.train(NAMES, rows, new ResidualModel.Parameters(ResidualModel.Learner.GROUP_MEAN,
                200, 6, 3f, 0.5f, 0.1, 0.8, 5, 30, 3, 1000, 1L), grouping);
        assertThat(m.predict(new double[] {1, 0, 0, 1})).isEqualTo(300);
        assertThat(m.predict(new double[] {0, 0, 0, 1})).isEqualTo(20_000);
        assertThat(ResidualModel.stratum("16|records")).isEqualTo("records");
        assertThat(ResidualModel.stratum("all")).isEqualTo("all");
    }

    /** The jackknife of k replicates: √((k−1)/k · Σ (θᵢ − θ̄)²); a statistic that does not move has no error. */
    @Test
    void jackknifeStandardError() {
        assertThat(ResidualModel.jackknifeSe(new double[] {10, 10, 10, 10, 10})).isZero();
        // replicates 1..5: mean 3, Σ (θ − θ̄)² = 10, √(4/5 · 10) = √8
        assertThat(ResidualModel.jackknifeSe(new double[] {1, 2, 3, 4, 5})).isCloseTo(Math.sqrt(8), within(1e-12));
        assertThat(ResidualModel.jackknifeSe(new double[] {7})).isNaN();
    }

    /**
     * The fold totals are delete-a-fold replicates of the total estimate: with a group mean and households whose
     * residuals differ, they spread, and their jackknife error is about the standard error of the mean × the rows.
     */
    @Test
    void foldTotalsReplicateTheTotalEstimate() {
        SplittableRandom r = new SplittableRandom(5);
        List<ResidualModel.Row> rows = new ArrayList<>();
        for (int h = 0; h < 200; h++) {
            rows.add(new ResidualModel.Row("H" + h, new double[] {0, 0, 0, 0}, 10_000 + 4_000 * gaussian(r)));
        }
        ResidualModel m = ResidualModel.train(NAMES, rows,
                ResidualModel.Parameters.defaults().withLearner(ResidualModel.Learner.GROUP_MEAN));
        List<double[]> residents = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            residents.add(new double[] {0, 0, 0, 0});
        }
        double[] totals = m.foldTotals(residents, true);
        assertThat(totals).hasSize(5);
        // standard error of a mean of 200 rows of sd 4,000 is ~283, × 1,000 residents
        assertThat(ResidualModel.jackknifeSe(totals) / 1000).isBetween(150.0, 450.0);
        Map<String, Integer> folds = ResidualModel.foldMap(List.of("a", "b", "c", "d", "e", "f"), 5, 1);
        assertThat(folds).hasSize(6);
        assertThat(new java.util.HashSet<>(folds.values())).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }

    /** A baseline better on every household is many standard errors better; one that only ties is not. */
    @Test
    void improvementZ() {
        List<ResidualModel.Row> rows = new ArrayList<>();
        double[] learner = new double[40], better = new double[40], tie = new double[40];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 40; i++) {
            rows.add(new ResidualModel.Row("H" + i / 2, new double[] {0, 0, 0, 0}, 1000));
            learner[i] = 1000 + 500 + 100 * r.nextDouble();
            better[i] = 1000 + 100 * r.nextDouble();
            tie[i] = 1000 - (learner[i] - 1000) + (i % 2 == 0 ? 50 : -50);
        }
        assertThat(ResidualModel.improvementZ(rows, learner, better)).isGreaterThan(10);
        assertThat(Math.abs(ResidualModel.improvementZ(rows, learner, tie))).isLessThan(2);
        assertThat(ResidualModel.improvementZ(rows.subList(0, 2), learner, better)).isZero();
    }
}
