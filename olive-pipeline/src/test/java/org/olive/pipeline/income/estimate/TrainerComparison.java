package org.olive.pipeline.income.estimate;

import java.util.List;
import java.util.Locale;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * Which learner for {@link ResidualModel} (docs/income-estimation.md): Tribuo's random forest of CART trees (pure
 * Java) against Tribuo's XGBoost (native library) on the synthetic rows of {@link ResidualModelTest} — whether
 * XGBoost's native library loads here, the test MAE and the training time of each, for small (survey-sized) and larger
 * training sets. Usage: {@code java -cp <test classpath> org.olive.pipeline.income.estimate.TrainerComparison}.
 */
public final class TrainerComparison {

    public static void main(String[] args) {
        RegressionFactory f = new RegressionFactory();
        String[] names = ResidualModelTest.NAMES.toArray(String[]::new);
        for (int households : new int[] {30, 300, 3000}) {
            List<ResidualModel.Row> train = ResidualModelTest.rows(households, 7);
            List<ResidualModel.Row> test = ResidualModelTest.rows(1000, 99);
            MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("synthetic", f), f);
            for (ResidualModel.Row r : train) {
                data.add(new ArrayExample<>(new Regressor("y", r.target()), names, r.features()));
            }
            ResidualModel.Parameters p = ResidualModel.Parameters.defaults();
            Trainer<Regressor> forest = new RandomForestTrainer<>(new CARTRegressionTrainer(p.maxDepth(),
                    p.minChildWeight(), 0f, p.featureFraction(), false, new MeanSquaredError(), p.seed()),
                    new AveragingCombiner(), p.trees(), p.seed());
            run("forest", forest, data, test, names, f, train.size());
            try {
                Trainer<Regressor> xgb = new XGBoostRegressionTrainer(XGBoostRegressionTrainer.RegressionType.LINEAR,
                        200, 0.1, 0, 4, 1, 0.8, 0.8, 1, 0, 1, true, p.seed());
                run("xgboost", xgb, data, test, names, f, train.size());
            } catch (Throwable t) {
                System.out.println("xgboost: not usable here: " + t);
            }
        }
    }

    private static void run(String label, Trainer<Regressor> trainer, MutableDataset<Regressor> data,
                            List<ResidualModel.Row> test, String[] names, RegressionFactory f, int rows) {
        long t0 = System.nanoTime();
        Model<Regressor> m = trainer.train(data);
        long t1 = System.nanoTime();
        double err = 0;
        for (ResidualModel.Row r : test) {
            err += Math.abs(m.predict(new ArrayExample<>(f.getUnknownOutput(), names, r.features())).getOutput()
                    .getValues()[0] - ResidualModelTest.truth(r.features()));
        }
        System.out.printf(Locale.ROOT, "%-8s train rows %,6d  MAE vs the known function %,7.0f  train %.2f s%n", label,
                rows, err / test.size(), (t1 - t0) / 1e9);
    }
}
