package org.olive.pipeline.warning;

import org.olive.fact.PersonFact;
import org.olive.income.FamilyArea;
import org.olive.income.LinesAt;
import org.olive.period.Period;
import org.olive.pipeline.fact.FactOutputs;
import org.olive.pipeline.fact.PersonFacts;
import org.olive.pipeline.figure.RunFigure;
import org.olive.pipeline.figure.RunFigures;
import org.olive.pipeline.income.IncomeSettings;
import org.olive.pipeline.run.MonthlyStep;
import org.olive.pipeline.run.StepContext;
import org.olive.warning.WarningClassifier;
import org.olive.warning.WarningDefinitions;
import org.olive.warning.WarningDefinitions.Colour;
import org.olive.warning.WarningVariables;
import org.olive.pipeline.vulnerability.VulnerabilityOutputs;
import org.olive.vulnerability.VulnerabilityModel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Step {@code warnings} (预警, issue 14; docs/warnings.md): every family with an income figure at the period gets a
 * colour from the county profile's warning rules (warnings.yaml, compiled once) over its family facts — the income
 * ledger's figures (family_income of P and of P-12), the lines of its area at P (income.yaml, the one loader), and its
 * members' assistance spells (the person facts). Writes {@code family_warning} (RED and YELLOW families, the rules that
 * fired with their figures and records), {@code warning_event} (colour changes against the previous period, GREEN
 * included) and the counts by colour and township in {@code ledger_figure}; re-running a period replaces its rows.
 * Runs before step groups, whose tier rule may name the family's colour.
 */
public final class WarningStep implements MonthlyStep {

    /** ledger_figure metric prefix: {@code warning:RED}, {@code warning:YELLOW}; county ('') and each township. */
    public static final String METRIC = "warning:";

    private static final Set<String> LEAVABLE = Set.of("DIBAO", "DIBIAN", "TEKUN");

    private final WarningDefinitions definitions;
    private final IncomeSettings income;

    public WarningStep(WarningDefinitions definitions, IncomeSettings income) {
        this.definitions = definitions;
        this.income = income;
    }

    @Override
    public String name() {
        return "warnings";
    }

    @Override
    public List<String> needs() {
        return List.of("facts", "income", "vulnerability");
    }

    /** A family's row of family_income at the period (also the what-if's recomputed figures, org.olive.pipeline.whatif). */
    public record FamilyRow(String key, String township, String village, Boolean urban, int residents, double di,
                     double perCapita, double medicalOop, double afterRigidMonthly, double educationExpense) {

        /** A family without education expenditure. */
        public FamilyRow(String key, String township, String village, Boolean urban, int residents, double di,
                  double perCapita, double medicalOop, double afterRigidMonthly) {
            this(key, township, village, urban, residents, di, perCapita, medicalOop, afterRigidMonthly, 0);
        }
    }

    /** One family's outcome. */
    record Coloured(FamilyRow family, WarningClassifier.Warning warning) {
    }

