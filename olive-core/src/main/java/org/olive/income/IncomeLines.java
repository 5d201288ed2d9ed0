package org.olive.income;

import org.olive.period.Period;

import java.time.LocalDate;
import java.util.List;

/**
 * The lines a family's income is tested against (domain.md §5), dated and by area ({@link DatedFigures}), per capita
 * per year unless said otherwise. Ask for them at a period: {@link #at(Period)}.
 *
 * @param dibao          低保 standard, yuan per person per year
 * @param dibian         低边 line: an amount, or a multiple (1 to 2) of the 低保 standard of the same day and area
 * @param tekun          特困 support standard: an amount, or a multiple (at least 1) of the 低保 standard; null when
 *                       the profile gives none (then no family is tested against it)
 * @param wageTiers      the province's monthly minimum wage by tier (tier 1 first), dated
 * @param wageTier       which tier applies: the county's, or an area's (values are tier numbers)
 * @param assistShare    below this share of the minimum wage: assistance target (帮扶对象), 0.8
 * @param safetyNetShare below this share: safety-net target (兜底保障对象), 0.4
 */
public record IncomeLines(DatedFigures dibao, DatedFigures dibian, DatedFigures tekun, List<WageTiers> wageTiers,
                          DatedFigures wageTier, double assistShare, double safetyNetShare) {

    /**
     * The monthly minimum wage of every tier from a day on, until the next table.
     *
     * @param from    its first day, or null (from the start)
     * @param monthly yuan a month by tier, tier 1 first
     * @param key     its key in the profile
     */
    public record WageTiers(LocalDate from, List<Double> monthly, String key) {
        public WageTiers {
            monthly = List.copyOf(monthly);
            if (monthly.isEmpty()) {
                throw new IllegalArgumentException(key + ": a minimum-wage table needs at least one tier");
            }
            for (double m : monthly) {
                if (!(m > 0)) {
                    throw new IllegalArgumentException(key + ": a minimum wage must be positive, found " + m);
                }
            }
        }
    }

    public IncomeLines {
        wageTiers = List.copyOf(wageTiers);
        for (DatedFigures.Figure f : dibao.figures()) {
            if (f.multiple() || !(f.value() > 0)) {
                throw new IllegalArgumentException(f.key() + ": the 低保 standard must be a positive amount, found " + f.value());
            }
        }
        for (DatedFigures.Figure f : dibian.figures()) {
            if (f.multiple() ? !(f.value() >= 1 && f.value() <= 2) : !(f.value() > 0)) {
                throw new IllegalArgumentException(f.key() + ": the 低边 line is a positive amount or a multiple of 低保 "
                        + "between 1 and 2 (domain.md §5), found " + f.value());
            }
        }
        if (tekun != null) {
            for (DatedFigures.Figure f : tekun.figures()) {
                if (f.multiple() ? !(f.value() >= 1) : !(f.value() > 0)) {
                    throw new IllegalArgumentException(f.key() + ": the 特困 standard is a positive amount or a multiple "
                            + "of 低保 of at least 1 (domain.md §5: at least 1.3), found " + f.value());
                }
            }
        }
        if (wageTiers.isEmpty()) {
            throw new IllegalArgumentException("lines.minimum_wage.tiers: at least one table of monthly minimum wages is needed");
        }
        int most = wageTiers.stream().mapToInt(t -> t.monthly().size()).max().orElse(0);
        for (DatedFigures.Figure f : wageTier.figures()) {
            if (f.multiple() || f.value() != Math.rint(f.value()) || f.value() < 1 || f.value() > most) {
                throw new IllegalArgumentException(f.key() + ": the minimum-wage tier is a whole number from 1 to " + most
                        + " (the tiers of lines.minimum_wage.tiers), found " + f.value());
            }
        }
        if (!(safetyNetShare > 0 && safetyNetShare < assistShare && assistShare <= 1)) {
            throw new IllegalArgumentException("expected 0 < lines.safety_net_share < lines.assist_share <= 1, found "
                    + safetyNetShare + " and " + assistShare);
        }
    }

    /** The lines in force at a period (on its last day). */
    public LinesAt at(Period p) {
        return new LinesAt(this, p);
    }

    /** The period of the latest county-wide 低保 figure (the default of {@code olive indicators --sample}). */
    public Period latestDibaoPeriod() {
        LocalDate d = dibao.latestFrom();
        if (d == null) {
            throw new IllegalArgumentException(dibao.key() + " has no dated county-wide figure");
        }
        return Period.of(d.getYear(), d.getMonthValue());
    }
}
