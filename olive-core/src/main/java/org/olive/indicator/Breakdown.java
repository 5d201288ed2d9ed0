package org.olive.indicator;

/**
 * How the county's persons are grouped for the indicators (domain.md §7). {@link #COUNTY} is the single group of every
 * person; the partitions group persons by one attribute: a person whose attribute is unknown falls in the group
 * {@link CountyPersons#UNKNOWN}, so that the groups of a partition always add up to the county.
 *
 * <p>{@link #KEY_GROUP} is no partition: its groups are the key groups (群体, "7+4") enabled at the period, each over
 * its members among the persons ({@link CountyPersons#keyGroups()}); a person in several groups counts in each, a
 * person in none in none, so its groups do not add up to the county.
 */
public enum Breakdown {
    COUNTY, TOWNSHIP, VILLAGE, URBAN_RURAL, SEX, AGE_GROUP, KEY_GROUP;

    /** Whether every person is in exactly one group of the breakdown (all but {@link #KEY_GROUP}). */
    public boolean partition() {
        return this != KEY_GROUP;
    }

    /**
     * Parses the CLI names {@code county}, {@code township}, {@code village}, {@code urban-rural}, {@code sex},
     * {@code age}, {@code key-group} (or {@code key_group}, {@code group}).
     */
    public static Breakdown parse(String s) {
        return switch (s.strip().toLowerCase().replace('_', '-')) {
            case "county" -> COUNTY;
            case "township" -> TOWNSHIP;
            case "village" -> VILLAGE;
            case "urban-rural" -> URBAN_RURAL;
            case "sex" -> SEX;
            case "age", "age-group" -> AGE_GROUP;
            case "key-group", "key-groups", "group", "groups" -> KEY_GROUP;
            default -> throw new IllegalArgumentException("unknown breakdown '" + s
                    + "': use county, township, village, urban-rural, sex, age or key_group");
        };
    }
}