    @Override
    public void run(StepContext ctx) throws SQLException {
        long t0 = System.nanoTime();
        Connection c = ctx.connection();
        Period period = ctx.period();
        String p = period.toString();
        WarningClassifier rules = definitions.at(period);
        LinesAt lines = income.family().at(period).lines();
        List<FamilyRow> families = families(c, p);
        PersonFacts facts = ctx.need(FactOutputs.PERSON_FACTS);
        Map<String, Previous> before = previous(c, period.minusMonths(1).toString());
        // the history starts at the first period the step runs: without a run of the month before (its county
        // figure rows), this period's colours are the starting colours, not changes from green
        boolean first = !ran(c, period.minusMonths(1).toString());
        Map<String, VulnerabilityModel.Prediction> vulnerability = ctx.find(VulnerabilityOutputs.VULNERABILITY)
                .orElse(Map.of());
        Map<String, WarningVariables.Facts> familyFacts = familyFacts(c, period, lines, families, facts, vulnerability);
        long t1 = System.nanoTime();
        List<Coloured> coloured = families.parallelStream().map(f -> new Coloured(f,
                rules.classify(familyFacts.get(f.key())))).toList();
        long t2 = System.nanoTime();
        WarningTables.replace(c, period, coloured, before, first);
        RunFigures.add(ctx, figures(coloured));
        Map<String, String> colours = new HashMap<>();
        coloured.forEach(x -> colours.put(x.family().key(), x.warning().colour().name()));
        ctx.publish(WarningOutputs.COLOURS, Collections.unmodifiableMap(colours));
        ctx.publish(WarningOutputs.FACTS, Collections.unmodifiableMap(familyFacts));

        Map<String, Long> ms = ctx.report().millis();
        ms.put("warnings_read", (t1 - t0) / 1_000_000);
        ms.put("warnings_classify", (t2 - t1) / 1_000_000);
        ms.put("warnings_write", (System.nanoTime() - t2) / 1_000_000);
        Map<String, Long> counts = ctx.report().counts();
        counts.put("warnings_families", (long) coloured.size());
        if (first) {
            ctx.report().skipped().put("warning changes", "no run of step warnings for " + period.minusMonths(1)
                    + ": the colours of " + p + " start the history (no warning_event rows)");
        }
        counts.put("warnings_red", coloured.stream().filter(x -> x.warning().colour() == Colour.RED).count());
        counts.put("warnings_yellow", coloured.stream().filter(x -> x.warning().colour() == Colour.YELLOW).count());
        Map<String, Long> byRule = new TreeMap<>();
        coloured.forEach(x -> x.warning().fired().forEach(r -> byRule.merge(r.version(), 1L, Long::sum)));
        byRule.forEach((r, n) -> counts.put("warning_rule " + r, n));
        rules.failures().forEach((r, n) -> counts.put("warning_rule_failures " + r, n));
        rules.firstFailures().forEach((r, m) -> ctx.report().skipped().put("warning rule " + r,
                "failed at run time (counted as false) for " + rules.failures().get(r) + " family(ies), first: " + m));
    }

    /**
     * The warning facts of every family with an income figure at the period (the rows of {@code family_income}), by
     * family key, each with its records: what the rules of warnings.yaml see, and what policy rules see of a family's
     * income (docs/policies.md). {@code vulnerability} may be empty (the fact is then -1).
     */
    public static Map<String, WarningVariables.Facts> familyFacts(Connection c, Period period, LinesAt lines,
                                                                  List<FamilyRow> families, PersonFacts facts,
                                                                  Map<String, VulnerabilityModel.Prediction> vulnerability)
            throws SQLException {
        String p = period.toString();
        Map<String, Double> yearAgo = perCapita(c, period.minusMonths(12).toString());
        Map<String, List<PersonFact>> members = new HashMap<>();
        for (PersonFact f : facts.all()) {
            if (f.familyKey() != null) {
                members.computeIfAbsent(f.familyKey(), k -> new ArrayList<>(4)).add(f);
            }
        }
        Map<String, List<String>> medical = medicalRecords(c, period, facts);
        Map<String, List<String>> education = educationRecords(c, period, facts);
        Map<String, Map<String, Object>> lineCache = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, WarningVariables.Facts> out = new java.util.concurrent.ConcurrentHashMap<>();
        families.parallelStream().forEach(f -> out.put(f.key(), facts(f, p, period, lines, lineCache,
                yearAgo.get(f.key()), members.getOrDefault(f.key(), List.of()), medical.getOrDefault(f.key(), List.of()),
                education.getOrDefault(f.key(), List.of()), vulnerability.get(f.key()))));
        return out;
    }

    /** The previous period's warning of a family: its colour and the rule versions that fired. */
    record Previous(String colour, String rules, String township) {
    }

    /** One family's facts for the warning rules, each with its records. */
    public static WarningVariables.Facts facts(FamilyRow f, String p, Period period, LinesAt lines,
                                        Map<String, Map<String, Object>> lineCache, Double yearAgo,
                                        List<PersonFact> members) {
        return facts(f, p, period, lines, lineCache, yearAgo, members, List.of(), List.of(), null);
    }

