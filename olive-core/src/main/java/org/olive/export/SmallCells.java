package org.olive.export;

/**
 * Small-cell suppression of published counts of persons (M11; docs/county-profile.md "Small cells"): a count from 1 to
 * {@code minPersons - 1} is not published; it is shown as {@code <minPersons} (text, page, XLSX) or as null with a
 * {@code suppressed} mark (JSON, CSV). Zero is published: it names nobody. The threshold is the county profile's dated
 * {@code publication.min_cell_persons} (income.yaml), never a constant of the code.
 *
 * <p>A group of cells whose total is published (the occupations of a report and the coded persons, the villages of a
 * group and its size) would give a lone hidden cell away by subtraction. {@link #hide(long...)} therefore also hides
 * the smallest other non-zero cell when exactly one is hidden (secondary suppression). What remains (differences
 * between a county and a township view, between periods, between two tables) is documented as residual risk.
 *
 * @param minPersons the smallest count published; 0 or 1 publishes every count ({@link #EXACT})
 */
public record SmallCells(int minPersons) {

    /** Every count exact: for a role that may read the persons themselves (docs/access.md). */
    public static final SmallCells EXACT = new SmallCells(0);

    public SmallCells {
        if (minPersons < 0) {
            throw new IllegalArgumentException("the smallest published count must not be negative, found " + minPersons);
        }
    }

    /** Whether every count is published as it is. */
    public boolean exact() {
        return minPersons <= 1;
    }

    /** Whether a count is too small to publish (primary suppression): 0 &lt; n &lt; minPersons. */
    public boolean hides(long n) {
        return n > 0 && n < minPersons;
    }

    /** What a hidden count is shown as: {@code <5}. */
    public String label() {
        return "<" + minPersons;
    }

    /** A count as published text: the number, or {@link #label()} when hidden. */
    public String show(long n) {
        return hides(n) ? label() : String.valueOf(n);
    }

    /**
     * The cells of one group with a published total to hide: every small cell, and, when that is exactly one, also
     * the smallest other non-zero cell, so that the total minus the rest does not give it back.
     */
    public boolean[] hide(long... cells) {
        boolean[] out = new boolean[cells.length];
        int hidden = 0;
        for (int i = 0; i < cells.length; i++) {
            out[i] = hides(cells[i]);
            hidden += out[i] ? 1 : 0;
        }
        if (hidden == 1) {
            int next = -1;
            for (int i = 0; i < cells.length; i++) {
                if (!out[i] && cells[i] > 0 && (next < 0 || cells[i] < cells[next])) {
                    next = i;
                }
            }
            if (next >= 0) {
                out[next] = true;
            }
        }
        return out;
    }
}
