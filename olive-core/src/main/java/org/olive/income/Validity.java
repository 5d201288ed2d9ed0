package org.olive.income;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Date;

/**
 * The days a parameter is valid, both ends included; a null end is open. A period is tested on its last day (the day
 * its trailing-12-month window ends).
 *
 * @param from the first day, or null
 * @param to   the last day, or null
 */
public record Validity(LocalDate from, LocalDate to) {

    /** Always valid. */
    public static final Validity ALWAYS = new Validity(null, null);

    public Validity {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("valid_to " + to + " is before valid_from " + from);
        }
    }

    public boolean covers(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    /**
     * A date as the profile writes it: a year ({@code 2022}), a month ({@code 2021-08}) or a day ({@code 2021-08-01},
     * which YAML reads as a timestamp). {@code end} picks the last day of a year or month (for valid_to), else the first.
     */
    public static LocalDate parse(Object v, boolean end, String key) {
        if (v instanceof Date d) {
            return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        if (v instanceof LocalDate d) {
            return d;
        }
        String s = String.valueOf(v).strip();
        try {
            if (s.matches("\\d{4}")) {
                int y = Integer.parseInt(s);
                return end ? LocalDate.of(y, 12, 31) : LocalDate.of(y, 1, 1);
            }
            if (s.matches("\\d{4}-\\d{2}")) {
                YearMonth m = YearMonth.parse(s);
                return end ? m.atEndOfMonth() : m.atDay(1);
            }
            return LocalDate.parse(s);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + ": '" + v + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        }
    }
}
