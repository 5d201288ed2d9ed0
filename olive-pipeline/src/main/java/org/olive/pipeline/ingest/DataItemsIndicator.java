package org.olive.pipeline.ingest;

import org.olive.period.Period;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The item key of a loaded row from the SQL values of its item-key fields: their text (joined by '|' when there are several, a missing
     * one as ''), or null when every one is missing. Collected while the rows are loaded, so that the period's
     * master rows are not read again (reading them back grew to a minute a month on the default county's H2 file).
     */
    static String itemKey(Object[] values) {
        if (values.length == 1) {
            return values[0] == null ? null : String.valueOf(values[0]);
        }
        StringBuilder b = new StringBuilder();
        boolean any = false;
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            any |= v != null;
            if (i > 0) {
                b.append('|');
            }
            b.append(v == null ? "" : String.valueOf(v));
        }
        return any ? b.toString() : null;
    }

    /** Records the distinct data items a run delivered, one {@code master_item} row per dataset and item key. */
    public static void record(Connection c, Map<String, java.util.Set<String>> items, long runId, Period period)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO master_item (run_id, data_period, dataset, item_key) "
                + "VALUES (?, ?, ?, ?)")) {
            int batch = 0;
            for (Map.Entry<String, java.util.Set<String>> e : items.entrySet()) {
                for (String key : e.getValue()) {
                    ps.setLong(1, runId);
                    ps.setString(2, period.toString());
                    ps.setString(3, e.getKey());
                    ps.setString(4, key.length() > 200 ? key.substring(0, 200) : key);
                    ps.addBatch();
                    if (++batch % 5_000 == 0) {
                        ps.executeBatch();
                    }
                }
            }
            ps.executeBatch();
        }
    }

    /**
     * Indicator 8 for the period as if the run were the period's visible one: items of this run over the items of
     * the window (this run for the period itself, the SUCCEEDED runs for the other periods of the window).
     */
    public static IngestReport.DataItems compute(Connection c, long runId, Period period) throws SQLException {
        String from = period.minusMonths(WINDOW_PERIODS).toString();
        Map<String, long[]> by = new LinkedHashMap<>();
        String window = "FROM master_item WHERE data_period > ? AND data_period <= ? AND (run_id = ? OR (data_period <> ? AND run_id IN "
                + "(SELECT id FROM ingest_run WHERE status = 'SUCCEEDED')))";
        try (PreparedStatement ps = c.prepareStatement("SELECT dataset, COUNT(DISTINCT item_key) " + window + " GROUP BY dataset")) {
            ps.setString(1, from);
            ps.setString(2, period.toString());
            ps.setLong(3, runId);
            ps.setString(4, period.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    by.put(rs.getString(1), new long[]{0, rs.getLong(2)});
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT dataset, COUNT(*) FROM master_item WHERE data_period = ? AND run_id = ? "
                + "GROUP BY dataset")) {
            ps.setString(1, period.toString());
            ps.setLong(2, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    by.computeIfAbsent(rs.getString(1), k -> new long[2])[0] = rs.getLong(2);
                }
            }
        }
        long total = 0;
        long updated = 0;
        Map<String, long[]> sorted = new java.util.TreeMap<>(by);
        for (long[] v : sorted.values()) {
            updated += v[0];
            total += v[1];
        }
        return new IngestReport.DataItems(total, updated, total == 0 ? 0 : (double) updated / total, sorted);
    }
}
