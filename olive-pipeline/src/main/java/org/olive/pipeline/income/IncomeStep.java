package org.olive.pipeline.income;

import org.olive.geography.Division;
import org.olive.geography.Divisions;
import org.olive.geography.UrbanRural;
import org.olive.income.Component;
import org.olive.income.IncomeRulesAt;
import org.olive.income.Method;
import org.olive.period.Period;
import org.olive.pipeline.editing.EditedTables;
import org.olive.pipeline.editing.EditingSettings;
import org.olive.pipeline.ingest.MasterTables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The income ledger of a period (收入一本账; docs/income.md): every person's trailing-12-month income by component
 * from the precise sources ({@link PreciseSources}), the estimates of the {@link IncomeEstimation} for residents,
 * the declarations, then person_income, family_income and family_flag ({@link FamilyIncomeTables}, with the lines and
 * brackets of the settings at the period). Runs inside the ledger run's transaction, after the
 * families; re-running a period replaces its rows (income_declaration is kept).
 *
 * <p>income_item holds exactly the items that make person_income: the sum of a person's items of a component is
 * the component's figure (a declared component replaces the component's computed items).
 */
public final class IncomeStep implements org.olive.pipeline.run.MonthlyStep {

    private final IncomeSettings settings;
    private final IncomeEstimation estimation;
    private final Divisions divisions;

    /** The deliveries' facts kept between the periods of one run (see {@link IncomeFacts.Held}); null: read each time. */
    private IncomeFacts.Held heldFacts;

    /** Keeps the deliveries' facts in {@code held} between the periods of one run. */
    public IncomeStep heldFacts(IncomeFacts.Held held) {
        this.heldFacts = held;
        return this;
    }

    public IncomeStep(IncomeSettings settings, IncomeEstimation estimation) {
        this(settings, estimation, EditingSettings.builtIn());
    }

    /** @param editing the editing settings whose edits (amount_edit) the sources honour (docs/editing.md) */
    public IncomeStep(IncomeSettings settings, IncomeEstimation estimation, EditingSettings editing) {
        this(settings, estimation, editing, Divisions.shengsi());
    }

    /** @param divisions the county's divisions (township, village and urban-rural class of each person) */
    public IncomeStep(IncomeSettings settings, IncomeEstimation estimation, EditingSettings editing, Divisions divisions) {
        this.divisions = divisions;
        this.settings = settings;
        this.estimation = estimation;
        this.editing = editing;
    }

    private final EditingSettings editing;

    /** One income item (a row of income_item). */
    record Item(long person, Component component, String source, String dataset, Method method, double amount, int months,
                long records, String ref, double confidence, Double low, Double high) {
    }

    /** What the person_period and family_member of the period say of a person. */
    private record PersonRow(boolean resident, String township, String village, String sex, Integer age) {
    }

    @Override
    public String name() {
        return "income";
    }

    @Override
    public List<String> needs() {
        return List.of("registry", "families", "editing");
    }

    /** Builds the income ledger with the run's person keys; publishes that it was written. */
    @Override
    public void run(org.olive.pipeline.run.StepContext ctx) throws SQLException {
        org.olive.pipeline.run.RunReport r = ctx.report();
        Connection c = ctx.connection();
        String period = ctx.period().toString();
        // run alone (--steps), the step reads what the period's last registry and family steps wrote
        Map<String, Long> keys = ctx.find(org.olive.pipeline.run.LedgerOutputs.PERSON_KEYS).orElseGet(() -> keysOf(c, period));
        boolean families = ctx.find(org.olive.pipeline.run.LedgerOutputs.FAMILIES_BUILT)
                .orElseGet(() -> exists(c, "SELECT 1 FROM family_member WHERE data_period = ?", period));
        run(c, ctx.period(), keys, families, r.counts(), r.skipped(), r.millis());
        ctx.publish(org.olive.pipeline.run.LedgerOutputs.INCOME_BUILT, true);
    }

