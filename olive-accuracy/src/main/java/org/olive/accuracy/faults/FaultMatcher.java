package org.olive.accuracy.faults;

import java.sql.SQLException;
import java.util.List;

/**
 * Decides, for the faults of one type, which ones the pipeline detected or neutralised, from the evidence it left
 * in the database (rejects, repairs, edits, conflicts, the ledgers).
 */
public interface FaultMatcher {

    /** The fault type of truth/faults.csv this matcher judges. */
    String type();

    /** The outcome for these faults (all of {@link #type()}). */
    Outcome match(Evidence evidence, List<TruthFault> faults) throws SQLException;

    /**
     * What became of the faults.
     *
     * @param detected   faults detected or neutralised, each with how (rejected, repaired, edited, flagged, …)
     * @param undetected faults the evidence shows were not detected
     * @param notMatched faults for which this branch has no evidence to judge (reported as "not yet matched")
     * @param note       what counts as detected for this type, and why some are not matched
     */
    record Outcome(List<Detected> detected, List<TruthFault> undetected, List<TruthFault> notMatched, String note) {
    }

    /** A fault and the evidence that detected or neutralised it. */
    record Detected(TruthFault fault, String how) {
    }
}
