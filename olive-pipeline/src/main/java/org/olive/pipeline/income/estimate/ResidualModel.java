package org.olive.pipeline.income.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
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
 * A regression model of one income residual (survey figure − precise figure) with split-conformal prediction
 * intervals and held-out accuracy.
 *
 * <p>The rows are split <em>by household</em> (all members of a sample household fall in the same fold, so that the
 * accuracy is measured on households the model has not seen): a test fold for the accuracy, a calibration fold for
 * the interval, the rest for training. The split and the trainer are seeded: the same rows and settings give the
 * same model. The learner is Tribuo's random forest of CART regression trees (pure Java) or Tribuo's XGBoost (native);
 * docs/income-estimation.md says which is the default and why. The interval half-width is the ⌈(n+1)·coverage⌉-th smallest absolute residual of the n
 * calibration rows (split-conformal), so that a new row's residual falls inside with probability ≥ coverage.
 */
public final class ResidualModel {

    /** One training row: the household it belongs to (the split unit), the features and the target. */
    public record Row(String household, double[] features, double target) {
    }

    /** The test-fold accuracy. mape over targets with |target| ≥ the floor; NaN where there is nothing to measure. */
    public record Accuracy(int rows, double mae, double mape, int mapeRows, double coverage, double baselineMae) {
    }

    /**
     * The learner: a random forest of CART trees (pure Java, runs wherever Java does) or gradient-boosted trees
     * (XGBoost; needs its native library, which the xgboost4j jar carries for Linux x86-64, Windows x86-64 and Intel
     * macOS only).
     */
    public enum Learner { FOREST, XGBOOST }

    /** Learner and split parameters. eta is XGBoost's learning rate (unused by the forest). */
    public record Parameters(Learner learner, int trees, int maxDepth, float minChildWeight, float featureFraction,
                             double eta, double coverage, double testShare, double calibrationShare, double mapeFloor,
                             long seed) {

        public static Parameters defaults() {
            return new Parameters(Learner.FOREST, 200, 6, 3f, 0.5f, 0.1, 0.8, 0.2, 0.2, 1000, 20250101L);
        }

        public Parameters {
            if (coverage <= 0 || coverage >= 1) {
                throw new IllegalArgumentException("coverage must be in (0, 1), found " + coverage);
            }
            if (testShare < 0 || calibrationShare <= 0 || testShare + calibrationShare >= 1) {
                throw new IllegalArgumentException("test and calibration shares must leave rows to train on");
            }
            if (trees < 1 || maxDepth < 1 || featureFraction <= 0 || featureFraction > 1) {
                throw new IllegalArgumentException("trees, depth ≥ 1 and feature fraction in (0, 1] required");
            }
        }

        String describe() {
            if (learner == Learner.XGBOOST) {
                return "tribuo XGBoost(gbtree, depth " + maxDepth + ", eta " + eta + ", min child weight "
                        + minChildWeight + ", subsample 0.8, feature fraction " + featureFraction + ") × " + trees;
            }
            return "tribuo RandomForest(CART MSE, depth " + maxDepth + ", min child weight " + minChildWeight
                    + ", feature fraction " + featureFraction + ") × " + trees;
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

    private static final RegressionFactory FACTORY = new RegressionFactory();
    private static final String TARGET = "residual";
    /** Tribuo logs every bagged tree at INFO; held here so the level setting is not garbage-collected. */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final String[] featureNames;
    private final Model<Regressor> model;
    private final double halfWidth;
    private final Parameters parameters;
    private final int trainRows;
    private final int calibrationRows;
    private final Accuracy accuracy;
    private final Map<String, Integer> households;

    private ResidualModel(String[] featureNames, Model<Regressor> model, double halfWidth, Parameters parameters,
                          int trainRows, int calibrationRows, Accuracy accuracy, Map<String, Integer> households) {
        this.featureNames = featureNames;
        this.model = model;
        this.halfWidth = halfWidth;
        this.parameters = parameters;
        this.trainRows = trainRows;
        this.calibrationRows = calibrationRows;
        this.accuracy = accuracy;
        this.households = households;
    }

    /**
     * Splits the rows by household, trains on the training fold, calibrates the interval on the calibration fold
     * and measures the test fold.
     *
     * @throws IllegalArgumentException when there are fewer than three households or the folds come out empty
     */
    public static ResidualModel train(List<String> featureNames, List<Row> rows, Parameters parameters) {
        String[] names = featureNames.toArray(String[]::new);
        for (Row r : rows) {
            if (r.features().length != names.length) {
                throw new IllegalArgumentException("row has " + r.features().length + " features, expected "
                        + names.length);
            }
        }
        List<String> ids = new ArrayList<>(new TreeSet<>(rows.stream().map(Row::household).toList()));
        if (ids.size() < 3) {
            throw new IllegalArgumentException("need at least 3 households to train, calibrate and test, found "
                    + ids.size());
        }
        shuffle(ids, new SplittableRandom(parameters.seed()));
        int nTest = (int) Math.round(ids.size() * parameters.testShare());
        int nCal = Math.max(1, (int) Math.round(ids.size() * parameters.calibrationShare()));
        if (parameters.testShare() > 0) {
            nTest = Math.max(1, nTest);
        }
        if (nTest + nCal >= ids.size()) {
            throw new IllegalArgumentException("too few households (" + ids.size() + ") for the folds");
        }
        Map<String, Integer> fold = new java.util.HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            fold.put(ids.get(i), i < nTest ? 2 : i < nTest + nCal ? 1 : 0);
        }
        List<Row> train = new ArrayList<>(), cal = new ArrayList<>(), test = new ArrayList<>();
        for (Row r : rows) {
            switch (fold.get(r.household())) {
                case 0 -> train.add(r);
                case 1 -> cal.add(r);
                default -> test.add(r);
            }
        }
        MutableDataset<Regressor> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("survey residuals", FACTORY), FACTORY);
        for (Row r : train) {
            data.add(new ArrayExample<>(new Regressor(TARGET, r.target()), names, r.features()));
        }
        Model<Regressor> model = parameters.trainer().train(data);

        double[] calErrors = new double[cal.size()];
        for (int i = 0; i < cal.size(); i++) {
            calErrors[i] = Math.abs(cal.get(i).target() - predict(model, names, cal.get(i).features()));
        }
        double q = conformalQuantile(calErrors, parameters.coverage());

        double trainMean = train.stream().mapToDouble(Row::target).average().orElse(0);
        double absSum = 0, baseSum = 0, apeSum = 0;
        int apeN = 0, inside = 0;
        for (Row r : test) {
            double y = r.target();
            double yHat = predict(model, names, r.features());
            absSum += Math.abs(y - yHat);
            baseSum += Math.abs(y - trainMean);
            if (Math.abs(y) >= parameters.mapeFloor()) {
                apeSum += Math.abs(y - yHat) / Math.abs(y);
                apeN++;
            }
            if (y >= yHat - q && y <= yHat + q) {
                inside++;
            }
        }
        int n = test.size();
        Accuracy acc = new Accuracy(n, n == 0 ? Double.NaN : absSum / n, apeN == 0 ? Double.NaN : apeSum / apeN,
                apeN, n == 0 ? Double.NaN : (double) inside / n, n == 0 ? Double.NaN : baseSum / n);
        Map<String, Integer> hh = Map.of("train", ids.size() - nTest - nCal, "calibration", nCal, "test", nTest);
        return new ResidualModel(names, model, q, parameters, train.size(), cal.size(), acc, hh);
    }

