package org.olive.ingest.field;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.olive.period.Period;

/**
 * Months as {@code 2023-01}, {@code 2023-1}, {@code 2023/01}, {@code 2023.01}, {@code 202301} or {@code 2023年1月}.
 * Months after {@link #latest()} (the future) and before {@link #earliest()} are refused.
 *
 * @param earliest the earliest plausible month
 * @param latest   the latest plausible month (usually the period being loaded)
 */
public record MonthParser(Period earliest, Period latest) implements FieldParser<Period> {

    /** Values longer than this are refused before pattern matching. */
    public static final int MAX_LENGTH = 64;

    /** Default earliest month. */
    public static final Period DEFAULT_EARLIEST = Period.of(1950, 1);

    private static final Pattern SEPARATED = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})");

    @Override
    public ParseResult<Period> parse(String raw) {
        String s = TextNormalizer.normalize(raw);
        if (s.length() > MAX_LENGTH) {
            return ParseResult.error("a value of " + s.length() + " characters is too long to be a month");
        }
        Matcher m = SEPARATED.matcher(s);
        if (!m.matches()) {
            m = COMPACT.matcher(s);
        }
        if (!m.matches()) {
            return ParseResult.error("'" + s + "' is not a month (expected e.g. 2023-01, 202301 or 2023年1月)");
        }
        Period p;
        try {
            p = new Period(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        } catch (DateTimeException e) {
            return ParseResult.error("'" + s + "' is not a calendar month");
        }
        if (p.compareTo(latest) > 0) {
            return ParseResult.error("month " + p + " is in the future (after " + latest + ")");
        }
        if (p.compareTo(earliest) < 0) {
            return ParseResult.error("month " + p + " is before " + earliest + ", which is not plausible");
        }
        return ParseResult.ok(p);
    }
}
