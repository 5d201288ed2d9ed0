package org.olive.ingest.xlsx;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Excel's serial dates: days since 1899-12-30 (the 1900 system, which counts the non-existent 1900-02-29) or
 * since 1904-01-01, with the time of day as the fraction.
 */
public final class ExcelDates {

    /** Built-in number formats 14–22 and 45–47 are dates or times (ECMA-376 §18.8.30). */
    private static final int[][] BUILT_IN_DATE_IDS = {{14, 22}, {27, 36}, {45, 47}, {50, 58}};
    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);
    private static final long SECONDS_PER_DAY = 86_400;

    private ExcelDates() {
    }

    /** Whether a number format shows a date: a built-in date format, or a custom one with y/m/d outside quotes and brackets. */
    public static boolean isDateFormat(Integer id, String format) {
        if (id != null) {
            for (int[] range : BUILT_IN_DATE_IDS) {
                if (id >= range[0] && id <= range[1]) {
                    return true;
                }
            }
        }
        if (format == null) {
            return false;
        }
        boolean quoted = false;
        boolean bracket = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '[') {
                bracket = true;
            } else if (!quoted && c == ']') {
                bracket = false;
            } else if (!quoted && !bracket && (c == 'y' || c == 'Y' || c == 'd' || c == 'D' || c == '年' || c == '日')) {
                return true;
            }
        }
        return false;
    }

    /** The date (or date-time when the serial has a time part) of a serial, or {@code null} when not a number. */
    public static String toIso(String serial, boolean date1904) {
        BigDecimal v;
        try {
            v = new BigDecimal(serial.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        if (v.signum() < 0) {
            return null;
        }
        long days = v.setScale(0, RoundingMode.FLOOR).longValueExact();
        long seconds = v.subtract(BigDecimal.valueOf(days)).multiply(BigDecimal.valueOf(SECONDS_PER_DAY))
                .setScale(0, RoundingMode.HALF_UP).longValue();
        LocalDate date = date1904 ? EPOCH_1904.plusDays(days) : serialDate1900(days);
        if (seconds == 0) {
            return date.toString();
        }
        return LocalDateTime.of(date, java.time.LocalTime.MIDNIGHT).plusSeconds(seconds).toString();
    }

    /** The 1900 system: serial 1 is 1900-01-01, and serials from 61 on are off by Excel's fictitious 1900-02-29. */
    public static LocalDate serialDate1900(long days) {
        if (days < 61) {
            return EPOCH_1900.plusDays(days + 1);
        }
        return EPOCH_1900.plusDays(days);
    }
}
