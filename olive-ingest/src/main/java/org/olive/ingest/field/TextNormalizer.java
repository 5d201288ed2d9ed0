package org.olive.ingest.field;

/**
 * Normalises what Chinese input methods and spreadsheets put into numbers and codes: full-width ASCII variants
 * (U+FF01–U+FF5E, e.g. {@code ０-９}, {@code Ａ-Ｚ}, {@code ，}, {@code ．}, {@code －}) become their ASCII forms, the
 * ideographic space U+3000 and no-break space become a space, U+2212 (minus sign) becomes '-', and the result is
 * stripped. Idempotent.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** Half-width, stripped form of a value. */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            char m = map(c);
            if (m != c && sb == null) {
                sb = new StringBuilder(raw.length());
                sb.append(raw, 0, i);
            }
            if (sb != null) {
                sb.append(m);
            }
        }
        return strip(sb == null ? raw : sb.toString());
    }

    private static char map(char c) {
        if (c < 0x80) {
            return c;
        }
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        return switch (c) {
            case '\u3000', '\u00A0', '\u2007', '\u202F' -> ' ';
            case '\u2212' -> '-';
            case '\uFEFF' -> ' ';
            default -> c;
        };
    }

    /** Strips ASCII, Unicode and full-width white space from both ends. */
    public static String strip(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && isSpace(s.charAt(b))) {
            b++;
        }
        while (e > b && isSpace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(b, e);
    }

    /** True for white space including U+3000, no-break spaces and the BOM. */
    public static boolean isSpace(char c) {
        if (c > ' ' && c < 0x7F) {
            return false;
        }
        return Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF';
    }

    /** True when the value is empty after normalisation. */
    public static boolean isBlank(String raw) {
        if (raw == null) {
            return true;
        }
        for (int i = 0; i < raw.length(); i++) {
            if (!isSpace(map(raw.charAt(i)))) {
                return false;
            }
        }
        return true;
    }

    /** Removes every white-space character, for codes that must not contain any. */
    public static String removeSpaces(String s) {
        int first = 0;
        while (first < s.length() && !isSpace(s.charAt(first))) {
            first++;
        }
        if (first == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isSpace(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
