package org.olive.indicator;

import java.util.List;

/**
 * The distribution indicators of one population (the whole sample or one area), over persons, on equivalised
 * household DI (domain.md §7). Ratios that are undefined (e.g. P90/P10 with P10 ≤ 0, Theil without positive
 * incomes) are {@link Double#NaN}.
 *
 * @param persons               persons counted (sample rows)
 * @param households            households with at least one of those persons
 * @param weightedPersons       Σ weights: the population the sample stands for
 * @param perCapitaIncome       weighted mean of per-capita household DI (人均可支配收入), whatever the scale
 * @param meanEquivalisedIncome weighted mean of equivalised DI on the chosen scale
 * @param quantiles             weighted quantiles of equivalised DI (EU-SILC rule)
 * @param gini                  Gini coefficient in per cent
 * @param theil                 Theil T over persons with positive income
 * @param meanLogDeviation      mean log deviation over persons with positive income
 * @param nonPositiveIncomeShare weighted share of persons with DI ≤ 0, left out of Theil and MLD
 * @param palma                 income above P90 / income at or below P40
 * @param p90p10                P90 / P10
 * @param s80s20                income above P80 / income at or below P20
 * @param lorenz                Lorenz points (population share, income share)
 * @param relativePoverty       at-risk-of-poverty rate and relative median gap
 * @param absolutePoverty       FGT 0/1/2 against each absolute line
 * @param brackets              share of persons in families within each bracket
 */
public record IndicatorSet(int persons, int households, double weightedPersons, double perCapitaIncome, double meanEquivalisedIncome,
                           List<Quantile> quantiles, double gini, double theil, double meanLogDeviation, double nonPositiveIncomeShare,
                           double palma, double p90p10, double s80s20, List<LorenzPoint> lorenz, RelativePoverty relativePoverty,
                           List<AbsolutePoverty> absolutePoverty, List<BracketShare> brackets) {

    public IndicatorSet {
        quantiles = List.copyOf(quantiles);
        lorenz = List.copyOf(lorenz);
        absolutePoverty = List.copyOf(absolutePoverty);
        brackets = List.copyOf(brackets);
    }

    /** A weighted quantile: level p and income. */
    public record Quantile(double level, double value) {
    }

    /** A point of the Lorenz curve: the poorest {@code populationShare} hold {@code incomeShare} of all income. */
    public record LorenzPoint(double populationShare, double incomeShare) {
    }

    /**
     * Relative poverty (EU-SILC).
     *
     * @param fractionOfMedian the line as a fraction of the weighted median (0.6)
     * @param line             the line in yuan
     * @param atRiskRate       weighted share of persons strictly below the line
     * @param medianGap        (line − median income of those below) / line
     */
    public record RelativePoverty(double fractionOfMedian, double line, double atRiskRate, double medianGap) {
    }

    /**
     * Foster–Greer–Thorbecke measures against one absolute line.
     *
     * @param headcount FGT 0: the weighted share strictly below the line
     * @param gap       FGT 1: the mean normalised shortfall
     * @param severity  FGT 2: the mean squared normalised shortfall
     */
    public record AbsolutePoverty(String line, double amount, double headcount, double gap, double severity) {
    }

    /** The weighted share of persons whose family income lies within [lower, upper). */
    public record BracketShare(String bracket, double lower, double upper, double share) {
    }
}
