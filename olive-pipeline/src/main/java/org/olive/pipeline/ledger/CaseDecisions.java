package org.olive.pipeline.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * The population and family ledgers' API for the decisions people take on their cases: a family conflict resolved,
 * a record match confirmed or rejected. The ledger owns family_conflict and person_match; the web app validates the
 * decision and records it through this class, and later runs respect it (docs/population.md).
 */
public final class CaseDecisions {

    private CaseDecisions() {
    }

    /** Records the resolution of a family conflict (status RESOLVED); returns the rows changed (0: no such case). */
    public static int resolveConflict(Connection c, long id, String decision, String note, String user, OffsetDateTime at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE family_conflict SET status = 'RESOLVED', decision = ?, "
                + "decision_note = ?, decided_by = ?, decided_at = ? WHERE id = ?")) {
            ps.setString(1, decision);
            ps.setString(2, note);
            ps.setString(3, user);
            ps.setObject(4, at);
            ps.setLong(5, id);
            return ps.executeUpdate();
        }
    }

    /** Records the decision on a record match: CONFIRMED (the row is the candidate) or REJECTED. */
    public static int decideMatch(Connection c, long id, boolean confirm, String user, OffsetDateTime at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE person_match SET status = ?, decided_by = ?, decided_at = ? "
                + "WHERE id = ?")) {
            ps.setString(1, confirm ? "CONFIRMED" : "REJECTED");
            ps.setString(2, user);
            ps.setObject(3, at);
            ps.setLong(4, id);
            return ps.executeUpdate();
        }
    }
}
