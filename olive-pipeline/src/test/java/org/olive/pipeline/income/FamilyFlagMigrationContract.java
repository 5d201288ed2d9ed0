package org.olive.pipeline.income;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V17 upgrades a database whose family_income still has the flag columns: the flags become family_flag rows with the
 * built-in ids, and the columns are gone. The same contract on H2 and PostgreSQL.
 */
abstract class FamilyFlagMigrationContract {

    /** An empty database (a fresh schema). */
    abstract DataSource database();

    @Test
    void theColumnsOfV6BecomeRows() throws SQLException {
        DataSource ds = database();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("16").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            family(s, "F0000001", true, false, false, false, "NONE");
            family(s, "F0000002", true, true, false, false, "NONE");
            family(s, "F0000003", false, false, true, true, "SAFETY_NET");
            family(s, "F0000004", false, false, false, true, "ASSIST");
            family(s, "F0000005", false, false, false, false, "NONE");
        }
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT family_key, kind, flag_id FROM family_flag ORDER BY family_key, kind, flag_id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        assertThat(rows).containsExactly("F0000001 BRACKET middle_10_50", "F0000002 BRACKET middle_10_50",
                "F0000002 BRACKET middle_20_60", "F0000003 LINE assist", "F0000003 LINE dibao", "F0000003 LINE dibian",
                "F0000003 LINE safety_net", "F0000004 LINE assist", "F0000004 LINE dibian");
        List<String> columns = new ArrayList<>();
        try (Connection c = ds.getConnection(); ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), "%", "%")) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase("family_income")) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        assertThat(columns).contains("per_capita", "after_rigid_monthly")
                .doesNotContain("bracket_10_50", "bracket_20_60", "below_dibao", "below_marginal", "double_line");
        // a flag of a new id is a row: no migration
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO family_flag (data_period, family_key, kind, flag_id, evidence) VALUES "
                    + "('2025-12', 'F0000005', 'BRACKET', 'low_5_10', 'test')");
        }
    }

    private static void family(Statement s, String key, boolean b1050, boolean b2060, boolean dibao, boolean marginal,
                               String doubleLine) throws SQLException {
        s.executeUpdate("INSERT INTO family_income (data_period, family_key, township_code, village_code, urban, residents, "
                + "disposable, di_low, di_high, per_capita, three_person, bracket_10_50, bracket_20_60, below_dibao, "
                + "below_marginal, medical_oop, after_rigid_monthly, double_line, method, monitored_members) VALUES "
                + "('2025-12', '" + key + "', '330922100', '330922100001', TRUE, 1, 1, 1, 1, 1, 3, " + b1050 + ", " + b2060
                + ", " + dibao + ", " + marginal + ", 0, 0, '" + doubleLine + "', 'PRECISE', 1)");
    }
}
