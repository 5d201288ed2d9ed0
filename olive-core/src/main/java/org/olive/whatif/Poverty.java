package org.olive.whatif;

/**
 * Poverty measures against a line of each unit's own (the 低保 standard of its family's area): the
 * Foster–Greer–Thorbecke index and the cost of closing the gaps. {@code org.olive.indicator.Distribution#fgt} takes one
 * line for everyone; here the lines differ by area.
 */
public final class Poverty {

    private Poverty() {
    }

    /**
     * FGT_α = (1/Σw) Σ_{y<z} w·((z−y)/z)^α, each unit against its own line z (α = 0 headcount ratio, 1 poverty gap
     * index, 2 severity). 0 for no weight.
     *
     * @param incomes per-capita incomes
     * @param lines   each unit's line (positive)
     * @param weights persons (residents) of each unit
     */
    public static double fgt(double[] incomes, double[] lines, double[] weights, double alpha) {
        if (alpha < 0) {
            throw new IllegalArgumentException("FGT alpha must be ≥ 0: " + alpha);
        }
        double s = 0;
        double total = 0;
        for (int i = 0; i < incomes.length; i++) {
            if (!(lines[i] > 0)) {
                throw new IllegalArgumentException("poverty line must be positive: " + lines[i]);
            }
            total += weights[i];
            if (incomes[i] < lines[i]) {
                double g = (lines[i] - incomes[i]) / lines[i];
                s += weights[i] * (alpha == 0 ? 1 : Math.pow(g, alpha));
            }
        }
        return total == 0 ? 0 : s / total;
    }

    /** Σ over units below their line of (line − per-capita income) × persons: yuan a year to bring everyone to the line. */
    public static double gapCost(double[] incomes, double[] lines, double[] weights) {
        double s = 0;
        for (int i = 0; i < incomes.length; i++) {
            if (incomes[i] < lines[i]) {
                s += (lines[i] - incomes[i]) * weights[i];
            }
        }
        return s;
    }
}
