package org.olive.pipeline.ingest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The same contract on PostgreSQL (COPY loading), each test in a throw-away schema. */
@Tag("postgres")
class PostgresPeriodIngestTest extends PeriodIngestContract {

    static final String URL = System.getProperty("olive.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("olive.test.pg.user", "root");
    private final List<String> schemas = new ArrayList<>();

    @Override
    DataSource database() {
        String schema = "olive_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        schemas.add(schema);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(URL);
        ds.setUser(USER);
        ds.setPassword(System.getProperty("olive.test.pg.password", ""));
        ds.setCurrentSchema(schema);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Databases.migrate(ds);
    }

    @AfterEach
    void drop() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, System.getProperty("olive.test.pg.password", ""));
             Statement s = c.createStatement()) {
            for (String schema : schemas) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
