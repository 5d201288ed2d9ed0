package org.olive.pipeline.policy;

import org.olive.period.Period;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** The owner of {@code policy_match}: the period's rows are replaced in the run's transaction. */
final class PolicyTables {

    private PolicyTables() {
    }

    static void replace(Connection c, Period period, List<PolicyMatching.Match> matches) throws SQLException {
        String p = period.toString();
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM policy_match WHERE data_period = ?")) {
            ps.setString(1, p);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO policy_match (data_period, policy_code, policy_version, "
                + "subject_kind, subject_key, family_key, township_code, status, eligible_amount, received_amount, receipts, "
                + "evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (PolicyMatching.Match m : matches) {
                ps.setString(1, p);
                ps.setString(2, m.policy().code());
                ps.setString(3, clip(m.version(), 60));
                ps.setString(4, m.kind());
                ps.setString(5, clip(m.key(), 200));
                ps.setString(6, m.family());
                ps.setString(7, m.township());
                ps.setString(8, m.status().name());
                if (Double.isFinite(m.amount())) {
                    ps.setBigDecimal(9, java.math.BigDecimal.valueOf(m.amount()).setScale(2, java.math.RoundingMode.HALF_UP));
                } else {
                    ps.setNull(9, Types.DECIMAL);
                }
                ps.setBigDecimal(10, java.math.BigDecimal.valueOf(m.received()).setScale(2, java.math.RoundingMode.HALF_UP));
                ps.setString(11, clip(String.join(", ", m.receipts()), 1000));
                ps.setString(12, clip(m.evidence(), 4000));
                ps.addBatch();
                if (++n % 5_000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
