package org.olive.pipeline.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.olive.period.Period;

/**
 * Record matching's village evidence kept between the periods of one run: a held history gives exactly what a cold
 * read of the window gives, drops the months that leave the window, reads a re-ingested period again and never shows
 * the rows of a failed run.
 */
class VillageHistoryTest {

    static final String A = "330922196804121234";
    static final String B = "330922197205061245";

    @Test
    void aHeldHistoryEqualsAColdReadAsTheWindowMovesAndPeriodsAreReingested() throws SQLException {
        DataSource ds = MatchDatabases.h2Memory();
        VillageHistory held = new VillageHistory();
        try (Connection c = ds.getConnection()) {
            long jan = run(c, "2023-01", "SUCCEEDED");
            long nov = run(c, "2023-11", "SUCCEEDED");
            long dec = run(c, "2023-12", "SUCCEEDED");
            long failed = run(c, "2023-12", "FAILED");
            row(c, "basic_hukou", jan, "2023-01", A, "330922100201");
            row(c, "basic_hukou", nov, "2023-11", A, "330922100202");
            row(c, "basic_floating", dec, "2023-12", A, "330922100203");
            row(c, "basic_hukou", dec, "2023-12", B, "330922100201");
            row(c, "basic_hukou", failed, "2023-12", B, "330922999999");

            Map<String, Set<String>> dec23 = held.window(c, Period.parse("2023-12"), 12);
            assertThat(dec23).isEqualTo(new VillageHistory().window(c, Period.parse("2023-12"), 12));
            assertThat(dec23.get(A)).containsExactlyInAnyOrder("330922100201", "330922100202", "330922100203");
            assertThat(dec23.get(B)).containsExactly("330922100201");

            // January 2024: January 2023 leaves the window; a new period arrives
            long jan24 = run(c, "2024-01", "SUCCEEDED");
            row(c, "basic_hukou", jan24, "2024-01", B, "330922100204");
            Map<String, Set<String>> jan24Window = held.window(c, Period.parse("2024-01"), 12);
            assertThat(jan24Window).isEqualTo(new VillageHistory().window(c, Period.parse("2024-01"), 12));
            assertThat(jan24Window.get(A)).containsExactlyInAnyOrder("330922100202", "330922100203");
            assertThat(jan24Window.get(B)).containsExactlyInAnyOrder("330922100201", "330922100204");

            // November re-ingested: its earlier run superseded, a new run with another village
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE ingest_run SET status = 'SUPERSEDED' WHERE id = " + nov);
            }
            long nov2 = run(c, "2023-11", "SUCCEEDED");
            row(c, "basic_hukou", nov2, "2023-11", A, "330922100205");
            Map<String, Set<String>> again = held.window(c, Period.parse("2024-01"), 12);
            assertThat(again).isEqualTo(new VillageHistory().window(c, Period.parse("2024-01"), 12));
            assertThat(again.get(A)).containsExactlyInAnyOrder("330922100205", "330922100203");
        }
    }

    private static long run(Connection c, String period, String status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ingest_run (data_period, status, started_at, source_dir) "
                + "VALUES (?, ?, CURRENT_TIMESTAMP, '/data')", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, period);
            ps.setString(2, status);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void row(Connection c, String table, long run, String period, String id, String village) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (data_period, run_id, source_file, "
                + "source_row, person_id, village_code) VALUES (?, ?, 'f.csv', 1, ?, ?)")) {
            ps.setString(1, period);
            ps.setLong(2, run);
            ps.setString(3, id);
            ps.setString(4, village);
            ps.executeUpdate();
        }
    }
}
