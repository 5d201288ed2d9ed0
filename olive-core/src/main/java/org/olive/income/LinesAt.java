package org.olive.income;

import org.olive.period.Period;

import java.time.LocalDate;

/**
 * The lines in force at a period, on its last day (the end of its trailing-12-month window), for a family's area.
 * Every figure is looked up when asked for: a period before a line's first figure is an error naming the file and key.
 */
public record LinesAt(IncomeLines lines, Period period) {

    /** The family flag ids of the lines (family_flag kind LINE). */
    public static final String DIBAO = "dibao";
    public static final String DIBIAN = "dibian";
    public static final String TEKUN = "tekun";
    public static final String ASSIST = "assist";
    public static final String SAFETY_NET = "safety_net";

    /**
     * A line's amount for one area, with the keys of the figures that gave it (the flag's evidence).
     *
     * @param amount yuan per person per year (per month for the minimum wage)
     * @param keys   e.g. {@code lines.dibian[0] × lines.dibao[3]}
     */
    public record Amount(double amount, String keys) {
    }

    public LocalDate day() {
        return period.lastDay();
    }

    /** The 低保 standard. */
    public Amount dibao(FamilyArea a) {
        DatedFigures.Figure f = lines.dibao().at(day(), a, "低保 standard");
        return new Amount(f.value(), f.key());
    }

    /** The 低边 line: its amount, or its multiple × the 低保 standard of the same day and area. */
    public Amount dibian(FamilyArea a) {
        return ofDibao(lines.dibian(), a, "低边 line");
    }

    /** Whether the profile gives a 特困 standard. */
    public boolean hasTekun() {
        return lines.tekun() != null;
    }

    /** The 特困 support standard. */
    public Amount tekun(FamilyArea a) {
        if (lines.tekun() == null) {
            throw new IllegalStateException("the profile gives no 特困 standard (lines.tekun)");
        }
        return ofDibao(lines.tekun(), a, "特困 standard");
    }

    /** The monthly minimum wage of the area's tier. */
    public Amount minimumWage(FamilyArea a) {
        DatedFigures.Figure tier = lines.wageTier().at(day(), a, "minimum-wage tier");
        IncomeLines.WageTiers table = null;
        for (IncomeLines.WageTiers t : lines.wageTiers()) {
            if ((t.from() == null || !day().isBefore(t.from()))
                    && (table == null || t.from() != null && (table.from() == null || t.from().isAfter(table.from())))) {
                table = t;
            }
        }
        if (table == null) {
            throw new IllegalArgumentException("no minimum wage in force on " + day() + " in " + lines.wageTier().source()
                    + " lines.minimum_wage.tiers; add the table of that date there");
        }
        int n = (int) tier.value();
        if (n > table.monthly().size()) {
            throw new IllegalArgumentException(tier.key() + ": tier " + n + " is not in " + table.key() + " ("
                    + table.monthly().size() + " tiers) in " + lines.wageTier().source());
        }
        return new Amount(table.monthly().get(n - 1), table.key() + " tier " + n + " (" + tier.key() + ")");
    }

    /**
     * Looks up every county-wide figure, so that a period before a line's first figure fails before any work, naming
     * the file and the key.
     */
    public void requireCountyFigures() {
        dibao(FamilyArea.COUNTY);
        dibian(FamilyArea.COUNTY);
        if (hasTekun()) {
            tekun(FamilyArea.COUNTY);
        }
        minimumWage(FamilyArea.COUNTY);
    }

    public double assistShare() {
        return lines.assistShare();
    }

    public double safetyNetShare() {
        return lines.safetyNetShare();
    }

    private Amount ofDibao(DatedFigures figures, FamilyArea a, String what) {
        DatedFigures.Figure f = figures.at(day(), a, what);
        if (!f.multiple()) {
            return new Amount(f.value(), f.key());
        }
        Amount d = dibao(a);
        return new Amount(f.value() * d.amount(), f.key() + " × " + d.keys());
    }
}
