package org.olive.identity;

/**
 * A unified social credit code (统一社会信用代码) as defined by GB 32100-2015.
 *
 * <p>Eighteen characters from a 31-character alphabet (digits and upper-case letters without I, O, S, V, Z):
 * registration authority (1), entity type (1), administrative division (6), organisation code (9, itself
 * carrying a GB 11714 check character) and a MOD 31 check character.
 */
public final class CreditCode {

    /** The code alphabet; a character's index is its numeric value. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    /** Entity kinds that Olive distinguishes by the first two characters. */
    public enum Kind {
        ENTERPRISE("91"), INDIVIDUAL_BUSINESS("92"), FARMERS_COOPERATIVE("93"), OTHER("");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    private final String value;

    private CreditCode(String value) {
        this.value = value;
    }

    public record ParseResult(CreditCode code, String error) {
        public boolean valid() {
            return code != null;
        }
    }

    public static ParseResult parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new ParseResult(null, "credit code is empty");
        }
        String s = raw.strip().toUpperCase();
        if (s.length() != 18) {
            return new ParseResult(null, "credit code must have 18 characters, found " + s.length());
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return new ParseResult(null, "credit code has a character outside the GB 32100 alphabet at position " + (i + 1) + ": " + s.charAt(i));
            }
        }
        char expected = checkChar(s.substring(0, 17));
        if (expected != s.charAt(17)) {
            return new ParseResult(null, "credit code check character is " + s.charAt(17) + ", expected " + expected);
        }
        return new ParseResult(new CreditCode(s), null);
    }

    public static CreditCode of(String raw) {
        ParseResult r = parse(raw);
        if (!r.valid()) {
            throw new IllegalArgumentException(r.error() + ": " + raw);
        }
        return r.code();
    }

    /**
     * Composes a valid code for a kind, a six-digit division and a serial number; the organisation code is
     * derived from the serial with its own GB 11714 check character.
     */
    public static CreditCode compose(Kind kind, String division6, long serial) {
        String prefix = kind == Kind.OTHER ? "Y1" : kind.prefix();
        String orgBody = String.format("%08d", Math.floorMod(serial, 100_000_000L));
        String org = orgBody + orgCheckChar(orgBody);
        String first17 = prefix + division6 + org;
        return new CreditCode(first17 + checkChar(first17));
    }

    /** GB 32100 MOD 31 check character. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    /** GB 11714 organisation-code check character over 8 body characters (digits or letters). */
    public static char orgCheckChar(String body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = body8.charAt(i);
            int v = Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
            sum += v * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    public String value() {
        return value;
    }

    public Kind kind() {
        String p = value.substring(0, 2);
        for (Kind k : Kind.values()) {
            if (!k.prefix.isEmpty() && k.prefix.equals(p)) {
                return k;
            }
        }
        return Kind.OTHER;
    }

    public String divisionCode() {
        return value.substring(2, 8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreditCode other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
