package org.olive.ingest.field;

import java.util.Locale;
import java.util.Optional;

/**
 * Values that must be a code of a national table. Full-width characters and surrounding spaces are normalised and
 * letters upper-cased; when {@link #acceptNames()} is set, the exact name of a code (e.g. 户主 for 02) is accepted
 * and converted. A code that is not in the table is refused, naming the table.
 *
 * @param table       the code table
 * @param acceptNames whether names are accepted in place of codes
 */
public record CodeParser(CodeTable table, boolean acceptNames) implements FieldParser<String> {

    /** GB/T 4761 family-relation codes, accepting names such as 户主 or 长子. */
    public static CodeParser familyRelation() {
        return new CodeParser(CodeTable.familyRelations(), true);
    }

    /** GB/T 6565 occupation codes at any level. */
    public static CodeParser occupation() {
        return new CodeParser(CodeTable.occupations(), false);
    }

    /** GB/T 4754 industry codes at any level. */
    public static CodeParser industry() {
        return new CodeParser(CodeTable.industries(), false);
    }

    @Override
    public ParseResult<String> parse(String raw) {
        String s = TextNormalizer.removeSpaces(TextNormalizer.normalize(raw)).toUpperCase(Locale.ROOT);
        if (table.contains(s)) {
            return ParseResult.ok(s);
        }
        if (acceptNames) {
            Optional<String> byName = table.codeOfName(TextNormalizer.normalize(raw));
            if (byName.isPresent()) {
                return ParseResult.ok(byName.get());
            }
        }
        return ParseResult.error("'" + TextNormalizer.strip(raw) + "' is not a " + table.title() + " code");
    }
}
