package org.olive.pipeline.income;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * The income ledger's API for declared corrections (income_declaration): the web app validates and audits a
 * declaration and stores it here; the income step applies it from its effective month (docs/income.md).
 */
public final class Declarations {

    private Declarations() {
    }

    /** Stores a declaration; returns its id. */
    public static long declare(Connection c, long personKey, String component, BigDecimal amount, String effectiveFrom,
                               String reason, String by, OffsetDateTime at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO income_declaration (person_key, component, amount, "
                + "effective_from, reason, declared_by, declared_at) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[]{"id"})) {
            ps.setLong(1, personKey);
            ps.setString(2, component);
            ps.setBigDecimal(3, amount);
            ps.setString(4, effectiveFrom);
            ps.setString(5, reason);
            ps.setString(6, by);
            ps.setObject(7, at);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Withdraws a declaration not yet withdrawn; false when there was none to withdraw. */
    public static boolean withdraw(Connection c, long id, String by, OffsetDateTime at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE income_declaration SET withdrawn_by = ?, withdrawn_at = ? "
                + "WHERE id = ? AND withdrawn_at IS NULL")) {
            ps.setString(1, by);
            ps.setObject(2, at);
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        }
    }
}
