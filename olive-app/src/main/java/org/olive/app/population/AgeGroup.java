package org.olive.app.population;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An age filter of the population lists: the three broad groups of the statistics bureau (0-14, 15-59, 60+) or a
 * 5-year band ({@code 20-24}); {@code 100+} is the last band.
 *
 * @param label the filter as written in the URL
 * @param min   lowest age included
 * @param max   highest age included, or null for open-ended
 */
public record AgeGroup(String label, int min, Integer max) {

    /** The broad groups, in order. */
    public static final List<AgeGroup> BROAD = List.of(
            new AgeGroup("0-14", 0, 14), new AgeGroup("15-59", 15, 59), new AgeGroup("60+", 60, null));

    /** Width of the pyramid's bands, and the first age of its open-ended last band. */
    public static final int BAND = org.olive.pipeline.ledger.PopulationListFigures.AGE_BAND;
    public static final int LAST_BAND_START = 100;

    private static final Pattern RANGE = Pattern.compile("(\\d{1,3})-(\\d{1,3})");
    private static final Pattern OPEN = Pattern.compile("(\\d{1,3})\\+");

    /**
     * Parses a filter: {@code a-b} with a ≤ b, or {@code a+}.
     *
     * @throws IllegalArgumentException naming the value and what is expected
     */
    public static AgeGroup parse(String text) {
        String t = text.strip();
        Matcher m = RANGE.matcher(t);
        if (m.matches()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            if (a <= b) {
                return new AgeGroup(t, a, b);
            }
        }
        Matcher o = OPEN.matcher(t);
        if (o.matches()) {
            return new AgeGroup(t, Integer.parseInt(o.group(1)), null);
        }
        throw new IllegalArgumentException("age '" + text + "' is not a range like 15-59 or an open group like 60+");
    }

    /** The label of the 5-year band of a band index (age / 5). */
    public static String bandLabel(int band) {
        int start = band * BAND;
        return start >= LAST_BAND_START ? LAST_BAND_START + "+" : start + "-" + (start + BAND - 1);
    }

    /**
     * Whether the group is a whole number of bands ({@code 15-59}, {@code 60+}), so that it can be read from counts per
     * band; bands of ages over {@link #LAST_BAND_START} are not merged there.
     */
    public boolean wholeBands() {
        return min % BAND == 0 && (max == null || (max + 1) % BAND == 0);
    }

    public boolean contains(int age) {
        return age >= min && (max == null || age <= max);
    }
}
