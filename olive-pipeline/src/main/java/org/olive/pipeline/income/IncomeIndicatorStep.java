package org.olive.pipeline.income;

import org.olive.indicator.Breakdown;
import org.olive.indicator.CountyReport;
import org.olive.income.FamilyIncomeRules;
import org.olive.indicator.CountySettings;
import org.olive.indicator.GroupIndicators;
import org.olive.indicator.registry.Indicator;
import org.olive.indicator.registry.IndicatorRegistry;
import org.olive.indicator.registry.RegistryLoader;
import org.olive.period.Period;
import org.olive.pipeline.indicator.IndicatorValue;
import org.olive.pipeline.indicator.IndicatorValues;
import org.olive.pipeline.indicator.ValuePeriod;
import org.olive.pipeline.indicator.ValueSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step "indicators" of the ledger run, after the income step: computes the county indicators of the period
 * ({@link IncomeIndicators}) and writes them to {@code income_indicator} — basis POPULATION and SURVEY, every breakdown
 * and group; relationship accuracy, monitoring coverage and data items (pilot 4, 5, 8) on POPULATION only — replacing
 * the period's rows. Then it fills the registry's COMPUTED values ({@code indicator_value}) of the indicators whose
 * {@code computed_by} it knows, from the POPULATION county figures:
 *
 * <ul>
 *   <li>yearly indicators (C08, C14 = P1, C20a = P2, C20b = P3, C21, P4, P5) from the December run only, as period
 *       {@code YYYY}: the trailing 12 months of December are the calendar year;</li>
 *   <li>monthly indicators (P8, frequency 月度) from every run, as period {@code YYYY-MM}.</li>
 * </ul>
 *
 * Values are in the indicator's unit: shares × 100 for "%", the Gini as a coefficient (0–1), yuan with 2 decimals,
 * other figures with 4. indicator_value is append-only, so a re-run appends a value only when it differs from the
 * latest COMPUTED value of that indicator and period; an equal value is left alone (no duplicate rows), and a value
 * entered by hand since is not overridden by an unchanged computation.
 *
 * <p>It also rewrites the period's distribution of families' DI that the cockpit draws ({@link IncomeDistribution}).
 *
 * <p>With the POPULATION figures it stores whether they are comparable with later periods' ({@link Comparability}:
 * metrics {@code comparable}, {@code window_months}, {@code estimation_models} of the COUNTY row), so that trends can
 * mark and leave out the months of a partial window or without estimation.
 */
public final class IncomeIndicatorStep {

    /** What the step did. */
    public record Report(Period period, int residents, Integer surveyYear, int surveyPersons, int rowsWritten,
                         List<String> registryWritten, List<String> registryUnchanged, List<String> notes) {
        public Report {
            registryWritten = List.copyOf(registryWritten);
            registryUnchanged = List.copyOf(registryUnchanged);
            notes = List.copyOf(notes);
        }
    }

    public static final String POPULATION = "POPULATION";
    public static final String SURVEY = "SURVEY";

    private IncomeIndicatorStep() {
    }

    /** With the period's default settings of the built-in income.yaml, the built-in registry and the system clock. */
    public static Report run(Connection c, Period p) throws SQLException {
        return run(c, p, IncomeSettings.builtIn().family());
    }

    /**
     * With the period's default settings from the given lines and brackets (those of the income step, so that the
     * indicators and the family flags read the same file), the built-in registry and the system clock.
     */
    public static Report run(Connection c, Period p, FamilyIncomeRules rules) throws SQLException {
        return run(c, p, IncomeIndicators.defaultSettings(p, rules), RegistryLoader.builtIn(), Clock.systemUTC());
    }

    /**
     * Computes and writes the period's indicators on the caller's connection (the caller commits).
     *
     * @param registry the registry whose computed indicators are filled
     * @param clock    the time stamped on registry values
     */
    public static Report run(Connection c, Period p, CountySettings settings, IndicatorRegistry registry, Clock clock)
            throws SQLException {
        return run(c, p, settings, registry, clock, org.olive.geography.Divisions.shengsi());
    }

    /** @param divisions the county's divisions */
    public static Report run(Connection c, Period p, CountySettings settings, IndicatorRegistry registry, Clock clock,
                             org.olive.geography.Divisions divisions) throws SQLException {
        return run(c, p, settings, registry, clock, divisions, null);
    }

