package org.olive.pipeline.group;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Hand decisions on group membership (人工入列/出列), the one writer of {@code group_decision}: a permitted user adds a
 * person to a group although its rule does not hold, or removes them although it holds, with a reason. Every later
 * run respects an open decision until it is withdrawn (step {@code groups}); the web app audits who decided.
 */
public final class GroupDecisions {

    /** An open decision. */
    public record Decision(long id, long personKey, String groupId, String action, String reason, String by) {
    }

    private GroupDecisions() {
    }

    /**
     * Records a decision; an open decision of the same person and group is withdrawn by it (the latest stands).
     *
     * @param action ADD or REMOVE
     * @return the decision's id
     */
    public static long decide(Connection c, long personKey, String groupId, String action, String reason, String by,
                              Instant at) throws SQLException {
        if (!action.equals("ADD") && !action.equals("REMOVE")) {
            throw new IllegalArgumentException("action must be ADD or REMOVE, found " + action);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a hand decision needs a reason");
        }
        withdraw(c, personKey, groupId, by, at);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO group_decision (person_key, group_id, action, reason, "
                + "decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            ps.setLong(1, personKey);
            ps.setString(2, groupId);
            ps.setString(3, action);
            ps.setString(4, reason.strip());
            ps.setString(5, by);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Withdraws the open decision of a person and group, if any; returns whether one was open. */
    public static boolean withdraw(Connection c, long personKey, String groupId, String by, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE group_decision SET withdrawn_by = ?, withdrawn_at = ? "
                + "WHERE person_key = ? AND group_id = ? AND withdrawn_at IS NULL")) {
            ps.setString(1, by);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setLong(3, personKey);
            ps.setString(4, groupId);
            return ps.executeUpdate() > 0;
        }
    }

    /** The open decisions, keyed {@code person_key|group_id}. */
    public static Map<String, Decision> open(Connection c) throws SQLException {
        Map<String, Decision> m = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, person_key, group_id, action, reason, decided_by FROM "
                + "group_decision WHERE withdrawn_at IS NULL ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Decision d = new Decision(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6));
                m.put(d.personKey() + "|" + d.groupId(), d);
            }
        }
        return m;
    }
}
