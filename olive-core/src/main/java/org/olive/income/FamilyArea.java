package org.olive.income;

/**
 * Where a family lives, as the dated lines see it ({@link LineArea}); any part may be unknown (null).
 *
 * @param township its township's 9-digit code
 * @param village  its village's 12-digit code
 * @param urban    the urban-rural class of its village
 */
public record FamilyArea(String township, String village, Boolean urban) {

    /** No area: the county's own figures (the indicators' county-wide lines). */
    public static final FamilyArea COUNTY = new FamilyArea(null, null, null);
}
