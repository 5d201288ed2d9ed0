package org.olive.assistance;

import org.olive.period.Period;

import java.time.LocalDate;
import java.util.List;

/**
 * The parameters of assistance cases in force at a period (the {@code cases:} section of warnings.yaml; docs/cases.md).
 *
 * @param validFrom        the first period of this version
 * @param key              the version's key in messages, e.g. {@code warnings.yaml:cases[0]}
 * @param dueDaysRed       days after the period's last day by which a red family's assistance must start
 * @param dueDaysYellow    the same for a yellow family
 * @param evaluationMonths months after the first assistance at which the run evaluates the case, ascending
 *                         (e.g. 3 and 6); the first one moves ASSISTING → EVALUATING
 * @param reopenMonths     a closed case whose family is red or yellow again within this many months of its closing
 *                         period is reopened instead of a new case being opened
 */
public record CaseParameters(Period validFrom, String key, int dueDaysRed, int dueDaysYellow,
                             List<Integer> evaluationMonths, int reopenMonths) {

    public CaseParameters {
        evaluationMonths = List.copyOf(evaluationMonths);
    }

    /** The due date of a case opened (or reopened) at a period for a colour (RED or YELLOW). */
    public LocalDate dueOn(Period opened, String colour) {
        return opened.lastDay().plusDays("RED".equals(colour) ? dueDaysRed : dueDaysYellow);
    }

    /**
     * Whether a case is overdue on a day: it still waits for assistance to start (discovered, warned, reopened) and its
     * due date has passed.
     */
    public static boolean overdue(CaseState state, LocalDate dueOn, LocalDate asOf) {
        return state != null && state.awaitsAssistance() && dueOn != null && dueOn.isBefore(asOf);
    }

    /** Whether a case closed at {@code closedIn} is reopened by a warning at {@code warnedIn}. */
    public boolean reopens(Period closedIn, Period warnedIn) {
        return closedIn != null && closedIn.compareTo(warnedIn) <= 0
                && !closedIn.month().plusMonths(reopenMonths).isBefore(warnedIn.month());
    }

    /** The number of months from {@code from} to {@code to} (negative when to is earlier). */
    public static int monthsBetween(Period from, Period to) {
        return (int) java.time.temporal.ChronoUnit.MONTHS.between(from.month(), to.month());
    }
}
