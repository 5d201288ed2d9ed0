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
 */
public record IngestReport(long runId, String period, String status, String error, OffsetDateTime startedAt,
                           OffsetDateTime finishedAt, long millis, List<FileReport> files,
                           Map<String, DatasetReport> datasets, List<Missing> missing, DataItems dataItems) {

    /** One file: how it was read and what became of its rows. */
    public record FileReport(String file, String dataset, String department, String format, String encoding,
                             String encodingReason, long bytes, long rowsIn, long loaded, long repaired, long rejected,
                             long duplicates, long blankRows, List<String> unusedColumns, String error, long millis) {
    }

    /** One dataset over all its files of the period. */
    public record DatasetReport(String dataset, String department, String table, long rowsIn, long loaded,
                                long repaired, long rejected, long duplicates, Map<String, Long> rejectsByReason,
                                Map<String, Long> repairsByKind) {
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

    /** A few lines for the console. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%s  run %d  %s  %d files, %,d rows in, %,d loaded (%,d repaired), %,d rejected, %.1f s%n",
                period, runId, status, files.size(), rowsIn(), loaded(), repaired(), rejected(), millis / 1000.0));
        for (FileReport f : files) {
            if (f.error() != null || f.dataset() == null) {
                sb.append("  ! ").append(f.file()).append(": ").append(f.error()).append('\n');
            }
        }
        for (Missing m : missing) {
            sb.append("  ! missing ").append(m.dataset()).append(" (").append(m.department()).append(")\n");
        }
        if (dataItems != null) {
            sb.append(String.format("  data items updated this month: %,d of %,d (%.1f%%)%n", dataItems.updated(),
                    dataItems.total(), 100 * dataItems.share()));
        }
        if (error != null) {
            sb.append("  error: ").append(error).append('\n');
        }
        return sb.toString();
    }
}
