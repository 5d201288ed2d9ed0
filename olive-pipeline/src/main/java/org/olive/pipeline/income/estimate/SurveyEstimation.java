package org.olive.pipeline.income.estimate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.olive.geography.Divisions;
import org.olive.income.Component;
import org.olive.period.Period;
import org.olive.pipeline.income.EstimationResult;
import org.olive.pipeline.income.IncomeEstimation;
import org.olive.pipeline.income.IncomeStep;
import org.olive.pipeline.income.PreciseIncome;
import org.olive.pipeline.ingest.MasterTables;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzy estimation (模糊推算) of the income that records do not show, trained on the household survey.
 *
 * <p>For period P: the latest survey year Y delivered at or before P (income_survey rows of data period Y-12, visible)
 * gives, per sample person, the calendar-year wage, business, property and transfer_net. The targets are the
 * residuals over the precise figures of the same person for period Y-12 (the PRECISE income_item rows of Y-12, summed
 * per person and component): wage, business and property residuals, and the transfer_in residual = survey
 * transfer_net − (precise transfer_in − precise transfer_out). One {@link ResidualModel} per component is trained on
 * the survey persons the component's rule covers by age (features of period Y-12, {@link EstimationFeatures}) and
 * applied to the residents of P the rule covers (age, and months of records below the threshold). Negative predicted
 * residuals are raised to 0 unless the rule says otherwise. With {@code survey_years: n} the latest n survey years are
 * pooled (each year's residuals over its own Y-12 precise figures and features); a sample household keeps one fold.
 *
 * <p>The caller writes the estimates (income_item rows, method ESTIMATED, source model); {@link IncomeStep#writeModels}
 * writes the income_model rows of the period.
 */
public final class SurveyEstimation implements IncomeEstimation {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EstimationSettings settings;
    private final EstimationFeatures features;

    public SurveyEstimation(EstimationSettings settings, Divisions divisions) {
        this.settings = settings;
        this.features = new EstimationFeatures(divisions);
    }

    public SurveyEstimation(EstimationSettings settings) {
        this(settings, Divisions.shengsi());
    }

    /** One survey person-year. */
    record SurveyRow(long personKey, String household, double wage, double business, double property,
                     double transferNet) {
    }

    /**
     * The estimates of period P for its residents, the models and notes.
     *
     * @param precise the precise income of period P by person_key
     */
    @Override
    public EstimationResult estimate(Connection c, Period p, Map<Long, PreciseIncome> precise) throws SQLException {
        if (!settings.enabled()) {
            return EstimationResult.none("estimation is disabled (estimation.enabled: false)");
        }
        if (settings.rules().isEmpty()) {
            return EstimationResult.none("estimation: no component configured");
        }
        Integer year = surveyYear(c, p);
        if (year == null) {
            return EstimationResult.none("no household survey delivered at or before " + p
                    + ": no estimation model, precise figures only");
        }
        List<String> notes = new ArrayList<>();
        List<Integer> years = surveyYears(c, p, settings.surveyYears());
        Map<Long, EstimationFeatures.Person> now = features.read(c, p, precise);
        String key = trainingKey(c, p, years);
        Trained trained;
        if (key != null && cache != null && cache.key().equals(key)) {
            trained = cache;
            notes.add("models of " + cache.trainedAt() + " reused (same survey years " + years
                    + " and the same ledgers of their Decembers)");
        } else {
            trained = train(c, p, years, now, key);
            if (key != null) {
                cache = trained;
            }
        }
        notes.addAll(trained.notes());

        Map<Long, Map<Component, EstimationResult.Estimate>> estimates = new HashMap<>();
        List<EstimationResult.ModelReport> reports = new ArrayList<>();
        for (Map.Entry<Component, EstimationSettings.Rule> e : new TreeMap<>(settings.rules()).entrySet()) {
            Component comp = e.getKey();
            EstimationSettings.Rule rule = e.getValue();
            ResidualModel model = trained.models().get(comp);
            if (model == null) {
                continue;
            }
            List<EstimationFeatures.Person> eligible = new ArrayList<>();
            for (EstimationFeatures.Person person : now.values()) {
                if (person.resident()
                        && rule.applies(person.age(), EstimationFeatures.months(person.features(), comp))) {
                    eligible.add(person);
                }
            }
            List<EstimationResult.Estimate> predicted = model.estimateAll(
                    eligible.stream().map(EstimationFeatures.Person::features).toList(), rule.clampNegative());
            for (int i = 0; i < eligible.size(); i++) {
                estimates.computeIfAbsent(eligible.get(i).personKey(), k -> new EnumMap<>(Component.class))
                        .put(comp, predicted.get(i));
            }
            int applied = eligible.size();
            ResidualModel.Accuracy a = model.accuracy();
            reports.add(new EstimationResult.ModelReport(comp, year, model.trainer(), model.trainRows(), a.rows(),
                    a.mae(), a.mape(), a.coverage(), model.halfWidth(), applied,
                    details(model, rule, trained.rows().get(comp), years)));
        }
        return new EstimationResult(estimates, reports, notes);
    }

    /**
     * Share of training targets clipped at each end. A residual is the survey's figure less the records': one slip in
     * the records (a tax of millions from fen read as yuan) makes a residual of millions, and squared-error trees then
     * hand part of it to everyone who looks alike (an estimated transfer income of over a million yuan was seen).
     */
    static final double WINSORIZE = 0.01;

    /** The rows with their targets clipped to the [share, 1 − share] quantiles; how many were clipped goes to the notes. */
    static List<ResidualModel.Row> winsorized(List<ResidualModel.Row> rows, double share, Component comp, List<String> notes) {
        if (rows.size() < 20 || share <= 0) {
            return rows;
        }
        double[] t = rows.stream().mapToDouble(ResidualModel.Row::target).sorted().toArray();
        double lo = t[(int) Math.floor(share * (t.length - 1))];
        double hi = t[(int) Math.ceil((1 - share) * (t.length - 1))];
        List<ResidualModel.Row> out = new ArrayList<>(rows.size());
        int clipped = 0;
        for (ResidualModel.Row r : rows) {
            double y = Math.max(lo, Math.min(hi, r.target()));
            clipped += y != r.target() ? 1 : 0;
            out.add(y == r.target() ? r : new ResidualModel.Row(r.household(), r.features(), y));
        }
        if (clipped > 0) {
            notes.add(comp + ": " + clipped + " of " + rows.size() + " training targets clipped to [" + Math.round(lo) + ", "
                    + Math.round(hi) + "] yuan (the " + share + " tails)");
        }
        return out;
    }

    /** Models trained for a set of survey years, with the key they were trained under. */
    private record Trained(String key, Period trainedAt, Map<Component, ResidualModel> models,
                           Map<Component, List<ResidualModel.Row>> rows, List<String> notes) {
    }

    /** The last models trained, reused while their training data cannot have changed (see {@link #trainingKey}). */
    private Trained cache;

    /**
     * What the training data depends on: the survey years and, for each, the latest succeeded ingest run of its
     * December (the survey rows) and the latest succeeded ledger run of that December (the precise items and
     * features); null when a survey December is the period being built (its ledgers are not committed yet).
     */
    private String trainingKey(Connection c, Period p, List<Integer> years) throws SQLException {
        StringBuilder k = new StringBuilder(years.toString());
        for (int y : years) {
            Period dec = Period.of(y, 12);
            if (dec.equals(p)) {
                return null;
            }
            for (String table : List.of("ingest_run", "ledger_run")) {
                try (PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM " + table
                        + " WHERE data_period = ? AND status = 'SUCCEEDED'")) {
                    ps.setString(1, dec.toString());
                    try (ResultSet rs = ps.executeQuery()) {
                        k.append('|').append(rs.next() ? rs.getLong(1) : -1);
                    }
                }
            }
        }
        return k.toString();
    }

    private Trained train(Connection c, Period p, List<Integer> years, Map<Long, EstimationFeatures.Person> now,
                          String key) throws SQLException {
        List<String> notes = new ArrayList<>();
        Map<Component, List<ResidualModel.Row>> rows = new EnumMap<>(Component.class);
        for (int y : years) {
            Period surveyPeriod = Period.of(y, 12);
            int[] unmatched = new int[1];
            List<SurveyRow> survey = survey(c, surveyPeriod, unmatched);
            if (unmatched[0] > 0) {
                notes.add(unmatched[0] + " survey " + y + " rows have an ID number of no known person and were not used");
            }
            Map<Long, PreciseIncome> surveyPrecise = preciseItems(c, surveyPeriod);
            if (surveyPrecise.isEmpty() && !surveyPeriod.equals(p)) {
                notes.add("survey " + y + " not used: no precise income items for " + surveyPeriod
                        + " (its ledgers were built without the income step); re-run " + surveyPeriod);
                continue;
            }
            Map<Long, EstimationFeatures.Person> then = surveyPeriod.equals(p) ? now
                    : features.read(c, surveyPeriod, surveyPrecise);
            int noFeatures = 0;
            for (SurveyRow s : survey) {
                EstimationFeatures.Person person = then.get(s.personKey());
                if (person == null) {
                    noFeatures++;
                    continue;
                }
                PreciseIncome pi = surveyPrecise.get(s.personKey());
                double[] x = EstimationFeatures.withPrecise(person.features(), pi);
                for (Map.Entry<Component, EstimationSettings.Rule> e : settings.rules().entrySet()) {
                    EstimationSettings.Rule rule = e.getValue();
                    if (person.age() < rule.minAge() || person.age() > rule.maxAge()) {
                        continue;
                    }
                    // the panel keeps its households across years: one household stays in one fold
                    rows.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(new ResidualModel.Row(s.household(), x, target(e.getKey(), s, pi)));
                }
            }
            if (noFeatures > 0) {
                notes.add(noFeatures + " survey " + y + " persons are not in the person ledger of " + surveyPeriod
                        + " and were not used");
            }
        }

        Map<Component, ResidualModel> models = new EnumMap<>(Component.class);
        for (Component comp : new TreeMap<>(settings.rules()).keySet()) {
            List<ResidualModel.Row> data = winsorized(rows.getOrDefault(comp, List.of()), WINSORIZE, comp, notes);
            rows.put(comp, data);
            if (data.size() < settings.minTrainRows()) {
                notes.add(comp + ": " + data.size() + " survey rows (years " + years + ") in the rule's ages, fewer than "
                        + settings.minTrainRows() + ": no model, no estimate");
                continue;
            }
            try {
                models.put(comp, train(comp, data, notes));
            } catch (IllegalArgumentException ex) {
                notes.add(comp + ": no model (" + ex.getMessage() + ")");
            }
        }
        return new Trained(key == null ? "" : key, p, models, rows, notes);
    }

    /** Trains with the configured learner; XGBoost whose native library does not load falls back to the forest. */
    private ResidualModel train(Component comp, List<ResidualModel.Row> data, List<String> notes) {
        ResidualModel.Parameters p = settings.parameters();
        try {
            return ResidualModel.train(EstimationFeatures.NAMES, data, p);
        } catch (LinkageError e) {
            if (p.learner() != ResidualModel.Learner.XGBOOST) {
                throw e;
            }
            notes.add(comp + ": XGBoost's native library did not load here (" + e + "); trained the forest instead");
            return ResidualModel.train(EstimationFeatures.NAMES, data, new ResidualModel.Parameters(
                    ResidualModel.Learner.FOREST, p.trees(), p.maxDepth(), p.minChildWeight(), p.featureFraction(),
                    p.eta(), p.coverage(), p.testShare(), p.calibrationShare(), p.mapeFloor(), p.seed()));
        }
    }

    /** The residual the survey shows over the precise figure of the same person. */
    static double target(Component comp, SurveyRow s, PreciseIncome pi) {
        double precise = pi == null ? 0 : pi.amount(comp);
        return switch (comp) {
            case WAGE -> s.wage() - precise;
            case BUSINESS -> s.business() - precise;
            case PROPERTY -> s.property() - precise;
            case TRANSFER_IN -> s.transferNet() - precise
                    + (pi == null ? 0 : pi.amount(Component.TRANSFER_OUT));
            case TRANSFER_OUT -> throw new IllegalArgumentException("transfer_out is not modelled");
        };
    }

    private String details(ResidualModel model, EstimationSettings.Rule rule, List<ResidualModel.Row> data,
                           List<Integer> years) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("survey_years", years);
        ResidualModel.Parameters p = model.parameters();
        d.put("features", model.featureNames());
        d.put("trees", p.trees());
        d.put("max_depth", p.maxDepth());
        d.put("min_child_weight", p.minChildWeight());
        d.put("feature_fraction", p.featureFraction());
        d.put("seed", p.seed());
        d.put("coverage_target", p.coverage());
        d.put("households", model.households());
        d.put("calibration_rows", model.calibrationRows());
        d.put("survey_rows", data.size());
        d.put("target_mean", data.stream().mapToDouble(ResidualModel.Row::target).average().orElse(0));
        d.put("baseline_mae", finite(model.accuracy().baselineMae()));
        d.put("mape_floor", p.mapeFloor());
        d.put("mape_rows", model.accuracy().mapeRows());
        d.put("rule", Map.of("min_age", rule.minAge(), "max_age", rule.maxAge(),
                "below_months", rule.belowMonths() == Integer.MAX_VALUE ? "any" : rule.belowMonths(),
                "clamp_negative", rule.clampNegative()));
        return JSON.writeValueAsString(d);
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** The latest survey years delivered (data period YYYY-12) at or before the period, latest first, at most n. */
    static List<Integer> surveyYears(Connection c, Period p, int n) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT data_period FROM income_survey WHERE "
                + MasterTables.VISIBLE + " AND data_period <= ? AND data_period LIKE '%-12' ORDER BY data_period DESC")) {
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < n) {
                    out.add(Period.parse(rs.getString(1)).year());
                }
            }
        }
        return out;
    }

    /** The latest survey year delivered (data period YYYY-12) at or before the period; null if none. */
    static Integer surveyYear(Connection c, Period p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(data_period) FROM income_survey WHERE "
                + MasterTables.VISIBLE + " AND data_period <= ? AND data_period LIKE '%-12'")) {
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                String s = rs.next() ? rs.getString(1) : null;
                return s == null ? null : Period.parse(s).year();
            }
        }
    }

    private static List<SurveyRow> survey(Connection c, Period surveyPeriod, int[] unmatched) throws SQLException {
        List<SurveyRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT p.person_key, t.sample_household, t.wage, t.business, "
                + "t.property, t.transfer_net FROM (SELECT person_id, sample_household, wage, business, property, "
                + "transfer_net FROM income_survey WHERE " + MasterTables.VISIBLE + " AND data_period = ?) t "
                + "LEFT JOIN person p ON p.id_number = t.person_id ORDER BY t.sample_household, t.person_id")) {
            ps.setString(1, surveyPeriod.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long k = rs.getLong(1);
                    if (rs.wasNull()) {
                        unmatched[0]++;
                        continue;
                    }
                    out.add(new SurveyRow(k, rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                            rs.getDouble(6)));
                }
            }
        }
        return out;
    }

    /**
     * The PRECISE income_item rows of a period, per person: the amount summed over sources, the months the largest
     * of its sources' (a lower bound of the months covered by any source), the sources.
     */
    static Map<Long, PreciseIncome> preciseItems(Connection c, Period period) throws SQLException {
        Map<Long, double[]> amounts = new HashMap<>();
        Map<Long, int[]> months = new HashMap<>();
        Map<Long, Set<String>> sources = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT person_key, component, source, amount, months "
                + "FROM income_item WHERE data_period = ? AND method = 'PRECISE'")) {
            ps.setString(1, period.toString());
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long k = rs.getLong(1);
                    int comp = Component.valueOf(rs.getString(2)).ordinal();
                    amounts.computeIfAbsent(k, x -> new double[Component.values().length])[comp] += rs.getDouble(4);
                    int[] m = months.computeIfAbsent(k, x -> new int[Component.values().length]);
                    m[comp] = Math.max(m[comp], rs.getInt(5));
                    sources.computeIfAbsent(k, x -> new HashSet<>()).add(rs.getString(3));
                }
            }
        }
        Map<Long, PreciseIncome> out = new HashMap<>();
        amounts.forEach((k, a) -> out.put(k, new PreciseIncome(k, a, months.get(k), sources.get(k))));
        return out;
    }
}
