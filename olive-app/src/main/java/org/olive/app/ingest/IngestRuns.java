package org.olive.app.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.olive.pipeline.ingest.IngestReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what {@code olive ingest} wrote (tables {@code ingest_run}, {@code ingest_file}, {@code ingest_reject}; see
 * olive-pipeline's V2 migration). Read-only: runs are made by the pipeline, never by the web app.
 */
@Repository
public class IngestRuns {

    /** Runs listed on the ingestion page at most. */
    static final int MAX_RUNS = 500;

    private static final String RUN_COLUMNS = "id, data_period, status, started_at, finished_at, source_dir, files, "
            + "rows_in, rows_loaded, rows_repaired, rows_rejected, items_total, items_updated, error";

    /** A page of rejects and how many there are in all. */
    public record RejectPage(List<RejectRow> rows, long total, int page, int pageSize) {

        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }

        public long first() {
            return total == 0 ? 0 : (long) (page - 1) * pageSize + 1;
        }

        public long last() {
            return Math.min(total, (long) page * pageSize);
        }
    }

    /** Filters of the rejects drill-down; null or blank means any. */
    public record RejectFilter(String dataset, String file, String category) {

        public RejectFilter {
            dataset = blankToNull(dataset);
            file = blankToNull(file);
            category = blankToNull(category);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }

    /** One rejected source row of a file: its number, the row as read, and every reason it was refused for. */
    public record RejectedSourceRow(long sourceRow, String rawRow, List<String> reasons) {
    }

    /** A file of a run as stored in {@code ingest_file}: enough to write its rejects back in its own encoding. */
    public record SourceFile(String name, String dataset, String department, String format, String encoding,
                             String encodingReason) {
    }

    /** Pilot indicator 8 of the latest successful run of a period. */
    public record IndicatorPoint(String period, long updated, long total) {

        public double share() {
            return total == 0 ? 0 : (double) updated / total;
        }
    }

    private final JdbcClient jdbc;

    public IngestRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The runs, newest period first, the latest run of a period first. */
    public List<IngestRun> runs() {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM ingest_run ORDER BY data_period DESC, started_at DESC, id DESC "
                        + "LIMIT :n")
                .param("n", MAX_RUNS).query(IngestRuns::run).list();
    }

    public Optional<IngestRun> run(long id) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM ingest_run WHERE id = :id").param("id", id)
                .query(IngestRuns::run).optional();
    }

    /** The stored JSON report of a finished run, if it has one (a failed run has none). */
    public Optional<String> reportJson(long id) {
        return jdbc.sql("SELECT report FROM ingest_run WHERE id = :id").param("id", id).query(String.class).optional();
    }

    public Optional<IngestReport> report(long id) {
        return reportJson(id).map(IngestReport::fromJson);
    }

    /** Indicator 8 over the periods, oldest first: one point per period, from its latest successful run. */
    public List<IndicatorPoint> indicator() {
        return jdbc.sql("SELECT data_period, items_updated, items_total FROM ingest_run "
                        + "WHERE status = 'SUCCEEDED' AND items_total IS NOT NULL ORDER BY data_period, id")
                .query((rs, n) -> new IndicatorPoint(rs.getString(1), rs.getLong(2), rs.getLong(3))).list()
                .stream().collect(java.util.stream.Collectors.toMap(IndicatorPoint::period, p -> p, (a, b) -> b,
                        LinkedHashMap::new))
                .values().stream().toList();
    }

    /** Periods that have a successful run, newest first. */
    public List<String> succeededPeriods() {
        return jdbc.sql("SELECT DISTINCT data_period FROM ingest_run WHERE status = 'SUCCEEDED' ORDER BY data_period DESC")
                .query(String.class).list();
    }

    /** The latest successful run of a period. */
    public Optional<IngestRun> latestSucceeded(String period) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM ingest_run WHERE data_period = :p AND status = 'SUCCEEDED' "
                        + "ORDER BY id DESC LIMIT 1")
                .param("p", period).query(IngestRuns::run).optional();
    }

    public Optional<SourceFile> file(long runId, String fileName) {
        return jdbc.sql("SELECT file_name, dataset, department, format, encoding, encoding_reason FROM ingest_file "
                        + "WHERE run_id = :run AND file_name = :f")
                .param("run", runId).param("f", fileName)
                .query((rs, n) -> new SourceFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .optional();
    }

    /** Per file of a run: how many distinct source rows were rejected (files without rejects are absent). */
    public Map<String, Long> rejectedRowsByFile(long runId) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("SELECT file_name, COUNT(DISTINCT source_row) FROM ingest_reject WHERE run_id = :run "
                        + "GROUP BY file_name ORDER BY file_name")
                .param("run", runId)
                .query((ResultSet rs) -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    /**
     * The amounts of a period's deliveries that the editing step corrected or excluded (amount_edit, written by the
     * ledger runs; docs/editing.md), with the dataset key of the ingest report, in file and row order.
     */
    public List<DepartmentFeedback.EditedAmount> editedAmounts(String period) {
        Map<String, String> datasetOfTable = new java.util.HashMap<>();
        org.olive.ingest.mapping.BuiltInMappings.all().forEach(m ->
                datasetOfTable.put(org.olive.pipeline.ingest.MasterTables.tableName(m), m.dataset()));
        List<DepartmentFeedback.EditedAmount> out = new java.util.ArrayList<>();
        jdbc.sql("SELECT dataset, source_file, source_row, field, original_value, edited_value, rule_id, rule_version, "
                        + "evidence FROM amount_edit WHERE data_period = :period ORDER BY source_file, source_row, field")
                .param("period", period)
                .query((ResultSet rs) -> {
                    out.add(new DepartmentFeedback.EditedAmount(datasetOfTable.getOrDefault(rs.getString(1), rs.getString(1)),
                            rs.getString(2), rs.getLong(3), rs.getString(4), rs.getBigDecimal(5).toPlainString(),
                            rs.getBigDecimal(6) == null ? null : rs.getBigDecimal(6).toPlainString(),
                            rs.getString(7) + " v" + rs.getInt(8), rs.getString(9)));
                });
        return out;
    }

    /** A page (1-based) of a run's rejected values, ID numbers masked, in file and row order. */
    public RejectPage rejects(long runId, RejectFilter filter, int page, int pageSize) {
        StringBuilder where = new StringBuilder(" WHERE run_id = :run");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("run", runId);
        if (filter.dataset() != null) {
            where.append(" AND dataset = :ds");
            params.put("ds", filter.dataset());
        }
        if (filter.file() != null) {
            where.append(" AND file_name = :f");
            params.put("f", filter.file());
        }
        if (filter.category() != null) {
            where.append(" AND category = :c");
            params.put("c", filter.category());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM ingest_reject" + where).params(params).query(Long.class).single();
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int p = Math.min(Math.max(1, page), pages);
        List<RejectRow> rows = jdbc.sql("SELECT file_name, dataset, source_row, field, raw_value, reason, category, raw_row "
                        + "FROM ingest_reject" + where + " ORDER BY file_name, source_row, field LIMIT :n OFFSET :o")
                .params(params).param("n", pageSize).param("o", (long) (p - 1) * pageSize)
                .query((rs, n) -> new RejectRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        Masking.ids(rs.getString(5)), Masking.ids(rs.getString(6)), rs.getString(7),
                        Masking.ids(rs.getString(8))))
                .list();
        return new RejectPage(rows, total, p, pageSize);
    }

    /** The distinct values of a reject column for a run's filter lists: {@code dataset}, {@code file_name}, {@code category}. */
    public List<String> distinct(long runId, String column) {
        if (!List.of("dataset", "file_name", "category").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql("SELECT DISTINCT " + column + " FROM ingest_reject WHERE run_id = :run ORDER BY " + column)
                .param("run", runId).query(String.class).list();
    }

    /**
     * The rejected source rows of one file, UNMASKED (for the download that goes back to the department), in row
     * order, each with all its reasons.
     */
    public List<RejectedSourceRow> rejectedSourceRows(long runId, String fileName) {
        Map<Long, RejectedSourceRow> rows = new LinkedHashMap<>();
        jdbc.sql("SELECT source_row, reason, raw_row FROM ingest_reject WHERE run_id = :run AND file_name = :f "
                        + "ORDER BY source_row, field")
                .param("run", runId).param("f", fileName)
                .query((ResultSet rs) -> {
                    long row = rs.getLong(1);
                    RejectedSourceRow r = rows.computeIfAbsent(row,
                            k -> new RejectedSourceRow(k, null, new ArrayList<>()));
                    String raw = rs.getString(3);
                    if (r.rawRow() == null && raw != null) {
                        r = new RejectedSourceRow(row, raw, r.reasons());
                        rows.put(row, r);
                    }
                    String reason = rs.getString(2);
                    if (!r.reasons().contains(reason)) {
                        r.reasons().add(reason);
                    }
                });
        return List.copyOf(rows.values());
    }

    private static IngestRun run(ResultSet rs, int rowNum) throws SQLException {
        return new IngestRun(rs.getLong("id"), rs.getString("data_period"), rs.getString("status"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
                rs.getString("source_dir"), (Integer) rs.getObject("files", Integer.class), longOrNull(rs, "rows_in"),
                longOrNull(rs, "rows_loaded"), longOrNull(rs, "rows_repaired"), longOrNull(rs, "rows_rejected"),
                longOrNull(rs, "items_total"), longOrNull(rs, "items_updated"), rs.getString("error"));
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
