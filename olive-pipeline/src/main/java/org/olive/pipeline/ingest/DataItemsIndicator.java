package org.olive.pipeline.ingest;

import org.olive.ingest.mapping.DatasetMapping;
import org.olive.period.Period;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Pilot indicator 8, "master-database data items updated this month" (总库数据项当月更新比例), domain.md §7.
 *
 * <p>Definition used by Olive (documented in docs/data-catalog.md): a <em>data item</em> is one subject — a person,
 * an entity, a vessel, a licence, a property, an account — in one dataset, identified by the dataset's
 * {@code item_key} in datasets.yaml. The master database's current items are those delivered in any of the
 * {@value #WINDOW_PERIODS} periods ending with the period; an item is <em>updated</em> when the period's delivery
 * carries it. The share is updated / current. Yearly datasets update in December only, which is why the share is
 * below 100% even when every department delivers on time.
 */
public final class DataItemsIndicator {

    /** Periods in which an item must have been delivered to count as a current item. */
    public static final int WINDOW_PERIODS = 12;

    private DataItemsIndicator() {
    }

    public static IngestReport.DataItems compute(Connection c, Map<String, DatasetMapping> canonical,
                                                 Map<String, DatasetSettings> settings, Period period) throws SQLException {
        long total = 0;
        long updated = 0;
        Map<String, long[]> by = new LinkedHashMap<>();
        String from = period.minusMonths(WINDOW_PERIODS).toString();
        for (DatasetSettings s : settings.values()) {
            DatasetMapping m = canonical.get(s.dataset());
            if (m == null || s.itemKey().isEmpty()) {
                continue;
            }
            String table = MasterTables.tableName(m);
            List<String> cols = s.itemKey().stream().map(MasterTables::columnName).toList();
            String key = String.join(", ", cols);
            String notNull = cols.stream().map(k -> k + " IS NOT NULL").collect(Collectors.joining(" AND "));
            long t = count(c, "SELECT COUNT(*) FROM (SELECT DISTINCT " + key + " FROM " + table + " WHERE "
                    + MasterTables.PERIOD + " > ? AND " + MasterTables.PERIOD + " <= ? AND " + notNull + ") x", from, period.toString());
            long u = count(c, "SELECT COUNT(*) FROM (SELECT DISTINCT " + key + " FROM " + table + " WHERE "
                    + MasterTables.PERIOD + " = ? AND " + notNull + ") x", period.toString(), null);
            by.put(s.dataset(), new long[]{u, t});
            total += t;
            updated += u;
        }
        return new IngestReport.DataItems(total, updated, total == 0 ? 0 : (double) updated / total, by);
    }

    private static long count(Connection c, String sql, String a, String b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, a);
            if (b != null) {
                ps.setString(2, b);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
