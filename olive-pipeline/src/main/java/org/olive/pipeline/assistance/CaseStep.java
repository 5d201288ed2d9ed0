package org.olive.pipeline.assistance;

import org.olive.assistance.CaseDefinitions;
import org.olive.assistance.CaseParameters;
import org.olive.assistance.CaseState;
import org.olive.period.Period;
import org.olive.pipeline.run.MonthlyStep;
import org.olive.pipeline.run.StepContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step {@code cases} (帮扶, the loop 发现—预警—帮扶—评估; docs/cases.md), after step warnings. For the period's red and
 * yellow families (family_warning): a family without an open case gets one (DISCOVERED, its colour, the due date by
 * colour from the profile), unless its last case was closed within the reopen window, which is REOPENED instead. Open
 * cases whose family is green at the period are marked (green_period; never closed by the run). Cases whose first
 * assistance was in month A are evaluated at A + 3 and A + 6 (the profile's months): per-capita DI and colour then
 * against A; the first evaluation moves ASSISTING → EVALUATING. Re-running a period never duplicates a case and never
 * deletes a user's action; a case the run opened at the period, untouched by users, whose family is no longer warned
 * at the period, is withdrawn.
 */
public final class CaseStep implements MonthlyStep {

    /** The user name of the run's own actions (opened, reopened, to EVALUATING). */
    public static final String RUN_USER = "olive";

    private final CaseDefinitions definitions;

    public CaseStep(CaseDefinitions definitions) {
        this.definitions = definitions;
    }

    @Override
    public String name() {
        return "cases";
    }

    @Override
    public List<String> needs() {
        return List.of("warnings");
    }

    /** A warned family of the period. */
    record Warned(String family, String colour, String township, String village) {
    }

    /** A family's latest case. */
    record Latest(long id, CaseState state, String closedPeriod) {
    }

    @Override
    public void run(StepContext ctx) throws SQLException {
        long t0 = System.nanoTime();
        Connection c = ctx.connection();
        Period period = ctx.period();
        String p = period.toString();
        CaseParameters params = definitions.at(period);
        Map<String, Warned> warned = warned(c, p);
        int withdrawn = CaseTables.withdraw(c, p, warned.keySet());
        Map<String, Latest> latest = latest(c);
        List<Warned> open = new ArrayList<>();
        List<Map.Entry<Long, Warned>> reopen = new ArrayList<>();
        for (Warned w : warned.values()) {
            Latest l = latest.get(w.family());
            if (l != null && l.state().open()) {
                continue;
            }
            if (l != null && l.closedPeriod() != null && params.reopens(Period.parse(l.closedPeriod()), period)) {
                reopen.add(Map.entry(l.id(), w));
            } else {
                open.add(w);
            }
        }
        CaseTables.open(c, period, open, params);
        CaseTables.reopen(c, period, reopen, params);
        boolean latestRun = !laterRun(c, p);
        int green = latestRun ? CaseTables.markGreen(c, p, warned.keySet()) : -1;
        int evaluated = evaluate(c, period, params);
        Map<String, Long> counts = ctx.report().counts();
        counts.put("cases_opened", (long) open.size());
        counts.put("cases_reopened", (long) reopen.size());
        counts.put("cases_withdrawn", (long) withdrawn);
        counts.put("cases_evaluated", (long) evaluated);
        counts.put("cases_open", count(c, "SELECT COUNT(*) FROM assistance_case WHERE state <> 'CLOSED'"));
        if (green >= 0) {
            counts.put("cases_green", (long) green);
        } else {
            ctx.report().skipped().put("cases green", "a later period has a run of step warnings: the open cases' "
                    + "green marks are the latest period's");
        }
        ctx.report().millis().put("cases_write", (System.nanoTime() - t0) / 1_000_000);
    }

    /** The period's warned families, with the village of their income row. */
    static Map<String, Warned> warned(Connection c, String p) throws SQLException {
        Map<String, Warned> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT w.family_key, w.colour, w.township_code, f.village_code "
                + "FROM family_warning w LEFT JOIN family_income f ON f.data_period = w.data_period AND f.family_key = "
                + "w.family_key WHERE w.data_period = ? ORDER BY w.family_key")) {
            ps.setString(1, p);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Warned(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return out;
    }

    /** Each family's latest case (the highest id). */
    static Map<String, Latest> latest(Connection c) throws SQLException {
        Map<String, Latest> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT family_key, id, state, closed_period FROM assistance_case "
                + "ORDER BY id")) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Latest(rs.getLong(2), CaseState.of(rs.getString(3)), rs.getString(4)));
                }
            }
        }
        return out;
    }

    /**
     * The evaluations due at the period: for each case whose first assistance (ASSISTANCE action) was in month A with
     * P = A + m for one of the profile's months m, the family's per-capita DI and colour at A and at P.
     */
    static int evaluate(Connection c, Period period, CaseParameters params) throws SQLException {
        record Assisted(long id, String family, CaseState state, Period month) {
        }
        List<Assisted> cases = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.family_key, a.state, MIN(x.acted_on) FROM "
                + "assistance_case a JOIN case_action x ON x.case_id = a.id AND x.kind = 'ASSISTANCE' "
                + "GROUP BY a.id, a.family_key, a.state")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Period a = new Period(java.time.YearMonth.from(rs.getDate(4).toLocalDate()));
                    cases.add(new Assisted(rs.getLong(1), rs.getString(2), CaseState.of(rs.getString(3)), a));
                }
            }
        }
        int n = 0;
        List<Integer> months = params.evaluationMonths();
        for (Assisted a : cases) {
            int m = CaseParameters.monthsBetween(a.month(), period);
            if (!months.contains(m)) {
                continue;
            }
            Figure before = figure(c, a.family(), a.month().toString());
            Figure after = figure(c, a.family(), period.toString());
            CaseTables.evaluation(c, a.id(), m, period.toString(), a.month().toString(), before, after);
            if (m == months.get(0) && a.state() == CaseState.ASSISTING) {
                CaseTables.move(c, a.id(), CaseState.ASSISTING, CaseState.EVALUATING, period.lastDay(),
                        m + " months after the first assistance (" + a.month() + "): evaluated at " + period, RUN_USER);
            }
            n++;
        }
        return n;
    }

    /** A family's per-capita DI (null without an income figure) and colour (RED, YELLOW, GREEN, NONE) at a period. */
    record Figure(java.math.BigDecimal perCapita, String colour) {
    }

    static Figure figure(Connection c, String family, String p) throws SQLException {
        java.math.BigDecimal pc = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT per_capita FROM family_income WHERE data_period = ? AND "
                + "family_key = ?")) {
            ps.setString(1, p);
            ps.setString(2, family);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    pc = rs.getBigDecimal(1);
                }
            }
        }
        String colour = pc == null ? "NONE" : "GREEN";
        try (PreparedStatement ps = c.prepareStatement("SELECT colour FROM family_warning WHERE data_period = ? AND "
                + "family_key = ?")) {
            ps.setString(1, p);
            ps.setString(2, family);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    colour = rs.getString(1);
                }
            }
        }
        return new Figure(pc, colour);
    }

    /** Whether a period after {@code p} has a run of step warnings (its county figure rows). */
    private static boolean laterRun(Connection c, String p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ledger_figure WHERE data_period > ? AND metric = "
                + "'warning:RED' AND area_code = '' FETCH FIRST 1 ROWS ONLY")) {
            ps.setString(1, p);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
