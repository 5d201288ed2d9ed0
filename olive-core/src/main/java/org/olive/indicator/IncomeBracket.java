package org.olive.indicator;

import org.olive.income.BracketBasis;
import org.olive.income.IncomeRulesAt;

import java.util.List;

/**
 * A family-income bracket [lower, upper) in yuan per year, for the share of persons living in families within it
 * (domain.md §5 and §7, pilot indicators 2 and 3).
 *
 * @param name  a short name for reports
 * @param lower inclusive lower bound
 * @param upper exclusive upper bound, greater than {@code lower}
 * @param basis the family income tested against it; null: the settings' {@link IndicatorSettings#familyIncomeBasis()}
 */
public record IncomeBracket(String name, double lower, double upper, IndicatorSettings.FamilyIncomeBasis basis) {

    /** A bracket tested on the settings' basis. */
    public IncomeBracket(String name, double lower, double upper) {
        this(name, lower, upper, null);
    }

    public IncomeBracket {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an income bracket needs a name");
        }
        if (!(upper > lower)) {
            throw new IllegalArgumentException("bracket " + name + ": upper bound " + upper + " must exceed lower bound " + lower);
        }
    }

    /**
     * The brackets of the profile valid at a period (income.yaml {@code brackets:}), named by their Chinese names, each
     * on its own basis.
     */
    public static List<IncomeBracket> of(IncomeRulesAt rules) {
        return rules.brackets().stream().map(b -> new IncomeBracket(b.nameZh(), b.lower(), b.upper(),
                b.basis() == BracketBasis.FAMILY_DI ? IndicatorSettings.FamilyIncomeBasis.ACTUAL_FAMILY
                        : IndicatorSettings.FamilyIncomeBasis.TYPICAL_FAMILY)).toList();
    }

    /** This bracket tested on another basis. */
    public IncomeBracket withBasis(IndicatorSettings.FamilyIncomeBasis value) {
        return new IncomeBracket(name, lower, upper, value);
    }
}
