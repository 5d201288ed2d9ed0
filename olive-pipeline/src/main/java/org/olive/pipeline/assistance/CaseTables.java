package org.olive.pipeline.assistance;

import org.olive.assistance.CaseParameters;
import org.olive.assistance.CaseState;
import org.olive.period.Period;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The writes of step cases and of {@link CaseDesk} on assistance_case, case_action and case_evaluation (V27). */
final class CaseTables {

    private CaseTables() {
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Opens a DISCOVERED case for each family, with the run's action saying why. */
    static void open(Connection c, Period period, List<CaseStep.Warned> families, CaseParameters params)
            throws SQLException {
        if (families.isEmpty()) {
            return;
        }
        Date opened = Date.valueOf(period.lastDay());
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO assistance_case (family_key, township_code, "
                + "village_code, colour, state, opened_period, opened_on, due_on, last_changed) VALUES (?, ?, ?, ?, "
                + "'DISCOVERED', ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            for (CaseStep.Warned w : families) {
                ps.setString(1, w.family());
                ps.setString(2, w.township());
                ps.setString(3, w.village());
                ps.setString(4, w.colour());
                ps.setString(5, period.toString());
                ps.setDate(6, opened);
                ps.setDate(7, Date.valueOf(params.dueOn(period, w.colour())));
                ps.setObject(8, now());
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    ids.add(rs.getLong(1));
                }
            }
        }
        for (int i = 0; i < ids.size(); i++) {
            CaseStep.Warned w = families.get(i);
            action(c, ids.get(i), "STATE", period.lastDay(), null, null, w.colour() + " at " + period
                    + ": case opened, due " + params.dueOn(period, w.colour()) + " (" + params.key() + ")", null,
                    CaseState.DISCOVERED.name(), CaseStep.RUN_USER);
        }
    }

    /** Reopens closed cases whose family is warned again within the window. */
    static void reopen(Connection c, Period period, List<Map.Entry<Long, CaseStep.Warned>> cases, CaseParameters params)
            throws SQLException {
        for (Map.Entry<Long, CaseStep.Warned> e : cases) {
            CaseStep.Warned w = e.getValue();
            try (PreparedStatement ps = c.prepareStatement("UPDATE assistance_case SET state = 'REOPENED', colour = ?, "
                    + "due_on = ?, reopened_period = ?, green_period = NULL, closed_period = NULL, closed_on = NULL, "
                    + "close_reason = NULL, last_changed = ? WHERE id = ? AND state = 'CLOSED'")) {
                ps.setString(1, w.colour());
                ps.setDate(2, Date.valueOf(params.dueOn(period, w.colour())));
                ps.setString(3, period.toString());
                ps.setObject(4, now());
                ps.setLong(5, e.getKey());
                ps.executeUpdate();
            }
            action(c, e.getKey(), "STATE", period.lastDay(), null, null, w.colour() + " again at " + period
                    + " within " + params.reopenMonths() + " months of the closing: case reopened, due "
                    + params.dueOn(period, w.colour()) + " (" + params.key() + ")", CaseState.CLOSED.name(),
                    CaseState.REOPENED.name(), CaseStep.RUN_USER);
        }
    }

    /**
     * Withdraws the cases the run opened at the period that no user has touched (only the run's actions, still
     * DISCOVERED) whose family is no longer warned at the period (a re-run on changed data); returns how many.
     */
    static int withdraw(Connection c, String p, Set<String> warned) throws SQLException {
        List<Long> gone = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.family_key FROM assistance_case a WHERE "
                + "a.opened_period = ? AND a.state = 'DISCOVERED' AND a.reopened_period IS NULL AND a.cadre IS NULL "
                + "AND NOT EXISTS (SELECT 1 FROM case_action x WHERE x.case_id = a.id AND x.username <> ?)")) {
            ps.setString(1, p);
            ps.setString(2, CaseStep.RUN_USER);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!warned.contains(rs.getString(2))) {
                        gone.add(rs.getLong(1));
                    }
                }
            }
        }
        for (long id : gone) {
            for (String sql : List.of("DELETE FROM case_evaluation WHERE case_id = ?",
                    "DELETE FROM case_action WHERE case_id = ?", "DELETE FROM assistance_case WHERE id = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
        }
        return gone.size();
    }

    /** Marks the open cases whose family is green at the period, unmarks the warned ones; returns the marked. */
    static int markGreen(Connection c, String p, Collection<String> warned) throws SQLException {
        List<Long> green = new ArrayList<>();
        List<Long> red = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, family_key, green_period FROM assistance_case WHERE "
                + "state <> 'CLOSED'")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean isWarned = warned.contains(rs.getString(2));
                    String marked = rs.getString(3);
                    if (!isWarned && !p.equals(marked)) {
                        green.add(rs.getLong(1));
                    } else if (isWarned && marked != null) {
                        red.add(rs.getLong(1));
                    }
                }
            }
        }
        try (PreparedStatement g = c.prepareStatement("UPDATE assistance_case SET green_period = ? WHERE id = ?");
             PreparedStatement r = c.prepareStatement("UPDATE assistance_case SET green_period = NULL WHERE id = ?")) {
            for (long id : green) {
                g.setString(1, p);
                g.setLong(2, id);
                g.addBatch();
            }
            g.executeBatch();
            for (long id : red) {
                r.setLong(1, id);
                r.addBatch();
            }
            r.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM assistance_case WHERE state <> 'CLOSED' "
                + "AND green_period IS NOT NULL")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Replaces a case's evaluation at {@code months} after the first assistance. */
    static void evaluation(Connection c, long id, int months, String p, String assisted, CaseStep.Figure before,
                           CaseStep.Figure after) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM case_evaluation WHERE case_id = ? AND months_after = ?")) {
            ps.setLong(1, id);
            ps.setInt(2, months);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_evaluation (case_id, months_after, data_period, "
                + "assisted_period, per_capita_before, per_capita_after, colour_before, colour_after) VALUES (?, ?, ?, ?, "
                + "?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setInt(2, months);
            ps.setString(3, p);
            ps.setString(4, assisted);
            ps.setBigDecimal(5, before.perCapita());
            ps.setBigDecimal(6, after.perCapita());
            ps.setString(7, before.colour());
            ps.setString(8, after.colour());
            ps.executeUpdate();
        }
    }

    /** Moves a case from a state to another (only if it is in {@code from}) with a STATE action; returns 0 or 1. */
    static int move(Connection c, long id, CaseState from, CaseState to, LocalDate on, String note, String user)
            throws SQLException {
        int n;
        try (PreparedStatement ps = c.prepareStatement("UPDATE assistance_case SET state = ?, last_changed = ? WHERE "
                + "id = ? AND state = ?")) {
            ps.setString(1, to.name());
            ps.setObject(2, now());
            ps.setLong(3, id);
            ps.setString(4, from.name());
            n = ps.executeUpdate();
        }
        if (n == 1) {
            action(c, id, "STATE", on, null, null, note, from.name(), to.name(), user);
        }
        return n;
    }

    /** Adds an action to a case; returns its id. */
    static long action(Connection c, long id, String kind, LocalDate on, BigDecimal amount, String policy, String note,
                       String from, String to, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_action (case_id, kind, acted_on, amount, policy, "
                + "note, from_state, to_state, username, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, id);
            ps.setString(2, kind);
            ps.setDate(3, Date.valueOf(on));
            ps.setBigDecimal(4, amount);
            ps.setString(5, policy);
            ps.setString(6, note);
            ps.setString(7, from);
            ps.setString(8, to);
            ps.setString(9, user);
            ps.setObject(10, now());
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Sets last_changed (and optionally the cadre) of a case. */
    static void touch(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE assistance_case SET last_changed = ? WHERE id = ?")) {
            ps.setObject(1, now());
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }
}
