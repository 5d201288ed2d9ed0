package org.olive.pipeline.income.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.olive.pipeline.income.EstimationResult;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * A regression model of one income residual (survey figure − precise figure) with cross-conformal prediction
 * intervals (Mondrian by group) and held-out accuracy.
 *
 * <p>The rows are split <em>by household</em> into K folds (all members of a sample household, across the pooled
 * years, fall in the same fold). For each fold a model trained on the other folds predicts it: every row gets an
 * <em>out-of-fold</em> prediction from a model that never saw its household. The accuracy (MAE, MAPE, mean error) is
 * taken over these out-of-fold predictions, so every survey household counts once as held out. The final model is
 * trained on all rows.
 *
 * <p>Intervals are split at the signed out-of-fold residuals: within each group (a Mondrian partition given by the
 * caller, e.g. age band × whether records of the component exist; groups with fewer than the minimum rows use the
 * pooled residuals) the interval is [prediction + L, prediction + U] with L the ⌊(n+1)·(1−coverage)/2⌋-th and U the
 * ⌈(n+1)·(1+coverage)/2⌉-th smallest of the n residuals (equal-tailed: residuals are skewed, a hidden income is
 * zero or large). The held-out coverage is measured honestly: the interval of a row in fold k is calibrated on the
 * residuals of the other folds only.
 *
 * <p>Learners: Tribuo's random forest of CART trees (pure Java), Tribuo's XGBoost (native), or the baselines: the
 * mean or the median residual of the row's group. Everything is seeded: the same rows and settings give the same model.
 */
public final class ResidualModel {

    /** One training row: the household it belongs to (the split unit), the features and the target. */
    public record Row(String household, double[] features, double target) {
    }

    /**
     * The held-out accuracy over the out-of-fold predictions. mape over targets with |target| ≥ the floor; bias the
     * mean signed error (prediction − target); coverage the share of held-out targets inside their interval
     * calibrated without their fold; NaN where there is nothing to measure.
     */
    public record Accuracy(int rows, double mae, double mape, int mapeRows, double coverage, double baselineMae,
                           double bias) {
    }

    /**
     * The learner: a random forest of CART trees (pure Java, runs wherever Java does), gradient-boosted trees
     * (XGBoost; needs its native library, which the xgboost4j jar carries for Linux x86-64, Windows x86-64 and Intel
     * macOS only), or a baseline: the mean (GROUP_MEAN) or median (GROUP_MEDIAN) residual of the row's group.
     */
    public enum Learner { FOREST, XGBOOST, GROUP_MEAN, GROUP_MEDIAN }

