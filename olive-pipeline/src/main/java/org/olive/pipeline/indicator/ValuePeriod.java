package org.olive.pipeline.indicator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period of an indicator value: a year ({@code 2023}), a quarter ({@code 2023-Q2}) or a month ({@code 2023-05}),
 * matching the statistical frequencies of the targets documents (年度, 季度, 月度).
 */
public record ValuePeriod(String text, int year) implements Comparable<ValuePeriod> {

    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(Q[1-4]|0[1-9]|1[0-2]))?");

    /**
     * Reads a period.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static ValuePeriod parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("period '" + t + "' is not a year (2023), a quarter (2023-Q2) or a"
                    + " month (2023-05)");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 1990 || year > 2100) {
            throw new IllegalArgumentException("period '" + t + "': year outside 1990-2100");
        }
        return new ValuePeriod(t, year);
    }

    public static ValuePeriod ofYear(int year) {
        return parse(String.valueOf(year));
    }

    /** True for a whole year. */
    public boolean wholeYear() {
        return text.length() == 4;
    }

    /** Whole years sort after their sub-periods, so that a year's own value wins over its last month or quarter. */
    @Override
    public int compareTo(ValuePeriod o) {
        if (year != o.year) {
            return Integer.compare(year, o.year);
        }
        if (wholeYear() != o.wholeYear()) {
            return wholeYear() ? 1 : -1;
        }
        return sortKey().compareTo(o.sortKey());
    }

    private String sortKey() {
        // quarters as their last month, so 2023-Q2 sorts with 2023-06
        if (text.length() == 7 && text.charAt(5) == 'Q') {
            int q = text.charAt(6) - '0';
            return String.format("%04d-%02d~", year, q * 3);
        }
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
