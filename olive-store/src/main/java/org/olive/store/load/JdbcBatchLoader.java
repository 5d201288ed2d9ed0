package org.olive.store.load;

import org.olive.store.table.TableSpec;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Iterator;

/** Loads rows with a prepared INSERT executed in JDBC batches. */
public final class JdbcBatchLoader implements BulkLoader {

    /** Rows per JDBC batch: large enough to amortise round trips, small enough to bound driver memory. */
    public static final int DEFAULT_BATCH_SIZE = 5_000;

    private final int batchSize;

    public JdbcBatchLoader(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        this.batchSize = batchSize;
    }

    @Override
    public long load(Connection connection, TableSpec table, Iterator<Object[]> rows) throws SQLException {
        int n = table.columns().size();
        String sql = "INSERT INTO " + table.name() + " (" + table.columnList() + ") VALUES (" + "?, ".repeat(n - 1) + "?)";
        long count = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int inBatch = 0;
            while (rows.hasNext()) {
                Object[] row = rows.next();
                if (row.length != n) {
                    throw new IllegalArgumentException("row has " + row.length + " values, table " + table.name() + " has " + n + " columns");
                }
                for (int i = 0; i < n; i++) {
                    bind(ps, i + 1, row[i], table.columns().get(i));
                }
                ps.addBatch();
                count++;
                if (++inBatch == batchSize) {
                    ps.executeBatch();
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                ps.executeBatch();
            }
        }
        return count;
    }

    private static void bind(PreparedStatement ps, int index, Object v, TableSpec.Column column) throws SQLException {
        if (v == null) {
            ps.setNull(index, column.type().jdbcType());
        } else if (v instanceof String s) {
            ps.setString(index, s);
        } else if (v instanceof Integer i) {
            ps.setInt(index, i);
        } else if (v instanceof Long l) {
            ps.setLong(index, l);
        } else if (v instanceof BigDecimal d) {
            ps.setBigDecimal(index, d);
        } else if (v instanceof LocalDate d) {
            ps.setDate(index, Date.valueOf(d));
        } else if (v instanceof LocalDateTime t) {
            ps.setTimestamp(index, Timestamp.valueOf(t));
        } else if (v instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else {
            throw new IllegalArgumentException("unsupported value type " + v.getClass().getName() + " for column " + column.name());
        }
    }
}
