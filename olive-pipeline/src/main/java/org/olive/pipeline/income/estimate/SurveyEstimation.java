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
import java.util.TreeSet;
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
        Map<Component, Integer> applied = new EnumMap<>(Component.class);
        double[] foldTotals = new double[settings.parameters().folds()];
        double estimatedTotal = 0;
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
            ResidualModel alt = trained.baselines().get(comp);
            Set<String> altStrata = trained.baselineStrata().getOrDefault(comp, Set.of());
            List<EstimationFeatures.Person> byModel = new ArrayList<>(), byAlt = new ArrayList<>();
            for (EstimationFeatures.Person person : eligible) {
                (alt != null && altStrata.contains(stratumOf(comp, person.features())) ? byAlt : byModel).add(person);
            }
            for (int part = 0; part < 2; part++) {
                List<EstimationFeatures.Person> who = part == 0 ? byModel : byAlt;
                ResidualModel m = part == 0 ? model : alt;
                if (who.isEmpty()) {
                    continue;
                }
                List<double[]> features = who.stream().map(EstimationFeatures.Person::features).toList();
                List<EstimationResult.Estimate> predicted = m.estimateAll(features, rule.clampNegative());
                double[] replicates = m.foldTotals(features, rule.clampNegative());
                for (int f = 0; f < Math.min(foldTotals.length, replicates.length); f++) {
                    foldTotals[f] += replicates[f];
                }
                for (EstimationResult.Estimate est : predicted) {
                    estimatedTotal += est.amount();
                }
                for (int i = 0; i < who.size(); i++) {
                    estimates.computeIfAbsent(who.get(i).personKey(), k -> new EnumMap<>(Component.class))
                            .put(comp, predicted.get(i));
                }
            }
            applied.put(comp, eligible.size());
        }
        if (settings.diIntervals() && trained.diOffsets() != null) {
            int[] pointOnly = new int[1];
            now.values().forEach(person -> {
                if (!person.resident()) {
                    return;
                }
                Map<Component, EstimationResult.Estimate> mine = estimates.get(person.personKey());
                if (mine == null || mine.isEmpty()) {
                    pointOnly[0]++;
                    return;
                }
                mine.putAll(shareOut(mine, trained.diOffsets().of(diGroup(person.age(), person.features()))));
            });
            notes.add("DI intervals calibrated on the survey's DI residuals and shared out over each resident's estimated "
                    + "components; " + pointOnly[0] + " residents without an estimated component keep their precise DI as "
                    + "a point");
        }
        long residents = now.values().stream().filter(EstimationFeatures.Person::resident).count();
        double sePerResident = residents == 0 || applied.isEmpty() ? Double.NaN
                : ResidualModel.jackknifeSe(foldTotals) / residents;
        if (!Double.isNaN(sePerResident)) {
            notes.add(String.format(java.util.Locale.ROOT, "sampling error of the estimates: %.0f ± %.0f yuan per resident "
                    + "(1 SE, delete-a-fold jackknife over the %d folds of survey households; the survey's own sampling "
                    + "error, which no model removes: per-capita DI is uncertain by about as much)",
                    estimatedTotal / residents, sePerResident, foldTotals.length));
        }
        String seJson = Double.isNaN(sePerResident) ? "" : String.format(java.util.Locale.ROOT,
                ",\"estimate_per_resident\":%.2f,\"estimate_se_per_resident\":%.2f", estimatedTotal / residents,
                sePerResident);
        List<EstimationResult.ModelReport> reports = new ArrayList<>();
        for (Map.Entry<Component, ResidualModel> e : new TreeMap<>(trained.models()).entrySet()) {
            ResidualModel model = e.getValue();
            ResidualModel.Accuracy a = model.accuracy();
            String details = trained.details().get(e.getKey());
            ResidualModel alt = trained.baselines().get(e.getKey());
            String trainer = alt == null ? model.trainer() : model.trainer() + "; " + settings.baseline()
                    + " for " + String.join(", ", trained.baselineStrata().get(e.getKey()));
            trainer = trainer.length() > 200 ? trainer.substring(0, 199) + "…" : trainer;
            reports.add(new EstimationResult.ModelReport(e.getKey(), year, trainer, model.trainRows(), a.rows(),
                    a.mae(), a.mape(), a.coverage(), model.halfWidth(), applied.getOrDefault(e.getKey(), 0),
                    details == null ? null : details.replaceFirst("\\}$", java.util.regex.Matcher.quoteReplacement(seJson + "}"))));
        }
        return new EstimationResult(estimates, reports, notes);
    }

    /**
     * A person's DI interval offsets [L, U] shared out over their estimated components in proportion to the width of
     * each component's own interval (equally when all are points): the component bounds then add up to the DI
     * interval the survey calibrated. L is at most 0 and U at least 0, so each bound stays on its side of the amount.
     * A lower bound below zero means the DI may lie below the records' figure (records can overstate income too).
     */
    static Map<Component, EstimationResult.Estimate> shareOut(Map<Component, EstimationResult.Estimate> mine,
                                                             double[] diOffsets) {
        double lo = Math.min(0, diOffsets[0]);
        double hi = Math.max(0, diOffsets[1]);
        double total = 0;
        for (EstimationResult.Estimate est : mine.values()) {
            total += est.high() - est.low();
        }
        Map<Component, EstimationResult.Estimate> out = new EnumMap<>(Component.class);
        for (Map.Entry<Component, EstimationResult.Estimate> x : mine.entrySet()) {
            EstimationResult.Estimate est = x.getValue();
            double w = total > 0 ? (est.high() - est.low()) / total : 1.0 / mine.size();
            out.put(x.getKey(), new EstimationResult.Estimate(est.amount(), est.amount() + w * lo, est.amount() + w * hi));
        }
        return out;
    }

    /** The Mondrian group of a component's rows: age band, and whether the person has records of the component. */
    String componentGroup(Component comp, double[] x) {
        String g = settings.ageBand(EstimationFeatures.age(x));
        return settings.groupByRecords() ? g + (EstimationFeatures.months(x, comp) > 0 ? "|records" : "|none") : g;
    }

    /** The Mondrian group of a person's DI residual: age band, and whether wage records cover all 12 months. */
    String diGroup(int age, double[] x) {
        String g = settings.ageBand(age);
        return settings.groupByRecords() ? g + (EstimationFeatures.months(x, Component.WAGE) >= 12 ? "|wage12" : "|wage<12") : g;
    }

    /**
     * A training target is absurd when its size exceeds absurd_ratio × max(|survey figure|, absurd_floor): the
     * survey's figure is a diary total, so a residual many times larger comes from a slip in the records (an amount
     * in fen read as yuan), not from income the records miss.
     */
    boolean absurd(double target, double surveyFigure) {
        return Math.abs(target) > settings.absurdRatio() * Math.max(Math.abs(surveyFigure), settings.absurdFloor());
    }

    /**
     * Share of training targets clipped at each end (estimation.clip_share; 0 by default since the absurd targets are
     * excluded instead: clipping the 1% tails set every business residual to zero, where 2% of persons have one).
     */
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

    /** Models trained for a set of survey years, with the key they were trained under and the DI calibration. */
    /**
     * @param baselines      per component, the baseline model where it is applied to some strata
     * @param baselineStrata per component, the strata (record status, {@link ResidualModel#stratum}) the baseline is
     *                       applied to instead of the learner
     */
    private record Trained(String key, Period trainedAt, Map<Component, ResidualModel> models,
                           Map<Component, ResidualModel> baselines, Map<Component, Set<String>> baselineStrata,
                           ResidualModel.Offsets diOffsets, Map<Component, String> details, List<String> notes) {
    }

    /**
     * The strata in which the baseline beats the learner on held-out survey rows: a lower out-of-fold MAE in the
     * stratum and at least {@code minZ} household-clustered standard errors ({@link ResidualModel#improvementZ}). One
     * note per stratum says what each model scored and which is applied.
     */
    static Set<String> baselineStrata(List<ResidualModel.Row> data, double[] learnerOof, double[] baselineOof,
                                      java.util.function.Function<double[], String> stratumOf, double minZ, String prefix,
                                      String learner, String baseline, List<String> notes) {
        Map<String, List<Integer>> rowsOf = new TreeMap<>();
        for (int j = 0; j < data.size(); j++) {
            rowsOf.computeIfAbsent(stratumOf.apply(data.get(j).features()), x -> new ArrayList<>()).add(j);
        }
        Set<String> out = new TreeSet<>();
        for (Map.Entry<String, List<Integer>> st : rowsOf.entrySet()) {
            List<ResidualModel.Row> rs = new ArrayList<>();
            double[] l = new double[st.getValue().size()], b = new double[l.length];
            double maeL = 0, maeB = 0;
            for (int k = 0; k < l.length; k++) {
                int j = st.getValue().get(k);
                rs.add(data.get(j));
                l[k] = learnerOof[j];
                b[k] = baselineOof[j];
                maeL += Math.abs(data.get(j).target() - l[k]);
                maeB += Math.abs(data.get(j).target() - b[k]);
            }
            double z = ResidualModel.improvementZ(rs, l, b);
            boolean better = maeB < maeL && z >= minZ;
            if (better) {
                out.add(st.getKey());
            }
            notes.add(String.format(java.util.Locale.ROOT, "%s%s (%d survey rows): held-out MAE %.0f for %s, %.0f for %s, "
                    + "%.1f standard errors: %s applied", prefix, st.getKey(), l.length, maeL / l.length, learner,
                    maeB / l.length, baseline, z, better ? baseline : learner));
        }
        return out;
    }

    /** The stratum of a component's feature row: its record status (or age band without one). */
    private String stratumOf(Component comp, double[] x) {
        return ResidualModel.stratum(componentGroup(comp, x));
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

    /** One survey person-year with its features and precise figures of the survey's December. */
    record PersonYear(int year, SurveyRow survey, int age, double[] x, PreciseIncome precise) {

        double surveyDi() {
            return survey.wage() + survey.business() + survey.property() + survey.transferNet();
        }

        double preciseDi() {
            if (precise == null) {
                return 0;
            }
            return precise.amount(Component.WAGE) + precise.amount(Component.BUSINESS) + precise.amount(Component.PROPERTY)
                    + precise.amount(Component.TRANSFER_IN) - precise.amount(Component.TRANSFER_OUT);
        }
    }

    /** The survey figure a component's residual is taken from. */
    static double surveyFigure(Component comp, SurveyRow s) {
        return switch (comp) {
            case WAGE -> s.wage();
            case BUSINESS -> s.business();
            case PROPERTY -> s.property();
            case TRANSFER_IN -> s.transferNet();
            case TRANSFER_OUT -> throw new IllegalArgumentException("transfer_out is not modelled");
        };
    }

    private Trained train(Connection c, Period p, List<Integer> years, Map<Long, EstimationFeatures.Person> now,
                          String key) throws SQLException {
        List<String> notes = new ArrayList<>();
        List<PersonYear> persons = new ArrayList<>();
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
                persons.add(new PersonYear(y, s, person.age(), EstimationFeatures.withPrecise(person.features(), pi), pi));
            }
            if (noFeatures > 0) {
                notes.add(noFeatures + " survey " + y + " persons are not in the person ledger of " + surveyPeriod
                        + " and were not used");
            }
        }
        // person-years with an absurd residual in any component: a slip in their records; not used at all
        boolean[] absurd = new boolean[persons.size()];
        int absurdCount = 0;
        for (int i = 0; i < persons.size(); i++) {
            PersonYear py = persons.get(i);
            for (Component comp : settings.rules().keySet()) {
                if (absurd(target(comp, py.survey(), py.precise()), surveyFigure(comp, py.survey()))) {
                    absurd[i] = true;
                }
            }
            absurdCount += absurd[i] ? 1 : 0;
        }
        if (absurdCount > 0) {
            notes.add(absurdCount + " of " + persons.size() + " survey person-years not used: a residual over "
                    + settings.absurdRatio() + " × max(|survey figure|, " + Math.round(settings.absurdFloor())
                    + ") yuan (a slip in the records)");
        }

        Map<Component, ResidualModel> models = new EnumMap<>(Component.class);
        Map<Component, ResidualModel> baselines = new EnumMap<>(Component.class);
        Map<Component, Set<String>> baselineStrata = new EnumMap<>(Component.class);
        Map<Component, String> details = new EnumMap<>(Component.class);
        double[] diEstimate = new double[persons.size()];
        // one fold map for every component: a fold leaves the same households out of each component's model, so the
        // fold models add up to delete-a-fold replicates of the total estimate (its jackknife standard error)
        Set<String> surveyHouseholds = new TreeSet<>();
        for (int i = 0; i < persons.size(); i++) {
            if (!absurd[i]) {
                surveyHouseholds.add(persons.get(i).survey().household());
            }
        }
        Map<String, Integer> foldMap = surveyHouseholds.size() >= settings.parameters().folds()
                ? ResidualModel.foldMap(surveyHouseholds, settings.parameters().folds(), settings.parameters().seed())
                : null;
        for (Map.Entry<Component, EstimationSettings.Rule> e : new TreeMap<>(settings.rules()).entrySet()) {
            Component comp = e.getKey();
            EstimationSettings.Rule rule = e.getValue();
            List<ResidualModel.Row> data = new ArrayList<>();
            List<Integer> index = new ArrayList<>();
            for (int i = 0; i < persons.size(); i++) {
                PersonYear py = persons.get(i);
                boolean inRule = settings.trainOnApplied()
                        ? rule.applies(py.age(), EstimationFeatures.months(py.x(), comp))
                        : py.age() >= rule.minAge() && py.age() <= rule.maxAge();
                if (!absurd[i] && inRule) {
                    // the panel keeps its households across years: one household stays in one fold
                    data.add(new ResidualModel.Row(py.survey().household(), py.x(), target(comp, py.survey(), py.precise())));
                    index.add(i);
                }
            }
            data = winsorized(data, settings.clipShare(), comp, notes);
            if (data.size() < settings.minTrainRows()) {
                notes.add(comp + ": " + data.size() + " survey rows (years " + years + ") in the rule's population, fewer than "
                        + settings.minTrainRows() + ": no model, no estimate");
                continue;
            }
            ResidualModel model;
            ResidualModel base = null;
            try {
                model = train(comp, data, settings.parameters(), notes, foldMap);
                if (settings.baseline() != null && settings.baseline() != settings.parameters().learner()) {
                    base = train(comp, data, settings.parameters().withLearner(settings.baseline()), notes, foldMap);
                }
            } catch (IllegalArgumentException ex) {
                notes.add(comp + ": no model (" + ex.getMessage() + ")");
                continue;
            }
            // the baseline must beat the learner in each stratum (record status) by keep_better_z standard errors:
            // a model better for persons without records may be worse for persons whose records hold most of it
            Set<String> baseIn = settings.keepBetter() && base != null
                    ? baselineStrata(data, model.outOfFold(), base.outOfFold(), x -> stratumOf(comp, x),
                            settings.keepBetterZ(), comp + ", ", settings.parameters().learner() + "",
                            settings.baseline() + "", notes)
                    : new TreeSet<>();
            if (!baseIn.isEmpty()) {
                baselines.put(comp, base);
                baselineStrata.put(comp, baseIn);
            }
            models.put(comp, model);
            double[] oofModel = model.outOfFold();
            double[] oofBase = base == null ? null : base.outOfFold();
            for (int j = 0; j < index.size(); j++) {
                PersonYear py = persons.get(index.get(j));
                double[] oof = baseIn.contains(stratumOf(comp, py.x())) ? oofBase : oofModel;
                // the DI residual sees the estimate only where the rule applies to the person
                if (rule.applies(py.age(), EstimationFeatures.months(py.x(), comp))) {
                    diEstimate[index.get(j)] += rule.clampNegative() ? Math.max(0, oof[j]) : oof[j];
                }
            }
            details.put(comp, details(model, base, rule, data, years));
        }

        // DI-level calibration: the survey person's DI less (precise DI + the out-of-fold estimates that apply)
        ResidualModel.Offsets diOffsets = null;
        List<String> households = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<Double> residuals = new ArrayList<>();
        for (int i = 0; i < persons.size(); i++) {
            if (absurd[i]) {
                continue;
            }
            PersonYear py = persons.get(i);
            households.add(py.survey().household());
            groups.add(diGroup(py.age(), py.x()));
            residuals.add(py.surveyDi() - py.preciseDi() - diEstimate[i]);
        }
        ResidualModel.Parameters par = settings.parameters();
        if (!models.isEmpty() && new HashSet<>(households).size() >= par.folds()) {
            double[] r = residuals.stream().mapToDouble(Double::doubleValue).toArray();
            diOffsets = ResidualModel.Offsets.calibrate(groups, r, par.coverage(), par.minGroupRows());
            int[] foldOf = foldMap != null ? households.stream().mapToInt(foldMap::get).toArray()
                    : ResidualModel.folds(households, par.folds(), par.seed());
            double held = ResidualModel.heldOutCoverage(foldOf, par.folds(), groups, r, par.coverage(), par.minGroupRows());
            double bias = -java.util.Arrays.stream(r).average().orElse(0);
            notes.add(String.format(java.util.Locale.ROOT, "DI of %d survey person-years: held-out interval coverage %.1f%% "
                    + "(nominal %.0f%%), mean error of precise + estimates %+.0f yuan; interval offsets by group %s",
                    r.length, 100 * held, 100 * par.coverage(), bias, describe(diOffsets)));
            for (Component comp : details.keySet()) {
                details.put(comp, details.get(comp).replaceFirst("\\}$", String.format(java.util.Locale.ROOT,
                        ",\"di_heldout_coverage\":%.4f,\"di_rows\":%d,\"di_mean_error\":%.2f}", held, r.length, bias)));
            }
        }
        return new Trained(key == null ? "" : key, p, models, baselines, baselineStrata, diOffsets, details, notes);
    }

    private static String describe(ResidualModel.Offsets o) {
        StringBuilder b = new StringBuilder();
        o.byGroup().forEach((g, lh) -> b.append(b.length() == 0 ? "" : ", ").append(g).append(" [")
                .append(Math.round(lh[0])).append(", ").append(Math.round(lh[1])).append(']'));
        return b.append(b.length() == 0 ? "" : ", ").append("pooled [").append(Math.round(o.pooled()[0])).append(", ")
                .append(Math.round(o.pooled()[1])).append(']').toString();
    }

    /** Trains with the given learner; XGBoost whose native library does not load falls back to the forest. */
    private ResidualModel train(Component comp, List<ResidualModel.Row> data, ResidualModel.Parameters p,
                                List<String> notes, Map<String, Integer> foldMap) {
        try {
            return ResidualModel.train(EstimationFeatures.NAMES, data, p, x -> componentGroup(comp, x), foldMap);
        } catch (LinkageError e) {
            if (p.learner() != ResidualModel.Learner.XGBOOST) {
                throw e;
            }
            notes.add(comp + ": XGBoost's native library did not load here (" + e + "); trained the forest instead");
            return ResidualModel.train(EstimationFeatures.NAMES, data, p.withLearner(ResidualModel.Learner.FOREST),
                    x -> componentGroup(comp, x), foldMap);
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

    private String details(ResidualModel model, ResidualModel base, EstimationSettings.Rule rule,
                           List<ResidualModel.Row> data, List<Integer> years) {
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
        d.put("survey_rows", data.size());
        d.put("target_mean", data.stream().mapToDouble(ResidualModel.Row::target).average().orElse(0));
        d.put("mean_error", finite(model.accuracy().bias()));
        d.put("mean_predictor_mae", finite(model.accuracy().baselineMae()));
        d.put("interval_offsets", model.offsets().byGroup());
        d.put("interval_offsets_pooled", model.offsets().pooled());
        if (base != null) {
            ResidualModel.Accuracy b = base.accuracy();
            Map<String, Object> bd = new LinkedHashMap<>();
            bd.put("learner", base.trainer());
            bd.put("mae", finite(b.mae()));
            bd.put("mean_error", finite(b.bias()));
            bd.put("coverage", finite(b.coverage()));
            bd.put("mape", finite(b.mape()));
            d.put("baseline", bd);
        }
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
