package org.olive.income;

import org.olive.period.Period;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How the family figures are computed: the dated lines, the named brackets and the size of the typical family. Read
 * from the {@code lines:}, {@code brackets:} and {@code typical_family_size} of {@code income.yaml} by
 * {@link IncomeParameters}, the one source of these figures (docs/income.md). A step asks for them at its period:
 * {@link #at(Period)}.
 *
 * @param brackets    any number of brackets, ids unique
 * @param typicalSize the typical family the per-capita figure is scaled to (3, 三口之家)
 */
public record FamilyIncomeRules(IncomeLines lines, List<Bracket> brackets, int typicalSize) {

    public FamilyIncomeRules {
        brackets = List.copyOf(brackets);
        Set<String> ids = new HashSet<>();
        for (Bracket b : brackets) {
            if (!ids.add(b.id())) {
                throw new IllegalArgumentException("bracket id '" + b.id() + "' is given twice");
            }
        }
        if (typicalSize < 1) {
            throw new IllegalArgumentException("typical family size must be at least 1, found " + typicalSize);
        }
    }

    /** The lines and the brackets that apply at a period (on its last day). */
    public IncomeRulesAt at(Period p) {
        return new IncomeRulesAt(p, lines.at(p),
                brackets.stream().filter(b -> b.validOn(p.lastDay())).toList(), typicalSize);
    }

    /** A bracket by id, whatever its validity. */
    public Optional<Bracket> bracket(String id) {
        return brackets.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /** A copy with other lines (tests). */
    public FamilyIncomeRules withLines(IncomeLines value) {
        return new FamilyIncomeRules(value, brackets, typicalSize);
    }

    /** A copy with other brackets (tests). */
    public FamilyIncomeRules withBrackets(List<Bracket> value) {
        return new FamilyIncomeRules(lines, value, typicalSize);
    }
}
