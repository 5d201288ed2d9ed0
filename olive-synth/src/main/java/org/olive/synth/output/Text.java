package org.olive.synth.output;

import java.time.LocalDate;

/**
 * Cheap formatting of dates, times and numbers into character buffers, without per-call allocation: dates
 * come from a precomputed table of every day 1880-01-01..2099-12-31, numbers are appended digit by digit.
 */
public final class Text {

    private static final int FIRST_DAY = (int) LocalDate.of(1880, 1, 1).toEpochDay();
    private static final int LAST_DAY = (int) LocalDate.of(2099, 12, 31).toEpochDay();
    private static final char[][] ISO = new char[LAST_DAY - FIRST_DAY + 1][];
    private static final char[][] COMPACT = new char[LAST_DAY - FIRST_DAY + 1][];

    static {
        LocalDate d = LocalDate.of(1880, 1, 1);
        for (int i = 0; i < ISO.length; i++, d = d.plusDays(1)) {
            String iso = d.toString();
            ISO[i] = iso.toCharArray();
            COMPACT[i] = (iso.substring(0, 4) + iso.substring(5, 7) + iso.substring(8, 10)).toCharArray();
        }
    }

    private Text() {
    }

    /** {@code yyyy-MM-dd} of an epoch day. */
    public static char[] isoDate(int epochDay) {
        return ISO[epochDay - FIRST_DAY];
    }

    public static String isoDateString(int epochDay) {
        return new String(ISO[epochDay - FIRST_DAY]);
    }

    /** {@code yyyyMMdd} of an epoch day. */
    public static char[] compactDate(int epochDay) {
        return COMPACT[epochDay - FIRST_DAY];
    }

    /** Appends a non-negative or negative long; returns the new position. */
    public static int appendLong(char[] buf, int pos, long v) {
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        if (v < 10) {
            buf[pos++] = (char) ('0' + v);
            return pos;
        }
        int start = pos;
        while (v > 0) {
            buf[pos++] = (char) ('0' + (v % 10));
            v /= 10;
        }
        for (int i = start, j = pos - 1; i < j; i++, j--) {
            char t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return pos;
    }

    /** Appends cents as yuan with two decimals ({@code 1234.50}). */
    public static int appendMoney(char[] buf, int pos, long cents) {
        if (cents < 0) {
            buf[pos++] = '-';
            cents = -cents;
        }
        pos = appendLong(buf, pos, cents / 100);
        buf[pos++] = '.';
        int c = (int) (cents % 100);
        buf[pos++] = (char) ('0' + c / 10);
        buf[pos++] = (char) ('0' + c % 10);
        return pos;
    }

    /** Appends a two-digit number. */
    public static int append2(char[] buf, int pos, int v) {
        buf[pos++] = (char) ('0' + v / 10);
        buf[pos++] = (char) ('0' + v % 10);
        return pos;
    }

    private static final String[] SMALL = new String[100];

    static {
        for (int i = 0; i < 100; i++) {
            SMALL[i] = Integer.toString(i);
        }
    }

    /** A small non-negative integer as a shared string (codes such as 20, 38, 70). */
    public static String small(int v) {
        return v >= 0 && v < 100 ? SMALL[v] : Integer.toString(v);
    }

    /** A non-negative or negative decimal with a fixed number of decimals (0–4), without String.format. */
    public static String fixed(double value, int decimals) {
        long scale = decimals == 0 ? 1 : decimals == 1 ? 10 : decimals == 2 ? 100 : decimals == 3 ? 1000 : 10000;
        long v = Math.round(value * scale);
        char[] b = new char[32];
        int pos = 0;
        if (v < 0) {
            b[pos++] = '-';
            v = -v;
        }
        pos = appendLong(b, pos, v / scale);
        if (decimals > 0) {
            b[pos++] = '.';
            long frac = v % scale;
            for (long d = scale / 10; d >= 1; d /= 10) {
                b[pos++] = (char) ('0' + (frac / d) % 10);
            }
        }
        return new String(b, 0, pos);
    }

    /** Money as a string with two decimals. */
    public static String money(long cents) {
        char[] b = new char[24];
        return new String(b, 0, appendMoney(b, 0, cents));
    }
}
