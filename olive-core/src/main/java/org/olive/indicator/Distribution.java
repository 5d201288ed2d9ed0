package org.olive.indicator;

import java.util.Arrays;

/**
 * A weighted income distribution over persons, sorted once, with the inequality and poverty measures of
 * domain.md §7. Definitions follow Eurostat's EU-SILC methodology where one exists.
 *
 * <p>Weights are 1 for the full-coverage population and the design weights for a survey sample. Incomes may be
 * zero or negative (a business loss); measures that need logarithms ({@link #theil()}, {@link #meanLogDeviation()})
 * use only positive incomes, as is the usual convention, and {@link #nonPositiveWeight()} reports how much
 * weight that left out.
 *
 * <p>Construction is O(n log n) on primitive arrays; every measure afterwards is O(n) or O(log n). Instances are
 * immutable.
 */
public final class Distribution {

    private final double[] x;   // incomes, ascending
    private final double[] w;   // weights, aligned with x
    private final double[] cw;  // cumulative weights: cw[i] = w[0] + … + w[i]
    private final double totalWeight;
    private final double totalIncome; // Σ w·x

    private Distribution(double[] x, double[] w) {
        this.x = x;
        this.w = w;
        this.cw = new double[x.length];
        double c = 0;
        double t = 0;
        for (int i = 0; i < x.length; i++) {
            c += w[i];
            cw[i] = c;
            t += w[i] * x[i];
        }
        this.totalWeight = c;
        this.totalIncome = t;
    }

    /** A distribution where every person has weight 1. */
    public static Distribution of(double[] incomes) {
        double[] w = new double[incomes.length];
        Arrays.fill(w, 1.0);
        return of(incomes, w);
    }

