package org.olive.ingest.field;

import java.math.BigDecimal;

/**
 * Cleans the text of a number as departments write it: full-width digits and signs, thousands separators (ASCII or
 * full-width comma, or spaces between digit groups), a currency sign or unit ({@code ¥ ￥ 元 RMB}), the ideographic
 * full stop used as a decimal point, and an accounting-style negative in parentheses. The unit 万 (10 000) is
 * applied and reported.
 */
final class NumberText {

    /** Numbers with more integer digits than this are refused before any arithmetic (e.g. {@code 1e999999999}). */
    static final int MAX_INTEGER_DIGITS = 24;

    private NumberText() {
    }

    /** A cleaned number or a reason, with the repairs made. */
    record Cleaned(BigDecimal value, String error, boolean scaledByWan, boolean hadCurrency) {
    }

    static Cleaned clean(String raw, boolean allowCurrency) {
        String s = TextNormalizer.normalize(raw).replace('。', '.');
        boolean currency = false;
        boolean wan = false;
        if (allowCurrency) {
            String before = s;
            s = s.replace("¥", "").replace("￥", "").replace("RMB", "").replace("rmb", "");
            if (s.endsWith("万元")) {
                s = s.substring(0, s.length() - 2);
                wan = true;
            } else if (s.endsWith("元")) {
                s = s.substring(0, s.length() - 1);
            } else if (s.endsWith("万")) {
                s = s.substring(0, s.length() - 1);
                wan = true;
            }
            currency = !before.equals(s);
            s = TextNormalizer.strip(s);
        }
        boolean negative = false;
        if (s.length() > 2 && s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1).strip();
        }
        String digits = removeGrouping(s);
        if (digits == null) {
            return new Cleaned(null, "'" + raw.strip() + "' is not a number", false, false);
        }
        BigDecimal v;
        try {
            v = new BigDecimal(digits);
        } catch (NumberFormatException e) {
            return new Cleaned(null, "'" + raw.strip() + "' is not a number", false, false);
        }
        if ((long) v.precision() - v.scale() > MAX_INTEGER_DIGITS) {
            return new Cleaned(null, "'" + raw.strip() + "' is too large to be a plausible value", false, false);
        }
        if (negative) {
            v = v.negate();
        }
        if (wan) {
            v = v.multiply(BigDecimal.valueOf(10_000));
        }
        return new Cleaned(v, null, wan, currency);
    }

    /**
     * Removes thousands separators when they group digits by three before the decimal point; returns {@code null}
     * when commas or spaces appear anywhere else (e.g. "1,23" is ambiguous and refused).
     */
    private static String removeGrouping(String s) {
        if (s.indexOf(',') < 0 && s.indexOf(' ') < 0) {
            return s;
        }
        int dot = s.indexOf('.');
        String intPart = dot < 0 ? s : s.substring(0, dot);
        String frac = dot < 0 ? "" : s.substring(dot);
        if (frac.indexOf(',') >= 0 || frac.indexOf(' ') >= 0) {
            return null;
        }
        String sign = "";
        if (intPart.startsWith("-") || intPart.startsWith("+")) {
            sign = intPart.substring(0, 1);
            intPart = intPart.substring(1);
        }
        String[] groups = intPart.split("[, ]", -1);
        if (groups[0].isEmpty() || groups[0].length() > 3) {
            return null;
        }
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3) {
                return null;
            }
        }
        return sign + String.join("", groups) + frac;
    }
}
