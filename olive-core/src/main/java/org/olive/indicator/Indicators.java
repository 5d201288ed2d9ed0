package org.olive.indicator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the {@link IndicatorSet} of a {@link HouseholdSample}: each person carries their household's equivalised
 * DI and their own weight; measures are those of {@link Distribution}. The middle-income shares test each person's
 * family income (per-capita DI × the typical family size, or the household's own DI: each bracket's basis) against the
 * brackets.
 */
public final class Indicators {

    private Indicators() {
    }

    /** Indicators over all persons, and per area when {@code byArea} is set. */
    public static IndicatorReport compute(HouseholdSample sample, IndicatorSettings settings, boolean byArea) {
        double[] equivalised = sample.equivalisedIncomes(settings.scale());
        double[] perCapita = settings.scale() == EquivalenceScale.PER_CAPITA ? equivalised
                : sample.equivalisedIncomes(EquivalenceScale.PER_CAPITA);
        double[] family = sample.familyIncomes();
        double[] weights = sample.weights();
        int[] households = new int[sample.persons()];
        for (int p = 0; p < households.length; p++) {
            households[p] = sample.household(p);
        }
        IndicatorSet all = of(equivalised, perCapita, family, weights, households, sample.households(), settings);
        Map<String, IndicatorSet> areas = new LinkedHashMap<>();
        if (byArea) {
            // Person indices per area, in two passes over primitive arrays: count, then fill.
            Map<String, int[]> counts = new HashMap<>();
            for (int p = 0; p < sample.persons(); p++) {
                counts.computeIfAbsent(sample.area(p), a -> new int[1])[0]++;
            }
            Map<String, int[]> index = new HashMap<>();
            counts.forEach((a, c) -> index.put(a, new int[c[0] + 1])); // last slot: fill position
            for (int p = 0; p < sample.persons(); p++) {
                int[] idx = index.get(sample.area(p));
                idx[idx[idx.length - 1]++] = p;
            }
            for (Map.Entry<String, int[]> e : index.entrySet()) {
                int[] idx = e.getValue();
                int n = idx.length - 1;
                double[] eq = new double[n];
                double[] pc = new double[n];
                double[] fa = new double[n];
                double[] w = new double[n];
                int[] hh = new int[n];
                for (int i = 0; i < n; i++) {
                    int p = idx[i];
                    eq[i] = equivalised[p];
                    pc[i] = perCapita[p];
                    fa[i] = family[p];
                    w[i] = weights[p];
                    hh[i] = households[p];
                }
                areas.put(e.getKey(), of(eq, pc, fa, w, hh, sample.households(), settings));
            }
        }
        return new IndicatorReport(settings, all, areas);
    }

    /**
     * The indicators of one population given per person: equivalised DI, per-capita DI, the household's own DI (for the
     * brackets on that basis), weight and household index (below {@code householdCount}).
     */
    static IndicatorSet of(double[] equivalised, double[] perCapita, double[] family, double[] weights, int[] households,
                           int householdCount, IndicatorSettings settings) {
        // Members of a household share its equivalised income, so the distribution over persons is that over
        // households weighted by their members' summed weights: exact for every measure, and 3× fewer points to sort.
        double[] householdIncome = new double[householdCount];
        double[] householdWeight = new double[householdCount];
        for (int i = 0; i < equivalised.length; i++) {
            householdIncome[households[i]] = equivalised[i];
            householdWeight[households[i]] += weights[i];
        }
        int householdsPresent = 0;
        for (double w : householdWeight) {
            if (w > 0) {
                householdsPresent++;
            }
        }
        Distribution d = Distribution.of(householdIncome, householdWeight);
        double total = d.totalWeight();
        double perCapitaSum = 0;
        for (int i = 0; i < perCapita.length; i++) {
            perCapitaSum += weights[i] * perCapita[i];
        }
        List<IndicatorSet.Quantile> quantiles = new ArrayList<>();
        for (double p : settings.quantileLevels()) {
            quantiles.add(new IndicatorSet.Quantile(p, d.quantile(p)));
        }
        double[] lorenz = d.lorenz(settings.lorenzSteps());
        List<IndicatorSet.LorenzPoint> points = new ArrayList<>();
        for (int i = 0; i < lorenz.length; i++) {
            points.add(new IndicatorSet.LorenzPoint((double) i / settings.lorenzSteps(), lorenz[i]));
        }
        double nonPositive = d.nonPositiveWeight();
        boolean anyPositive = nonPositive < total;
        double f = settings.relativeLineFraction();
        IndicatorSet.RelativePoverty relative = new IndicatorSet.RelativePoverty(f, d.relativePovertyLine(f),
                d.atRiskOfPovertyRate(f), d.relativeMedianPovertyGap(f));
        List<IndicatorSet.AbsolutePoverty> absolute = new ArrayList<>();
        for (PovertyLine line : settings.lines()) {
            absolute.add(new IndicatorSet.AbsolutePoverty(line.name(), line.amount(), d.fgt(line.amount(), 0),
                    d.fgt(line.amount(), 1), d.fgt(line.amount(), 2)));
        }
        List<IndicatorSet.BracketShare> brackets = new ArrayList<>();
        for (IncomeBracket b : settings.brackets()) {
            // each bracket on its basis: the household's own DI, or per-capita DI × the typical family size
            boolean actual = settings.basisOf(b) == IndicatorSettings.FamilyIncomeBasis.ACTUAL_FAMILY;
            double typical = settings.typicalFamilySize();
            double in = 0;
            for (int i = 0; i < family.length; i++) {
                double v = actual ? family[i] : perCapita[i] * typical;
                if (v >= b.lower() && v < b.upper()) {
                    in += weights[i];
                }
            }
            brackets.add(new IndicatorSet.BracketShare(b.name(), b.lower(), b.upper(), in / total));
        }
        return new IndicatorSet(equivalised.length, householdsPresent, total, perCapitaSum / total, d.mean(), quantiles,
                d.gini(), anyPositive ? d.theil() : Double.NaN, anyPositive ? d.meanLogDeviation() : Double.NaN,
                nonPositive / total, d.palma(), d.p90p10(), d.s80s20(), points, relative, absolute, brackets);
    }
}
