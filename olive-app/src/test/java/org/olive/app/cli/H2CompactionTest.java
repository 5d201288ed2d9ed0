package org.olive.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 file is compacted after a command only when less than half of it is live data: a file that holds
 * mostly live data is left as it is (a regular month's run does not pay for rewriting gigabytes), a file that is
 * mostly dead space is rewritten and shrinks.
 */
class H2CompactionTest {

    @TempDir
    Path dir;

    @Test
    void aMostlyLiveFileIsLeftAndAMostlyDeadFileIsCompacted() throws Exception {
        DatabaseOptions db = new DatabaseOptions();
        db.dataDir = dir;
        String url = (String) db.springProperties().get("spring.datasource.url");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, v VARCHAR(200))");
            fill(c, 0, 30_000);
        }
        String first = compact(db);
        assertThat(first).contains("not compacted");

        long live;
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            for (int round = 1; round <= 3; round++) { // rewrite every row: the old versions become dead space
                st.execute("DELETE FROM t");
                fill(c, round * 100_000, 30_000);
            }
            st.execute("DELETE FROM t WHERE id % 10 <> 0");
        }
        live = Files.size(dir.resolve("olive.mv.db"));
        String second = compact(db);
        assertThat(second).contains("H2 database compacted");
        assertThat(Files.size(dir.resolve("olive.mv.db"))).isLessThan(live / 2);
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(3_000);
        }
    }

    private static void fill(Connection c, long from, int n) throws Exception {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            for (int i = 0; i < n; i++) {
                ps.setLong(1, from + i);
                ps.setString(2, "row " + (from + i) + " " + Long.toHexString((from + i) * 0x9E3779B97F4A7C15L).repeat(6));
                ps.addBatch();
                if (i % 5_000 == 4_999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static String compact(DatabaseOptions db) {
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            db.compactH2();
        } finally {
            System.setErr(err);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
