package org.olive.pipeline.editing;

import org.olive.editing.AmountRules;
import org.olive.editing.RuleRef;
import org.olive.editing.Verdict;
import org.olive.period.Period;
import org.olive.pipeline.ingest.MasterTables;
import org.olive.pipeline.run.Deliveries;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The editing step (数据审核; docs/editing.md): checks every amount of the monthly person datasets delivered in the
 * income window of a period (deliveries P-11..P) with the rules of {@link EditingSettings} and stores the corrected and
 * excluded ones in amount_edit, which the income sources then read through ({@link EditedTables}). Runs in the ledger
 * run's transaction, before the income step.
 *
 * <p>Each delivery is edited once (docs/monthly-facts.md), when the first run whose window holds it needs it, and kept
 * while its stamp holds (the editing settings and the ingest runs of the delivery and of the eleven before it); the
 * history rule compares a row with the person's amounts of the same series in the delivery and in the eleven
 * deliveries before it, kept per delivery in amount_history, so no earlier delivery's raw rows are read again.
 *
 * <p>Per row and field the rules apply in order: (d) a negative amount is excluded; (a) the row's consistency checks
 * (IIT wage against its tax, flat-rate tax, contributions against base × rate, accounting identities) support,
 * correct or exclude; (b) an amount no consistency check supported is compared with the same person's other months of
 * the same series; (c) with too little history, with the amounts paid to peers in the same delivery. A consistency
 * correction of a field with history is kept only when the history shows the same ×10ⁿ (else the value is excluded).
 */
public final class AmountEditingStep implements org.olive.pipeline.run.MonthlyStep {

    /** One edit (a row of amount_edit); {@code edited} null = excluded. */
    public record Edit(String dataPeriod, String dataset, String file, long row, String field, String personId,
                       String month, double original, Double edited, RuleRef rule, String evidence) {

        public String action() {
            return edited == null ? "EXCLUDED" : "CORRECTED";
        }
    }

    private record Row(String period, String file, long row, String person, String month, String series, String peer,
                       Map<String, String> columns, Map<String, Double> values) {
    }

    private record Decision(RuleRef rule, Verdict verdict) {
    }

    private final EditingSettings s;

    public AmountEditingStep(EditingSettings settings) {
        this.s = settings;
    }

    @Override
    public String name() {
        return "editing";
    }

    /** Reads only master tables; runs before income, which uses its edits. */
    @Override
    public List<String> needs() {
        return List.of();
    }

    @Override
    public void run(org.olive.pipeline.run.StepContext ctx) throws SQLException {
        run(ctx.connection(), ctx.period(), ctx.report().counts());
    }

