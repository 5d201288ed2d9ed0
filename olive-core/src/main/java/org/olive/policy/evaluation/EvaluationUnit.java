package org.olive.policy.evaluation;

import java.util.Objects;

/**
 * One unit of a policy evaluation: a treated family (or a comparison family at the treated cohort's dates) with its
 * outcome before and after the policy began, the features that decided eligibility and the cell it must be matched in.
 *
 * <p>For a comparison unit, {@code pre} and {@code post} are taken over the same windows as those of the treated
 * units it may be matched to; the caller makes sure of that (for instance by putting the cohort in the stratum).
 *
 * @param key        an identifier, reported for unmatched treated units
 * @param treated    whether the unit received the policy
 * @param pre        the outcome over the window before treatment
 * @param post       the outcome over the window after treatment
 * @param covariates the eligibility features the propensity score is fitted on; the same length for every unit
 * @param stratum    the exact-match cell ("" for none): treated units are matched only to controls of the same cell
 * @param prePre     the outcome over the window before {@code pre}, for the pre-trend placebo; {@code null} when the
 *                   history does not reach that far
 */
public record EvaluationUnit(String key, boolean treated, double pre, double post, double[] covariates, String stratum,
                             Double prePre) {

    public EvaluationUnit {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(covariates, "covariates of " + key);
        stratum = stratum == null ? "" : stratum;
        covariates = covariates.clone();
    }

    /** A unit without a second pre-period. */
    public EvaluationUnit(String key, boolean treated, double pre, double post, double[] covariates, String stratum) {
        this(key, treated, pre, post, covariates, stratum, null);
    }

    /** The outcome's change over the treatment, post − pre. */
    public double change() {
        return post - pre;
    }

    /** The outcome's change before the treatment, pre − prePre, or NaN without a second pre-period. */
    public double changeBefore() {
        return prePre == null ? Double.NaN : pre - prePre;
    }

    @Override
    public double[] covariates() {
        return covariates.clone();
    }

    double covariate(int j) {
        return covariates[j];
    }

    int covariateCount() {
        return covariates.length;
    }
}
