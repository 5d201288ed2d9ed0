package org.olive.pipeline.occupation;

import org.olive.occupation.Occupation;
import org.olive.period.Period;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/** The one writer of person_occupation (V18): a period's rows are replaced, in batches. */
final class OccupationTables {

    private static final int BATCH = 2_000;

    private OccupationTables() {
    }

    static void replace(Connection c, Period p, Collection<Occupation> occupations, String version) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM person_occupation WHERE data_period = ?")) {
            del.setString(1, p.toString());
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO person_occupation (data_period, person_key, "
                + "occupation_code, occupation_detail, industry_code, source, confidence, reason, rule_version, evidence) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Occupation o : occupations) {
                ps.setString(1, p.toString());
                ps.setLong(2, o.personKey());
                ps.setString(3, o.code());
                ps.setString(4, o.detail());
                ps.setString(5, o.industry());
                ps.setString(6, o.source());
                ps.setBigDecimal(7, BigDecimal.valueOf(o.confidence()).setScale(3, RoundingMode.HALF_UP));
                ps.setString(8, o.reason());
                ps.setString(9, version);
                ps.setString(10, o.evidence());
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }
}
