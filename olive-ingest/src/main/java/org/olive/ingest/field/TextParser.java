package org.olive.ingest.field;

/**
 * Free text (names, addresses): stripped of surrounding white space, otherwise kept as written; refused when longer
 * than {@link #maxLength()} characters, which in a name column usually means a shifted or merged row.
 */
public record TextParser(int maxLength) implements FieldParser<String> {

    /** Default longest text accepted. */
    public static final int DEFAULT_MAX_LENGTH = 500;

    public TextParser {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
    }

    @Override
    public ParseResult<String> parse(String raw) {
        String s = TextNormalizer.strip(raw);
        if (s.codePointCount(0, s.length()) > maxLength) {
            return ParseResult.error("text of " + s.codePointCount(0, s.length()) + " characters is longer than the limit of " + maxLength);
        }
        return ParseResult.ok(s);
    }
}
