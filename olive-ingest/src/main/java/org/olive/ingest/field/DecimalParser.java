package org.olive.ingest.field;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Decimal quantities and money amounts: refused when not numeric or outside a plausible range, rounded half-up to
 * {@link #scale()} decimals. For amounts ({@link #currency()} true) a currency sign or unit ({@code ¥ ￥ 元}) is
 * removed and {@code 万}/{@code 万元} is multiplied out; both are reported as repairs, as are rounding and
 * thousands separators. Floating-point noise from spreadsheets (e.g. {@code 1234.5600000000001}) is removed
 * silently when it is below {@link #NOISE}.
 *
 * @param scale    decimals kept (2 for yuan)
 * @param min      the smallest plausible value
 * @param max      the largest plausible value
 * @param currency whether currency signs and units are accepted
 */
public record DecimalParser(int scale, BigDecimal min, BigDecimal max, boolean currency) implements FieldParser<BigDecimal> {

    /** Differences below this after rounding are spreadsheet noise, not data. */
    public static final BigDecimal NOISE = new BigDecimal("1e-9");

    public DecimalParser {
        if (scale < 0 || min.compareTo(max) > 0) {
            throw new IllegalArgumentException("scale must be >= 0 and min <= max");
        }
    }

    /** Yuan amounts with 2 decimals in a range. */
    public static DecimalParser amount(BigDecimal min, BigDecimal max) {
        return new DecimalParser(2, min, max, true);
    }

    @Override
    public ParseResult<BigDecimal> parse(String raw) {
        NumberText.Cleaned c = NumberText.clean(raw, currency);
        if (c.error() != null) {
            return ParseResult.error(c.error());
        }
        BigDecimal v = c.value();
        BigDecimal rounded = v.setScale(scale, RoundingMode.HALF_UP);
        if (rounded.compareTo(min) < 0 || rounded.compareTo(max) > 0) {
            return ParseResult.error("value " + rounded.toPlainString() + " is outside the plausible range ["
                    + min.toPlainString() + ", " + max.toPlainString() + "]");
        }
        java.util.List<String> repairs = new java.util.ArrayList<>();
        if (c.scaledByWan()) {
            repairs.add("multiplied '" + raw.strip() + "' by 10000 (unit 万)");
        } else if (c.hadCurrency()) {
            repairs.add("removed the currency sign or unit from '" + raw.strip() + "'");
        }
        if (rounded.subtract(v).abs().compareTo(NOISE) > 0) {
            repairs.add("rounded " + v.toPlainString() + " to " + rounded.toPlainString());
        }
        String plain = TextNormalizer.strip(raw);
        if (repairs.isEmpty() && !isPlainNumber(plain)) {
            repairs.add("normalised number '" + plain + "' to " + rounded.toPlainString());
        }
        return new ParseResult<>(rounded, null, repairs);
    }

    private static boolean isPlainNumber(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!(ch >= '0' && ch <= '9' || ch == '.' || ch == '-' && i == 0 || ch == 'E' || ch == 'e' || ch == '+')) {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
