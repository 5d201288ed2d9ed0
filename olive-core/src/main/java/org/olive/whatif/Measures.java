package org.olive.whatif;

import org.olive.indicator.Distribution;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The measures of a set of families, before or after a scenario (docs/whatif.md): persons, mean per-capita DI, Gini
 * (persons weighted, {@link Distribution#gini()}), FGT 0/1/2 against each family's 低保 standard ({@link Poverty}),
 * families below the 低保 and 低边 lines, the share of families in each bracket of income.yaml (pilot indicators 2
 * and 3), the families warned red and yellow, and the gap cost at the 低保 standard.
 *
 * @param brackets bracket id → share of the families in it (0..1)
 * @param gapCost  Σ over families below the 低保 standard of (line − per-capita DI) × weight, yuan a year
 */
public record Measures(long families, double persons, double meanPerCapita, double gini, double fgt0, double fgt1,
                       double fgt2, long belowDibao, long belowDibian, Map<String, Double> brackets, long red,
                       long yellow, double gapCost) {

    /**
     * One family in a breakdown.
     *
     * @param perCapita its per-capita DI
     * @param dibao     the 低保 standard of its area
     * @param weight    its persons in the breakdown (its residents; for a group, its residents in the group)
     * @param flags     its family flags: bracket ids and the ids of the lines it is below (dibao, dibian …)
     * @param colour    RED, YELLOW or GREEN
     */
    public record Unit(double perCapita, double dibao, double weight, Set<String> flags, String colour) {
    }

    /** The measures of the units; {@code bracketIds} in the profile's order. */
    public static Measures of(Collection<Unit> units, List<String> bracketIds) {
        int n = units.size();
        double[] y = new double[n];
        double[] z = new double[n];
        double[] w = new double[n];
        long dibao = 0;
        long dibian = 0;
        long red = 0;
        long yellow = 0;
        double persons = 0;
        double sum = 0;
        Map<String, Double> brackets = new LinkedHashMap<>();
        bracketIds.forEach(b -> brackets.put(b, 0.0));
        int i = 0;
        for (Unit u : units) {
            y[i] = u.perCapita();
            z[i] = u.dibao();
            w[i] = u.weight();
            persons += u.weight();
            sum += u.perCapita() * u.weight();
            dibao += u.flags().contains("dibao") ? 1 : 0;
            dibian += u.flags().contains("dibian") ? 1 : 0;
            red += "RED".equals(u.colour()) ? 1 : 0;
            yellow += "YELLOW".equals(u.colour()) ? 1 : 0;
            for (String b : bracketIds) {
                if (u.flags().contains(b)) {
                    brackets.merge(b, 1.0, Double::sum);
                }
            }
            i++;
        }
        if (n > 0) {
            brackets.replaceAll((k, v) -> v / n);
        }
        // Distribution gives it in per cent (EU-SILC); the what-if reports the coefficient 0..1
        double gini = persons > 0 ? Distribution.of(y, w).gini() / 100 : 0;
        return new Measures(n, persons, persons > 0 ? sum / persons : 0, gini, Poverty.fgt(y, z, w, 0),
                Poverty.fgt(y, z, w, 1), Poverty.fgt(y, z, w, 2), dibao, dibian, brackets, red, yellow,
                Poverty.gapCost(y, z, w));
    }
}
