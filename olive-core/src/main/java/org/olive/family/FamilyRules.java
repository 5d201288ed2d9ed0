package org.olive.family;

/**
 * The configurable thresholds of family building (defaults from domain.md §6). They decide which kinship links are
 * plausible when the registers do not settle them, and which ages are impossible.
 *
 * @param minParentAgeGap   a parent is at least this many years older than a child (below: IMPOSSIBLE_AGE)
 * @param maxAge            an age above this is impossible (IMPOSSIBLE_AGE)
 * @param maxParentAgeGap   a candidate parent is at most this many years older than the child (plausibility)
 * @param maxSpouseAgeGap   a candidate spouse differs in age by at most this many years (plausibility)
 * @param adultAge          below this age a person is a minor (married minor: IMPOSSIBLE_AGE; PARENTS_ELSEWHERE)
 * @param typicalParentAge  when several couples could be a child's parents, the provisional choice is the one whose
 *                          age at the child's birth is closest to this
 */
public record FamilyRules(int minParentAgeGap, int maxAge, int maxParentAgeGap, int maxSpouseAgeGap, int adultAge,
                          int typicalParentAge) {

    public FamilyRules {
        if (minParentAgeGap < 0 || maxParentAgeGap <= minParentAgeGap) {
            throw new IllegalArgumentException("family rules: parent age gap must satisfy 0 <= min (" + minParentAgeGap
                    + ") < max (" + maxParentAgeGap + ")");
        }
        if (maxAge <= 0 || maxSpouseAgeGap < 0 || adultAge <= 0 || typicalParentAge <= 0) {
            throw new IllegalArgumentException("family rules: maxAge, maxSpouseAgeGap, adultAge and typicalParentAge "
                    + "must be positive");
        }
    }

    /** The two thresholds of the original contract; the others take their defaults. */
    public FamilyRules(int minParentAgeGap, int maxAge) {
        this(minParentAgeGap, maxAge, 55, 20, 18, 28);
    }

    public static FamilyRules defaults() {
        return new FamilyRules(14, 120, 55, 20, 18, 28);
    }
}
