package org.olive.ingest.field;

import java.util.regex.Pattern;

import org.olive.identity.IdNumber;

/**
 * Resident ID numbers (GB 11643). A 15-digit legacy number is upgraded to 18 digits and reported as a repair, not
 * refused; spaces inside the number and full-width digits are removed and reported. A number that a spreadsheet
 * stored as a floating-point value ({@code 3.30922199001011E+17}) has lost its last digits and is refused with that
 * explanation.
 */
public record IdNumberParser() implements FieldParser<IdNumber> {

    private static final Pattern SCIENTIFIC = Pattern.compile("\\d(\\.\\d+)?[eE]\\+?\\d+");

    @Override
    public ParseResult<IdNumber> parse(String raw) {
        String n = TextNormalizer.normalize(raw);
        String s = TextNormalizer.removeSpaces(n);
        if (SCIENTIFIC.matcher(s).matches()) {
            return ParseResult.error("ID number '" + s + "' was stored as a number by a spreadsheet and has lost its last digits; "
                    + "format the column as text at the source");
        }
        if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        IdNumber.ParseResult r = IdNumber.parse(s);
        if (!r.valid()) {
            return ParseResult.error(r.error());
        }
        java.util.List<String> repairs = new java.util.ArrayList<>();
        if (!s.equals(TextNormalizer.strip(raw))) {
            repairs.add("removed spaces or full-width characters from the ID number");
        }
        if (r.upgradedFrom15()) {
            repairs.add("upgraded 15-digit ID number to 18 digits");
        }
        return new ParseResult<>(r.id(), null, repairs);
    }
}
