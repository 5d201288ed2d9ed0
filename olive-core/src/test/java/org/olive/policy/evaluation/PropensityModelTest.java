package org.olive.policy.evaluation;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PropensityModelTest {

    @Test
    void recoversTheCoefficientsOfALogisticModel() {
        Random random = new Random(1);
        int n = 20_000;
        double[][] x = new double[n][2];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextGaussian();
            x[i][1] = 10 + 5 * random.nextGaussian();
            double z = -0.5 + 1.2 * x[i][0] - 0.1 * (x[i][1] - 10);
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-z));
        }
        PropensityModel model = PropensityModel.fit(x, y, 0.01);
        // logit at chosen points against the true linear predictor
        assertThat(model.logit(new double[] {0, 10})).isCloseTo(-0.5, within(0.06));
        assertThat(model.logit(new double[] {1, 10}) - model.logit(new double[] {0, 10})).isCloseTo(1.2, within(0.06));
        assertThat(model.logit(new double[] {0, 20}) - model.logit(new double[] {0, 10})).isCloseTo(-1.0, within(0.1));
    }

    @Test
    void staysFiniteUnderCompleteSeparation() {
        double[][] x = {{1}, {2}, {3}, {4}, {5}, {6}};
        boolean[] y = {false, false, false, true, true, true};
        PropensityModel model = PropensityModel.fit(x, y, 0.01);
        assertThat(model.logit(new double[] {6})).isFinite().isGreaterThan(model.logit(new double[] {1}));
        assertThat(model.probability(new double[] {6})).isGreaterThan(0.9);
        assertThat(model.probability(new double[] {1})).isLessThan(0.1);
    }
}
