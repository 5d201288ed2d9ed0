package org.olive.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away schema on the PostgreSQL of the test machine (default jdbc:postgresql://127.0.0.1:5432/test,
 * user root; override with -Dolive.test.pg.url and -Dolive.test.pg.user).
 */
final class PostgresTestDatabase {

    static final String URL = System.getProperty("olive.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("olive.test.pg.user", "root");

    private PostgresTestDatabase() {
    }

    /** A new connection whose search path is a fresh schema; the schema is dropped by {@link #drop(String)}. */
    static Connection connectToFreshSchema(String schema) throws SQLException {
        Connection c = DriverManager.getConnection(URL, USER, System.getProperty("olive.test.pg.password", ""));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("SET search_path TO " + schema);
        }
        return c;
    }

    static String newSchemaName() {
        return "olive_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static void drop(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, System.getProperty("olive.test.pg.password", ""));
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
