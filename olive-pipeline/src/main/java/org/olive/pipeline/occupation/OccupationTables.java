package org.olive.pipeline.occupation;

import org.olive.occupation.Occupation;
import org.olive.period.Period;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * The one writer of person_occupation (V18) and occupation_count (V25): a period's rows are replaced, in batches, and
 * its counts by township, occupation, industry and source recomputed from them (what the 职业 page and {@code olive
 * occupations} read, {@link OccupationReport}).
 */
public final class OccupationTables {

    private static final int BATCH = 2_000;

    /**
     * A period's counts (one parameter: the period) from its person_occupation rows; '' = none. Public for tests that
     * store person_occupation rows by hand through a JdbcClient; code calls {@link #recount}.
     */
    public static final String COUNT = "INSERT INTO occupation_count (data_period, township_code, occupation_code, "
            + "industry_code, source, persons) SELECT o.data_period, COALESCE(pp.township_code, ''), "
            + "COALESCE(o.occupation_code, ''), COALESCE(o.industry_code, ''), o.source, COUNT(*) FROM person_occupation o "
            + "LEFT JOIN person_period pp ON pp.data_period = o.data_period AND pp.person_key = o.person_key "
            + "WHERE o.data_period = ? GROUP BY o.data_period, COALESCE(pp.township_code, ''), "
            + "COALESCE(o.occupation_code, ''), COALESCE(o.industry_code, ''), o.source";

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
        recount(c, p);
    }

    /**
     * Recomputes a period's occupation_count from its person_occupation rows (the step does it after writing them;
     * tests that store person_occupation rows by hand call it too).
     */
    public static void recount(Connection c, Period p) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM occupation_count WHERE data_period = ?")) {
            del.setString(1, p.toString());
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(COUNT)) {
            ps.setString(1, p.toString());
            ps.executeUpdate();
        }
    }
}
