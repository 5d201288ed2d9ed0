package org.olive.person;

/**
 * How one field of a record compared with a candidate: the outcome, the field's weight (what full agreement is
 * worth under the rules in force) and the contribution actually added to the score (the agreement weight, the
 * partial weight, the disagreement penalty, or 0 when a value is missing).
 *
 * @param field        the field
 * @param outcome      agreed, partly agreed, disagreed or missing
 * @param weight       the field's agreement weight
 * @param contribution the points this comparison added to the total (negative for a disagreement)
 * @param detail       a short English explanation (never an ID number)
 */
public record FieldComparison(MatchField field, Outcome outcome, double weight, double contribution, String detail) {

    /** The outcome of comparing one field. */
    public enum Outcome {
        AGREED, PARTIAL, DISAGREED, MISSING
    }
}
