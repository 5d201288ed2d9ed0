package org.olive.store.load;

import org.olive.store.table.TableSpec;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Iterator;

/**
 * Loads rows with PostgreSQL's {@code COPY … FROM STDIN (FORMAT csv)}, streaming CSV text in chunks, so that
 * memory stays bounded whatever the number of rows. Null is an unquoted empty field; every text value is
 * quoted, so an empty string stays an empty string.
 */
public final class PostgresCopyLoader implements BulkLoader {

    /** Bytes of CSV buffered before they are sent to the server. */
    static final int CHUNK_BYTES = 1 << 20;

    @Override
    public long load(Connection connection, TableSpec table, Iterator<Object[]> rows) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        String sql = "COPY " + table.name() + " (" + table.columnList() + ") FROM STDIN WITH (FORMAT csv)";
        CopyIn copy = pg.getCopyAPI().copyIn(sql);
        long count = 0;
        StringBuilder sb = new StringBuilder(CHUNK_BYTES + 4096);
        int n = table.columns().size();
        try {
            while (rows.hasNext()) {
                Object[] row = rows.next();
                if (row.length != n) {
                    throw new IllegalArgumentException("row has " + row.length + " values, table " + table.name() + " has " + n + " columns");
                }
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    append(sb, row[i]);
                }
                sb.append('\n');
                count++;
                if (sb.length() >= CHUNK_BYTES) {
                    flush(copy, sb);
                }
            }
            flush(copy, sb);
            copy.endCopy();
        } catch (SQLException | RuntimeException e) {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
        return count;
    }

    private static void flush(CopyIn copy, StringBuilder sb) throws SQLException {
        if (!sb.isEmpty()) {
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            sb.setLength(0);
        }
    }

    static void append(StringBuilder sb, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof String s) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    sb.append('"');
                }
                sb.append(c);
            }
            sb.append('"');
        } else if (v instanceof BigDecimal d) {
            sb.append(d.toPlainString());
        } else if (v instanceof LocalDate || v instanceof LocalDateTime || v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else {
            throw new IllegalArgumentException("unsupported value type " + v.getClass().getName());
        }
    }
}
