package org.olive.pipeline.indicator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.postgresql.ds.PGSimpleDataSource;

/** The indicator value store on PostgreSQL, in a throw-away schema. */
@Tag("postgres")
class PostgresIndicatorValuesTest extends IndicatorValuesContract {

    static final String URL = System.getProperty("olive.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("olive.test.pg.user", "root");
    private String schema;

    @Override
    DataSource database() {
        schema = "olive_indicator_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
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
        return ds;
    }

    @AfterAll
    void drop() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, System.getProperty("olive.test.pg.password", ""));
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
