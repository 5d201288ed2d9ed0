package org.olive.policy.evaluation;

/**
 * The choices of a matched difference-in-differences evaluation, with the defaults of {@link #defaults()}.
 *
 * @param neighbours       comparison units matched to each treated unit, with replacement (default 1: the least
 *                         biased; more neighbours lower the variance and raise the bias)
 * @param caliperSd        the widest distance of a match, in standard deviations of the logit of the propensity score
 *                         (default 0.2, Austin 2011; {@code Double.POSITIVE_INFINITY} for no caliper)
 * @param minimumTreated   fewer treated units (or matched treated units) than this and the evaluation is refused:
 *                         not enough history or beneficiaries to say anything (default 30)
 * @param ridge            the ridge penalty on the standardised coefficients of the logistic propensity model (default
 *                         0.01): keeps the fit finite under complete separation, negligible otherwise
 * @param confidence       the level of the interval (default 0.95)
 * @param balanceThreshold a covariate whose |standardised mean difference| after matching exceeds this is flagged as
 *                         unbalanced (default 0.1, Austin 2009)
 */
public record EvaluationOptions(int neighbours, double caliperSd, int minimumTreated, double ridge, double confidence,
                                double balanceThreshold) {

    public EvaluationOptions {
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be at least 1, found " + neighbours);
        }
        if (!(caliperSd > 0)) {
            throw new IllegalArgumentException("caliperSd must be positive, found " + caliperSd);
        }
        if (minimumTreated < 2) {
            throw new IllegalArgumentException("minimumTreated must be at least 2, found " + minimumTreated);
        }
        if (!(ridge >= 0) || Double.isInfinite(ridge)) {
            throw new IllegalArgumentException("ridge must be a finite non-negative number, found " + ridge);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), found " + confidence);
        }
        if (!(balanceThreshold > 0)) {
            throw new IllegalArgumentException("balanceThreshold must be positive, found " + balanceThreshold);
        }
    }

    /** One neighbour, caliper 0.2 SD of the logit, at least 30 treated, ridge 0.01, 95%, balance flag at 0.1. */
    public static EvaluationOptions defaults() {
        return new EvaluationOptions(1, 0.2, 30, 0.01, 0.95, 0.1);
    }

    public EvaluationOptions withNeighbours(int k) {
        return new EvaluationOptions(k, caliperSd, minimumTreated, ridge, confidence, balanceThreshold);
    }

    public EvaluationOptions withCaliperSd(double sd) {
        return new EvaluationOptions(neighbours, sd, minimumTreated, ridge, confidence, balanceThreshold);
    }

    public EvaluationOptions withMinimumTreated(int minimum) {
        return new EvaluationOptions(neighbours, caliperSd, minimum, ridge, confidence, balanceThreshold);
    }
}
