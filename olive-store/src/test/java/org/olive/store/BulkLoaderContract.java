package org.olive.store;

import org.olive.store.load.BulkLoader;
import org.olive.store.table.ColumnType;
import org.olive.store.table.TableSpec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The same behaviour is required of the loader on every database; subclasses supply the connection. */
abstract class BulkLoaderContract {

    static final TableSpec TABLE = new TableSpec("load_probe", List.of(
            TableSpec.Column.text("id_number", 18),
            TableSpec.Column.text("name", 50),
            TableSpec.Column.of("amount", ColumnType.DECIMAL),
            TableSpec.Column.of("birth_date", ColumnType.DATE),
            TableSpec.Column.of("crossed_at", ColumnType.TIMESTAMP),
            TableSpec.Column.of("months", ColumnType.INTEGER),
            TableSpec.Column.of("row_no", ColumnType.BIGINT),
            TableSpec.Column.of("repaired", ColumnType.BOOLEAN)));

    abstract Connection connection() throws SQLException;

    void createTable(Connection c) throws SQLException {
        StringBuilder ddl = new StringBuilder("CREATE TABLE " + TABLE.name() + " (");
        for (int i = 0; i < TABLE.columns().size(); i++) {
            TableSpec.Column col = TABLE.columns().get(i);
            ddl.append(i > 0 ? ", " : "").append(col.name()).append(' ').append(col.type().sql(col.length(), col.scale()));
        }
        try (Statement s = c.createStatement()) {
            s.execute(ddl.append(")").toString());
        }
    }

    @Test
    void loadsEveryTypeIncludingNullsQuotesAndChinese() throws SQLException {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            createTable(c);
            List<Object[]> rows = List.of(
                    new Object[]{"33092219800101001X", "王\"小\",明", new BigDecimal("12345.67"), LocalDate.of(1980, 1, 1),
                            LocalDateTime.of(2024, 5, 1, 8, 30), 12, 1L, true},
                    new Object[]{"330922198001010028", "", null, null, null, null, 2L, false});
            long n = BulkLoader.forConnection(c).load(c, TABLE, rows.iterator());
            c.commit();
            assertThat(n).isEqualTo(2);
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name, amount, birth_date, crossed_at, months, repaired FROM load_probe ORDER BY row_no")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("王\"小\",明");
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("12345.67");
                assertThat(rs.getDate(3).toLocalDate()).isEqualTo(LocalDate.of(1980, 1, 1));
                assertThat(rs.getTimestamp(4).toLocalDateTime()).isEqualTo(LocalDateTime.of(2024, 5, 1, 8, 30));
                assertThat(rs.getInt(5)).isEqualTo(12);
                assertThat(rs.getBoolean(6)).isTrue();
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEmpty(); // an empty string is not null
                assertThat(rs.getBigDecimal(2)).isNull();
                assertThat(rs.getDate(3)).isNull();
            }
        }
    }

    @Test
    void streamsManyRowsAndLeavesTheCommitToTheCaller() throws SQLException {
        int rows = 120_000;
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            createTable(c);
            c.commit();
            Iterator<Object[]> it = IntStream.range(0, rows).mapToObj(i -> new Object[]{
                    String.format("%018d", i), "p" + i, BigDecimal.valueOf(i, 2), LocalDate.of(2000, 1, 1).plusDays(i % 9000),
                    LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(i), i % 12, (long) i, i % 2 == 0}).iterator();
            assertThat(BulkLoader.forConnection(c).load(c, TABLE, it)).isEqualTo(rows);
            c.rollback(); // the loader did not commit: nothing is left
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM load_probe")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }
}
