package org.olive.app.warning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.olive.app.ingest.Masking;
import org.olive.app.web.PeriodChoice;
import org.olive.pipeline.county.CountyProfile;
import org.olive.warning.WarningDefinitions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The warnings (预警, step warnings; docs/warnings.md) as the 预警 page reads them: the periods with a run (those with
 * {@code warning:*} ledger figures), the counts of red and yellow families and of colour changes for the county and
 * each township, and the personal rows: the warned families (red first) and the colour changes of a period. Every list
 * takes a township (9 digits; null = the whole county) and applies it; the controller gets it from the user's scope
 * and audits every view. ID numbers inside evidence and reasons are masked ({@link Masking#ids}).
 */
@Repository
public class WarningBoard {

    /** Colour-change rows shown at most (the count is complete). */
    public static final int MAX_EVENTS = 200;

    /** Counts of one area ({@code code} '' for the county, else a 9-digit township): families by colour, changes. */
    public record Counts(String code, long red, long yellow, long families, long changes) {
        public long warned() {
            return red + yellow;
        }
    }

    /** A rule that fired: its version ({@code id@n}), colour and names. */
    public record Rule(String version, String colour, String nameZh, String nameEn) {
        public String name(Locale locale) {
            return locale != null && locale.getLanguage().equals("en") && !nameEn.isEmpty() ? nameEn : nameZh;
        }
    }

    /** A warned family at a period: its colour, area, the rules that fired and the masked evidence. */
    public record Warned(String familyKey, String colour, String township, String village, List<Rule> rules,
                         String evidence) {
    }

    /** A page of warned families. */
    public record WarnedPage(List<Warned> rows, long total, int page, int pageSize) {
        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }

    /** A colour change of the period (masked reason). */
    public record Change(String familyKey, String changedOn, String from, String to, String township, String reason) {
    }

    private final JdbcClient jdbc;
    private final WarningDefinitions definitions;

    public WarningBoard(JdbcClient jdbc, CountyProfile profile) {
        this.jdbc = jdbc;
        this.definitions = profile.warnings();
    }

    /** The periods with a run of step warnings, newest first. */
    public List<String> periods() {
        return jdbc.sql("SELECT DISTINCT data_period FROM ledger_figure WHERE metric IN ('warning:RED', 'warning:YELLOW') "
                + "ORDER BY data_period DESC").query(String.class).list();
    }

    public PeriodChoice choice(String period) {
        return PeriodChoice.of(periods(), period);
    }

    /** The counts of the county ('') and of each township with a figure, by code. */
    public Map<String, Counts> counts(String period) {
        Map<String, long[]> by = new LinkedHashMap<>();
        jdbc.sql("SELECT metric, area_code, numerator, denominator FROM ledger_figure WHERE data_period = :p AND metric "
                        + "IN ('warning:RED', 'warning:YELLOW') ORDER BY area_code").param("p", period)
                .query(rs -> {
                    long[] c = by.computeIfAbsent(rs.getString(2) == null ? "" : rs.getString(2), k -> new long[4]);
                    c[rs.getString(1).equals("warning:RED") ? 0 : 1] = rs.getLong(3);
                    c[2] = Math.max(c[2], rs.getLong(4));
                });
        jdbc.sql("SELECT township_code, COUNT(*) FROM warning_event WHERE data_period = :p GROUP BY township_code")
                .param("p", period).query(rs -> {
                    long n = rs.getLong(2);
                    by.computeIfAbsent("", k -> new long[4])[3] += n;
                    String t = rs.getString(1);
                    if (t != null && !t.isEmpty()) {
                        by.computeIfAbsent(t, k -> new long[4])[3] += n;
                    }
                });
        Map<String, Counts> out = new LinkedHashMap<>();
        by.forEach((k, c) -> out.put(k, new Counts(k, c[0], c[1], c[2], c[3])));
        return out;
    }

    /** A page (1-based) of the warned families at the period: red first, then by township and key. */
    public WarnedPage warned(String period, String colour, String township, int page, int pageSize) {
        String where = " WHERE w.data_period = :p" + (colour == null ? "" : " AND w.colour = :c")
                + (township == null ? "" : " AND w.township_code = :t");
        Map<String, Object> params = new HashMap<>(Map.of("p", period));
        if (colour != null) {
            params.put("c", colour);
        }
        if (township != null) {
            params.put("t", township);
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM family_warning w" + where).params(params).query(Long.class).single();
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int shown = Math.min(Math.max(1, page), pages);
        params.put("n", pageSize);
        params.put("o", (shown - 1) * pageSize);
        List<Warned> rows = jdbc.sql("SELECT w.family_key, w.colour, w.township_code, fp.village_code, w.rules, w.evidence "
                        + "FROM family_warning w LEFT JOIN family_period fp ON fp.data_period = w.data_period AND "
                        + "fp.family_key = w.family_key" + where + " ORDER BY CASE w.colour WHEN 'RED' THEN 0 ELSE 1 END, "
                        + "w.township_code, w.family_key LIMIT :n OFFSET :o").params(params)
                .query((rs, i) -> new Warned(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rules(rs.getString(5)), Masking.ids(rs.getString(6)))).list();
        return new WarnedPage(rows, total, shown, pageSize);
    }

    /** The colour changes of the period inside a township (null = county), to red first, at most {@link #MAX_EVENTS}. */
    public List<Change> changes(String period, String township) {
        Map<String, Object> params = new HashMap<>(Map.of("p", period, "n", MAX_EVENTS));
        if (township != null) {
            params.put("t", township);
        }
        return jdbc.sql("SELECT family_key, changed_on, from_colour, to_colour, township_code, reason FROM warning_event "
                        + "WHERE data_period = :p" + (township == null ? "" : " AND township_code = :t")
                        + " ORDER BY CASE to_colour WHEN 'RED' THEN 0 WHEN 'YELLOW' THEN 1 ELSE 2 END, township_code, "
                        + "family_key LIMIT :n").params(params)
                .query((rs, i) -> new Change(rs.getString(1), String.valueOf(rs.getDate(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), Masking.ids(rs.getString(6)))).list();
    }

    /** The rules of {@code ;id@n;id@n;} with their names from the warning definitions. */
    List<Rule> rules(String fired) {
        List<Rule> out = new ArrayList<>();
        if (fired == null) {
            return out;
        }
        for (String version : fired.split(";")) {
            if (version.isBlank()) {
                continue;
            }
            String id = version.contains("@") ? version.substring(0, version.indexOf('@')) : version;
            var rule = definitions.rule(id);
            out.add(new Rule(version, rule.map(r -> r.colour().name()).orElse(""),
                    rule.map(WarningDefinitions.WarningRule::nameZh).orElse(id),
                    rule.map(WarningDefinitions.WarningRule::nameEn).orElse("")));
        }
        return List.copyOf(out);
    }

    /** A measure of the backtest for the model and for the baseline "below the 低边 line now". */
    public record Measure(Double model, Double baseline) {
    }

    /** One decile of the calibration table. */
    public record Decile(String decile, long families, Double predicted, Double observed) {
    }

    /**
     * The vulnerability backtest at a period (olive-accuracy's VulnerabilityBacktest, stored in ledger_figure by the
     * run's step truth): predictions made a horizon earlier against what the truth shows at the period.
     */
    public record Backtest(long families, long fell, long noOutcome, Measure auc, Measure brier, Measure topDecile,
                           List<Decile> calibration, String note) {
    }

    /** The vulnerability expected at a period: families expected below the line a horizon later, of families scored. */
    public record Expected(long below, long families) {
    }

    /** The backtest of the period, or null when its run measured none. */
    public Backtest backtest(String period) {
        Map<String, Object[]> f = new java.util.HashMap<>();
        jdbc.sql("SELECT metric, area_code, numerator, denominator, figure, note FROM ledger_figure WHERE data_period = :p "
                        + "AND metric LIKE 'vulnerability%'").param("p", period)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getObject(5) == null ? null : rs.getDouble(5), rs.getString(6)})
                .list().forEach(r -> f.put(r[0] + "|" + r[1], r));
        Object[] families = f.get("vulnerability_backtest_families|");
        if (families == null) {
            return null;
        }
        Object[] unknown = f.get("vulnerability_backtest_no_outcome|");
        List<Decile> deciles = new java.util.ArrayList<>();
        for (int d = 1; d <= 10; d++) {
            String k = String.format(Locale.ROOT, "d%02d", d);
            Object[] pr = f.get("vulnerability_calibration_predicted|" + k);
            Object[] ob = f.get("vulnerability_calibration_observed|" + k);
            if (pr != null) {
                deciles.add(new Decile(k, (Long) pr[3], (Double) pr[4], ob == null ? null : (Double) ob[4]));
            }
        }
        return new Backtest((Long) families[3], (Long) families[2], unknown == null ? 0 : (Long) unknown[2],
                measure(f, "auc"), measure(f, "brier"), measure(f, "top_decile_hits"), deciles, (String) families[5]);
    }

    private static Measure measure(Map<String, Object[]> f, String name) {
        Object[] m = f.get("vulnerability_" + name + "|");
        Object[] b = f.get("vulnerability_baseline_" + name + "|");
        return new Measure(m == null ? null : (Double) m[4], b == null ? null : (Double) b[4]);
    }

    /** The vulnerability step's county figure at the period, or null. */
    public Expected expected(String period) {
        return jdbc.sql("SELECT numerator, denominator FROM ledger_figure WHERE data_period = :p AND metric = "
                        + "'vulnerability_expected' AND area_code = ''").param("p", period)
                .query((rs, i) -> new Expected(rs.getLong(1), rs.getLong(2))).optional().orElse(null);
    }
}