    /** The same, with the family's medical records and no vulnerability. */
    public static WarningVariables.Facts facts(FamilyRow f, String p, Period period, LinesAt lines,
                                        Map<String, Map<String, Object>> lineCache, Double yearAgo,
                                        List<PersonFact> members, List<String> medical) {
        return facts(f, p, period, lines, lineCache, yearAgo, members, medical, List.of(), null);
    }

    /** The same, with the family's medical and school fee records and no vulnerability. */
    public static WarningVariables.Facts facts(FamilyRow f, String p, Period period, LinesAt lines,
                                        Map<String, Map<String, Object>> lineCache, Double yearAgo,
                                        List<PersonFact> members, List<String> medical, List<String> education) {
        return facts(f, p, period, lines, lineCache, yearAgo, members, medical, education, null);
    }

    /** The same, with the family's medical records and its vulnerability. */
    public static WarningVariables.Facts facts(FamilyRow f, String p, Period period, LinesAt lines,
                                        Map<String, Map<String, Object>> lineCache, Double yearAgo,
                                        List<PersonFact> members, List<String> medical,
                                        VulnerabilityModel.Prediction vulnerability) {
        return facts(f, p, period, lines, lineCache, yearAgo, members, medical, List.of(), vulnerability);
    }

    /**
     * One family's facts for the warning rules, each with its records.
     *
     * @param medical       the family's medical settlement records of the window ({@code medical:file:row})
     * @param education     the family's school fee records of the window ({@code education_fee:file:row}), cited by
     *                      education_expense and the facts after rigid expenditure
     * @param vulnerability the family's vulnerability at the period (step vulnerability), or null
     */
    public static WarningVariables.Facts facts(FamilyRow f, String p, Period period, LinesAt lines,
                                        Map<String, Map<String, Object>> lineCache, Double yearAgo,
                                        List<PersonFact> members, List<String> medical, List<String> education,
                                        VulnerabilityModel.Prediction vulnerability) {
        String row = "family_income:" + p + ":" + f.key();
        String[] withEducation = new String[education.size() + 1];
        withEducation[0] = row;
        for (int i = 0; i < education.size(); i++) {
            withEducation[i + 1] = education.get(i);
        }
        String[] rigid = new String[medical.size() + education.size() + 1];
        rigid[0] = row;
        for (int i = 0; i < medical.size(); i++) {
            rigid[i + 1] = medical.get(i);
        }
        for (int i = 0; i < education.size(); i++) {
            rigid[medical.size() + i + 1] = education.get(i);
        }
        String[] withMedical = new String[medical.size() + 1];
        withMedical[0] = row;
        for (int i = 0; i < medical.size(); i++) {
            withMedical[i + 1] = medical.get(i);
        }
        WarningVariables.Builder b = new WarningVariables.Builder();
        b.set("residents", (long) f.residents(), row);
        b.set("di", f.di(), row);
        b.set("di_per_capita", f.perCapita(), row);
        b.set("medical_oop", f.medicalOop(), withMedical);
        b.set("education_expense", f.educationExpense(), withEducation);
        double rigidExpenditure = f.medicalOop() + f.educationExpense();
        b.set("after_rigid_per_capita", f.residents() == 0 ? f.di() - rigidExpenditure
                : (f.di() - rigidExpenditure) / f.residents(), rigid);
        b.set("after_rigid_monthly", f.afterRigidMonthly(), rigid);
        Map<String, Object> l = lineCache.computeIfAbsent(f.township() + "|" + f.village() + "|" + f.urban(),
                k -> lines(lines, new FamilyArea(f.township(), f.village(), f.urban())));
        for (String name : List.of("dibao_line", "dibian_line", "tekun_line", "minimum_wage", "assist_line",
                "safety_net_line")) {
            b.set(name, l.get(name), (String) l.get(name + ".key"));
        }
        b.set("di_per_capita_year_ago", yearAgo == null ? -1.0 : yearAgo,
                yearAgo == null ? null : "family_income:" + period.minusMonths(12) + ":" + f.key());
        LocalDate last = period.lastDay();
        Set<String> open = new TreeSet<>();
        List<String> openRefs = new ArrayList<>();
        boolean leavableOpen = false;
        LocalDate lastEnd = null;
        List<String> endRefs = new ArrayList<>();
        for (PersonFact m : members) {
            for (PersonFact.Assistance a : m.assistance()) {
                if (a.start() != null && a.start().isAfter(last)) {
                    continue;
                }
                boolean isOpen = a.end() == null || !a.end().isBefore(last);
                String ref = a.source() == null ? null : a.source().ref();
                if (isOpen) {
                    open.add(a.type());
                    openRefs.add(ref);
                    leavableOpen |= LEAVABLE.contains(a.type());
                } else if (LEAVABLE.contains(a.type())) {
                    if (lastEnd == null || a.end().isAfter(lastEnd)) {
                        lastEnd = a.end();
                    }
                    endRefs.add(ref);
                }
            }
        }
        b.set("assistance", List.copyOf(open), openRefs.toArray(String[]::new));
        long left = leavableOpen || lastEnd == null ? -1
                : ChronoUnit.MONTHS.between(YearMonth.from(lastEnd), period.month());
        b.set("assistance_left_months", left, left < 0 ? new String[0] : endRefs.toArray(String[]::new));
        b.set("vulnerability", vulnerability == null ? -1.0 : vulnerability.probability(),
                vulnerability == null ? null : "family_vulnerability:" + p + ":" + f.key(), vulnerability == null ? null : row);
        b.set("urban", Boolean.TRUE.equals(f.urban()), row);
        b.set("township", f.township() == null ? "" : f.township(), row);
        return b.build();
    }