    /**
     * Learner, fold and interval parameters. eta is XGBoost's learning rate (unused by the others); folds the K of the
     * cross-fitting; minGroupRows the fewest rows a group needs for its own interval (and its own baseline statistic).
     */
    public record Parameters(Learner learner, int trees, int maxDepth, float minChildWeight, float featureFraction,
                             double eta, double coverage, int folds, int minGroupRows, int minStratumRows,
                             double mapeFloor, long seed) {

        public static Parameters defaults() {
            return new Parameters(Learner.FOREST, 200, 6, 3f, 0.5f, 0.1, 0.8, 5, 30, 30, 1000, 20250101L);
        }

        public Parameters {
            if (coverage <= 0 || coverage >= 1) {
                throw new IllegalArgumentException("coverage must be in (0, 1), found " + coverage);
            }
            if (folds < 2) {
                throw new IllegalArgumentException("folds must be at least 2, found " + folds);
            }
            if (minGroupRows < 1) {
                throw new IllegalArgumentException("min_group_rows must be at least 1, found " + minGroupRows);
            }
            if (minStratumRows < 1) {
                throw new IllegalArgumentException("min_stratum_rows must be at least 1, found " + minStratumRows);
            }
            if (trees < 1 || maxDepth < 1 || featureFraction <= 0 || featureFraction > 1) {
                throw new IllegalArgumentException("trees, depth ≥ 1 and feature fraction in (0, 1] required");
            }
        }

        public Parameters withLearner(Learner l) {
            return new Parameters(l, trees, maxDepth, minChildWeight, featureFraction, eta, coverage, folds,
                    minGroupRows, minStratumRows, mapeFloor, seed);
        }

        String describe() {
            return switch (learner) {
                case XGBOOST -> "tribuo XGBoost(gbtree, depth " + maxDepth + ", eta " + eta + ", min child weight "
                        + minChildWeight + ", subsample 0.8, feature fraction " + featureFraction + ") × " + trees;
                case FOREST -> "tribuo RandomForest(CART MSE, depth " + maxDepth + ", min child weight " + minChildWeight
                        + ", feature fraction " + featureFraction + ") × " + trees;
                case GROUP_MEAN -> "mean residual per group (groups of at least " + minGroupRows + " rows, else their "
                        + "stratum's of at least " + minStratumRows + ", else pooled)";
                case GROUP_MEDIAN -> "median residual per group (groups of at least " + minGroupRows + " rows, else their "
                        + "stratum's of at least " + minStratumRows + ", else pooled)";
            };
        }

        Trainer<Regressor> trainer() {
            if (learner == Learner.XGBOOST) {
                // one thread: XGBoost's histogram sums are then in a fixed order, so the model is reproducible
                return new XGBoostRegressionTrainer(XGBoostRegressionTrainer.RegressionType.LINEAR, trees, eta, 0,
                        maxDepth, minChildWeight, 0.8, featureFraction, 1, 0, 1, true, seed);
            }
            CARTRegressionTrainer cart = new CARTRegressionTrainer(maxDepth, minChildWeight, 0f, featureFraction,
                    false, new MeanSquaredError(), seed);
            return new RandomForestTrainer<>(cart, new AveragingCombiner(), trees, seed);
        }
    }

    /** Signed interval offsets [low, high] around a prediction, per group; the pooled pair for small groups. */
    public record Offsets(Map<String, double[]> byGroup, double[] pooled, int minGroupRows) {

        public double[] of(String group) {
            return byGroup.getOrDefault(group, pooled);
        }

        /**
         * Equal-tailed conformal offsets of signed residuals, per group: groups with fewer than minGroupRows residuals
         * take the pooled offsets.
         */
        static Offsets calibrate(List<String> groups, double[] residuals, double coverage, int minGroupRows) {
            Map<String, List<Double>> by = new TreeMap<>();
            for (int i = 0; i < residuals.length; i++) {
                by.computeIfAbsent(groups.get(i), k -> new ArrayList<>()).add(residuals[i]);
            }
            Map<String, double[]> out = new TreeMap<>();
            by.forEach((g, list) -> {
                if (list.size() >= minGroupRows) {
                    out.put(g, interval(list.stream().mapToDouble(Double::doubleValue).toArray(), coverage));
                }
            });
            return new Offsets(out, interval(residuals, coverage), minGroupRows);
        }
    }

    private static final RegressionFactory FACTORY = new RegressionFactory();
    private static final String TARGET = "residual";
    /** Tribuo logs every bagged tree at INFO; held here so the level setting is not garbage-collected. */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    /** A fitted predictor. */
    private interface Fit {
        double[] predict(List<double[]> rows);
    }

    private final String[] featureNames;
    private final Fit fit;
    private final Function<double[], String> grouping;
    private final Offsets offsets;
    private final Parameters parameters;
    private final int trainRows;
    private final Accuracy accuracy;
    private final Map<String, Integer> households;
    private final double[] outOfFold;
    private final int[] foldOf;
    private final List<Fit> foldFits;

    private ResidualModel(String[] featureNames, Fit fit, Function<double[], String> grouping, Offsets offsets,
                          Parameters parameters, int trainRows, Accuracy accuracy, Map<String, Integer> households,
                          double[] outOfFold, int[] foldOf, List<Fit> foldFits) {
        this.featureNames = featureNames;
        this.fit = fit;
        this.grouping = grouping;
        this.offsets = offsets;
        this.parameters = parameters;
        this.trainRows = trainRows;
        this.accuracy = accuracy;
        this.households = households;
        this.outOfFold = outOfFold;
        this.foldOf = foldOf;
        this.foldFits = List.copyOf(foldFits);
    }

