package org.olive.policy.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded population with selection on observables: poorer families (low x1) and larger ones (high x2) are more
 * likely to be treated, and their income trend depends on the same covariates (poorer families grow less), so that a
 * naive difference-in-differences is biased downwards. Treated families gain {@code effect} in their change.
 */
final class SimulatedPolicy {

    static final List<String> COVARIATES = List.of("x1", "x2");
    private static final String[] STRATA = {"A", "B", "C"};
    private static final double[] STRATUM_TREND = {0, 300, -200};

    private SimulatedPolicy() {
    }

    /**
     * @param n             families
     * @param effect        the true effect on the treated's change
     * @param controlsShift added to the comparison families' post outcome only: a wrong input the estimate must not
     *                      absorb
     */
    static List<EvaluationUnit> draw(long seed, int n, double effect, double controlsShift) {
        Random random = new Random(seed);
        List<EvaluationUnit> units = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double x1 = random.nextGaussian();
            double x2 = random.nextGaussian();
            int s = random.nextInt(STRATA.length);
            double score = -1.2 - 1.0 * x1 + 0.5 * x2;
            boolean treated = random.nextDouble() < 1 / (1 + Math.exp(-score));
            double trend = 600 + 900 * x1 + 400 * x2 + STRATUM_TREND[s];
            double pre = 30_000 + 8_000 * x1 + 1_000 * s + 3_000 * random.nextGaussian();
            double prePre = pre - trend - 700 * random.nextGaussian();
            double post = pre + trend + 700 * random.nextGaussian() + (treated ? effect : controlsShift);
            units.add(new EvaluationUnit("f" + i, treated, pre, post, new double[] {x1, x2}, STRATA[s], prePre));
        }
        return units;
    }
}
