package org.olive.pipeline.ingest;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The data-quality report of one ingest run of one period: what was read, loaded, repaired and rejected, per file,
 * per dataset and per reason; what was expected and missing; and pilot indicator 8 (master-database data items
 * updated this period). Written as JSON next to the run and kept in the database.
 *
 * @param runId            the ingest run
 * @param period           the delivery period
 * @param status           SUCCEEDED or FAILED
 * @param error            why a failed run failed (its data was rolled back)
 * @param files            one entry per file in the period folder, recognised or not
 * @param datasets         per dataset: totals and reject counts by reason category
 * @param missing          datasets expected in this period that were not delivered, with their department
 * @param dataItems        pilot indicator 8
 * @param collapses        datasets whose row count fell below the configured share of their previous delivery;
 *                         the run succeeded only if each was accepted explicitly ({@code --accept-collapse})
 */
public record IngestReport(long runId, String period, String status, String error, OffsetDateTime startedAt,
                           OffsetDateTime finishedAt, long millis, List<FileReport> files,
                           Map<String, DatasetReport> datasets, List<Missing> missing, DataItems dataItems,
                           List<Collapse> collapses) {

    public IngestReport {
        collapses = collapses == null ? List.of() : List.copyOf(collapses);
    }

    /**
     * One file: how it was read and what became of its rows.
     *
     * @param unusedColumns header names no field reads: reported and ignored
     * @param notices       remarks that are not errors (a header without data rows, title rows skipped …)
     */
    public record FileReport(String file, String dataset, String department, String format, String encoding,
                             String encodingReason, long bytes, long rowsIn, long loaded, long repaired, long rejected,
                             long duplicates, long blankRows, List<String> unusedColumns, String error, long millis,
                             List<String> notices) {
        public FileReport {
            unusedColumns = unusedColumns == null ? List.of() : List.copyOf(unusedColumns);
            notices = notices == null ? List.of() : List.copyOf(notices);
        }
    }

    /**
     * One dataset over all its files of the period.
     *
     * @param firstRejects the first rejected values of the dataset (up to {@code report_first_rejects}), ID numbers masked
     */
    public record DatasetReport(String dataset, String department, String table, long rowsIn, long loaded,
                                long repaired, long rejected, long duplicates, Map<String, Long> rejectsByReason,
                                Map<String, Long> repairsByKind, List<RejectSample> firstRejects) {
        public DatasetReport {
            firstRejects = firstRejects == null ? List.of() : List.copyOf(firstRejects);
        }
    }

    /** One rejected value as shown to users: ID numbers in the value and reason are masked. */
    public record RejectSample(String file, long row, String field, String value, String reason) {
    }

    /**
     * A dataset whose row count collapsed against its previous delivery (history files left out of both counts).
     *
     * @param accepted whether the operator accepted it for this run ({@code --accept-collapse}); recorded for audit
     */
    public record Collapse(String dataset, long rowsIn, String previousPeriod, long previousRowsIn, double minRatio,
                           boolean accepted) {
        public String describe() {
            return String.format("%s: %,d rows against %,d in %s (%.1f%%, below the %.0f%% that collapse_ratio allows)%s",
                    dataset, rowsIn, previousRowsIn, previousPeriod, 100.0 * rowsIn / Math.max(1, previousRowsIn),
                    100 * minRatio, accepted ? "; accepted by the operator (--accept-collapse)" : "");
        }
    }

    /** A dataset expected in the period but not delivered. */
    public record Missing(String dataset, String department, String cadence) {
    }

    /**
     * Pilot indicator 8: data items delivered in this period ({@code updated}) over the items delivered in the
     * trailing 12 periods ({@code total}); a data item is one subject (person, entity, vessel …) in one dataset.
     */
    public record DataItems(long total, long updated, double share, Map<String, long[]> byDataset) {
    }

    public long rowsIn() {
        return files.stream().mapToLong(FileReport::rowsIn).sum();
    }

    public long loaded() {
        return files.stream().mapToLong(FileReport::loaded).sum();
    }

    public long rejected() {
        return files.stream().mapToLong(FileReport::rejected).sum();
    }

    public long repaired() {
        return files.stream().mapToLong(FileReport::repaired).sum();
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    public static IngestReport fromJson(String json) {
        return JSON.readValue(json, IngestReport.class);
    }

    private static String clip(String s, int n) {
        return s == null ? "" : s.length() <= n ? s : s.substring(0, n) + "…";
    }

    /** A few lines for the console. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%s  run %d  %s  %d files, %,d rows in, %,d loaded (%,d repaired), %,d rejected, %.1f s%n",
                period, runId, status, files.size(), rowsIn(), loaded(), repaired(), rejected(), millis / 1000.0));
        for (FileReport f : files) {
            if (f.error() != null || f.dataset() == null) {
                sb.append("  ! ").append(f.file()).append(": ").append(f.error()).append('\n');
            }
            for (String n : f.notices()) {
                sb.append("  - ").append(f.file()).append(": ").append(n).append('\n');
            }
        }
        for (Collapse c : collapses) {
            sb.append(c.accepted() ? "  - row count collapse " : "  ! row count collapse ").append(c.describe()).append('\n');
        }
        for (Missing m : missing) {
            sb.append("  ! missing ").append(m.dataset()).append(" (").append(m.department()).append(")\n");
        }
        if (dataItems != null) {
            sb.append(String.format("  data items updated this month: %,d of %,d (%.1f%%)%n", dataItems.updated(),
                    dataItems.total(), 100 * dataItems.share()));
        }
        for (DatasetReport d : datasets.values()) {
            if (d.firstRejects().isEmpty()) {
                continue;
            }
            sb.append(String.format("  %s: %,d rejected; the first %d:%n", d.dataset(), d.rejected(), d.firstRejects().size()));
            for (RejectSample r : d.firstRejects()) {
                sb.append("    ").append(r.file()).append(", row ").append(r.row()).append(", ").append(r.field())
                        .append(" = '").append(clip(r.value(), 60)).append("': ").append(clip(r.reason(), 200)).append('\n');
            }
        }
        if (error != null) {
            sb.append("  error: ").append(error).append('\n');
        }
        return sb.toString();
    }
}
