package org.olive.whatif;

import java.util.List;

/**
 * A what-if scenario (docs/whatif.md): its name, title, description and shocks, and the YAML text it was read from
 * (saved with each run).
 */
public record Scenario(String name, String title, String description, List<Shock> shocks, String text) {

    public Scenario {
        shocks = List.copyOf(shocks);
    }

    /** The line shocks' change of the 低保 standard: the factor (1 without one). */
    public double dibaoFactor() {
        double f = 1;
        for (Shock s : shocks) {
            if (s.isLine() && s.factor() != null) {
                f *= s.factor();
            }
        }
        return f;
    }

    /** The line shocks' change of the 低保 standard: yuan per person per year added (0 without one). */
    public double dibaoAmount() {
        double a = 0;
        for (Shock s : shocks) {
            if (s.isLine() && s.amount() != null) {
                a += s.amount();
            }
        }
        return a;
    }

    /** Whether a shock changes a line. */
    public boolean changesLines() {
        return shocks.stream().anyMatch(Shock::isLine);
    }
}
