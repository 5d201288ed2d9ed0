package org.olive.ingest.field;

/**
 * Parses and validates one kind of value. Implementations are immutable and thread-safe; they receive a value that
 * is not blank (blank values are the caller's: required or not) and never throw on bad input.
 */
@FunctionalInterface
public interface FieldParser<T> {

    ParseResult<T> parse(String raw);
}