    /** {@link #train(List, List, Parameters, Function)} with one group for all rows. */
    public static ResidualModel train(List<String> featureNames, List<Row> rows, Parameters parameters) {
        return train(featureNames, rows, parameters, x -> "all");
    }

    /**
     * Assigns the households to K folds, predicts each fold with a model trained on the others, calibrates the
     * intervals per group on the out-of-fold residuals, measures the held-out accuracy and trains the final model
     * on all rows.
     *
     * @param grouping the Mondrian group of a feature row (intervals, and the baselines' groups)
     * @throws IllegalArgumentException when there are fewer households than folds
     */
    public static ResidualModel train(List<String> featureNames, List<Row> rows, Parameters parameters,
                                      Function<double[], String> grouping) {
        return train(featureNames, rows, parameters, grouping, null);
    }

    /**
     * {@link #train(List, List, Parameters, Function)} with the folds of the households given: models of several
     * components trained with the same fold map leave the same households out together, so that their fold models
     * can be added up (the delete-a-fold jackknife of {@link #foldTotals}). Null deals the rows' own households.
     */
    public static ResidualModel train(List<String> featureNames, List<Row> rows, Parameters parameters,
                                      Function<double[], String> grouping, Map<String, Integer> foldOfHousehold) {
        String[] names = featureNames.toArray(String[]::new);
        for (Row r : rows) {
            if (r.features().length != names.length) {
                throw new IllegalArgumentException("row has " + r.features().length + " features, expected "
                        + names.length);
            }
        }
        int k = parameters.folds();
        int[] foldOf = foldOfHousehold == null ? folds(rows.stream().map(Row::household).toList(), k, parameters.seed())
                : rows.stream().mapToInt(r -> foldOfHousehold.get(r.household())).toArray();
        List<String> groups = rows.stream().map(r -> grouping.apply(r.features())).toList();
        double[] oof = new double[rows.size()];
        double[] meanOof = new double[rows.size()];
        List<Fit> foldFits = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            List<Row> train = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (foldOf[i] == f) {
                    held.add(i);
                } else {
                    train.add(rows.get(i));
                }
            }
            Fit fit = fit(names, train, parameters, grouping);
            foldFits.add(fit);
            double mean = train.stream().mapToDouble(Row::target).average().orElse(0);
            double[] p = fit.predict(held.stream().map(i -> rows.get(i).features()).toList());
            for (int j = 0; j < held.size(); j++) {
                oof[held.get(j)] = p[j];
                meanOof[held.get(j)] = mean;
            }
        }
        double[] residuals = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            residuals[i] = rows.get(i).target() - oof[i];
        }
        Offsets offsets = Offsets.calibrate(groups, residuals, parameters.coverage(), parameters.minGroupRows());
        double coverage = heldOutCoverage(foldOf, k, groups, residuals, parameters.coverage(), parameters.minGroupRows());

        double absSum = 0, baseSum = 0, apeSum = 0, biasSum = 0;
        int apeN = 0;
        for (int i = 0; i < rows.size(); i++) {
            double y = rows.get(i).target();
            absSum += Math.abs(y - oof[i]);
            baseSum += Math.abs(y - meanOof[i]);
            biasSum += oof[i] - y;
            if (Math.abs(y) >= parameters.mapeFloor()) {
                apeSum += Math.abs(y - oof[i]) / Math.abs(y);
                apeN++;
            }
        }
        int n = rows.size();
        Accuracy acc = new Accuracy(n, n == 0 ? Double.NaN : absSum / n, apeN == 0 ? Double.NaN : apeSum / apeN,
                apeN, coverage, n == 0 ? Double.NaN : baseSum / n, n == 0 ? Double.NaN : biasSum / n);
        Fit all = fit(names, rows, parameters, grouping);
        Map<String, Integer> hh = Map.of("households", (int) rows.stream().map(Row::household).distinct().count(),
                "folds", k);
        return new ResidualModel(names, all, grouping, offsets, parameters, rows.size(), acc, hh, oof, foldOf, foldFits);
    }

    /**
     * The fold (0..k−1) of every row, by household: the sorted distinct households are shuffled with the seed and
     * dealt round-robin.
     *
     * @throws IllegalArgumentException with fewer households than folds
     */
    static int[] folds(List<String> householdOfRow, int k, long seed) {
        Map<String, Integer> fold = foldMap(householdOfRow, k, seed);
        int[] out = new int[householdOfRow.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold.get(householdOfRow.get(i));
        }
        return out;
    }

    /**
     * The fold (0..k−1) of every household: the sorted distinct households shuffled with the seed and dealt
     * round-robin.
     *
     * @throws IllegalArgumentException with fewer households than folds
     */
    public static Map<String, Integer> foldMap(java.util.Collection<String> households, int k, long seed) {
        List<String> ids = new ArrayList<>(new TreeSet<>(households));
        if (ids.size() < k) {
            throw new IllegalArgumentException("need at least " + k + " households for " + k + " folds, found "
                    + ids.size());
        }
        shuffle(ids, new SplittableRandom(seed));
        Map<String, Integer> fold = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            fold.put(ids.get(i), i % k);
        }
        return fold;
    }

    /**
     * The share of residuals inside the interval calibrated on the other folds only (per group, pooled for small
     * groups): the coverage a new household gets.
     */
    static double heldOutCoverage(int[] foldOf, int k, List<String> groups, double[] residuals, double coverage,
                                  int minGroupRows) {
        int inside = 0;
        for (int f = 0; f < k; f++) {
            List<String> g = new ArrayList<>();
            List<Double> r = new ArrayList<>();
            for (int i = 0; i < residuals.length; i++) {
                if (foldOf[i] != f) {
                    g.add(groups.get(i));
                    r.add(residuals[i]);
                }
            }
            Offsets o = Offsets.calibrate(g, r.stream().mapToDouble(Double::doubleValue).toArray(), coverage, minGroupRows);
            for (int i = 0; i < residuals.length; i++) {
                if (foldOf[i] == f) {
                    double[] lh = o.of(groups.get(i));
                    inside += residuals[i] >= lh[0] && residuals[i] <= lh[1] ? 1 : 0;
                }
            }
        }
        return residuals.length == 0 ? Double.NaN : (double) inside / residuals.length;
    }

    /**
     * Equal-tailed split-conformal offsets of signed residuals: the ⌊(n+1)·(1−coverage)/2⌋-th smallest (the smallest
     * when that rank is below 1) and the ⌈(n+1)·(1+coverage)/2⌉-th smallest (the largest when beyond n), so that a new
     * residual exchangeable with these falls inside with probability ≥ coverage.
     */
    static double[] interval(double[] residuals, double coverage) {
        if (residuals.length == 0) {
            return new double[] {0, 0};
        }
        double[] s = residuals.clone();
        Arrays.sort(s);
        int n = s.length;
        int lo = (int) Math.floor((n + 1) * (1 - coverage) / 2);
        int hi = (int) Math.ceil((n + 1) * (1 + coverage) / 2);
        return new double[] {s[Math.max(1, lo) - 1], s[Math.min(hi, n) - 1]};
    }

    /**
     * The split-conformal half-width of absolute errors: the ⌈(n+1)·coverage⌉-th smallest; the largest when that rank
     * exceeds n.
     */
    static double conformalQuantile(double[] absErrors, double coverage) {
        if (absErrors.length == 0) {
            return Double.NaN;
        }
        double[] s = absErrors.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil((s.length + 1) * coverage);
        return s[Math.min(rank, s.length) - 1];
    }

    private static Fit fit(String[] names, List<Row> train, Parameters parameters, Function<double[], String> grouping) {
        if (parameters.learner() == Learner.GROUP_MEAN || parameters.learner() == Learner.GROUP_MEDIAN) {
            boolean median = parameters.learner() == Learner.GROUP_MEDIAN;
            Map<String, List<Double>> by = new TreeMap<>();
            Map<String, List<Double>> byStratum = new TreeMap<>();
            for (Row r : train) {
                String g = grouping.apply(r.features());
                by.computeIfAbsent(g, x -> new ArrayList<>()).add(r.target());
                byStratum.computeIfAbsent(stratum(g), x -> new ArrayList<>()).add(r.target());
            }
            double pooled = statistic(train.stream().map(Row::target).toList(), median);
            Map<String, Double> value = new HashMap<>();
            by.forEach((g, list) -> {
                if (list.size() >= parameters.minGroupRows()) {
                    value.put(g, statistic(list, median));
                }
            });
            Map<String, Double> stratumValue = new HashMap<>();
            byStratum.forEach((g, list) -> {
                if (list.size() >= parameters.minStratumRows()) {
                    stratumValue.put(g, statistic(list, median));
                }
            });
            return rows -> rows.stream().mapToDouble(x -> {
                String g = grouping.apply(x);
                Double v = value.get(g);
                return v != null ? v : stratumValue.getOrDefault(stratum(g), pooled);
            }).toArray();
        }
        MutableDataset<Regressor> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("survey residuals", FACTORY), FACTORY);
        for (Row r : train) {
            data.add(new ArrayExample<>(new Regressor(TARGET, r.target()), names, r.features()));
        }
        Model<Regressor> model = parameters.trainer().train(data);
        return rows -> {
            if (rows.isEmpty()) {
                return new double[0];
            }
            List<org.tribuo.Example<Regressor>> examples = new ArrayList<>(rows.size());
            for (double[] x : rows) {
                examples.add(new ArrayExample<>(FACTORY.getUnknownOutput(), names, x));
            }
            // one batched prediction: for XGBoost one native matrix instead of one per row
            return model.predict(examples).stream().mapToDouble(p -> p.getOutput().getValues()[0]).toArray();
        };
    }

    /**
     * The stratum of a group {@code band|status}: what follows the first {@code |} (the record status), or the whole
     * group when it has no {@code |}. A group too small for its own statistic falls back to its stratum, never straight
     * to the pool: persons with some records of a component and persons with none differ far more than age bands do
     * (county a 2023-12: the pooled mean wage residual of 21,932 yuan was added to 406 residents whose wage records
     * already held their whole wage).
     */
    static String stratum(String group) {
        int bar = group.indexOf('|');
        return bar < 0 ? group : group.substring(bar + 1);
    }

    private static double statistic(List<Double> values, boolean median) {
        if (values.isEmpty()) {
            return 0;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (!median) {
            return Arrays.stream(v).average().orElse(0);
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void shuffle(List<String> ids, SplittableRandom random) {
        for (int i = ids.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = ids.get(i);
            ids.set(i, ids.get(j));
            ids.set(j, t);
        }
    }

    /** The predicted residual of a row of features (in the order given at training). */
    public double predict(double[] features) {
        return predictAll(List.of(features))[0];
    }

    /** The predicted residuals of many rows in one batch. */
    public double[] predictAll(List<double[]> rows) {
        for (double[] x : rows) {
            if (x.length != featureNames.length) {
                throw new IllegalArgumentException("expected " + featureNames.length + " features");
            }
        }
        return fit.predict(rows);
    }

    /** The Mondrian group of a row of features. */
    public String group(double[] features) {
        return grouping.apply(features);
    }

    /**
     * The estimate for a row of features: the prediction with the calibrated interval of its group; with
     * {@code clampNegative}, the amount and both bounds are raised to 0 (a residual income that records do not show
     * cannot be negative).
     */
    public EstimationResult.Estimate estimate(double[] features, boolean clampNegative) {
        return estimateAll(List.of(features), clampNegative).get(0);
    }

    /** {@link #estimate} for many rows at once (one batched prediction). */
    public List<EstimationResult.Estimate> estimateAll(List<double[]> rows, boolean clampNegative) {
        double[] p = predictAll(rows);
        List<EstimationResult.Estimate> out = new ArrayList<>(rows.size());
        for (int i = 0; i < p.length; i++) {
            double[] o = offsets.of(grouping.apply(rows.get(i)));
            double yHat = p[i], low = yHat + o[0], high = yHat + o[1];
            out.add(clampNegative ? new EstimationResult.Estimate(Math.max(0, yHat), Math.max(0, low), Math.max(0, high))
                    : new EstimationResult.Estimate(yHat, Math.min(low, yHat), Math.max(high, yHat)));
        }
        return out;
    }

    /**
     * The sum of the predictions over the rows by each fold model (trained without one fold of the households), each
     * prediction raised to 0 with {@code clampNegative} as the applied estimates are: the delete-a-fold replicates of
     * the total estimate, for the jackknife standard error of a total over residents.
     */
    public double[] foldTotals(List<double[]> rows, boolean clampNegative) {
        double[] totals = new double[foldFits.size()];
        if (rows.isEmpty()) {
            return totals;
        }
        for (int f = 0; f < foldFits.size(); f++) {
            for (double v : foldFits.get(f).predict(rows)) {
                totals[f] += clampNegative ? Math.max(0, v) : v;
            }
        }
        return totals;
    }

    /**
     * How many standard errors a baseline's held-out absolute errors are below the learner's: the mean over rows of
     * |y − learner| − |y − baseline| divided by its standard error, the rows summed per household first (a household's
     * persons share their errors) — positive when the baseline is better. 0 with fewer than 2 households or no spread.
     */
    public static double improvementZ(List<Row> rows, double[] learnerOof, double[] baselineOof) {
        Map<String, Double> byHousehold = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            double y = rows.get(i).target();
            byHousehold.merge(rows.get(i).household(), Math.abs(y - learnerOof[i]) - Math.abs(y - baselineOof[i]),
                    Double::sum);
        }
        int h = byHousehold.size();
        if (h < 2) {
            return 0;
        }
        double mean = byHousehold.values().stream().mapToDouble(Double::doubleValue).sum() / h;
        double ss = 0;
        for (double d : byHousehold.values()) {
            ss += (d - mean) * (d - mean);
        }
        double se = Math.sqrt(ss / (h - 1) / h);
        return se > 0 ? mean / se : 0;
    }

    /**
     * The delete-a-group jackknife standard error of a statistic from its k replicates, each computed without one of
     * k equal groups: √((k−1)/k · Σ (θ₍ᵢ₎ − θ̄)²). NaN with fewer than 2 replicates.
     */
    public static double jackknifeSe(double[] replicates) {
        int k = replicates.length;
        if (k < 2) {
            return Double.NaN;
        }
        double mean = Arrays.stream(replicates).average().orElse(0);
        double ss = 0;
        for (double r : replicates) {
            ss += (r - mean) * (r - mean);
        }
        return Math.sqrt((k - 1.0) / k * ss);
    }

    /** The pooled interval's half-width ((high − low) / 2 of the pooled offsets), for reports. */
    public double halfWidth() {
        return (offsets.pooled()[1] - offsets.pooled()[0]) / 2;
    }

    public Offsets offsets() {
        return offsets;
    }

    /** The out-of-fold prediction of each training row, in the order of the rows given to {@link #train}. */
    public double[] outOfFold() {
        return outOfFold.clone();
    }

    /** The fold of each training row. */
    public int[] foldOf() {
        return foldOf.clone();
    }

    public Accuracy accuracy() {
        return accuracy;
    }

    public int trainRows() {
        return trainRows;
    }

    /** Households and folds. */
    public Map<String, Integer> households() {
        return households;
    }

    public Parameters parameters() {
        return parameters;
    }

    public String trainer() {
        return parameters.describe();
    }

    public List<String> featureNames() {
        return List.of(featureNames);
    }
}
