package org.olive.pipeline.assistance;

import org.olive.export.SpreadsheetCell;
import org.olive.period.Period;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The read model of {@code olive cases} (docs/cases.md): the assistance cases step cases opened or reopened at a
 * period (optionally of one township), overdue first then by due date, and the counts of every case by state with the
 * overdue ones on a day. Reads what the run and the users stored; computes nothing but "overdue".
 *
 * @param stored  whether the period has a run of step warnings (the cases' source)
 * @param opened  RED and YELLOW → cases opened at the period
 * @param states  state → cases (all periods) in the township
 */
public record CaseReport(String period, String township, String asOf, boolean stored, Map<String, Long> opened,
                         long reopened, long evaluated, Map<String, Long> states, long overdue, List<Row> cases) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** A case of the period. */
    public record Row(long id, String familyKey, String township, String colour, String state, String openedPeriod,
                      String dueOn, boolean overdue, String cadre, long actions) {
    }

    public static CaseReport read(Connection c, Period p, String township, LocalDate asOf) throws SQLException {
        String area = township == null ? "" : " AND a.township_code = ?";
        boolean stored;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM ledger_figure WHERE data_period = ? AND "
                + "metric = 'warning:RED' AND area_code = ''")) {
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                stored = rs.getLong(1) > 0;
            }
        }
        Map<String, Long> opened = new LinkedHashMap<>(Map.of());
        opened.put("RED", 0L);
        opened.put("YELLOW", 0L);
        List<Row> rows = new ArrayList<>();
        long reopened = 0;
        String overdue = "a.state IN ('DISCOVERED', 'WARNED', 'REOPENED') AND a.due_on < ?";
        try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.family_key, a.township_code, a.colour, a.state, "
                + "a.opened_period, a.due_on, CASE WHEN " + overdue + " THEN 1 ELSE 0 END, a.cadre, (SELECT COUNT(*) FROM "
                + "case_action x WHERE x.case_id = a.id AND x.username <> 'olive'), a.reopened_period FROM assistance_case a "
                + "WHERE (a.opened_period = ? OR a.reopened_period = ?)" + area + " ORDER BY CASE WHEN " + overdue
                + " THEN 0 ELSE 1 END, a.due_on, a.id")) {
            int i = 1;
            ps.setDate(i++, Date.valueOf(asOf));
            ps.setString(i++, p.toString());
            ps.setString(i++, p.toString());
            if (township != null) {
                ps.setString(i++, township);
            }
            ps.setDate(i, Date.valueOf(asOf));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), String.valueOf(rs.getDate(7)), rs.getInt(8) == 1, rs.getString(9),
                            rs.getLong(10)));
                    if (p.toString().equals(rs.getString(11))) {
                        reopened++;
                    } else {
                        opened.merge(rs.getString(4), 1L, Long::sum);
                    }
                }
            }
        }
        Map<String, Long> states = new LinkedHashMap<>();
        for (org.olive.assistance.CaseState s : org.olive.assistance.CaseState.values()) {
            states.put(s.name(), 0L);
        }
        long late = 0;
        // grouped in an outer query: a GROUP BY may not repeat an expression with a parameter (H2 refuses it)
        try (PreparedStatement ps = c.prepareStatement("SELECT x.state, x.late, COUNT(*) FROM (SELECT a.state, CASE WHEN "
                + overdue + " THEN 1 ELSE 0 END AS late FROM assistance_case a WHERE 1 = 1" + area + ") x GROUP BY "
                + "x.state, x.late")) {
            ps.setDate(1, Date.valueOf(asOf));
            if (township != null) {
                ps.setString(2, township);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    states.merge(rs.getString(1), rs.getLong(3), Long::sum);
                    late += rs.getInt(2) == 1 ? rs.getLong(3) : 0;
                }
            }
        }
        long evaluated;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM case_evaluation e JOIN assistance_case a ON "
                + "a.id = e.case_id WHERE e.data_period = ?" + area)) {
            ps.setString(1, p.toString());
            if (township != null) {
                ps.setString(2, township);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                evaluated = rs.getLong(1);
            }
        }
        return new CaseReport(p.toString(), township, asOf.toString(), stored, opened, reopened, evaluated, states, late,
                rows);
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /** One line per case of the period, with a header; every cell escaped against spreadsheet formulas. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("period,case_id,family_key,township_code,colour,state,opened_period,due_on,"
                + "overdue,cadre,actions\n");
        for (Row r : cases) {
            sb.append(String.join(",", cell(period), String.valueOf(r.id()), cell(r.familyKey()), cell(r.township()),
                    cell(r.colour()), cell(r.state()), cell(r.openedPeriod()), cell(r.dueOn()),
                    String.valueOf(r.overdue()), cell(r.cadre()), String.valueOf(r.actions()))).append('\n');
        }
        return sb.toString();
    }

    public String toText() {
        StringBuilder sb = new StringBuilder("Assistance cases (帮扶) " + period + (township == null ? "" : " township "
                + township) + ", overdue as of " + asOf + "\n");
        sb.append(String.format(Locale.ROOT, "opened at %s: red %d, yellow %d; reopened %d; evaluated %d%n", period,
                opened.get("RED"), opened.get("YELLOW"), reopened, evaluated));
        List<String> parts = new ArrayList<>();
        states.forEach((s, n) -> parts.add(s + " " + n));
        sb.append("all cases by state: ").append(String.join(", ", parts)).append("; overdue ").append(overdue)
                .append('\n');
        for (Row r : cases) {
            sb.append(String.format(Locale.ROOT, "#%-6d %-12s %-9s %-6s %-10s due %s%s%s, %d action(s)%n", r.id(),
                    r.familyKey(), r.township() == null ? "" : r.township(), r.colour(), r.state(), r.dueOn(),
                    r.overdue() ? " OVERDUE" : "", r.cadre() == null ? "" : ", cadre " + r.cadre(), r.actions()));
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return SpreadsheetCell.csv(s);
    }
}
