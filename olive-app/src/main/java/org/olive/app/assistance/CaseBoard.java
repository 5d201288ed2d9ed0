package org.olive.app.assistance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.olive.app.ingest.Masking;
import org.olive.app.web.OwnerApi;
import org.olive.assistance.CaseState;
import org.olive.pipeline.assistance.CaseDesk;
import org.olive.pipeline.county.CountyProfile;
import org.olive.warning.WarningDefinitions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assistance cases (帮扶; docs/cases.md) as the web app reads them — the worklist (overdue first, then by due
 * date), a case with its actions and evaluations, a family's cases, the cockpit's counts — and the users' actions,
 * written through the owner's API ({@link CaseDesk}) in one transaction. Every query takes the township of the user's
 * scope (9 digits; null = the county); the controllers audit every view.
 */
@Repository
public class CaseBoard {

    /** Rows of the worklist shown at most (the count is complete). */
    public static final int MAX_ROWS = 200;

    /** The SQL of "overdue on :today": still waiting for assistance and past its due date. */
    static final String OVERDUE = "(a.state IN ('DISCOVERED', 'WARNED', 'REOPENED') AND a.due_on < :today)";

    /** A case as listed: the family (its head's name at the opened period, masked), area, colour, state, dates, cadre, green mark. */
    public record Row(long id, String familyKey, String head, String township, String village, String colour,
                      String state, String openedPeriod, LocalDate dueOn, boolean overdue, String cadre,
                      String greenPeriod) {
    }

    /** A case in full. */
    public record Case(Row row, LocalDate openedOn, String reopenedPeriod, String closedPeriod, LocalDate closedOn,
                       String closeReason) {
        public CaseState state() {
            return CaseState.of(row.state());
        }
    }

    /** An action on a case. */
    public record Action(long id, String kind, LocalDate actedOn, BigDecimal amount, String policy, String note,
                         String fromState, String toState, String username, String createdAt) {
    }

    /** An evaluation of a case. */
    public record Evaluation(int monthsAfter, String period, String assistedPeriod, BigDecimal before, BigDecimal after,
                             String colourBefore, String colourAfter) {
        /** The change of per-capita DI, or null without both figures. */
        public BigDecimal change() {
            return before == null || after == null ? null : after.subtract(before);
        }
    }

    /** A rule that fired for the family (its latest warning): version, names, masked evidence. */
    public record Fired(String period, String colour, List<String> names, String evidence) {
    }

    /** Counts of cases of an area ('' = the scope's total): open by colour and state, overdue, closed. */
    public record Counts(String township, long open, long red, long yellow, long overdue, long closed,
                         Map<String, Long> byState) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final WarningDefinitions definitions;

