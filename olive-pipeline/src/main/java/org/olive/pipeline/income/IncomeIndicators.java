package org.olive.pipeline.income;

import org.olive.geography.Divisions;
import org.olive.indicator.CountyIndicators;
import org.olive.indicator.CountyReport;
import org.olive.indicator.CountySettings;
import org.olive.indicator.IndicatorSettings;
import org.olive.indicator.PovertyLine;
import org.olive.period.Period;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The county indicators of a period computed in memory from the database: on the full population (person_income +
 * family_income) and on the design-weighted survey sample, side by side, with pilot indicator 8. Nothing is written;
 * {@link IncomeIndicatorStep} stores them, {@code olive indicators --period} prints them.
 *
 * @param period     the period
 * @param settings   the settings used
 * @param population the population's data and indicators; empty when person_income has no residents for the period
 * @param survey     the survey's data and indicators; empty when no survey was delivered at or before the period
 * @param dataItems  pilot indicator 8; empty when the period has no visible ingestion
 * @param notes      what the reader should know (residents without family, missing relationship figures…)
 */
public record IncomeIndicators(Period period, CountySettings settings, Optional<Side<IncomeIndicatorData.Population>> population,
                               Optional<Side<IncomeIndicatorData.Survey>> survey, Optional<IncomeIndicatorData.DataItems> dataItems,
                               List<String> notes) {

    /** A basis: its data and its indicators. */
    public record Side<T>(T data, CountyReport report) {
    }

    public IncomeIndicators {
        notes = List.copyOf(notes);
    }

    /** Reads the period's data and computes both bases. */
    public static IncomeIndicators compute(Connection c, Period p, CountySettings settings) throws SQLException {
        Optional<Side<IncomeIndicatorData.Population>> pop = IncomeIndicatorData.population(c, p)
                .map(d -> new Side<>(d, CountyIndicators.compute(d.persons(), settings)));
        Optional<Side<IncomeIndicatorData.Survey>> survey = IncomeIndicatorData.survey(c, p, Divisions.shengsi())
                .map(d -> new Side<>(d, CountyIndicators.compute(d.persons(), settings)));
        List<String> notes = new java.util.ArrayList<>();
        if (pop.isEmpty()) {
            notes.add("person_income has no residents for " + p + ": run the income ledger of the period first");
        } else {
            notes.addAll(IncomeIndicatorData.notes(pop.get().data()));
        }
        if (survey.isEmpty()) {
            notes.add("no survey (income_survey) delivered at or before " + p);
        } else {
            IncomeIndicatorData.Survey s = survey.get().data();
            if (s.invalidIds() > 0) {
                notes.add(s.invalidIds() + " survey rows with an invalid ID number: sex and age unknown");
            }
            if (s.unknownAreas() > 0) {
                notes.add(s.unknownAreas() + " survey rows without a known village: township and village unknown");
            }
        }
        Optional<IncomeIndicatorData.DataItems> items = IncomeIndicatorData.dataItems(c, p);
        if (items.isEmpty()) {
            notes.add("no visible ingestion of " + p + ": pilot indicator 8 left out");
        }
        return new IncomeIndicators(p, settings, pop, survey, items, notes);
    }

    /**
     * Default settings for a period: {@link IndicatorSettings#defaults()} with the 低保 and 低边 lines of the period's
     * year, or of the latest earlier year whose 低保 standard is known (the earliest known for older periods).
     */
    public static CountySettings defaultSettings(Period p) {
        return CountySettings.defaults().withIndicators(IndicatorSettings.defaults().withLines(PovertyLine.defaultsFor(lineYear(p))));
    }

    /** The year whose 低保 standard applies to a period (see {@link #defaultSettings}). */
    public static int lineYear(Period p) {
        int best = Integer.MIN_VALUE;
        int earliest = Integer.MAX_VALUE;
        for (int y : PovertyLine.DIBAO_BY_YEAR.keySet()) {
            earliest = Math.min(earliest, y);
            if (y <= p.year() && y > best) {
                best = y;
            }
        }
        return best == Integer.MIN_VALUE ? earliest : best;
    }
}
