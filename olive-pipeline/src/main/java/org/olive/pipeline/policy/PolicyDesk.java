package org.olive.pipeline.policy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one writer of {@code policy_handling} (V31; docs/policies.md): how the responsible department handled an entry
 * of a policy's push list (a MISSED subject of {@code policy_match}): 待办 {@code TODO}, 已办 {@code DONE} or 不符合
 * {@code NOT_ELIGIBLE}, with a note, by a user. Rows are appended, never changed: the latest row of a (policy, subject)
 * is its status, in every later period too, and the rows before it are its history. Who may handle which entry is the
 * web app's decision (its access rules); the web app audits every change.
 */
public final class PolicyDesk {

    /** The handling statuses; an entry nobody handled yet is {@code TODO}. */
    public static final List<String> STATUSES = List.of("TODO", "DONE", "NOT_ELIGIBLE");
    public static final String UNHANDLED = "TODO";
    public static final int MAX_NOTE = 1000;

    /** A change refused: the message names the field and the reason. */
    public static final class HandlingException extends IllegalArgumentException {
        public HandlingException(String message) {
            super(message);
        }
    }

    /** One handling row. */
    public record Handling(long id, String policyCode, String subjectKind, String subjectKey, String period,
                           String status, String note, String username, LocalDateTime handledAt) {
    }

    private PolicyDesk() {
    }

    /**
     * Sets the handling status of a missed entry of {@code policy} at {@code period}; returns the new row's id.
     *
     * @throws HandlingException for an unknown status, a note too long (or missing for NOT_ELIGIBLE), or a subject that
     *                           is not on the policy's push list of the period
     */
    public static long handle(Connection c, String policy, String subjectKind, String subjectKey, String period,
                              String status, String note, String user, LocalDateTime at) throws SQLException {
        String s = status == null ? "" : status.strip().toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(s)) {
            throw new HandlingException("status '" + status + "': expected one of " + String.join(", ", STATUSES));
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > MAX_NOTE) {
            throw new HandlingException("note: longer than " + MAX_NOTE + " characters");
        }
        if (n == null && s.equals("NOT_ELIGIBLE")) {
            throw new HandlingException("note: required to mark an entry not eligible (why)");
        }
        if (user == null || user.isBlank()) {
            throw new HandlingException("user: required");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM policy_match WHERE data_period = ? AND "
                + "policy_code = ? AND subject_kind = ? AND subject_key = ?")) {
            ps.setString(1, period);
            ps.setString(2, policy);
            ps.setString(3, subjectKind);
            ps.setString(4, subjectKey);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !"MISSED".equals(rs.getString(1))) {
                    throw new HandlingException(subjectKind + " " + subjectKey + ": not on the push list of " + policy
                            + " at " + period);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO policy_handling (policy_code, subject_kind, "
                + "subject_key, data_period, status, note, username, handled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            ps.setString(1, policy);
            ps.setString(2, subjectKind);
            ps.setString(3, subjectKey);
            ps.setString(4, period);
            ps.setString(5, s);
            ps.setString(6, n);
            ps.setString(7, user.strip());
            ps.setTimestamp(8, Timestamp.valueOf(at));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The handling of one entry, newest first. */
    public static List<Handling> history(Connection c, String policy, String subjectKind, String subjectKey)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE policy_code = ? AND subject_kind = ? AND "
                + "subject_key = ? ORDER BY id DESC")) {
            ps.setString(1, policy);
            ps.setString(2, subjectKind);
            ps.setString(3, subjectKey);
            return read(ps);
        }
    }

    /**
     * The latest handling of each of the given subjects of a policy ({@code kind + ":" + key} → its latest row);
     * subjects nobody handled are absent (they are {@link #UNHANDLED}).
     */
    public static Map<String, Handling> latest(Connection c, String policy, List<String> subjectKeys) throws SQLException {
        Map<String, Handling> out = new LinkedHashMap<>();
        if (subjectKeys.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE policy_code = ? AND subject_key IN ("
                + String.join(", ", java.util.Collections.nCopies(subjectKeys.size(), "?")) + ") ORDER BY id")) {
            ps.setString(1, policy);
            for (int i = 0; i < subjectKeys.size(); i++) {
                ps.setString(i + 2, subjectKeys.get(i));
            }
            for (Handling h : read(ps)) {
                out.put(h.subjectKind() + ":" + h.subjectKey(), h);
            }
        }
        return out;
    }

    /**
     * The SQL of an entry's current handling status as a column of {@code policy_match} aliased {@code alias}: the
     * latest row's status, else {@link #UNHANDLED}.
     */
    public static String statusColumn(String alias) {
        return "COALESCE((SELECT h.status FROM policy_handling h WHERE h.policy_code = " + alias + ".policy_code AND "
                + "h.subject_kind = " + alias + ".subject_kind AND h.subject_key = " + alias + ".subject_key ORDER BY "
                + "h.id DESC FETCH FIRST 1 ROWS ONLY), '" + UNHANDLED + "')";
    }

    private static final String SELECT = "SELECT id, policy_code, subject_kind, subject_key, data_period, status, note, "
            + "username, handled_at FROM policy_handling";

    private static List<Handling> read(PreparedStatement ps) throws SQLException {
        List<Handling> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Handling(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toLocalDateTime()));
            }
        }
        return out;
    }
}