    /**
     * A weighted distribution. Persons with weight 0 are ignored; negative or non-finite weights and non-finite
     * incomes are errors.
     */
    public static Distribution of(double[] incomes, double[] weights) {
        if (incomes.length != weights.length) {
            throw new IllegalArgumentException("incomes and weights differ in length: " + incomes.length + " vs " + weights.length);
        }
        int n = 0;
        for (int i = 0; i < incomes.length; i++) {
            if (!Double.isFinite(incomes[i])) {
                throw new IllegalArgumentException("income " + i + " is not a finite number: " + incomes[i]);
            }
            if (!Double.isFinite(weights[i]) || weights[i] < 0) {
                throw new IllegalArgumentException("weight " + i + " must be a finite non-negative number: " + weights[i]);
            }
            if (weights[i] > 0) {
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("the distribution is empty (no person with a positive weight)");
        }
        // Persons with the same income are merged into one point carrying their summed weight: every measure
        // here gives the same result for merged and separate ties (a weight acts as repeated persons), and a
        // primitive sort of the incomes followed by a binary search per person avoids boxing a million indices.
        double[] sorted = new double[n];
        int k = 0;
        for (int i = 0; i < incomes.length; i++) {
            if (weights[i] > 0) {
                sorted[k++] = incomes[i] + 0.0; // + 0.0 turns −0.0 into 0.0
            }
        }
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || sorted[i] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        double[] xs = Arrays.copyOf(sorted, distinct);
        double[] ws = new double[distinct];
        for (int i = 0; i < incomes.length; i++) {
            if (weights[i] > 0) {
                ws[Arrays.binarySearch(xs, incomes[i] + 0.0)] += weights[i];
            }
        }
        return new Distribution(xs, ws);
    }

    /** The number of distinct incomes (persons with equal incomes form one point of the distribution). */
    public int size() {
        return x.length;
    }

    public double totalWeight() {
        return totalWeight;
    }

    /** Weighted mean income. */
    public double mean() {
        return totalIncome / totalWeight;
    }

    /**
     * Weighted quantile (EU-SILC): the smallest income whose cumulative weight share is ≥ p; where the
     * cumulative share equals p exactly, the mean of that income and the next.
     */
    public double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile level must be within [0, 1]: " + p);
        }
        double target = p * totalWeight;
        int i = firstIndexWithCumulativeAtLeast(target);
        if (i < x.length - 1 && nearlyEqual(cw[i], target)) {
            return (x[i] + x[i + 1]) / 2;
        }
        return x[i];
    }

    public double median() {
        return quantile(0.5);
    }

    /** Gini coefficient in per cent (EU-SILC formula). */
    public double gini() {
        if (totalIncome == 0) {
            return 0;
        }
        double s1 = 0; // Σ w·x·cw
        double s2 = 0; // Σ w²·x
        for (int i = 0; i < x.length; i++) {
            s1 += w[i] * x[i] * cw[i];
            s2 += w[i] * w[i] * x[i];
        }
        double g = 100 * ((2 * s1 - s2) / (totalWeight * totalIncome) - 1);
        // Equal incomes give 0 up to rounding (about 1e-14); do not report a negative Gini for them.
        return Math.abs(g) < 1e-9 ? 0 : g;
    }

    /** Theil index T (GE(1)) over persons with positive income. */
    public double theil() {
        double[] m = positiveMoments();
        double mu = m[1] / m[0];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0) {
                double r = x[i] / mu;
                s += w[i] * r * Math.log(r);
            }
        }
        return s / m[0];
    }

    /** Mean log deviation (GE(0)) over persons with positive income. */
    public double meanLogDeviation() {
        double[] m = positiveMoments();
        double mu = m[1] / m[0];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0) {
                s += w[i] * Math.log(mu / x[i]);
            }
        }
        return s / m[0];
    }

    /** Weight of persons with zero or negative income, left out of {@link #theil()} and {@link #meanLogDeviation()}. */
    public double nonPositiveWeight() {
        double s = 0;
        for (int i = 0; i < x.length && x[i] <= 0; i++) {
            s += w[i];
        }
        return s;
    }

    private double[] positiveMoments() {
        double sw = 0;
        double sx = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0) {
                sw += w[i];
                sx += w[i] * x[i];
            }
        }
        if (sw == 0) {
            throw new IllegalStateException("no person has a positive income");
        }
        return new double[]{sw, sx};
    }

    /**
     * S80/S20 (EU-SILC): income of those above the 80% quantile / income of those at or below the 20% quantile;
     * {@link Double#NaN} when the bottom income is not positive.
     */
    public double s80s20() {
        return ratio(incomeAbove(quantile(0.8)), incomeAtOrBelow(quantile(0.2)));
    }

    /** Palma ratio: income of those above the 90% quantile / income of those at or below the 40% quantile; NaN when the latter is not positive. */
    public double palma() {
        return ratio(incomeAbove(quantile(0.9)), incomeAtOrBelow(quantile(0.4)));
    }

    /** P90/P10: the 90% quantile over the 10% quantile; {@link Double#NaN} when P10 is not positive. */
    public double p90p10() {
        return ratio(quantile(0.9), quantile(0.1));
    }

    /** A ratio of incomes, {@link Double#NaN} (undefined) when the denominator is zero or negative. */
    private static double ratio(double numerator, double denominator) {
        return denominator > 0 ? numerator / denominator : Double.NaN;
    }

    private double incomeAbove(double threshold) {
        double s = 0;
        for (int i = x.length - 1; i >= 0 && x[i] > threshold; i--) {
            s += w[i] * x[i];
        }
        return s;
    }

    private double incomeAtOrBelow(double threshold) {
        double s = 0;
        for (int i = 0; i < x.length && x[i] <= threshold; i++) {
            s += w[i] * x[i];
        }
        return s;
    }

    /**
     * Points of the Lorenz curve: for each population share p (ascending, within [0, 1]), the share of total
     * income held by the poorest p of the weighted population. A person straddling p counts in part.
     */
    public double[] lorenz(double[] populationShares) {
        double[] out = new double[populationShares.length];
        for (int k = 0; k < populationShares.length; k++) {
            double p = populationShares[k];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("population share must be within [0, 1]: " + p);
            }
            double target = p * totalWeight;
            if (target <= 0) {
                out[k] = 0;
                continue;
            }
            int i = firstIndexWithCumulativeAtLeast(target);
            double before = i == 0 ? 0 : cw[i - 1];
            double incomeBefore = cumulativeIncome(i);
            out[k] = (incomeBefore + (target - before) * x[i]) / totalIncome;
        }
        return out;
    }

    /** Lorenz points at 0, 1/n, …, 1. */
    public double[] lorenz(int steps) {
        double[] p = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            p[i] = (double) i / steps;
        }
        return lorenz(p);
    }

    private double cumulativeIncome(int endExclusive) {
        double s = 0;
        for (int i = 0; i < endExclusive; i++) {
            s += w[i] * x[i];
        }
        return s;
    }

    /** The relative poverty line: a fraction (EU-SILC: 0.6) of the weighted median. */
    public double relativePovertyLine(double fractionOfMedian) {
        return fractionOfMedian * median();
    }

    /** At-risk-of-poverty rate: the weighted share of persons strictly below {@code fraction} × median. */
    public double atRiskOfPovertyRate(double fractionOfMedian) {
        double line = relativePovertyLine(fractionOfMedian);
        double s = 0;
        for (int i = 0; i < x.length && x[i] < line; i++) {
            s += w[i];
        }
        return s / totalWeight; // also defined when the median, hence the line, is zero or negative
    }

    /**
     * Relative median poverty gap (EU-SILC): (line − weighted median income of those below the line) / line,
     * with the line at {@code fraction} × median. Zero when nobody is below the line.
     */
    public double relativeMedianPovertyGap(double fractionOfMedian) {
        double line = relativePovertyLine(fractionOfMedian);
        int n = 0;
        while (n < x.length && x[n] < line) {
            n++;
        }
        if (n == 0 || line <= 0) {
            return 0;
        }
        Distribution poor = new Distribution(Arrays.copyOf(x, n), Arrays.copyOf(w, n));
        return (line - poor.median()) / line;
    }

    /** Poverty headcount ratio: the weighted share of persons strictly below the line (FGT 0). */
    public double headcount(double line) {
        return fgt(line, 0);
    }

    /**
     * Foster–Greer–Thorbecke index against an absolute line: (1/Σw) Σ_{x<z} w·((z−x)/z)^α. α = 0 is the
     * headcount ratio, 1 the poverty gap index, 2 the severity index.
     */
    public double fgt(double line, double alpha) {
        if (!(line > 0)) {
            throw new IllegalArgumentException("poverty line must be positive: " + line);
        }
        if (alpha < 0) {
            throw new IllegalArgumentException("FGT alpha must be ≥ 0: " + alpha);
        }
        double s = 0;
        for (int i = 0; i < x.length && x[i] < line; i++) {
            double g = (line - x[i]) / line;
            s += w[i] * (alpha == 0 ? 1 : Math.pow(g, alpha));
        }
        return s / totalWeight;
    }

    /** The weighted share of persons with income in [lower, upper). */
    public double shareWithin(double lower, double upper) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= lower && x[i] < upper) {
                s += w[i];
            }
        }
        return s / totalWeight;
    }

    private int firstIndexWithCumulativeAtLeast(double target) {
        int lo = 0;
        int hi = x.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cw[mid] >= target || nearlyEqual(cw[mid], target)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private boolean nearlyEqual(double a, double b) {
        return Math.abs(a - b) <= 1e-12 * Math.max(1.0, Math.abs(totalWeight));
    }
}