    /** The lines of one area at the period, each with the income.yaml keys that gave it. */
    private static Map<String, Object> lines(LinesAt lines, FamilyArea area) {
        Map<String, Object> m = new HashMap<>();
        put(m, "dibao_line", lines.dibao(area), 1.0);
        put(m, "dibian_line", lines.dibian(area), 1.0);
        if (lines.hasTekun()) {
            put(m, "tekun_line", lines.tekun(area), 1.0);
        } else {
            m.put("tekun_line", -1.0);
            m.put("tekun_line.key", null);
        }
        LinesAt.Amount wage = lines.minimumWage(area);
        put(m, "minimum_wage", wage, 1.0);
        m.put("assist_line", wage.amount() * lines.assistShare());
        m.put("assist_line.key", "income.yaml:lines.assist_share × " + wage.keys());
        m.put("safety_net_line", wage.amount() * lines.safetyNetShare());
        m.put("safety_net_line.key", "income.yaml:lines.safety_net_share × " + wage.keys());
        return m;
    }

    private static void put(Map<String, Object> m, String name, LinesAt.Amount a, double share) {
        m.put(name, a.amount() * share);
        m.put(name + ".key", "income.yaml:" + a.keys());
    }

    /** Counts by colour: families of that colour / families with an income figure, county and each township. */
    static List<RunFigure> figures(List<Coloured> coloured) {
        Map<String, long[]> byArea = new TreeMap<>(); // area → {red, yellow, all}
        byArea.put("", new long[3]); // the county's rows even without families: the period has a run of the step
        for (Coloured x : coloured) {
            for (String area : new String[] {"", x.family().township()}) {
                if (area == null) {
                    continue;
                }
                long[] n = byArea.computeIfAbsent(area, k -> new long[3]);
                n[0] += x.warning().colour() == Colour.RED ? 1 : 0;
                n[1] += x.warning().colour() == Colour.YELLOW ? 1 : 0;
                n[2]++;
            }
        }
        String note = "families warned %s / families with an income figure (warnings.yaml)";
        List<RunFigure> out = new ArrayList<>();
        byArea.forEach((area, n) -> {
            out.add(RunFigure.of(METRIC + "RED", area, n[0], n[2], note.formatted("red")));
            out.add(RunFigure.of(METRIC + "YELLOW", area, n[1], n[2], note.formatted("yellow")));
        });
        return out;
    }

