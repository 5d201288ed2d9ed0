package org.olive.indicator;

/**
 * How a household's income is shared among its members for comparisons between persons (domain.md §7).
 *
 * <p>Every person carries the household income divided by the household's equivalent size.
 */
public enum EquivalenceScale {
    /** Household income / number of members: the national-statistics convention and Olive's default. */
    PER_CAPITA,
    /** Modified OECD: 1 for the first adult, 0.5 for each other member aged 14 or over, 0.3 for each child under 14. */
    MODIFIED_OECD,
    /** Square root of the number of members. */
    SQUARE_ROOT;

    /** Age from which a member counts as an adult on the modified OECD scale. */
    public static final int OECD_ADULT_AGE = 14;

    /**
     * The equivalent size of a household.
     *
     * @param ages ages of all members in whole years; must not be empty
     */
    public double size(int[] ages) {
        if (ages.length == 0) {
            throw new IllegalArgumentException("a household has at least one member");
        }
        int adults = 0;
        for (int age : ages) {
            if (age >= OECD_ADULT_AGE) {
                adults++;
            }
        }
        return size(ages.length, adults);
    }

    /**
     * The equivalent size of a household from its member counts.
     *
     * @param members all members, at least 1
     * @param adults  members aged {@value #OECD_ADULT_AGE} or over, between 0 and {@code members}
     */
    public double size(int members, int adults) {
        if (members < 1 || adults < 0 || adults > members) {
            throw new IllegalArgumentException("a household has at least one member and at most as many adults as members: "
                    + members + " members, " + adults + " adults");
        }
        return switch (this) {
            case PER_CAPITA -> members;
            case SQUARE_ROOT -> Math.sqrt(members);
            // 1 for the first adult, 0.5 for each other adult, 0.3 for each child; a household of children only
            // counts its first child as the head (1).
            case MODIFIED_OECD -> adults > 0
                    ? 1 + 0.5 * (adults - 1) + 0.3 * (members - adults)
                    : 1 + 0.3 * (members - 1);
        };
    }

    /** Parses {@code per-capita}, {@code oecd} or {@code sqrt} (case-insensitive), as the CLI accepts them. */
    public static EquivalenceScale parse(String s) {
        return switch (s.strip().toLowerCase()) {
            case "per-capita", "per_capita", "percapita" -> PER_CAPITA;
            case "oecd", "modified-oecd", "modified_oecd" -> MODIFIED_OECD;
            case "sqrt", "square-root", "square_root" -> SQUARE_ROOT;
            default -> throw new IllegalArgumentException("unknown equivalence scale '" + s + "': use per-capita, oecd or sqrt");
        };
    }
}