    /**
     * The split-conformal half-width: the ⌈(n+1)·coverage⌉-th smallest absolute calibration residual; the largest
     * when that rank exceeds n (too few calibration rows for the coverage: the interval is then optimistic, and the
     * test coverage shows it).
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

    private static void shuffle(List<String> ids, SplittableRandom random) {
        for (int i = ids.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = ids.get(i);
            ids.set(i, ids.get(j));
            ids.set(j, t);
        }
    }

    private static double predict(Model<Regressor> model, String[] names, double[] x) {
        return model.predict(new ArrayExample<>(FACTORY.getUnknownOutput(), names, x)).getOutput().getValues()[0];
    }

    /** The predicted residual of a row of features (in the order given at training). */
    public double predict(double[] features) {
        if (features.length != featureNames.length) {
            throw new IllegalArgumentException("expected " + featureNames.length + " features");
        }
        return predict(model, featureNames, features);
    }

    /**
     * The estimate for a row of features: the prediction ± the calibrated half-width; with {@code clampNegative},
     * the amount and both bounds are raised to 0 (a residual income that records do not show cannot be negative).
     */
    public EstimationResult.Estimate estimate(double[] features, boolean clampNegative) {
        double yHat = predict(features);
        double low = yHat - halfWidth, high = yHat + halfWidth;
        if (clampNegative) {
            return new EstimationResult.Estimate(Math.max(0, yHat), Math.max(0, low), Math.max(0, high));
        }
        return new EstimationResult.Estimate(yHat, low, high);
    }

    /**
     * {@link #estimate} for many rows at once: one batched prediction (for XGBoost one native matrix instead of one
     * per row, which is what makes a county's estimation take seconds instead of minutes).
     */
    public java.util.List<EstimationResult.Estimate> estimateAll(java.util.List<double[]> rows, boolean clampNegative) {
        java.util.List<org.tribuo.Example<Regressor>> examples = new java.util.ArrayList<>(rows.size());
        for (double[] x : rows) {
            if (x.length != featureNames.length) {
                throw new IllegalArgumentException("expected " + featureNames.length + " features");
            }
            examples.add(new ArrayExample<>(FACTORY.getUnknownOutput(), featureNames, x));
        }
        java.util.List<org.tribuo.Prediction<Regressor>> predictions = examples.isEmpty() ? java.util.List.of()
                : model.predict(examples);
        java.util.List<EstimationResult.Estimate> out = new java.util.ArrayList<>(rows.size());
        for (org.tribuo.Prediction<Regressor> pr : predictions) {
            double yHat = pr.getOutput().getValues()[0];
            double low = yHat - halfWidth, high = yHat + halfWidth;
            out.add(clampNegative ? new EstimationResult.Estimate(Math.max(0, yHat), Math.max(0, low), Math.max(0, high))
                    : new EstimationResult.Estimate(yHat, low, high));
        }
        return out;
    }

    public double halfWidth() {
        return halfWidth;
    }

    public Accuracy accuracy() {
        return accuracy;
    }

    public int trainRows() {
        return trainRows;
    }

    public int calibrationRows() {
        return calibrationRows;
    }

    /** Households per fold: train, calibration, test. */
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