    public static List<FamilyRow> families(Connection c, String p) throws SQLException {
        List<FamilyRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT family_key, township_code, village_code, urban, residents, "
                + "disposable, per_capita, medical_oop, after_rigid_monthly, education_expense FROM family_income WHERE data_period = ? "
                + "ORDER BY family_key")) {
            ps.setString(1, p);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean urban = rs.getBoolean(4);
                    out.add(new FamilyRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.wasNull() ? null : urban,
                            rs.getInt(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9),
                            rs.getDouble(10)));
                }
            }
        }
        return out;
    }

    /**
     * The medical settlement records (医保结算, dataset medical) behind each family's out-of-pocket: the visible rows of
     * the deliveries P-11..P whose month is in the window and whose out-of-pocket is positive (the rows the income step
     * sums; its facts keep no row reference for them), of the members the person facts place in a family, as
     * {@code medical:file:row}, at most 5 a family in order.
     */
    static Map<String, List<String>> medicalRecords(Connection c, Period period, PersonFacts facts) throws SQLException {
        return windowRecords(c, period, facts, "income_medical", "medical", " AND m.out_of_pocket > 0");
    }

    /**
     * The school fee records (学生缴费, dataset education_fee) behind each family's education expenditure: the visible
     * rows of the deliveries P-11..P whose month is in the window, of the members the person facts place in a family,
     * as {@code education_fee:file:row}, at most 5 a family in order.
     */
    public static Map<String, List<String>> educationRecords(Connection c, Period period, PersonFacts facts) throws SQLException {
        return windowRecords(c, period, facts, "income_education_fee", "education_fee", "");
    }

    /**
     * The visible rows of a person-month master table ({@code table}) in the deliveries P-11..P whose month is in the
     * window (and meet {@code condition} on alias m), of the members the person facts place in a family, as
     * {@code dataset:file:row}, at most 5 a family in order.
     */
    private static Map<String, List<String>> windowRecords(Connection c, Period period, PersonFacts facts, String table,
                                                           String dataset, String condition) throws SQLException {
        Map<String, java.util.TreeSet<String>> refs = new HashMap<>();
        String from = period.minusMonths(11).toString();
        String to = period.toString();
        try (PreparedStatement ps = c.prepareStatement("SELECT p.person_key, m.source_file, m.source_row FROM "
                + table + " m JOIN person p ON p.id_number = m.person_id WHERE m.data_period >= ? AND "
                + "m.data_period <= ? AND m.month_period >= ? AND m.month_period <= ?" + condition + " AND m."
                + org.olive.pipeline.ingest.MasterTables.VISIBLE)) {
            ps.setString(1, from);
            ps.setString(2, to);
            ps.setString(3, from);
            ps.setString(4, to);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PersonFact f = facts.get(rs.getLong(1));
                    if (f != null && f.familyKey() != null) {
                        refs.computeIfAbsent(f.familyKey(), k -> new java.util.TreeSet<>())
                                .add(dataset + ":" + rs.getString(2) + ":" + rs.getLong(3));
                    }
                }
            }
        }
        Map<String, List<String>> out = new HashMap<>();
        refs.forEach((k, v) -> out.put(k, v.stream().limit(5).toList()));
        return out;
    }

    /** Per-capita DI of every family with an income figure at the period. */
    public static Map<String, Double> perCapita(Connection c, String p) throws SQLException {
        Map<String, Double> m = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT family_key, per_capita FROM family_income WHERE data_period = ?")) {
            ps.setString(1, p);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getDouble(2));
                }
            }
        }
        return m;
    }

    /** Whether step warnings ran for the period: it writes the county's figure rows even without families. */
    private static boolean ran(Connection c, String p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ledger_figure WHERE data_period = ? AND metric = ? "
                + "AND area_code = '' FETCH FIRST 1 ROWS ONLY")) {
            ps.setString(1, p);
            ps.setString(2, METRIC + Colour.RED.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Map<String, Previous> previous(Connection c, String p) throws SQLException {
        Map<String, Previous> m = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT family_key, colour, rules, township_code FROM family_warning "
                + "WHERE data_period = ?")) {
            ps.setString(1, p);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getString(1), new Previous(rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return m;
    }
}
