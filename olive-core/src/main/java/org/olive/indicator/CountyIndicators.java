package org.olive.indicator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The county indicators (domain.md §7) of {@link CountyPersons}, for the county and per breakdown group: every
 * distribution measure of {@link Indicators} (per-capita DI, Gini, Theil, …, bracket shares = pilot indicators 2 and 3)
 * plus pilot indicator 1 (urban / rural per-capita DI), 4 (relationship accuracy) and 5 (monitoring coverage).
 *
 * <p>Each person carries their family's DI divided by the family's equivalent size, as in {@link Indicators}; a group
 * takes its persons with their family's figures, so a family split between groups (by sex or age) counts each member
 * in their own group. Weighted counts of every group of a partition add up to the county's.
 *
 * <p>The key groups ({@link Breakdown#KEY_GROUP}) take their members the same way: each member with their own weight and
 * their family's figures (the whole family's DI over its size, as for sex or age), so a group's per-capita DI is the
 * weighted mean of its members' per-capita family DI. A person in two groups counts in both, a person in none in none;
 * a declared group without members has zero persons and undefined measures.
 */
public final class CountyIndicators {

    private CountyIndicators() {
    }

    public static CountyReport compute(CountyPersons persons, CountySettings settings) {
        HouseholdSample sample = persons.sample();
        IndicatorSettings is = settings.indicators();
        double[] equivalised = sample.equivalisedIncomes(is.scale());
        double[] perCapita = is.scale() == EquivalenceScale.PER_CAPITA ? equivalised
                : sample.equivalisedIncomes(EquivalenceScale.PER_CAPITA);
        double[] family = sample.familyIncomes(); // the brackets on per-capita × the typical size use perCapita
        double[] weights = sample.weights();
        int n = persons.persons();
        int[] households = new int[n];
        for (int p = 0; p < n; p++) {
            households[p] = sample.household(p);
        }
        Columns all = new Columns(equivalised, perCapita, family, weights, households);
        Map<Breakdown, Map<String, GroupIndicators>> out = new EnumMap<>(Breakdown.class);
        List<Breakdown> wanted = java.util.Arrays.stream(Breakdown.values()).filter(settings.breakdowns()::contains).toList();
        // the breakdowns are independent partitions of the same persons: computed in parallel (read-only inputs)
        List<Map<String, GroupIndicators>> results = wanted.parallelStream()
                .map(b -> breakdown(b, persons, all, n, sample.households(), settings, is)).toList();
        for (int i = 0; i < wanted.size(); i++) {
            out.put(wanted.get(i), results.get(i));
        }
        return new CountyReport(settings, out);
    }

    /** The groups of one breakdown, in display order. */
    private static Map<String, GroupIndicators> breakdown(Breakdown b, CountyPersons persons, Columns all, int n,
                                                          int householdCount, CountySettings settings, IndicatorSettings is) {
        // household index → its index within the current group (-1 outside it): a group's arrays are then sized by
        // its own households, not by all of the county's (48 villages would otherwise allocate 48 county-sized arrays)
        int[] local = new int[householdCount];
        java.util.Arrays.fill(local, -1);
        if (b == Breakdown.KEY_GROUP) {
            return keyGroups(persons, all, local, is);
        }
        // group index per person, then person indices per group (count, then fill)
        Map<String, Integer> index = new HashMap<>();
        List<String> codes = new ArrayList<>();
        int[] group = new int[n];
        for (int p = 0; p < n; p++) {
            String g = persons.group(b, p, settings.ageGroups());
            Integer i = index.get(g);
            if (i == null) {
                i = codes.size();
                index.put(g, i);
                codes.add(g);
            }
            group[p] = i;
        }
        int[] start = new int[codes.size() + 1];
        for (int p = 0; p < n; p++) {
            start[group[p] + 1]++;
        }
        for (int g = 0; g < codes.size(); g++) {
            start[g + 1] += start[g];
        }
        int[] fill = start.clone();
        int[] order = new int[n];
        for (int p = 0; p < n; p++) {
            order[fill[group[p]]++] = p;
        }
        Map<String, GroupIndicators> groups = new HashMap<>();
        for (int g = 0; g < codes.size(); g++) {
            groups.put(codes.get(g), group(persons, all, order, start[g], start[g + 1], local, is));
        }
        return ordered(b, groups, settings.ageGroups());
    }

    /** The key groups in their declared order, each over its members (a person may be in several). */
    private static Map<String, GroupIndicators> keyGroups(CountyPersons persons, Columns all, int[] local, IndicatorSettings is) {
        List<String> ids = persons.keyGroups();
        int total = 0;
        for (int g = 0; g < ids.size(); g++) {
            total += persons.membersCount(g);
        }
        int[] order = new int[total];
        int[] start = new int[ids.size() + 1];
        for (int g = 0; g < ids.size(); g++) {
            int n = persons.membersCount(g);
            for (int i = 0; i < n; i++) {
                order[start[g] + i] = persons.member(g, i);
            }
            start[g + 1] = start[g] + n;
        }
        Map<String, GroupIndicators> out = new LinkedHashMap<>();
        for (int g = 0; g < ids.size(); g++) {
            out.put(ids.get(g), start[g] == start[g + 1] ? empty(is)
                    : group(persons, all, order, start[g], start[g + 1], local, is));
        }
        return out;
    }

    /** A group without persons: counts 0, every measure undefined (NaN). */
    private static GroupIndicators empty(IndicatorSettings is) {
        List<IndicatorSet.Quantile> quantiles = new ArrayList<>();
        for (double p : is.quantileLevels()) {
            quantiles.add(new IndicatorSet.Quantile(p, Double.NaN));
        }
        List<IndicatorSet.AbsolutePoverty> absolute = new ArrayList<>();
        for (PovertyLine line : is.lines()) {
            absolute.add(new IndicatorSet.AbsolutePoverty(line.name(), line.amount(), Double.NaN, Double.NaN, Double.NaN));
        }
        List<IndicatorSet.BracketShare> brackets = new ArrayList<>();
        for (IncomeBracket b : is.brackets()) {
            brackets.add(new IndicatorSet.BracketShare(b.name(), b.lower(), b.upper(), Double.NaN));
        }
        double nan = Double.NaN;
        IndicatorSet set = new IndicatorSet(0, 0, 0, nan, nan, quantiles, nan, nan, nan, nan, nan, nan, nan, List.of(),
                new IndicatorSet.RelativePoverty(is.relativeLineFraction(), nan, nan, nan), absolute, brackets);
        return new GroupIndicators(set, nan, nan, new GroupIndicators.Share(0, 0), new GroupIndicators.Share(0, 0));
    }

    private record Columns(double[] equivalised, double[] perCapita, double[] family, double[] weights, int[] households) {
    }

    private static GroupIndicators group(CountyPersons persons, Columns all, int[] order, int from, int to, int[] local,
                                         IndicatorSettings settings) {
        int householdCount = 0;
        int n = to - from;
        double[] eq = new double[n];
        double[] pc = new double[n];
        double[] fa = new double[n];
        double[] w = new double[n];
        int[] hh = new int[n];
        double urbanW = 0;
        double urbanSum = 0;
        double ruralW = 0;
        double ruralSum = 0;
        double monitored = 0;
        double accurate = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            int p = order[from + i];
            eq[i] = all.equivalised[p];
            pc[i] = all.perCapita[p];
            fa[i] = all.family[p];
            w[i] = all.weights[p];
            int h = all.households[p];
            if (local[h] < 0) {
                local[h] = householdCount++;
            }
            hh[i] = local[h];
            total += w[i];
            Boolean urban = persons.urban(p);
            if (urban != null) {
                if (urban) {
                    urbanW += w[i];
                    urbanSum += w[i] * pc[i];
                } else {
                    ruralW += w[i];
                    ruralSum += w[i] * pc[i];
                }
            }
            if (persons.monitored(p)) {
                monitored += w[i];
            }
            if (persons.relationshipAccurate(p)) {
                accurate += w[i];
            }
        }
        IndicatorSet set = Indicators.of(eq, pc, fa, w, hh, householdCount, settings);
        for (int i = 0; i < n; i++) {
            local[all.households[order[from + i]]] = -1;
        }
        return new GroupIndicators(set, urbanW > 0 ? urbanSum / urbanW : Double.NaN, ruralW > 0 ? ruralSum / ruralW : Double.NaN,
                new GroupIndicators.Share(monitored, total), new GroupIndicators.Share(accurate, total));
    }

    /** Age groups in age order, other breakdowns by code; {@link CountyPersons#UNKNOWN} last. */
    private static Map<String, GroupIndicators> ordered(Breakdown b, Map<String, GroupIndicators> groups, AgeGroups ageGroups) {
        Map<String, GroupIndicators> out = new LinkedHashMap<>();
        if (b == Breakdown.AGE_GROUP) {
            for (String label : ageGroups.labels()) {
                if (groups.containsKey(label)) {
                    out.put(label, groups.get(label));
                }
            }
        } else {
            TreeMap<String, GroupIndicators> sorted = new TreeMap<>(groups);
            sorted.remove(CountyPersons.UNKNOWN);
            out.putAll(sorted);
        }
        if (groups.containsKey(CountyPersons.UNKNOWN)) {
            out.put(CountyPersons.UNKNOWN, groups.get(CountyPersons.UNKNOWN));
        }
        return out;
    }
}
