package org.olive.indicator;

import org.olive.income.FamilyIncomeRules;

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

    /** Name of the 10–50万 bracket (income.yaml {@code brackets.middle_10_50}). */
    public static final String MIDDLE_10_50 = "10-50万";
    /** Name of the 20–60万 bracket (income.yaml {@code brackets.middle_20_60}). */
    public static final String MIDDLE_20_60 = "20-60万";

    /** The pilot's two middle-income brackets with the bounds of income.yaml {@code brackets:}. */
    public static List<IncomeBracket> of(FamilyIncomeRules rules) {
        return List.of(new IncomeBracket(MIDDLE_10_50, rules.lower1050(), rules.upper1050()),
                new IncomeBracket(MIDDLE_20_60, rules.lower2060(), rules.upper2060()));
    }
}
