package org.olive.pipeline;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away schema in the test PostgreSQL (-Ppostgres: {@code olive.test.pg.url}, {@code olive.test.pg.user},
 * {@code olive.test.pg.password}; default jdbc:postgresql://127.0.0.1:5432/test as root), dropped on close.
 */
public final class PostgresSchema implements AutoCloseable {

    public static final String URL = System.getProperty("olive.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getProperty("olive.test.pg.user", "root");
    private static final String PASSWORD = System.getProperty("olive.test.pg.password", "");

    private final String name;
    private final PGSimpleDataSource dataSource;

    private PostgresSchema(String name, PGSimpleDataSource dataSource) {
        this.name = name;
        this.dataSource = dataSource;
    }

    /** Creates a schema named {@code prefix} + 12 random hex digits; connections of {@link #dataSource()} use it. */
    public static PostgresSchema create(String prefix) {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(URL);
        ds.setUser(USER);
        ds.setPassword(PASSWORD);
        ds.setCurrentSchema(name);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + name + " at " + URL + ": " + e.getMessage(), e);
        }
        return new PostgresSchema(name, ds);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}
