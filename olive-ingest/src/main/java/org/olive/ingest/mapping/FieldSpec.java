package org.olive.ingest.mapping;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One canonical field of a dataset and how to find and read it in a departmental file.
 *
 * @param name      the canonical English name ({@code id_number})
 * @param type      the value type
 * @param required  whether the column must be present and every value non-empty
 * @param headers   the header names accepted for this field, in order of preference
 * @param values    an optional code-value map (source value → canonical value), applied before the type's parser;
 *                  empty when none
 * @param min       the smallest plausible value of a numeric field, or {@code null} for the type's default
 * @param max       the largest plausible value of a numeric field, or {@code null} for the type's default
 * @param maxLength the longest accepted text, or 0 for the default
 * @param future    whether a date, date-time or month may lie in the future (a contract's end, a planned end of a
 *                  spell); by default such values are refused
 */
public record FieldSpec(String name, FieldType type, boolean required, List<String> headers, Map<String, String> values,
                        BigDecimal min, BigDecimal max, int maxLength, boolean future) {

    /** How far ahead a value of a {@link #future()} field may lie. */
    public static final int FUTURE_YEARS = 100;

    /** A field whose dates must not lie in the future. */
    public FieldSpec(String name, FieldType type, boolean required, List<String> headers, Map<String, String> values,
                     BigDecimal min, BigDecimal max, int maxLength) {
        this(name, type, required, headers, values, min, max, maxLength, false);
    }

    public FieldSpec {
        headers = List.copyOf(headers);
        values = Map.copyOf(values);
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("field " + name + " has no header names");
        }
        if (type == FieldType.CODE && values.isEmpty()) {
            throw new IllegalArgumentException("field " + name + " of type code needs a values map");
        }
        if (future && type != FieldType.DATE && type != FieldType.DATETIME && type != FieldType.MONTH) {
            throw new IllegalArgumentException("field " + name + ": 'future' applies only to date, datetime and month fields");
        }
    }
}
