package org.olive.indicator;

import java.util.List;

/**
 * A family-income bracket [lower, upper) in yuan per year, for the share of persons living in families within it
 * (domain.md §5 and §7, pilot indicators 2 and 3).
 *
 * @param name  a short name for reports
 * @param lower inclusive lower bound
 * @param upper exclusive upper bound, greater than {@code lower}
 */
public record IncomeBracket(String name, double lower, double upper) {

    public IncomeBracket {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an income bracket needs a name");
        }
        if (!(upper > lower)) {
            throw new IllegalArgumentException("bracket " + name + ": upper bound " + upper + " must exceed lower bound " + lower);
        }
    }

    /** The pilot's two middle-income brackets: family DI 10–50万 and 20–60万. */
    public static List<IncomeBracket> middleIncomeDefaults() {
        return List.of(new IncomeBracket("10-50万", 100_000, 500_000), new IncomeBracket("20-60万", 200_000, 600_000));
    }
}
