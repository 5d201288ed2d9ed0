package org.olive.ingest.field;

import java.math.BigDecimal;

/**
 * Whole numbers (counts, levels, years), refused when not numeric or outside a plausible range. A value written
 * with a zero fraction, as spreadsheets export ({@code 12.0}), is accepted; one with a real fraction is refused.
 *
 * @param min the smallest plausible value
 * @param max the largest plausible value
 */
public record IntegerParser(long min, long max) implements FieldParser<Long> {

    public IntegerParser {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " > max " + max);
        }
    }

    @Override
    public ParseResult<Long> parse(String raw) {
        NumberText.Cleaned c = NumberText.clean(raw, false);
        if (c.error() != null) {
            return ParseResult.error(c.error());
        }
        BigDecimal v = c.value().stripTrailingZeros();
        if (v.scale() > 0) {
            return ParseResult.error("'" + raw.strip() + "' is not a whole number");
        }
        if (v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            return ParseResult.error("value " + v.toPlainString() + " is outside the plausible range [" + min + ", " + max + "]");
        }
        long value = v.longValueExact();
        String cleaned = TextNormalizer.strip(raw);
        return cleaned.equals(Long.toString(value)) ? ParseResult.ok(value)
                : ParseResult.repaired(value, "normalised number '" + cleaned + "' to " + value);
    }
}
