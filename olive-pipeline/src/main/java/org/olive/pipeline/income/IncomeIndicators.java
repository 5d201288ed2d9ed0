package org.olive.pipeline.income;

import org.olive.geography.Divisions;
import org.olive.income.FamilyIncomeRules;
import org.olive.indicator.Breakdown;
import org.olive.indicator.CountyIndicators;
import org.olive.indicator.CountyReport;
import org.olive.indicator.CountySettings;
import org.olive.indicator.IndicatorSettings;
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
        return compute(c, p, settings, Divisions.shengsi());
    }

    /**
     * @param divisions the county's divisions (the survey's villages are placed in them); the key groups, when asked
     *                  for, are those of {@code group_member} of the period
     */
    public static IncomeIndicators compute(Connection c, Period p, CountySettings settings, Divisions divisions)
            throws SQLException {
        return compute(c, p, settings, divisions, null);
    }

    /**
     * @param groups the key-group memberships of the period (breakdown KEY_GROUP); null to read {@code group_member}
     *               of the period when the breakdown is asked for, with the groups that have members there
     */
    public static IncomeIndicators compute(Connection c, Period p, CountySettings settings, Divisions divisions,
                                           KeyGroupMembers groups) throws SQLException {
        KeyGroupMembers members = null;
        if (settings.breakdowns().contains(Breakdown.KEY_GROUP)) {
            members = groups != null ? groups : KeyGroupMembers.read(c, p, null);
        }
        Optional<Side<IncomeIndicatorData.Population>> pop = IncomeIndicatorData.population(c, p, members)
                .map(d -> new Side<>(d, CountyIndicators.compute(d.persons(), settings)));
        Optional<Side<IncomeIndicatorData.Survey>> survey = IncomeIndicatorData.survey(c, p, divisions, members)
                .map(d -> new Side<>(d, CountyIndicators.compute(d.persons(), settings)));
        List<String> notes = new java.util.ArrayList<>();
        if (members != null && members.enabled().isEmpty()) {
            notes.add("no key groups (group_member) for " + p + ": run step groups of the period for the KEY_GROUP breakdown");
        }
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
            if (s.registered() >= 0 && s.registered() < s.rows()) {
                notes.add((s.rows() - s.registered()) + " of " + s.rows() + " survey persons not in the person registry: "
                        + "in no key group");
            }
        }
        Optional<IncomeIndicatorData.DataItems> items = IncomeIndicatorData.dataItems(c, p);
        if (items.isEmpty()) {
            notes.add("no visible ingestion of " + p + ": pilot indicator 8 left out");
        }
        return new IncomeIndicators(p, settings, pop, survey, items, notes);
    }

    /** {@link #defaultSettings(Period, IncomeSettings)} with the built-in income.yaml. */
    public static CountySettings defaultSettings(Period p) {
        return defaultSettings(p, IncomeSettings.builtIn());
    }

    /**
     * {@link #defaultSettings(Period, FamilyIncomeRules)} of the settings' lines and brackets, with their small-cell
     * rule of the survey ({@code indicators.survey_min_cell_persons}).
     */
    public static CountySettings defaultSettings(Period p, IncomeSettings income) {
        return defaultSettings(p, income.family()).withMinSamplePersons(income.surveyMinCellPersons());
    }

    /**
     * Default settings for a period: {@link IndicatorSettings#of} the lines and brackets of the income settings at the
     * period (the same {@link FamilyIncomeRules} the family flags use): the county-wide 低保 and 低边 lines in force on
     * its last day and the brackets valid then; every breakdown; the small-cell rule of the built-in income.yaml.
     *
     * @throws IllegalArgumentException for a period before the first dated 低保 figure, naming the file and key
     */
    public static CountySettings defaultSettings(Period p, FamilyIncomeRules rules) {
        return CountySettings.of(IndicatorSettings.of(rules.at(p)))
                .withMinSamplePersons(IncomeSettings.builtIn().surveyMinCellPersons());
    }
}
