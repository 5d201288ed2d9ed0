package org.olive.app.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Calls a ledger owner's write API (the pipeline classes that own the tables, e.g. CaseDecisions, Declarations) on the
 * connection of the current Spring transaction, so that the web app changes ledger data only through the owner.
 */
public final class OwnerApi {

    /** A write on a JDBC connection. */
    @FunctionalInterface
    public interface Write<T> {
        T apply(Connection c) throws SQLException;
    }

    private OwnerApi() {
    }

    public static <T> T write(DataSource ds, Write<T> write) {
        Connection c = DataSourceUtils.getConnection(ds);
        try {
            return write.apply(c);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("ledger write failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, ds);
        }
    }
}
