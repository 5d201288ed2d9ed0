package org.olive.indicator;

/**
 * How the county's persons are grouped for the indicators (domain.md §7). {@link #COUNTY} is the single group of every
 * person; the others group persons by one attribute. A person whose attribute is unknown falls in the group
 * {@link CountyPersons#UNKNOWN}, so that the groups of a breakdown always add up to the county.
 */
public enum Breakdown {
    COUNTY, TOWNSHIP, VILLAGE, URBAN_RURAL, SEX, AGE_GROUP;

    /** Parses the CLI names {@code county}, {@code township}, {@code village}, {@code urban-rural}, {@code sex}, {@code age}. */
    public static Breakdown parse(String s) {
        return switch (s.strip().toLowerCase().replace('_', '-')) {
            case "county" -> COUNTY;
            case "township" -> TOWNSHIP;
            case "village" -> VILLAGE;
            case "urban-rural" -> URBAN_RURAL;
            case "sex" -> SEX;
            case "age", "age-group" -> AGE_GROUP;
            default -> throw new IllegalArgumentException("unknown breakdown '" + s
                    + "': use county, township, village, urban-rural, sex or age");
        };
    }
}
