package org.olive.ingest.field;

import org.olive.identity.CreditCode;

/**
 * Unified social credit codes (GB 32100): full-width characters and inner spaces are removed (and reported), lower
 * case is accepted; a wrong length, character or check character is refused with the reason.
 */
public record CreditCodeParser() implements FieldParser<CreditCode> {

    @Override
    public ParseResult<CreditCode> parse(String raw) {
        String s = TextNormalizer.removeSpaces(TextNormalizer.normalize(raw)).toUpperCase(java.util.Locale.ROOT);
        CreditCode.ParseResult r = CreditCode.parse(s);
        if (!r.valid()) {
            return ParseResult.error(r.error());
        }
        return s.equals(TextNormalizer.strip(raw)) ? ParseResult.ok(r.code())
                : ParseResult.repaired(r.code(), "normalised credit code '" + TextNormalizer.strip(raw) + "' to " + s);
    }
}