    public CaseBoard(JdbcClient jdbc, DataSource dataSource, CountyProfile profile) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.definitions = profile.warnings();
    }

    private static final String COLUMNS = "a.id, a.family_key, (SELECT p.name FROM family_member m JOIN person p ON "
            + "p.person_key = m.person_key WHERE m.data_period = a.opened_period AND m.family_key = a.family_key AND m.role = "
            + "'HEAD' FETCH FIRST 1 ROWS ONLY), a.township_code, a.village_code, a.colour, a.state, a.opened_period, "
            + "a.due_on, CASE WHEN " + OVERDUE + " THEN 1 ELSE 0 END, a.cadre, a.green_period";

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getLong(1), rs.getString(2), maskName(rs.getString(3)), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getDate(9).toLocalDate(), rs.getInt(10) == 1,
                rs.getString(11), rs.getString(12));
    }

    /** A name with all but its first character masked (张三丰 → 张**). */
    static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return "–";
        }
        String s = name.strip();
        return s.charAt(0) + "*".repeat(Math.max(1, s.codePointCount(0, s.length()) - 1));
    }

    /**
     * The worklist: the cases of a township (null = the county), open ones unless {@code state} is given, filtered by
     * colour and state; overdue first, then by due date and id; at most {@link #MAX_ROWS}.
     */
    public List<Row> worklist(String colour, String state, String township, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        String where = where(colour, state, township, params);
        params.put("today", today);
        params.put("n", MAX_ROWS);
        return jdbc.sql("SELECT " + COLUMNS + " FROM assistance_case a" + where + " ORDER BY CASE WHEN " + OVERDUE
                        + " THEN 0 ELSE 1 END, a.due_on, a.id LIMIT :n").params(params)
                .query((rs, i) -> row(rs)).list();
    }

    /** How many cases the worklist's filter holds. */
    public long count(String colour, String state, String township) {
        Map<String, Object> params = new HashMap<>();
        String where = where(colour, state, township, params);
        return jdbc.sql("SELECT COUNT(*) FROM assistance_case a" + where).params(params).query(Long.class).single();
    }

    private static String where(String colour, String state, String township, Map<String, Object> params) {
        StringBuilder w = new StringBuilder(state == null ? " WHERE a.state <> 'CLOSED'" : " WHERE a.state = :s");
        if (state != null) {
            params.put("s", state);
        }
        if (colour != null) {
            w.append(" AND a.colour = :c");
            params.put("c", colour);
        }
        if (township != null) {
            w.append(" AND a.township_code = :t");
            params.put("t", township);
        }
        return w.toString();
    }

    public Optional<Case> get(long id, LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + ", a.opened_on, a.reopened_period, a.closed_period, a.closed_on, "
                        + "a.close_reason FROM assistance_case a WHERE a.id = :id").param("id", id).param("today", today)
                .query((rs, i) -> new Case(row(rs), rs.getDate(13).toLocalDate(), rs.getString(14), rs.getString(15),
                        rs.getDate(16) == null ? null : rs.getDate(16).toLocalDate(), rs.getString(17))).optional();
    }

    /** The actions of a case, newest first (ID numbers in notes masked). */
    public List<Action> actions(long id) {
        return jdbc.sql("SELECT id, kind, acted_on, amount, policy, note, from_state, to_state, username, created_at FROM "
                        + "case_action WHERE case_id = :id ORDER BY acted_on DESC, id DESC").param("id", id)
                .query((rs, i) -> new Action(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getBigDecimal(4), rs.getString(5), Masking.ids(rs.getString(6)), rs.getString(7),
                        rs.getString(8), rs.getString(9), String.valueOf(rs.getObject(10)).replace('T', ' ')))
                .list();
    }

    public List<Evaluation> evaluations(long id) {
        return jdbc.sql("SELECT months_after, data_period, assisted_period, per_capita_before, per_capita_after, "
                        + "colour_before, colour_after FROM case_evaluation WHERE case_id = :id ORDER BY months_after")
                .param("id", id).query((rs, i) -> new Evaluation(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6), rs.getString(7))).list();
    }

    /** The family's latest warning up to a period: the rules that fired, named in the page's language. */
    public Optional<Fired> fired(String familyKey, String upTo, Locale locale) {
        return jdbc.sql("SELECT data_period, colour, rules, evidence FROM family_warning WHERE family_key = :f AND "
                        + "data_period <= :p ORDER BY data_period DESC FETCH FIRST 1 ROWS ONLY")
                .param("f", familyKey).param("p", upTo == null ? "9999-12" : upTo)
                .query((rs, i) -> new Fired(rs.getString(1), rs.getString(2), names(rs.getString(3), locale),
                        Masking.ids(rs.getString(4)))).optional();
    }

    private List<String> names(String rules, Locale locale) {
        List<String> out = new ArrayList<>();
        boolean en = locale != null && locale.getLanguage().equals("en");
        for (String v : rules == null ? new String[0] : rules.split(";")) {
            if (v.isBlank()) {
                continue;
            }
            String id = v.contains("@") ? v.substring(0, v.indexOf('@')) : v;
            out.add(definitions.rule(id).map(r -> en && !r.nameEn().isEmpty() ? r.nameEn() : r.nameZh()).orElse(id)
                    + " (" + v + ")");
        }
        return out;
    }

    /** A family's cases, newest first. */
    public List<Row> ofFamily(String familyKey, LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assistance_case a WHERE a.family_key = :f ORDER BY a.id DESC")
                .param("f", familyKey).param("today", today).query((rs, i) -> row(rs)).list();
    }

    /** The latest period with a run of step warnings, or null. */
    public String latestPeriod() {
        return jdbc.sql("SELECT MAX(data_period) FROM ledger_figure WHERE metric = 'warning:RED' AND area_code = ''")
                .query(String.class).optional().orElse(null);
    }

    /** The enabled cadres' account names of a township (9 digits). */
    public List<String> cadres(String township) {
        return jdbc.sql("SELECT username FROM account WHERE role = 'CADRE' AND enabled = TRUE AND township_code LIKE :t "
                + "ORDER BY username").param("t", township + "%").query(String.class).list();
    }

    /** The counts of the county or a township (key '') and of each township, for the cockpit and the worklist. */
    public Map<String, Counts> counts(String township, LocalDate today) {
        Map<String, long[]> by = new LinkedHashMap<>();
        Map<String, Map<String, Long>> states = new HashMap<>();
        by.put("", new long[5]);
        states.put("", new LinkedHashMap<>());
        Map<String, Object> params = new HashMap<>(Map.of("today", today));
        if (township != null) {
            params.put("t", township);
        }
        // grouped in an outer query: a GROUP BY may not repeat an expression with a parameter (H2 refuses it)
        jdbc.sql("SELECT x.township_code, x.state, x.colour, x.late, COUNT(*) FROM (SELECT a.township_code, a.state, "
                        + "a.colour, CASE WHEN " + OVERDUE + " THEN 1 ELSE 0 END AS late FROM assistance_case a"
                        + (township == null ? "" : " WHERE a.township_code = :t") + ") x GROUP BY x.township_code, "
                        + "x.state, x.colour, x.late ORDER BY x.township_code").params(params)
                .query(rs -> {
                    String t = rs.getString(1) == null ? "?" : rs.getString(1);
                    long n = rs.getLong(5);
                    boolean open = !"CLOSED".equals(rs.getString(2));
                    for (String k : List.of("", t)) {
                        long[] c = by.computeIfAbsent(k, x -> new long[5]);
                        c[0] += open ? n : 0;
                        c[1] += open && "RED".equals(rs.getString(3)) ? n : 0;
                        c[2] += open && "YELLOW".equals(rs.getString(3)) ? n : 0;
                        c[3] += rs.getInt(4) == 1 ? n : 0;
                        c[4] += open ? 0 : n;
                        states.computeIfAbsent(k, x -> new LinkedHashMap<>()).merge(rs.getString(2), n, Long::sum);
                    }
                });
        Map<String, Counts> out = new LinkedHashMap<>();
        by.forEach((k, c) -> {
            Map<String, Long> s = new LinkedHashMap<>();
            for (CaseState st : CaseState.values()) {
                s.put(st.name(), states.getOrDefault(k, Map.of()).getOrDefault(st.name(), 0L));
            }
            out.put(k, new Counts(k, c[0], c[1], c[2], c[3], c[4], s));
        });
        return out;
    }

    /** Records a user's action through the owner's API; returns the action's id. */
    @Transactional
    public long act(long id, CaseDesk.Action action, String user, LocalDate today) {
        String period = latestPeriod();
        return OwnerApi.write(dataSource, c -> CaseDesk.act(c, id, action, user, today, period));
    }
}
