package org.olive.app.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Database and data-directory options shared by the commands that open the database. */
public class DatabaseOptions {

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database URL. Default: an H2 file database under the data directory. "
                    + "For PostgreSQL: jdbc:postgresql://HOST:5432/DB")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (PostgreSQL). Default: $OLIVE_DB_USER or the current OS user.")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "Database password. Prefer $OLIVE_DB_PASSWORD.")
    String password;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Where Olive keeps its H2 database and generated data (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    /** Spring properties for the chosen database. */
    Map<String, Object> springProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (url == null || url.isBlank()) {
            // CACHE_SIZE (KB): H2's page cache, 16 MB by default, held a month's run in cache lookups and evictions;
            // 256 MB made a regular month's ledgers about a fifth faster (docs/benchmarks.md, stop 23); 1 GB crowded
            // the 4 GB heap and slowed the run with collections
            p.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("olive")
                    + ";AUTO_SERVER=FALSE;RETENTION_TIME=600000;CACHE_SIZE=262144");
            p.put("spring.datasource.username", "sa");
            p.put("spring.datasource.password", "");
        } else {
            if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
                throw new IllegalArgumentException("--db must be a jdbc:postgresql: or jdbc:h2: URL, found " + url);
            }
            p.put("spring.datasource.url", url);
            String u = user != null ? user : System.getenv().getOrDefault("OLIVE_DB_USER", System.getProperty("user.name"));
            String pw = password != null ? password : System.getenv().getOrDefault("OLIVE_DB_PASSWORD", "");
            p.put("spring.datasource.username", u);
            p.put("spring.datasource.password", pw);
        }
        return p;
    }

    /**
     * Opens and closes one connection with the chosen URL, user and password, before the application starts: a wrong
     * password, an unknown database or an unreachable server ends the command with one line
     * ({@link DatabaseConnectionException}, exit 2) instead of the application's failure to start.
     */
    void verifyConnection() {
        Map<String, Object> p = springProperties();
        String jdbcUrl = (String) p.get("spring.datasource.url");
        String u = (String) p.get("spring.datasource.username");
        try (Connection c = DriverManager.getConnection(jdbcUrl, u, (String) p.get("spring.datasource.password"))) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new DatabaseConnectionException(jdbcUrl, u, e);
        }
    }

    String describe() {
        return url == null || url.isBlank() ? "H2 file database " + dataDir.toAbsolutePath().resolve("olive") + ".mv.db" : url;
    }

    /**
     * Below this share of live data in the file (percent, {@link #fillRate}), the file is compacted;
     * above, compaction would rewrite gigabytes to win little, and a regular month's run does not pay for it.
     */
    static final int COMPACT_BELOW_FILL_RATE = 50;

    /**
     * Compacts an embedded H2 file database after a command that wrote much (ingest, run, demo before it serves): H2
     * appends changed pages and reuses freed space only slowly, so a month of ingestion and ledgers leaves several times
     * its live data in the file; {@code SHUTDOWN COMPACT} rewrites the file with the live data only. Call it once the
     * command's application context is closed. PostgreSQL (VACUUM) and server URLs are left alone. Reports on stderr.
     * Only a file whose live data fill less than {@link #COMPACT_BELOW_FILL_RATE} % of it is compacted, so
     * that the file stays within about twice its live data without every run rewriting it.
     */
    void compactH2() {
        Map<String, Object> p = springProperties();
        String jdbcUrl = (String) p.get("spring.datasource.url");
        if (!jdbcUrl.startsWith("jdbc:h2:file:")) {
            return;
        }
        String file = jdbcUrl.substring("jdbc:h2:file:".length()).split(";", 2)[0];
        Path mv = Path.of(file + ".mv.db");
        try {
            long before = java.nio.file.Files.size(mv);
            long t0 = System.nanoTime();
            try (Connection c = DriverManager.getConnection(jdbcUrl, (String) p.get("spring.datasource.username"),
                    (String) p.get("spring.datasource.password"));
                 java.sql.Statement st = c.createStatement()) {
                int fill = fillRate(st);
                if (fill >= COMPACT_BELOW_FILL_RATE) {
                    System.err.printf(java.util.Locale.ROOT, "H2 database not compacted: %.2f GB, %d %% of it live "
                            + "(compacted below %d %%) (%s)%n", before / 1e9, fill, COMPACT_BELOW_FILL_RATE, mv);
                    return;
                }
                st.execute("SHUTDOWN COMPACT");
            }
            long after = java.nio.file.Files.size(mv);
            System.err.printf(java.util.Locale.ROOT, "H2 database compacted: %.2f GB → %.2f GB in %.1f s (%s)%n", before / 1e9,
                    after / 1e9, (System.nanoTime() - t0) / 1e9, mv);
        } catch (SQLException | java.io.IOException e) {
            // the data is intact either way: only the file's free space stays
            System.err.println("H2 database not compacted (" + e.getMessage() + "); its data is intact");
        }
    }

    /**
     * H2's share of live data in the file, percent: the file's fill rate ({@code info.FILL_RATE}: the space its chunks
     * take) times the live share of those chunks ({@code info.CHUNKS_FILL_RATE}); 100 when H2 does not say. After a
     * regular month of the default county: 79 % × 94 % = 74 % (2.37 GB, 1.60 GB once compacted and compressed).
     */
    private static int fillRate(java.sql.Statement st) throws SQLException {
        Map<String, Integer> v = new java.util.HashMap<>();
        try (java.sql.ResultSet rs = st.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                + "WHERE SETTING_NAME IN ('info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
            while (rs.next()) {
                try {
                    v.put(rs.getString(1), Integer.parseInt(rs.getString(2).strip()));
                } catch (NumberFormatException e) {
                    // not a number: treated as unknown
                }
            }
        }
        return v.getOrDefault("info.FILL_RATE", 100) * v.getOrDefault("info.CHUNKS_FILL_RATE", 100) / 100;
    }
}
