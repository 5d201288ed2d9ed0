package org.olive.income;

import org.olive.period.Period;

import java.util.List;
import java.util.Optional;

/**
 * The family rules in force at a period: the lines on its last day and the brackets valid then
 * ({@link FamilyIncomeRules#at(Period)}).
 */
public record IncomeRulesAt(Period period, LinesAt lines, List<Bracket> brackets, int typicalSize) {

    public IncomeRulesAt {
        brackets = List.copyOf(brackets);
    }

    /** A bracket valid at the period, by id. */
    public Optional<Bracket> bracket(String id) {
        return brackets.stream().filter(b -> b.id().equals(id)).findFirst();
    }
}
