package org.olive.person;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The matcher's conclusion for one record, with everything needed to explain it: the best candidate and its
 * field-by-field comparison, the runner-up (whose score decides whether the best one is distinct enough), how many
 * candidates were compared, and the reason for the status in plain English.
 *
 * @param status    MATCHED, REVIEW or NO_CANDIDATE
 * @param best      the best-scoring candidate, or {@code null} when no candidate shared a blocking key
 * @param runnerUp  the second best, or {@code null}
 * @param compared  how many candidates were scored
 * @param reason    why this status, naming scores and thresholds
 */
public record MatchResult(MatchStatus status, Scored best, Scored runnerUp, int compared, String reason) {

    /** One candidate's score: the per-field comparisons and their total. */
    public record Scored(Candidate candidate, double total, List<FieldComparison> comparisons) {
        public Scored {
            comparisons = List.copyOf(comparisons);
        }

        /** The comparisons in one line, e.g. {@code ID_BODY AGREED +12, NAME PARTIAL +3 (...)}; no ID numbers. */
        public String explain() {
            return comparisons.stream()
                    .map(c -> c.field() + " " + c.outcome() + " " + signed(c.contribution()) + " (" + c.detail() + ")")
                    .collect(Collectors.joining(", ")) + " = " + signed(total);
        }
    }

    /** The candidate to attribute the record to: the best one when MATCHED, otherwise none. */
    public Candidate matched() {
        return status == MatchStatus.MATCHED ? best.candidate() : null;
    }

    static String signed(double v) {
        String s = v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
        return v >= 0 ? "+" + s : s;
    }
}
