package org.olive.store.load;

import org.olive.store.table.TableSpec;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;

/**
 * Loads many rows into one table over a connection the caller owns (and commits): the loader never commits,
 * so that a whole period can be replaced in one transaction.
 *
 * <p>A row is an {@code Object[]} aligned with {@link TableSpec#columns()}: {@code String}, {@code Integer},
 * {@code Long}, {@code java.math.BigDecimal}, {@code java.time.LocalDate}, {@code java.time.LocalDateTime},
 * {@code Boolean} or {@code null}.
 */
public interface BulkLoader {

    /** Loads every row and returns how many were written. */
    long load(Connection connection, TableSpec table, Iterator<Object[]> rows) throws SQLException;

    /**
     * The fastest loader for the connection's database: PostgreSQL's COPY where available, JDBC batches
     * elsewhere (H2).
     */
    static BulkLoader forConnection(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if (product != null && product.toLowerCase().contains("postgres")) {
            return new PostgresCopyLoader();
        }
        return new JdbcBatchLoader(JdbcBatchLoader.DEFAULT_BATCH_SIZE);
    }
}
