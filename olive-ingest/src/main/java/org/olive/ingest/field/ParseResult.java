package org.olive.ingest.field;

import java.util.List;

/**
 * The outcome of parsing one value: the value (possibly after a repair), or the reason it was refused.
 *
 * @param value   the parsed value, {@code null} when refused
 * @param error   why the value was refused, {@code null} when accepted
 * @param repairs what was changed to accept it (e.g. "upgraded a 15-digit ID number"), empty when nothing was
 */
public record ParseResult<T>(T value, String error, List<String> repairs) {

    public ParseResult {
        repairs = List.copyOf(repairs);
        if ((value == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of value and error must be set");
        }
    }

    public static <T> ParseResult<T> ok(T value) {
        return new ParseResult<>(value, null, List.of());
    }

    public static <T> ParseResult<T> repaired(T value, String... repairs) {
        return new ParseResult<>(value, null, List.of(repairs));
    }

    public static <T> ParseResult<T> error(String reason) {
        return new ParseResult<>(null, reason, List.of());
    }

    public boolean ok() {
        return error == null;
    }

    public boolean wasRepaired() {
        return !repairs.isEmpty();
    }
}
