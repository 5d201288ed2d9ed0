package org.olive.ingest.field;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timestamps (e.g. ferry crossings): a date in any form {@link DateParser} accepts followed by a time
 * {@code H:mm[:ss]}, or an Excel serial with a fraction. A date without a time is refused: an event needs its time.
 * Future timestamps are refused.
 *
 * @param dates  how the date part is read and bounded
 * @param latest the latest plausible timestamp
 */
public record DateTimeParser(DateParser dates, LocalDateTime latest) implements FieldParser<LocalDateTime> {

    /** Values longer than this are refused before pattern matching. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern SPLIT = Pattern.compile("(.+?)[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?");
    private static final Pattern SERIAL = Pattern.compile("\\d{5}\\.\\d+");
    private static final long SECONDS_PER_DAY = 86_400;

    @Override
    public ParseResult<LocalDateTime> parse(String raw) {
        String s = TextNormalizer.normalize(raw);
        if (s.length() > MAX_LENGTH) {
            return ParseResult.error("a value of " + s.length() + " characters is too long to be a date and time");
        }
        if (SERIAL.matcher(s).matches()) {
            BigDecimal v = new BigDecimal(s);
            long days = v.longValue();
            ParseResult<java.time.LocalDate> d = dates.parse(Long.toString(days));
            if (!d.ok()) {
                return ParseResult.error(d.error());
            }
            long seconds = v.subtract(BigDecimal.valueOf(days)).multiply(BigDecimal.valueOf(SECONDS_PER_DAY))
                    .setScale(0, java.math.RoundingMode.HALF_UP).longValue();
            LocalDateTime t = d.value().atStartOfDay().plusSeconds(seconds);
            return check(t, "read Excel serial date-time " + s + " as " + t);
        }
        Matcher m = SPLIT.matcher(s);
        if (!m.matches()) {
            return ParseResult.error("'" + s + "' is not a date and time (expected e.g. 2023-01-05 08:30:00)");
        }
        ParseResult<java.time.LocalDate> d = dates.parse(m.group(1));
        if (!d.ok()) {
            return ParseResult.error(d.error());
        }
        LocalDateTime t;
        try {
            t = d.value().atTime(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
        } catch (DateTimeException e) {
            return ParseResult.error("'" + s + "' has an impossible time of day");
        }
        return check(t, d.wasRepaired() ? d.repairs().get(0) : null);
    }

    private ParseResult<LocalDateTime> check(LocalDateTime t, String repair) {
        if (t.isAfter(latest)) {
            return ParseResult.error("time " + t + " is in the future (after " + latest + ")");
        }
        return repair == null ? ParseResult.ok(t) : ParseResult.repaired(t, repair);
    }
}
