package org.olive.policy.evaluation;

import java.util.List;

/**
 * The ex-post evaluation of a policy: the average effect on the treated of a matched difference-in-differences.
 *
 * @param estimate           the ATT: mean over matched treated units of their change (post − pre) minus the
 *                           weighted mean change of their matched comparison units
 * @param se                 its standard error (Abadie and Imbens 2006, see {@link MatchedDifferenceInDifferences})
 * @param low                the lower end of the interval at the options' confidence (95% by default)
 * @param high               the upper end
 * @param nTreated           treated units given
 * @param nMatchedTreated    treated units with at least one comparison unit within the caliper in their stratum
 * @param nControlsUsed      distinct comparison units matched at least once
 * @param nUnmatched         treated units without a match, left out of the estimate
 * @param unmatchedKeys      their keys
 * @param unmatchedEstimate  the naive difference-in-differences of all treated against the whole pool, shown beside the
 *                           estimate so that the weight of selection can be seen
 * @param balance            one row per covariate
 * @param placebo            the same estimator on the change before treatment (pre − prePre), or {@code null} when too
 *                           few matched treated units have a second pre-period
 * @param method             the method in words, with the options used
 */
public record EvaluationResult(double estimate, double se, double low, double high, int nTreated, int nMatchedTreated,
                               int nControlsUsed, int nUnmatched, List<String> unmatchedKeys, double unmatchedEstimate,
                               List<Balance> balance, Placebo placebo, String method) {

    public EvaluationResult {
        unmatchedKeys = List.copyOf(unmatchedKeys);
        balance = List.copyOf(balance);
    }

    /** Whether the interval holds a value. */
    public boolean covers(double value) {
        return low <= value && value <= high;
    }

    /** Whether any covariate is still unbalanced after matching. */
    public boolean anyUnbalanced() {
        return balance.stream().anyMatch(Balance::unbalanced);
    }

    /**
     * The balance of one covariate: standardised mean differences (treated mean − comparison mean) / s, where s is the
     * pooled SD before matching, √((s²treated + s²pool) / 2). The same s is used after matching so that the two
     * figures differ only by the means (Stuart 2010).
     *
     * @param covariate  its name
     * @param before     SMD of all treated against the whole pool
     * @param after      SMD of the matched treated against their matched comparison units, with the matching weights
     * @param unbalanced |after| above the options' threshold
     */
    public record Balance(String covariate, double before, double after, boolean unbalanced) {
    }

    /**
     * The pre-trend placebo: the same matches and estimator on the change before treatment. Parallel trends make it
     * zero; an interval that does not cover 0 says the comparison families were on another path before the policy.
     *
     * @param nTreated matched treated units with a second pre-period (and a matched comparison unit that has one)
     */
    public record Placebo(double estimate, double se, double low, double high, int nTreated) {

        public boolean coversZero() {
            return low <= 0 && 0 <= high;
        }
    }
}