    /**
     * Makes the edits of the deliveries of the income window of {@code p} current and returns them (docs/monthly-facts.md):
     * a delivery is edited once, when a run first needs it, with the history of the eleven deliveries before it, and
     * again only when its stamp changes (the editing settings, or a re-ingestion of it or of one of those eleven).
     *
     * @param counts the run report's counts; the step adds edit_corrected_DATASET / edit_excluded_DATASET (the window's
     *               edits), edit_amounts and edit_deliveries_edited (the deliveries edited by this run)
     */
    public List<Edit> run(Connection c, Period p, Map<String, Long> counts) throws SQLException {
        Period from = p.minusMonths(11);
        Map<Period, Long> runs = Deliveries.succeeded(c, p.minusMonths(22), p);
        long historyBuilt = 0;
        for (Map.Entry<Period, Long> e : runs.entrySet()) {
            if (buildHistory(c, e.getKey(), e.getValue(), p)) {
                historyBuilt++;
            }
        }
        String settingsDigest = Deliveries.digest(s.toString());
        Map<Period, String> stale = new java.util.TreeMap<>();   // delivery → its new stamp
        for (Period d : Period.range(from, p)) {
            String stamp = Deliveries.digest(settingsDigest + historyRuns(runs, d));
            if (!stamp.equals(Deliveries.stamp(c, "edit_delivery", d, "EDITS"))) {
                stale.put(d, stamp);
            }
        }
        if (!stale.isEmpty()) {
            Period first = stale.keySet().iterator().next();
            History history = s.enabled() ? History.load(c, s, first.minusMonths(11), p) : null;
            for (Period d : stale.keySet()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM amount_edit WHERE data_period = ?")) {
                    ps.setString(1, d.toString());
                    ps.executeUpdate();
                }
                if (s.enabled() && runs.containsKey(d)) {
                    List<Edit> edits = new ArrayList<>();
                    for (EditingSettings.Dataset ds : s.datasets().values()) {
                        edits.addAll(edit(c, ds, d, history));
                    }
                    write(c, edits, p);
                }
                setStamp(c, d, "EDITS", stale.get(d), p);
            }
        }
        counts.put("edit_deliveries_edited", (long) stale.size());
        counts.put("edit_history_deliveries_built", historyBuilt);
        List<Edit> window = read(c, from, p);
        for (Edit e : window) {
            counts.merge("edit_" + e.action().toLowerCase(java.util.Locale.ROOT) + "_" + e.dataset(), 1L, Long::sum);
        }
        counts.put("edit_amounts", (long) window.size());
        return window;
    }

    private static void setStamp(Connection c, Period d, String kind, String stamp, Period builtIn) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM edit_delivery WHERE data_period = ? AND kind = ?")) {
            del.setString(1, d.toString());
            del.setString(2, kind);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO edit_delivery (data_period, kind, stamp, built_in) "
                + "VALUES (?, ?, ?, ?)")) {
            ps.setString(1, d.toString());
            ps.setString(2, kind);
            ps.setString(3, stamp);
            ps.setString(4, builtIn.toString());
            ps.executeUpdate();
        }
    }

    /** "run ids of D-11..D" for the stamp of D's edits. */
    private static String historyRuns(Map<Period, Long> runs, Period d) {
        StringBuilder b = new StringBuilder();
        for (Period x : Period.range(d.minusMonths(11), d)) {
            b.append(x).append('=').append(runs.get(x)).append(';');
        }
        return b.toString();
    }

    /** The amounts the history rule compares with, of one delivery, unless already built from its ingest run. */
    private boolean buildHistory(Connection c, Period d, long run, Period builtIn) throws SQLException {
        String stamp = "run:" + run;
        if (stamp.equals(Deliveries.stamp(c, "edit_delivery", d, "HISTORY"))) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM amount_history WHERE data_period = ?")) {
            ps.setString(1, d.toString());
            ps.executeUpdate();
        }
        for (EditingSettings.Dataset ds : s.datasets().values()) {
            StringBuilder series = new StringBuilder();
            for (String col : ds.series()) {
                series.append(series.length() == 0 ? "" : " || ").append("COALESCE(CAST(").append(col)
                        .append(" AS VARCHAR(100)), 'null') || '|'");
            }
            for (EditingSettings.Field f : ds.fields().values()) {
                if (!f.history()) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO amount_history (data_period, dataset, person_id, "
                        + "series, field, month_period, amount) SELECT data_period, '" + ds.table() + "', " + ds.person() + ", "
                        + (series.length() == 0 ? "''" : series) + ", '" + f.name() + "', CAST(" + ds.month()
                        + " AS VARCHAR(10)), " + f.name() + " FROM " + ds.table() + " WHERE " + MasterTables.VISIBLE
                        + " AND data_period = ? AND " + ds.person() + " IS NOT NULL AND " + ds.month() + " IS NOT NULL AND "
                        + f.name() + " >= 0")) {
                    ps.setString(1, d.toString());
                    ps.executeUpdate();
                }
            }
        }
        setStamp(c, d, "HISTORY", stamp, builtIn);
        return true;
    }

    /** The history amounts of deliveries from..to: dataset | person | series | field → (delivery, month, amount). */
    private record History(Map<String, List<Object[]>> byKey) {

        static History load(Connection c, EditingSettings s, Period from, Period to) throws SQLException {
            Map<String, List<Object[]>> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT dataset, person_id, series, field, data_period, month_period, "
                    + "amount FROM amount_history WHERE data_period BETWEEN ? AND ?")) {
                ps.setString(1, from.toString());
                ps.setString(2, to.toString());
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String k = rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4);
                        out.computeIfAbsent(k, x -> new ArrayList<>(12)).add(new Object[]{rs.getString(5),
                                month(rs.getString(6)), rs.getBigDecimal(7).doubleValue()});
                    }
                }
            }
            return new History(out);
        }

        /** Values of the deliveries D-11..D-1 for the key, months other than {@code month}. */
        void others(String key, Period delivery, String month, List<Double> into) {
            List<Object[]> list = byKey.get(key);
            if (list == null) {
                return;
            }
            String lo = delivery.minusMonths(11).toString();
            String hi = delivery.toString();
            for (Object[] o : list) {
                String d = (String) o[0];
                if (d.compareTo(lo) >= 0 && d.compareTo(hi) < 0 && !Objects.equals(o[1], month)) {
                    into.add((Double) o[2]);
                }
            }
        }
    }

    /** The edits stored for the deliveries from..to. */
    private static List<Edit> read(Connection c, Period from, Period to) throws SQLException {
        List<Edit> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT data_period, dataset, source_file, source_row, field, person_id, "
                + "month_period, original_value, edited_value, rule_id, rule_version, evidence FROM amount_edit "
                + "WHERE data_period BETWEEN ? AND ? ORDER BY dataset, data_period, source_file, source_row, field")) {
            ps.setString(1, from.toString());
            ps.setString(2, to.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal edited = rs.getBigDecimal(9);
                    out.add(new Edit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getBigDecimal(8).doubleValue(),
                            edited == null ? null : edited.doubleValue(), new RuleRef(rs.getString(10), rs.getInt(11)),
                            rs.getString(12)));
                }
            }
        }
        return out;
    }

    private List<Edit> edit(Connection c, EditingSettings.Dataset d, Period delivery, History history) throws SQLException {
        List<String> extra = new ArrayList<>();
        for (EditingSettings.Check k : d.checks()) {
            for (String key : List.of("by", "employer_column", "item_field")) {
                String col = k.column(key);
                if (col != null && !extra.contains(col)) {
                    extra.add(col);
                }
            }
        }
        Map<String, double[]> peerMedians = peerMedians(c, d, delivery);
        List<String> fields = new ArrayList<>(d.fields().keySet());
        StringBuilder sql = new StringBuilder("SELECT data_period, source_file, source_row, ").append(d.person())
                .append(", CAST(").append(d.month()).append(" AS VARCHAR(10))");
        List<String> cols = new ArrayList<>(d.series());
        d.peers().forEach(x -> { if (!cols.contains(x)) { cols.add(x); } });
        extra.forEach(x -> { if (!cols.contains(x)) { cols.add(x); } });
        for (String col : cols) {
            sql.append(", CAST(").append(col).append(" AS VARCHAR(100))");
        }
        for (String f : fields) {
            sql.append(", ").append(f);
        }
        sql.append(" FROM ").append(d.table()).append(" WHERE ").append(MasterTables.VISIBLE)
                .append(" AND data_period = ? ORDER BY ").append(d.person()).append(", 5, source_file, source_row");
        List<Edit> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setString(1, delivery.toString());
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                List<Row> person = new ArrayList<>();
                String current = null;
                while (rs.next()) {
                    Map<String, String> colValues = new HashMap<>();
                    for (int i = 0; i < cols.size(); i++) {
                        colValues.put(cols.get(i), rs.getString(6 + i));
                    }
                    Map<String, Double> values = new LinkedHashMap<>();
                    for (int i = 0; i < fields.size(); i++) {
                        BigDecimal b = rs.getBigDecimal(6 + cols.size() + i);
                        values.put(fields.get(i), b == null ? null : b.doubleValue());
                    }
                    Row r = new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), month(rs.getString(5)),
                            key(d.series(), colValues), key(d.peers(), colValues), colValues, values);
                    if (!person.isEmpty() && !Objects.equals(current, r.person())) {
                        out.addAll(person(d, person, peerMedians, history, delivery));
                        person.clear();
                    }
                    current = r.person();
                    person.add(r);
                }
                out.addAll(person(d, person, peerMedians, history, delivery));
            }
        }
        return out;
    }

    /** yyyyMM or yyyy-MM → yyyy-MM. */
    private static String month(String m) {
        if (m == null) {
            return null;
        }
        return m.length() == 6 && m.indexOf('-') < 0 ? m.substring(0, 4) + "-" + m.substring(4) : m.substring(0, Math.min(7, m.length()));
    }

    private static String key(List<String> cols, Map<String, String> values) {
        StringBuilder b = new StringBuilder();
        for (String col : cols) {
            b.append(values.get(col)).append('|');
        }
        return b.toString();
    }

    /** dataset field | delivery | peer key → {median, count} of the non-negative values. */
    private Map<String, double[]> peerMedians(Connection c, EditingSettings.Dataset d, Period delivery)
            throws SQLException {
        Map<String, double[]> out = new HashMap<>();
        if (!s.rule("peers").enabled()) {
            return out;
        }
        for (EditingSettings.Field f : d.fields().values()) {
            if (!f.peers()) {
                continue;
            }
            StringBuilder sql = new StringBuilder("SELECT data_period");
            for (String col : d.peers()) {
                sql.append(", CAST(").append(col).append(" AS VARCHAR(100))");
            }
            sql.append(", ").append(f.name()).append(" FROM ").append(d.table()).append(" WHERE ").append(MasterTables.VISIBLE)
                    .append(" AND data_period = ? AND ").append(f.name()).append(" >= 0");
            Map<String, List<Double>> values = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setString(1, delivery.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StringBuilder k = new StringBuilder(f.name()).append('|').append(rs.getString(1)).append('|');
                        for (int i = 0; i < d.peers().size(); i++) {
                            k.append(rs.getString(2 + i)).append('|');
                        }
                        values.computeIfAbsent(k.toString(), x -> new ArrayList<>())
                                .add(rs.getBigDecimal(2 + d.peers().size()).doubleValue());
                    }
                }
            }
            values.forEach((k, v) -> out.put(k, new double[]{
                    AmountRules.median(v.stream().mapToDouble(Double::doubleValue).toArray()), v.size()}));
        }
        return out;
    }

    /** The edits of one person's rows of one dataset. */
    private List<Edit> person(EditingSettings.Dataset d, List<Row> rows, Map<String, double[]> peerMedians, History history,
                              Period delivery) {
        List<Edit> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Decision> decided = new LinkedHashMap<>();
            // (d) negative amounts
            EditingSettings.Rule neg = s.rule("negative");
            if (neg.enabled()) {
                r.values().forEach((f, v) -> {
                    if (v != null) {
                        Verdict x = AmountRules.negative(v);
                        if (x.edits()) {
                            decided.put(f, new Decision(neg.ref(), x));
                        }
                    }
                });
            }
            // (a) consistency
            for (EditingSettings.Check k : d.checks()) {
                EditingSettings.Rule rule = s.rule(k.rule());
                if (!rule.enabled()) {
                    continue;
                }
                consistency(k, rule, r).forEach((f, v) -> {
                    if (!decided.containsKey(f) && v.kind() != Verdict.Kind.NONE) {
                        decided.put(f, new Decision(rule.ref(), v));
                    }
                });
            }
            // (b) own history, (c) peers
            for (EditingSettings.Field f : d.fields().values()) {
                Double v = r.values().get(f.name());
                if (v == null) {
                    continue;
                }
                Decision prior = decided.get(f.name());
                if (prior != null && (prior.verdict().kind() == Verdict.Kind.SUPPORTED
                        || prior.rule().equals(neg.ref()))) {
                    continue;
                }
                double[] others = f.history() && r.person() != null ? others(d, rows, r, f.name(), history, delivery)
                        : new double[0];
                EditingSettings.Rule hist = s.rule("history");
                AmountRules.Outlier ho = s.outlier("history", f.excludeSpikes());
                boolean enoughHistory = hist.enabled() && others.length >= ho.minOthers();
                if (prior != null) {
                    // a consistency edit: a correction must agree with the person's own history where there is one
                    if (prior.verdict().kind() == Verdict.Kind.CORRECT && enoughHistory) {
                        Verdict h = AmountRules.outlier(v, others, ho, "the person's median");
                        if (h.kind() != Verdict.Kind.CORRECT || h.power() != prior.verdict().power()) {
                            decided.put(f.name(), new Decision(prior.rule(), Verdict.exclude(prior.verdict().evidence()
                                    + "; but the person's own history does not show the same ×10^" + prior.verdict().power()
                                    + (h.kind() == Verdict.Kind.NONE ? "" : " (" + h.evidence() + ")"))));
                        } else {
                            decided.put(f.name(), new Decision(prior.rule(), Verdict.correct(prior.verdict().value(),
                                    prior.verdict().power(), prior.verdict().evidence() + "; confirmed by history: "
                                            + h.evidence())));
                        }
                    }
                    continue;
                }
                if (enoughHistory) {
                    Verdict h = AmountRules.outlier(v, others, ho, "the person's median");
                    if (h.edits()) {
                        decided.put(f.name(), new Decision(hist.ref(), h));
                    }
                    continue;
                }
                EditingSettings.Rule peers = s.rule("peers");
                if (f.peers() && peers.enabled()) {
                    double[] m = peerMedians.get(f.name() + "|" + r.period() + "|" + r.peer());
                    AmountRules.Outlier po = s.outlier("peers", f.excludeSpikes());
                    if (m != null && m[1] - 1 >= po.minOthers()) {
                        Verdict x = AmountRules.outlier(v, m[0], (int) m[1] - 1, po,
                                "the median paid under " + r.peer().replace("|", " ").strip() + " in " + r.period());
                        if (x.edits()) {
                            decided.put(f.name(), new Decision(peers.ref(), x));
                        }
                    }
                }
            }
            decided.forEach((f, dec) -> {
                if (dec.verdict().edits() && r.values().get(f) != null) {
                    Verdict v = dec.verdict();
                    String evidence = v.evidence().length() <= 1000 ? v.evidence() : v.evidence().substring(0, 999) + "…";
                    out.add(new Edit(r.period(), d.table(), r.file(), r.row(), f, r.person(), r.month(), r.values().get(f),
                            v.kind() == Verdict.Kind.CORRECT ? v.value() : null, dec.rule(), evidence));
                }
            });
        }
        return out;
    }

    /**
     * The field's values in the same series' other months (non-negative): the person's other rows of the delivery and
     * the amounts of the eleven deliveries before it (amount_history).
     */
    private static double[] others(EditingSettings.Dataset d, List<Row> rows, Row r, String field, History history,
                                   Period delivery) {
        List<Double> out = new ArrayList<>();
        for (Row o : rows) {
            Double v = o.values().get(field);
            if (o != r && o.series().equals(r.series()) && !Objects.equals(o.month(), r.month()) && v != null && v >= 0) {
                out.add(v);
            }
        }
        history.others(d.table() + "|" + r.person() + "|" + r.series() + "|" + field, delivery, r.month(), out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private Map<String, Verdict> consistency(EditingSettings.Check k, EditingSettings.Rule rule, Row r) {
        Map<String, Verdict> out = new LinkedHashMap<>();
        switch (k.rule()) {
            case "iit_withholding", "iit_flat_rate" -> {
                String item = r.columns().get(k.column("item_field"));
                Double income = r.values().get(k.column("income"));
                Double tax = r.values().get(k.column("tax"));
                if (income == null || tax == null || item == null) {
                    return out;
                }
                AmountRules.Pair pair;
                if (k.rule().equals("iit_withholding")) {
                    if (!EditingSettings.strings(rule.params().get("items")).contains(item) || r.month() == null) {
                        return out;
                    }
                    pair = AmountRules.withholding(income, tax, Integer.parseInt(r.month().substring(5, 7)), s.withholding());
                } else {
                    if (!(rule.params().get("rates") instanceof Map<?, ?> rates) || rates.get(item) == null) {
                        return out;
                    }
                    pair = AmountRules.flatRate(income, tax, new AmountRules.FlatRate(
                            EditingSettings.number(rates.get(item), "rates." + item), rule.number("relative_tolerance"),
                            rule.number("tolerance_yuan"), s.powers()));
                }
                out.put(k.column("income"), pair.first());
                out.put(k.column("tax"), pair.second());
            }
            case "contribution_rate" -> {
                String base = k.column("base");
                Double b = r.values().get(base);
                if (b == null) {
                    return out;
                }
                String by = k.column("by");
                String key = by == null ? "" : String.valueOf(r.columns().get(by));
                String employerCol = k.column("employer_column");
                boolean flexible = employerCol != null && (r.columns().get(employerCol) == null
                        || r.columns().get(employerCol).isBlank());
                Object table = k.params().get(flexible ? "flexible_rates" : "rates");
                if (!(table instanceof Map<?, ?> byKey) || !(byKey.get(key) instanceof Map<?, ?> rates)) {
                    return out;
                }
                Map<String, AmountRules.Rate> rs = new LinkedHashMap<>();
                Map<String, Double> parts = new LinkedHashMap<>();
                rates.forEach((f, range) -> {
                    List<String> lh = EditingSettings.strings(range);
                    rs.put(String.valueOf(f), new AmountRules.Rate(EditingSettings.number(lh.get(0), "rate"),
                            EditingSettings.number(lh.get(1), "rate")));
                    parts.put(String.valueOf(f), r.values().get(String.valueOf(f)));
                });
                out.putAll(AmountRules.contributions(base, b, parts, rs, rule.number("tolerance_yuan"), s.powers()));
            }
            case "identity" -> {
                Map<String, Double> values = new LinkedHashMap<>();
                values.put(k.column("total"), r.values().get(k.column("total")));
                EditingSettings.strings(k.params().get("parts")).forEach(f -> values.put(f, r.values().get(f)));
                out.putAll(AmountRules.identity(values, k.column("total"), rule.number("tolerance_yuan"), s.powers(),
                        k.column("unresolved")));
            }
            default -> {
                // history and peers are not row checks
            }
        }
        return out;
    }

    private static void write(Connection c, List<Edit> edits, Period p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO amount_edit (data_period, dataset, source_file, source_row, "
                + "field, person_id, month_period, original_value, edited_value, action, rule_id, rule_version, evidence, "
                + "edited_in) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Edit e : edits) {
                ps.setString(1, e.dataPeriod());
                ps.setString(2, e.dataset());
                ps.setString(3, e.file());
                ps.setLong(4, e.row());
                ps.setString(5, e.field());
                ps.setString(6, e.personId());
                ps.setString(7, e.month());
                ps.setBigDecimal(8, BigDecimal.valueOf(e.original()).setScale(2, RoundingMode.HALF_UP));
                if (e.edited() == null) {
                    ps.setNull(9, Types.DECIMAL);
                } else {
                    ps.setBigDecimal(9, BigDecimal.valueOf(e.edited()).setScale(2, RoundingMode.HALF_UP));
                }
                ps.setString(10, e.action());
                ps.setString(11, e.rule().id());
                ps.setInt(12, e.rule().version());
                ps.setString(13, e.evidence());
                ps.setString(14, p.toString());
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }
}