    /** Whether the period has an income ledger (person_income rows). */
    public static boolean hasIncome(Connection c, Period p) {
        return exists(c, "SELECT 1 FROM person_income WHERE data_period = ?", p.toString());
    }

    private static boolean exists(Connection c, String sql, String period) {
        try (PreparedStatement ps = c.prepareStatement(sql + " FETCH FIRST 1 ROWS ONLY")) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + sql + ": " + e.getMessage(), e);
        }
    }

    /** ID number → person_key of everyone the period's last run listed (person_period). */
    private static Map<String, Long> keysOf(Connection c, String period) {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT p.id_number, p.person_key FROM person p JOIN person_period pp "
                + "ON pp.person_key = p.person_key WHERE pp.data_period = ?")) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the person keys of " + period + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("step income run alone needs the period's persons, but " + period
                    + " has no person_period rows: run step registry (or the whole run) first");
        }
        return out;
    }

    /**
     * Builds the income ledger of the period.
     *
     * @param keys          ID number → person_key of the registry of this run
     * @param familiesBuilt whether family_member / family_period of the period were written (else no family_income)
     * @param counts        the run report's counts; the step adds its own (income_*)
     */
    public void run(Connection c, Period p, Map<String, Long> keys, boolean familiesBuilt, Map<String, Long> counts,
                    Map<String, String> notes, Map<String, Long> millis)
            throws SQLException {
        String period = p.toString();
        // the lines and brackets at the period: a period before a line's first figure fails here, naming file and key
        IncomeRulesAt rules = settings.family().at(p);
        rules.lines().requireCountyFigures();
        FamilyIncomeTables.delete(c, p);
        for (String t : List.of("income_item", "person_income", "income_model")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t + " WHERE data_period = ?")) {
                ps.setString(1, period);
                ps.executeUpdate();
            }
        }
        PreciseSources src = new PreciseSources(c, p, settings);
        src.heldFacts = heldFacts;
        EditedTables edits = EditedTables.load(c, p.minusMonths(11), p, editing);
        src.edits = edits;
        src.readAll();
        counts.put("income_fact_deliveries_built", (long) src.factDeliveriesBuilt);
        src.millis.forEach((k, v) -> millis.put("income_read_" + k, v));
        String window = src.window();

        // link the sources' ID numbers to persons; count what cannot be linked, per dataset
        Map<Long, List<Item>> items = new HashMap<>();
        Map<String, Long> unlinked = new LinkedHashMap<>();
        Map<Long, Double> medical = new HashMap<>();
        Map<Long, Double> education = new HashMap<>();
        src.items.forEach((id, bySource) -> {
            Long key = key(keys, id);
            for (ItemAccumulator a : bySource.values()) {
                if (key == null) {
                    unlinked.merge(a.dataset, a.records, Long::sum);
                    continue;
                }
                // monthly sources over a window not yet fully delivered are scaled to 12 months
                boolean scaled = !a.months.isEmpty() && src.deliveredMonths < 12;
                String ref = a.recordRef(window) + (scaled ? " ×12/" + src.deliveredMonths + " (months delivered)" : "");
                // built from edited amounts (docs/editing.md): method stays PRECISE, the record reference says edited
                // with the original values and the rules, and the confidence is capped
                List<EditedTables.Note> edited = edits.notes(id, a.dataset, a.source);
                double confidence = a.confidence;
                if (!edited.isEmpty()) {
                    ref = "edited: " + String.join("; ", edited.stream().limit(3).map(String::valueOf).toList())
                            + (edited.size() > 3 ? " … (" + edited.size() + " edits)" : "") + " | " + ref;
                    confidence = Math.min(confidence, edits.editedConfidence());
                    counts.merge("income_items_edited", 1L, Long::sum);
                }
                items.computeIfAbsent(key, k -> new ArrayList<>()).add(new Item(key, a.component, a.source, a.dataset,
                        Method.PRECISE, round(scaled ? a.amount * src.annualize() : a.amount), a.months(), a.records,
                        ref.length() > 1000 ? ref.substring(0, 999) + "…" : ref, confidence, null, null));
            }
        });
        src.medical.forEach((id, v) -> {
            Long key = key(keys, id);
            if (key == null) {
                unlinked.merge("income_medical", 1L, Long::sum);
            } else {
                medical.merge(key, v, Double::sum);
            }
        });
        src.education.forEach((id, v) -> {
            Long key = key(keys, id);
            if (key == null) {
                unlinked.merge("income_education_fee", 1L, Long::sum);
            } else {
                education.merge(key, v, Double::sum);
            }
        });
        unlinked.forEach((d, n) -> counts.put("income_unlinked_" + d, n));
        counts.put("income_window_months_delivered", (long) src.deliveredMonths);
        src.duplicates.forEach((d, n) -> counts.put("income_repeated_rows_" + d.replace(' ', '_'), n));
        src.implausible.forEach((d, n) -> counts.put("income_implausible_" + d, n));
        src.rows().forEach((d, n) -> counts.put("income_rows_" + d.replace(' ', '_'), n));

        Map<Long, PersonRow> persons = persons(c, period);
        Map<Long, String> familyOf = familiesBuilt ? familyOf(c, period) : Map.of();
        Set<Long> students = students(c, p, keys);

        // precise items, then the estimation (which sees them)
        insertItems(c, period, items.values().stream().flatMap(List::stream).toList());
        Map<Long, PreciseIncome> precise = new HashMap<>();
        persons.forEach((k, r) -> {
            if (r.resident()) {
                precise.put(k, preciseIncome(k, items.getOrDefault(k, List.of())));
            }
        });
        items.forEach((k, list) -> precise.putIfAbsent(k, preciseIncome(k, list)));
        long te = System.nanoTime();
        EstimationResult est = estimation.estimate(c, p, precise);
        millis.put("income_estimation", (System.nanoTime() - te) / 1_000_000);
        List<Item> estimated = new ArrayList<>();
        est.estimates().forEach((k, byComponent) -> {
            PersonRow r = persons.get(k);
            if (r == null || !r.resident()) {
                return;
            }
            byComponent.forEach((comp, e) -> estimated.add(new Item(k, comp, "model", "", Method.ESTIMATED, round(e.amount()),
                    0, 0, "model of " + period + " for " + comp, settings.confidence("model"), round(e.low()), round(e.high()))));
        });
        insertItems(c, period, estimated);
        estimated.forEach(i -> items.computeIfAbsent(i.person(), k -> new ArrayList<>()).add(i));
        writeModels(c, period, est.models());
        if (!est.notes().isEmpty()) {
            notes.put("estimation", String.join("; ", est.notes()));
        }
        counts.put("income_estimated_items", (long) estimated.size());

        // declarations replace the component
        List<Item> declared = declarations(c, p);
        for (Item d : declared) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM income_item WHERE data_period = ? AND person_key = ? "
                    + "AND component = ?")) {
                ps.setString(1, period);
                ps.setLong(2, d.person());
                ps.setString(3, d.component().name());
                ps.executeUpdate();
            }
            List<Item> list = items.computeIfAbsent(d.person(), k -> new ArrayList<>());
            list.removeIf(i -> i.component() == d.component());
            list.add(d);
        }
        insertItems(c, period, declared);
        counts.put("income_declared_items", (long) declared.size());

        writePersons(c, period, persons, familyOf, students, items, counts);
        if (familiesBuilt) {
            FamilyIncomeTables.write(c, p, rules, medical, education, this::urban, counts);
        }
        counts.put("income_items", items.values().stream().mapToLong(List::size).sum());
    }

    private static Long key(Map<String, Long> keys, String id) {
        if (id == null) {
            return null;
        }
        Long k = keys.get(id);
        return k != null ? k : keys.get(id.strip().toUpperCase(java.util.Locale.ROOT));
    }

    static double round(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    private static PreciseIncome preciseIncome(long key, List<Item> list) {
        double[] amounts = new double[Component.values().length];
        int[] months = new int[amounts.length];
        Set<String> sources = new LinkedHashSet<>();
        for (Item i : list) {
            if (i.method() == Method.PRECISE) {
                amounts[i.component().ordinal()] += i.amount();
                months[i.component().ordinal()] = Math.max(months[i.component().ordinal()], i.months());
                sources.add(i.source());
            }
        }
        return new PreciseIncome(key, amounts, months, sources);
    }

    // ------------------------------------------------------------------------------------------------ reads

    private static Map<Long, PersonRow> persons(Connection c, String period) throws SQLException {
        Map<Long, PersonRow> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT person_key, resident, township_code, live_village, "
                + "hukou_village, sex, age FROM person_period WHERE data_period = ?")) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String village = rs.getString(4) != null ? rs.getString(4) : rs.getString(5);
                    int age = rs.getInt(7);
                    out.put(rs.getLong(1), new PersonRow(rs.getBoolean(2), rs.getString(3), village, rs.getString(6),
                            rs.wasNull() ? null : age));
                }
            }
        }
        return out;
    }

    private static Map<Long, String> familyOf(Connection c, String period) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT person_key, family_key FROM family_member WHERE data_period = ?")) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** Persons listed as studying (在读) in the latest education delivery at or before the period. */
    private static Set<Long> students(Connection c, Period p, Map<String, Long> keys) throws SQLException {
        Set<Long> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT person_id FROM basic_education WHERE "
                + MasterTables.VISIBLE + " AND employment_status = 'STUDYING' AND data_period = (SELECT MAX(data_period) "
                + "FROM basic_education WHERE " + MasterTables.VISIBLE + " AND data_period <= ?)")) {
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Long k = key(keys, rs.getString(1));
                    if (k != null) {
                        out.add(k);
                    }
                }
            }
        }
        return out;
    }

    /** The latest non-withdrawn declaration per person and component effective at or before the period. */
    private List<Item> declarations(Connection c, Period p) throws SQLException {
        Map<String, Item> latest = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, person_key, component, amount, effective_from, reason, "
                + "declared_by FROM income_declaration WHERE withdrawn_at IS NULL AND effective_from <= ? "
                + "ORDER BY declared_at, id")) {
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Component comp = Component.valueOf(rs.getString(3));
                    long person = rs.getLong(2);
                    String ref = "income_declaration " + rs.getLong(1) + " from " + rs.getString(5) + " by "
                            + rs.getString(7) + ": " + rs.getString(6);
                    latest.put(person + "|" + comp, new Item(person, comp, "declared", "income_declaration", Method.DECLARED,
                            rs.getBigDecimal(4).doubleValue(), 12, 1, ref.length() > 1000 ? ref.substring(0, 999) + "…" : ref,
                            settings.confidence("declared"), null, null));
                }
            }
        }
        return new ArrayList<>(latest.values());
    }

    // ------------------------------------------------------------------------------------------------ writes

    private static void insertItems(Connection c, String period, List<Item> list) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO income_item (data_period, person_key, component, source, "
                + "dataset, method, amount, months, record_count, record_ref, confidence, low, high) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Item i : list) {
                ps.setString(1, period);
                ps.setLong(2, i.person());
                ps.setString(3, i.component().name());
                ps.setString(4, i.source());
                ps.setString(5, i.dataset());
                ps.setString(6, i.method().name());
                ps.setBigDecimal(7, BigDecimal.valueOf(i.amount()).setScale(2, RoundingMode.HALF_UP));
                ps.setInt(8, i.months());
                ps.setLong(9, i.records());
                ps.setString(10, i.ref());
                ps.setBigDecimal(11, BigDecimal.valueOf(i.confidence()).setScale(3, RoundingMode.HALF_UP));
                money(ps, 12, i.low());
                money(ps, 13, i.high());
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void money(PreparedStatement ps, int col, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(col, Types.DECIMAL);
        } else {
            ps.setBigDecimal(col, BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP));
        }
    }

    /** Writes the income_model rows of the period (NaN accuracy figures as null). */
    public static void writeModels(Connection c, String period, List<EstimationResult.ModelReport> models) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM income_model WHERE data_period = ?")) {
            del.setString(1, period);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO income_model (data_period, component, survey_year, trainer, "
                + "train_rows, test_rows, mae, mape, coverage, interval_half_width, applied_to, details) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (EstimationResult.ModelReport m : models) {
                ps.setString(1, period);
                ps.setString(2, m.component().name());
                ps.setInt(3, m.surveyYear());
                ps.setString(4, m.trainer());
                ps.setInt(5, m.trainRows());
                ps.setInt(6, m.testRows());
                ps.setObject(7, Double.isNaN(m.mae()) ? null : m.mae(), Types.DOUBLE);
                ps.setObject(8, Double.isNaN(m.mape()) ? null : m.mape(), Types.DOUBLE);
                ps.setObject(9, Double.isNaN(m.coverage()) ? null : m.coverage(), Types.DOUBLE);
                ps.setObject(10, Double.isNaN(m.intervalHalfWidth()) ? null : m.intervalHalfWidth(), Types.DOUBLE);
                ps.setInt(11, m.appliedTo());
                ps.setString(12, m.details());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private Boolean urban(String village) {
        if (village == null) {
            return null;
        }
        Division d = divisions.get(village);
        return d == null || d.urbanRural() == null ? null : d.urbanRural() == UrbanRural.URBAN;
    }

    /**
     * domain.md §7: each component is precise (or declared), or estimated with an interval no wider than the configured
     * width. Per component: the component's estimated items' interval widths added up.
     */
    static boolean narrow(List<Item> items, double width) {
        double[] w = new double[Component.values().length];
        for (Item i : items) {
            if (i.method() == Method.ESTIMATED && i.low() != null && i.high() != null) {
                w[i.component().ordinal()] += i.high() - i.low();
            }
        }
        for (double x : w) {
            if (x > width + 1e-6) {
                return false;
            }
        }
        return true;
    }

    /** A person's figures from their items. */
    record Figures(double[] amounts, double preciseDi, double estimated, double low, double high, Method method,
                   double confidence) {

        static Figures of(List<Item> list) {
            double[] a = new double[Component.values().length];
            double precise = 0;
            double estimated = 0;
            double low = 0;
            double high = 0;
            double weight = 0;
            double weighted = 0;
            boolean anyPrecise = false;
            boolean anyEstimated = false;
            boolean anyDeclared = false;
            for (Item i : list) {
                int sign = i.component().sign();
                a[i.component().ordinal()] += i.amount();
                double lo = i.low() == null ? i.amount() : i.low();
                double hi = i.high() == null ? i.amount() : i.high();
                low += sign > 0 ? lo : -hi;
                high += sign > 0 ? hi : -lo;
                switch (i.method()) {
                    case PRECISE -> {
                        precise += sign * i.amount();
                        anyPrecise = true;
                    }
                    case ESTIMATED -> {
                        estimated += sign * i.amount();
                        anyEstimated = true;
                    }
                    case DECLARED -> anyDeclared = true;
                }
                weight += Math.abs(i.amount());
                weighted += Math.abs(i.amount()) * i.confidence();
            }
            Method m = anyDeclared ? Method.DECLARED : anyEstimated ? Method.ESTIMATED : anyPrecise ? Method.PRECISE : null;
            return new Figures(a, precise, estimated, low, high, m, weight > 0 ? weighted / weight : 0);
        }

        double disposable() {
            return Component.disposable(amounts);
        }
    }

    private void writePersons(Connection c, String period, Map<Long, PersonRow> persons, Map<Long, String> familyOf,
                              Set<Long> students, Map<Long, List<Item>> items, Map<String, Long> counts) throws SQLException {
        // who is written: every resident, and non-resident family members with items
        Map<Long, Figures> figures = new HashMap<>();
        persons.forEach((k, r) -> {
            List<Item> list = items.getOrDefault(k, List.of());
            if (r.resident() || (familyOf.containsKey(k) && !list.isEmpty())) {
                figures.put(k, Figures.of(list));
            }
        });
        // monitoring: adults by their interval; children and students through their family's other residents
        double width = settings.maxIntervalWidth();
        Map<Long, Boolean> monitored = new HashMap<>();
        Map<String, List<Long>> residentsOf = new HashMap<>();
        figures.forEach((k, f) -> {
            PersonRow r = persons.get(k);
            monitored.put(k, r.resident() && f.method() != null && narrow(items.getOrDefault(k, List.of()), width));
            if (r.resident() && familyOf.containsKey(k)) {
                residentsOf.computeIfAbsent(familyOf.get(k), x -> new ArrayList<>()).add(k);
            }
        });
        for (Map.Entry<Long, Figures> e : figures.entrySet()) {
            long k = e.getKey();
            PersonRow r = persons.get(k);
            if (!r.resident() || !throughFamily(r, k, students)) {
                continue;
            }
            List<Long> others = residentsOf.getOrDefault(familyOf.get(k), List.of()).stream()
                    .filter(o -> o != k && !throughFamily(persons.get(o), o, students)).toList();
            boolean all = !others.isEmpty();
            for (long o : others) {
                all &= figures.get(o).method() != null && narrow(items.getOrDefault(o, List.of()), width);
            }
            monitored.put(k, all);
        }
        long residents = 0;
        long monitoredCount = 0;
        long none = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO person_income (data_period, person_key, family_key, resident, "
                + "township_code, village_code, urban, sex, age, wage, business, property, transfer_in, transfer_out, "
                + "disposable, precise_di, estimated, di_low, di_high, method, confidence, monitored) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Map.Entry<Long, Figures> e : figures.entrySet()) {
                long k = e.getKey();
                Figures f = e.getValue();
                PersonRow r = persons.get(k);
                ps.setString(1, period);
                ps.setLong(2, k);
                ps.setString(3, familyOf.get(k));
                ps.setBoolean(4, r.resident());
                ps.setString(5, r.township());
                ps.setString(6, r.village());
                ps.setObject(7, urban(r.village()), Types.BOOLEAN);
                ps.setString(8, r.sex());
                ps.setObject(9, r.age(), Types.INTEGER);
                for (Component comp : Component.values()) {
                    ps.setBigDecimal(10 + comp.ordinal(), decimal(f.amounts()[comp.ordinal()]));
                }
                ps.setBigDecimal(15, decimal(f.disposable()));
                ps.setBigDecimal(16, decimal(f.preciseDi()));
                ps.setBigDecimal(17, decimal(f.estimated()));
                ps.setBigDecimal(18, decimal(f.low()));
                ps.setBigDecimal(19, decimal(f.high()));
                ps.setString(20, f.method() == null ? "NONE" : f.method().name());
                ps.setBigDecimal(21, BigDecimal.valueOf(f.confidence()).setScale(3, RoundingMode.HALF_UP));
                boolean mon = monitored.getOrDefault(k, false);
                ps.setBoolean(22, mon);
                ps.addBatch();
                if (r.resident()) {
                    residents++;
                    monitoredCount += mon ? 1 : 0;
                    none += f.method() == null ? 1 : 0;
                }
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        counts.put("income_persons", (long) figures.size());
        counts.put("income_residents", residents);
        counts.put("income_residents_monitored", monitoredCount);
        counts.put("income_residents_without_income", none);
    }

    private boolean throughFamily(PersonRow r, long k, Set<Long> students) {
        return (r.age() != null && r.age() < settings.childUnderAge()) || students.contains(k);
    }

    private static BigDecimal decimal(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }
}
