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
        return switch (this) {
            case PER_CAPITA -> ages.length;
            case SQUARE_ROOT -> Math.sqrt(ages.length);
            case MODIFIED_OECD -> {
                // The first member counted with weight 1 is an adult if there is one.
                boolean firstAdultCounted = false;
                double size = 0;
                for (int age : ages) {
                    if (age >= OECD_ADULT_AGE) {
                        size += firstAdultCounted ? 0.5 : 1.0;
                        firstAdultCounted = true;
                    } else {
                        size += 0.3;
                    }
                }
                if (!firstAdultCounted) {
                    // A household of children only: the first child counts as the head.
                    size += 0.7;
                }
                yield size;
            }
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
