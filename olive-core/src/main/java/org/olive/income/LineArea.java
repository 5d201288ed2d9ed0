package org.olive.income;

/**
 * Where a dated line figure applies (docs/income.md): the whole county, its urban or its rural part (by the GB/T
 * urban-rural class of the family's village), a township (9-digit code) or a village (12-digit code). A more specific
 * area's figure replaces the county's there.
 *
 * @param code {@code ""} for the county, {@code urban}, {@code rural}, a 9-digit township code or a 12-digit village
 *             code (a 12-digit code ending in 000 is its township's)
 */
public record LineArea(String code) {

    /** The whole county: the figure of every family no more specific figure applies to. */
    public static final LineArea COUNTY = new LineArea("");

    public LineArea {
        if (code == null) {
            code = "";
        }
        code = code.strip();
        if (code.length() == 12 && code.endsWith("000") && code.chars().allMatch(Character::isDigit)) {
            code = code.substring(0, 9);
        }
        if (!(code.isEmpty() || code.equals("urban") || code.equals("rural")
                || (code.length() == 9 || code.length() == 12) && code.chars().allMatch(Character::isDigit))) {
            throw new IllegalArgumentException("'" + code + "' is not an area: a township's 9-digit code, a village's "
                    + "12-digit code, urban or rural");
        }
    }

    /** 0 for the county, 1 urban or rural, 2 a township, 3 a village: the most specific area in force wins. */
    public int specificity() {
        return switch (code.length()) {
            case 0 -> 0;
            case 9 -> 2;
            case 12 -> 3;
            default -> 1;
        };
    }

    /** Whether the area holds the family. */
    public boolean covers(FamilyArea a) {
        return switch (specificity()) {
            case 0 -> true;
            case 1 -> a.urban() != null && a.urban() == code.equals("urban");
            case 2 -> code.equals(a.township()) || a.village() != null && a.village().startsWith(code);
            default -> code.equals(a.village());
        };
    }

    /** The township or village code, null for the county and the urban / rural parts. */
    public String divisionCode() {
        return specificity() >= 2 ? code : null;
    }

    @Override
    public String toString() {
        return code.isEmpty() ? "county" : code;
    }
}
