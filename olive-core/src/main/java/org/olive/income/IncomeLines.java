package org.olive.income;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The lines a family's income is tested against (domain.md §5), per capita per year unless said otherwise: the 低保
 * standard by year, the 低边 (marginal) line as a multiple of it, and the monthly minimum wage of the county's wage
 * tier with the two shares of the assistance double line (扶助双线).
 *
 * @param dibaoByYear         低保 standard (yuan per person per year) by calendar year; a year without a figure uses
 *                            the latest earlier year's (the standard is carried forward until the user enters the
 *                            new one)
 * @param marginalMultiple    低边 line = this × 低保 (at most 2)
 * @param minimumWageMonthly  monthly minimum wage of the county's tier (Zhejiang: 2,280 / 2,070 / 1,840 since 2021)
 * @param assistShare         below this share of the minimum wage: assistance target (帮扶对象), 0.8
 * @param safetyNetShare      below this share: safety-net target (兜底保障对象), 0.4
 * @param source              where the figures come from (a file and its key, e.g. {@code income.yaml lines.dibao_by_year}),
 *                            named in the error of a year before the first dated figure
 */
public record IncomeLines(Map<Integer, Double> dibaoByYear, double marginalMultiple, double minimumWageMonthly,
                          double assistShare, double safetyNetShare, String source) {

    /** Lines of no named file (tests). */
    public IncomeLines(Map<Integer, Double> dibaoByYear, double marginalMultiple, double minimumWageMonthly,
                       double assistShare, double safetyNetShare) {
        this(dibaoByYear, marginalMultiple, minimumWageMonthly, assistShare, safetyNetShare, "lines.dibao_by_year");
    }

    public IncomeLines {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("the source of the lines is required");
        }
        if (dibaoByYear.isEmpty()) {
            throw new IllegalArgumentException("at least one year's 低保 standard is needed");
        }
        dibaoByYear.forEach((y, v) -> {
            if (!(v > 0)) {
                throw new IllegalArgumentException("低保 standard of " + y + " must be positive, found " + v);
            }
        });
        if (!(marginalMultiple >= 1 && marginalMultiple <= 2)) {
            throw new IllegalArgumentException("the 低边 multiple must be between 1 and 2 (domain.md §5), found " + marginalMultiple);
        }
        if (!(minimumWageMonthly > 0)) {
            throw new IllegalArgumentException("the minimum wage must be positive, found " + minimumWageMonthly);
        }
        if (!(safetyNetShare > 0 && safetyNetShare < assistShare && assistShare <= 1)) {
            throw new IllegalArgumentException("expected 0 < safety-net share < assist share <= 1, found "
                    + safetyNetShare + " and " + assistShare);
        }
        dibaoByYear = Collections.unmodifiableNavigableMap(new TreeMap<>(dibaoByYear));
    }

    /**
     * The 低保 standard of the year: its own figure, else the latest earlier year's (a figure applies from 1 January of
     * its year until the next dated figure).
     *
     * @throws IllegalArgumentException for a year before the first dated figure, naming {@link #source()}
     */
    public double dibao(int year) {
        Map.Entry<Integer, Double> e = sorted().floorEntry(year);
        if (e == null) {
            throw new IllegalArgumentException("no 低保 standard for " + year + " or any earlier year in " + source
                    + " (the first dated figure is of " + firstYear() + "); add the year's figure there");
        }
        return e.getValue();
    }

    /** The year of the first dated 低保 standard. */
    public int firstYear() {
        return sorted().firstKey();
    }

    /** The year of the latest dated 低保 standard. */
    public int latestYear() {
        return sorted().lastKey();
    }

    private NavigableMap<Integer, Double> sorted() {
        return (NavigableMap<Integer, Double>) dibaoByYear;
    }

    /** The 低边 line of the year. */
    public double marginal(int year) {
        return marginalMultiple * dibao(year);
    }
}