    /**
     * @param groups the period's key-group memberships (breakdown KEY_GROUP), or null to read group_member of the
     *               period
     */
    public static Report run(Connection c, Period p, CountySettings settings, IndicatorRegistry registry, Clock clock,
                             org.olive.geography.Divisions divisions, KeyGroupMembers groups) throws SQLException {
        IncomeIndicators ind = IncomeIndicators.compute(c, p, settings, divisions, groups);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM income_indicator WHERE data_period = ?")) {
            ps.setString(1, p.toString());
            ps.executeUpdate();
        }
        int rows = 0;
        Comparability comparability = null;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO income_indicator (data_period, basis, breakdown, group_code, "
                + "metric, figure, numerator, denominator) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            if (ind.population().isPresent()) {
                boolean known = ind.population().get().data().relationshipKnown();
                rows += write(ps, p, POPULATION, ind.population().get().report(), true, known, null);
                if (ind.dataItems().isPresent()) {
                    IncomeIndicatorData.DataItems d = ind.dataItems().get();
                    add(ps, p, POPULATION, Breakdown.COUNTY, "", IncomeMetrics.DATA_ITEMS_UPDATED,
                            IncomeMetrics.Figure.ratio(d.updated(), d.total()));
                    rows++;
                }
            }
            if (ind.survey().isPresent()) {
                rows += write(ps, p, SURVEY, ind.survey().get().report(), false, false, settings);
            }
            if (ind.population().isPresent()) {
                comparability = Comparability.of(c, p);
                for (Map.Entry<String, IncomeMetrics.Figure> m : comparability.metrics().entrySet()) {
                    add(ps, p, POPULATION, Breakdown.COUNTY, "", m.getKey(), m.getValue());
                    rows++;
                }
            }
            ps.executeBatch();
        }
        IncomeDistribution.write(c, p);
        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> notes = new ArrayList<>(ind.notes());
        if (comparability != null && !comparability.comparable()) {
            notes.add("figures of " + p + " not comparable with later periods: " + String.join(", ", comparability.reasons()));
        }
        fillRegistry(c, p, ind, registry, clock, written, unchanged, notes);
        return new Report(p, ind.population().map(s -> s.data().residents()).orElse(0),
                ind.survey().map(s -> s.data().year()).orElse(null), ind.survey().map(s -> s.data().rows()).orElse(0),
                rows, written, unchanged, notes);
    }

    /** @param sample the small-cell rule of a sample basis, null for the population */
    private static int write(PreparedStatement ps, Period p, String basis, CountyReport r, boolean population,
                             boolean relationshipKnown, CountySettings sample) throws SQLException {
        int n = 0;
        for (Map.Entry<Breakdown, Map<String, GroupIndicators>> b : r.groups().entrySet()) {
            for (Map.Entry<String, GroupIndicators> g : b.getValue().entrySet()) {
                for (Map.Entry<String, IncomeMetrics.Figure> m
                        : IncomeMetrics.of(g.getValue(), population, relationshipKnown, sample).entrySet()) {
                    add(ps, p, basis, b.getKey(), g.getKey(), m.getKey(), m.getValue());
                    n++;
                }
            }
        }
        return n;
    }

    private static void add(PreparedStatement ps, Period p, String basis, Breakdown b, String group, String metric,
                            IncomeMetrics.Figure f) throws SQLException {
        ps.setString(1, p.toString());
        ps.setString(2, basis);
        ps.setString(3, b.name());
        ps.setString(4, group);
        ps.setString(5, metric);
        setDouble(ps, 6, f.figure());
        setDouble(ps, 7, f.numerator());
        setDouble(ps, 8, f.denominator());
        ps.addBatch();
    }

    private static void setDouble(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isFinite(v)) {
            ps.setDouble(i, v);
        } else {
            ps.setNull(i, Types.DOUBLE);
        }
    }

    /** Pilot indicator 6's registry metric: written by step groups into ledger_figure before this step runs. */
    static final String KEY_GROUP_MONITORING = "key_group_income_monitoring_coverage";

    /** Pilot indicator 7's registry metric: written by step policies into ledger_figure at the end of a quarter. */
    static final String KEY_GROUP_POLICY_COVERAGE = "key_group_policy_coverage";

    /**
     * A county figure of the period in ledger_figure, when its step wrote it: pilot indicator 6 (key_group_monitoring,
     * step groups) or 7 (key_group_policy_coverage, step policies).
     */
    static Optional<Double> countyFigure(Connection c, Period p, String metric) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT numerator, denominator FROM ledger_figure WHERE data_period = ? "
                + "AND metric = ? AND area_code = ''")) {
            ps.setString(1, p.toString());
            ps.setString(2, metric);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(2) > 0 ? Optional.of((double) rs.getLong(1) / rs.getLong(2)) : Optional.empty();
            }
        }
    }

    /** The POPULATION county figure for a registry metric id (computed_by), as a fraction or value; empty if unknown. */
    static Optional<Double> registryFigure(String computedBy, IncomeIndicators ind) {
        if (computedBy.equals("master_data_items_updated")) {
            return ind.dataItems().map(IncomeIndicatorData.DataItems::share).filter(Double::isFinite);
        }
        if (ind.population().isEmpty()) {
            return Optional.empty();
        }
        GroupIndicators county = ind.population().get().report().county();
        Map<String, IncomeMetrics.Figure> m = IncomeMetrics.of(county, true, ind.population().get().data().relationshipKnown());
        String metric = switch (computedBy) {
            case "per_capita_disposable_income" -> IncomeMetrics.PER_CAPITA_DI;
            case "urban_rural_income_ratio" -> IncomeMetrics.URBAN_RURAL_RATIO;
            case "middle_income_share_10_50" -> IncomeMetrics.SHARE_10_50;
            case "middle_income_share_20_60" -> IncomeMetrics.SHARE_20_60;
            case "gini" -> IncomeMetrics.GINI;
            case "family_relationship_accuracy" -> IncomeMetrics.RELATIONSHIP_ACCURACY;
            case "individual_income_monitoring_coverage" -> IncomeMetrics.MONITORING_COVERAGE;
            default -> null;
        };
        if (metric == null || !m.containsKey(metric) || !Double.isFinite(m.get(metric).figure())) {
            return Optional.empty();
        }
        double v = m.get(metric).figure();
        return Optional.of(metric.equals(IncomeMetrics.GINI) ? v / 100 : v); // IndicatorSet gives the Gini in per cent
    }

    private static void fillRegistry(Connection c, Period p, IncomeIndicators ind, IndicatorRegistry registry, Clock clock,
                                     List<String> written, List<String> unchanged, List<String> notes) throws SQLException {
        OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        for (Indicator i : registry.indicators()) {
            if (i.computedBy() == null || i.computedBy().isBlank()) {
                continue;
            }
            boolean monthly = "月度".equals(i.frequency());
            boolean quarterly = "季度".equals(i.frequency());
            if (quarterly ? p.monthValue() % 3 != 0 : !monthly && p.monthValue() != 12) {
                continue; // yearly: the December run's trailing 12 months are the calendar year; quarterly: its last month
            }
            ValuePeriod vp = ValuePeriod.parse(monthly ? p.toString()
                    : quarterly ? p.year() + "-Q" + (p.monthValue() / 3) : String.valueOf(p.year()));
            Optional<Double> figure = i.computedBy().equals(KEY_GROUP_MONITORING) ? countyFigure(c, p, "key_group_monitoring")
                    : i.computedBy().equals(KEY_GROUP_POLICY_COVERAGE) ? countyFigure(c, p, "key_group_policy_coverage")
                    : registryFigure(i.computedBy(), ind);
            if (figure.isEmpty()) {
                notes.add("registry " + i.id() + " (" + i.computedBy() + "): no figure for " + p + ", not written");
                continue;
            }
            BigDecimal value = inUnit(figure.get(), i.unit());
            Optional<IndicatorValue> last = IndicatorValues.latest(c, i.id(), vp, ValueSource.COMPUTED);
            if (last.isPresent() && last.get().value().compareTo(value) == 0) {
                unchanged.add(i.id() + " " + vp);
                continue;
            }
            IndicatorValues.append(c, new IndicatorValue(null, i.id(), vp, value, ValueSource.COMPUTED, null, at,
                    "income ledger " + p + ", all residents (" + i.computedBy() + ")", registry.version()), at);
            written.add(i.id() + " " + vp + " = " + value.toPlainString());
        }
    }

    /** A fraction × 100 for "%"; yuan with 2 decimals; otherwise 4 decimals. */
    static BigDecimal inUnit(double figure, String unit) {
        if ("%".equals(unit)) {
            return BigDecimal.valueOf(figure * 100).setScale(2, RoundingMode.HALF_UP);
        }
        if ("元".equals(unit)) {
            return BigDecimal.valueOf(figure).setScale(2, RoundingMode.HALF_UP);
        }
        return BigDecimal.valueOf(figure).setScale(4, RoundingMode.HALF_UP);
    }
}
