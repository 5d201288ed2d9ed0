package org.olive.income;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One line's dated figures (docs/income.md "Lines and brackets"): a figure applies from its date (null: from the
 * start) in its area until the next figure of the same area. Where several areas hold a family (the county, its urban or
 * rural part, its township, its village), the most specific one with a figure in force wins. Every line has a
 * county-wide figure, so a family whose area is unknown still gets one.
 *
 * @param key     the profile key, e.g. {@code lines.dibao}, named in errors
 * @param source  the file the figures come from, named in errors
 * @param figures the figures in the file's order
 */
public record DatedFigures(String key, String source, List<Figure> figures) {

    /**
     * One dated figure.
     *
     * @param from     its first day, or null (from the start)
     * @param area     where it applies
     * @param value    an amount in yuan, a multiple of the 低保 standard, or a wage tier
     * @param multiple whether {@code value} is a multiple of the 低保 standard of the same day and area
     * @param key      its key in the profile, e.g. {@code lines.dibao[3]}
     */
    public record Figure(LocalDate from, LineArea area, double value, boolean multiple, String key) {
    }

    public DatedFigures {
        figures = List.copyOf(figures);
        if (figures.stream().noneMatch(f -> f.area().specificity() == 0)) {
            throw new IllegalArgumentException(key + " needs a county-wide figure (an entry without area), which "
                    + "applies wherever no area's figure does");
        }
        Set<String> seen = new HashSet<>();
        for (Figure f : figures) {
            if (!seen.add(f.area().code() + "@" + f.from())) {
                throw new IllegalArgumentException(f.key() + ": a second figure of " + f.area() + " from "
                        + (f.from() == null ? "the start" : f.from()));
            }
        }
    }

    /** The figure in force on a day for a family's area: the most specific area's latest figure from before the day. */
    public Optional<Figure> find(LocalDate day, FamilyArea area) {
        Figure best = null;
        for (Figure f : figures) {
            if ((f.from() == null || !day.isBefore(f.from())) && f.area().covers(area)
                    && (best == null || f.area().specificity() > best.area().specificity()
                    || f.area().specificity() == best.area().specificity() && later(f.from(), best.from()))) {
                best = f;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * {@link #find}, or an error naming the file and the key.
     *
     * @param what the line in words, e.g. {@code 低保 standard}
     */
    public Figure at(LocalDate day, FamilyArea area, String what) {
        return find(day, area).orElseThrow(() -> new IllegalArgumentException("no " + what + " in force on " + day
                + " in " + source + " " + key + " (the first county-wide figure applies from " + firstFrom()
                + "); add the figure there"));
    }

    /** The date of the first county-wide figure (null: from the start). */
    public LocalDate firstFrom() {
        LocalDate first = null;
        boolean any = false;
        for (Figure f : figures) {
            if (f.area().specificity() == 0) {
                if (f.from() == null) {
                    return null;
                }
                first = !any || f.from().isBefore(first) ? f.from() : first;
                any = true;
            }
        }
        return first;
    }

    /** The date of the latest county-wide figure (null when the only one applies from the start). */
    public LocalDate latestFrom() {
        LocalDate latest = null;
        for (Figure f : figures) {
            if (f.area().specificity() == 0 && later(f.from(), latest)) {
                latest = f.from();
            }
        }
        return latest;
    }

    private static boolean later(LocalDate a, LocalDate b) {
        return a != null && (b == null || a.isAfter(b));
    }
}
