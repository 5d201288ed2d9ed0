package org.olive.ingest.field;

import java.util.EnumSet;
import java.util.Set;

import org.olive.geography.Division;
import org.olive.geography.Divisions;

/**
 * 12-digit statistical division codes that must be a village/community or township of the county. A 9-digit
 * township code is padded with {@code 000} (and reported); any other code, or one of another county, is refused.
 *
 * @param divisions the county's divisions
 * @param allowed   the levels accepted (by default village and township)
 */
public record DivisionCodeParser(Divisions divisions, Set<Division.Level> allowed) implements FieldParser<String> {

    public DivisionCodeParser {
        allowed = Set.copyOf(allowed);
    }

    /** Villages and townships of the county. */
    public static DivisionCodeParser villageOrTownship(Divisions divisions) {
        return new DivisionCodeParser(divisions, EnumSet.of(Division.Level.VILLAGE, Division.Level.TOWNSHIP));
    }

    @Override
    public ParseResult<String> parse(String raw) {
        String s = TextNormalizer.removeSpaces(TextNormalizer.normalize(raw));
        String repair = null;
        if (s.length() == 9 && s.chars().allMatch(Character::isDigit)) {
            repair = "padded 9-digit township code " + s + " to 12 digits";
            s = s + "000";
        }
        Division d = divisions.get(s);
        if (d == null) {
            return ParseResult.error("'" + TextNormalizer.strip(raw) + "' is not a division code of "
                    + divisions.county().name() + " (" + divisions.county().code() + ")");
        }
        if (!allowed.contains(d.level())) {
            return ParseResult.error(s + " (" + d.name() + ") is a " + d.level().name().toLowerCase(java.util.Locale.ROOT)
                    + ", expected " + allowed.stream().map(l -> l.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList());
        }
        return repair == null ? ParseResult.ok(s) : ParseResult.repaired(s, repair);
    }
}
