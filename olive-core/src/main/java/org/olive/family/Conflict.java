package org.olive.family;

import java.util.List;

/**
 * A contradiction in the records that the builder cannot settle by rule alone: a case for a person to resolve.
 *
 * @param key         identifies the same case across runs: kind and the persons concerned, e.g.
 *                    "DEAD_STILL_LISTED:330922…"; a decision is stored under this key
 * @param kind        what kind of contradiction
 * @param personIds   the persons concerned (ID numbers)
 * @param hukouNo     the registration household concerned, if any
 * @param evidence    the records that contradict each other, in plain words with their sources
 * @param provisional what the builder does while the case is open
 * @param options     the decisions a person may take (the first is the provisional one)
 * @param decision    the decision applied in this build (from the resolutions), or null while open
 */
public record Conflict(String key, Kind kind, List<String> personIds, String hukouNo, String villageCode,
                       String evidence, String provisional, List<String> options, String decision) {

    public enum Kind {
        /** The hukou's spouse coding disagrees with the marriage register, or a hukou lists two spouses. */
        SPOUSE_MISMATCH,
        /** A person listed as normal in two hukous. */
        TWO_HUKOUS,
        /** A person listed as normal in the hukou although a death is registered. */
        DEAD_STILL_LISTED,
        /** A minor whose registered parents (birth register) live in another hukou. */
        PARENTS_ELSEWHERE,
        /** Ages that cannot be: a parent not at least 14 years older than a child, a married minor, an age over 120 … */
        IMPOSSIBLE_AGE,
        /** Several couples of a hukou could be a member's parents and no record settles which. */
        AMBIGUOUS_PARENTS,
        /**
         * A person listed as normal in the hukou who has left no trace at all for a year (no crossing, no row in the
         * datasets that show a person alive): possibly dead before the registers delivered, or long gone.
         */
        NO_TRACE
    }

    public boolean open() {
        return decision == null;
    }
}
