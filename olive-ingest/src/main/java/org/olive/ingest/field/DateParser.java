package org.olive.ingest.field;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.olive.ingest.xlsx.ExcelDates;

/**
 * Calendar dates in the forms Chinese departments use: {@code 2023-01-05}, {@code 2023-1-5}, {@code 2023/1/5},
 * {@code 2023.1.5}, {@code 20230105}, {@code 2023年1月5日}, each optionally followed by a time of day (which is
 * dropped), and Excel serial day numbers ({@code 44931}) left over from spreadsheets, which are accepted and
 * reported. Impossible dates (2023-02-30), dates before {@link #earliest()} and dates after {@link #latest()} (the
 * future) are refused with the reason.
 *
 * @param earliest         the earliest plausible date
 * @param latest           the latest plausible date (usually today, or the end of the period being loaded)
 * @param minExcelSerial   the smallest number read as an Excel serial date
 * @param maxExcelSerial   the largest number read as an Excel serial date
 */
public record DateParser(LocalDate earliest, LocalDate latest, int minExcelSerial, int maxExcelSerial) implements FieldParser<LocalDate> {

    /** Values longer than this are refused before pattern matching. */
    public static final int MAX_LENGTH = 64;

    /** Default earliest date: GB 11643 birth dates start in 1880. */
    public static final LocalDate DEFAULT_EARLIEST = LocalDate.of(1880, 1, 1);
    /** Serial 10 000 is 1927-05-18. */
    public static final int DEFAULT_MIN_EXCEL_SERIAL = 10_000;
    /** Serial 99 999 is 2173-10-14. */
    public static final int DEFAULT_MAX_EXCEL_SERIAL = 99_999;

    private static final Pattern SEPARATED = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T].*)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:[ T].*)?");
    private static final Pattern SERIAL = Pattern.compile("(\\d{5})(?:\\.0+)?");

    public DateParser {
        if (earliest.isAfter(latest) || minExcelSerial > maxExcelSerial) {
            throw new IllegalArgumentException("earliest must not be after latest, min serial not above max serial");
        }
    }

    /** Dates from 1880 up to {@code latest}. */
    public static DateParser upTo(LocalDate latest) {
        return new DateParser(DEFAULT_EARLIEST, latest, DEFAULT_MIN_EXCEL_SERIAL, DEFAULT_MAX_EXCEL_SERIAL);
    }

    @Override
    public ParseResult<LocalDate> parse(String raw) {
        String s = TextNormalizer.normalize(raw);
        if (s.length() > MAX_LENGTH) {
            return ParseResult.error("a value of " + s.length() + " characters is too long to be a date");
        }
        if (isIsoDate(s)) {
            LocalDate d;
            try {
                d = LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
            } catch (DateTimeException e) {
                return ParseResult.error("'" + s + "' is not a calendar date");
            }
            return check(d, s, null);
        }
        Matcher m = SEPARATED.matcher(s);
        if (!m.matches()) {
            m = COMPACT.matcher(s);
        }
        if (m.matches()) {
            LocalDate d;
            try {
                d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                return ParseResult.error("'" + s + "' is not a calendar date");
            }
            return check(d, s, null);
        }
        Matcher serial = SERIAL.matcher(s);
        if (serial.matches()) {
            int n = Integer.parseInt(serial.group(1));
            if (n >= minExcelSerial && n <= maxExcelSerial) {
                LocalDate d = ExcelDates.serialDate1900(n);
                return check(d, s, "read Excel serial date " + n + " as " + d);
            }
        }
        return ParseResult.error("'" + s + "' is not a date (expected e.g. 2023-01-05, 2023/1/5, 20230105 or 2023年1月5日)");
    }

    /** The common {@code yyyy-MM-dd} form, parsed without a regular expression. */
    private static boolean isIsoDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = s.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + s.charAt(i) - '0';
        }
        return v;
    }

    private ParseResult<LocalDate> check(LocalDate d, String s, String repair) {
        if (d.isAfter(latest)) {
            return ParseResult.error("date " + d + " is in the future (after " + latest + ")");
        }
        if (d.isBefore(earliest)) {
            return ParseResult.error("date " + d + " is before " + earliest + ", which is not plausible");
        }
        return repair == null ? ParseResult.ok(d) : ParseResult.repaired(d, repair);
    }
}
