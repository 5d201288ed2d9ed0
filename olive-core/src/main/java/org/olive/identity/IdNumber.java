package org.olive.identity;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A resident identity number (居民身份证号码) as defined by GB 11643-1999.
 *
 * <p>Eighteen characters: a six-digit address code, an eight-digit birth date (YYYYMMDD), a three-digit
 * sequence code whose last digit is odd for men and even for women, and an ISO 7064 MOD 11-2 check
 * character ({@code 0-9} or {@code X}). The legacy 15-digit form (two-digit year, no check character)
 * is upgraded by inserting {@code 19} before the year and appending the check character.
 *
 * <p>Instances are always valid; use {@link #parse(String)} to obtain one or a reason why not.
 */
public final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private final String value;

    private IdNumber(String value) {
        this.value = value;
    }

    /** The outcome of parsing: a valid number (possibly repaired) or the reason it is invalid. */
    public record ParseResult(IdNumber id, boolean upgradedFrom15, String error) {
        public boolean valid() {
            return id != null;
        }
    }

    /**
     * Parses an 18-digit number, or upgrades a 15-digit legacy one. Whitespace around the value is ignored
     * and a lower-case {@code x} is accepted.
     */
    public static ParseResult parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new ParseResult(null, false, "ID number is empty");
        }
        String s = raw.strip().toUpperCase();
        if (s.length() == 15) {
            if (!allDigits(s, 15)) {
                return new ParseResult(null, false, "15-digit ID number contains a non-digit");
            }
            String body = s.substring(0, 6) + "19" + s.substring(6);
            String err = checkBirthDate(body);
            if (err != null) {
                return new ParseResult(null, false, err);
            }
            return new ParseResult(new IdNumber(body + checkChar(body)), true, null);
        }
        if (s.length() != 18) {
            return new ParseResult(null, false, "ID number must have 18 characters (or 15 legacy digits), found " + s.length());
        }
        if (!allDigits(s, 17)) {
            return new ParseResult(null, false, "ID number has a non-digit in its first 17 characters");
        }
        char last = s.charAt(17);
        if (!(Character.isDigit(last) || last == 'X')) {
            return new ParseResult(null, false, "ID number check character must be 0-9 or X");
        }
        String err = checkBirthDate(s);
        if (err != null) {
            return new ParseResult(null, false, err);
        }
        char expected = checkChar(s.substring(0, 17));
        if (expected != last) {
            return new ParseResult(null, false, "ID number check character is " + last + ", expected " + expected);
        }
        return new ParseResult(new IdNumber(s), false, null);
    }

    /** Parses a number that must be valid; throws {@link IllegalArgumentException} with the reason otherwise. */
    public static IdNumber of(String raw) {
        ParseResult r = parse(raw);
        if (!r.valid()) {
            throw new IllegalArgumentException(r.error() + ": " + mask(raw));
        }
        return r.id();
    }

    /** Builds a valid number from its parts; used by generators and tests. */
    public static IdNumber compose(String addressCode, LocalDate birthDate, int sequence, boolean male) {
        if (addressCode.length() != 6 || !allDigits(addressCode, 6)) {
            throw new IllegalArgumentException("address code must be 6 digits: " + addressCode);
        }
        int seq = Math.floorMod(sequence, 500) * 2 + (male ? 1 : 0);
        if (seq == 0) {
            seq = 2;
        }
        String body = addressCode + String.format("%04d%02d%02d", birthDate.getYear(), birthDate.getMonthValue(), birthDate.getDayOfMonth())
                + String.format("%03d", seq);
        return new IdNumber(body + checkChar(body));
    }

    /** ISO 7064 MOD 11-2 check character over the first 17 digits. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public String value() {
        return value;
    }

    public String addressCode() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    public boolean male() {
        return (value.charAt(16) - '0') % 2 == 1;
    }

    /** The masked form shown in the user interface and logs: first 6 and last 4 characters kept. */
    public String masked() {
        return mask(value);
    }

    /**
     * Masks any string that may hold an ID number, keeping the first 6 and last 4 characters
     * ({@code 330922********123X}). Short values are masked entirely.
     */
    public static String mask(String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw.strip();
        if (s.length() <= 10) {
            return "*".repeat(s.length());
        }
        return s.substring(0, 6) + "*".repeat(s.length() - 10) + s.substring(s.length() - 4);
    }

    private static boolean allDigits(String s, int n) {
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String checkBirthDate(String s) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
            if (d.getYear() < 1880) {
                return "ID number birth date " + d + " is before 1880";
            }
            return null;
        } catch (DateTimeException e) {
            return "ID number birth date " + s.substring(6, 14) + " is not a calendar date";
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdNumber other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked, so that an accidental log line never leaks the number. */
    @Override
    public String toString() {
        return masked();
    }

}
