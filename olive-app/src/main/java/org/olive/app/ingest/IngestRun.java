package org.olive.app.ingest;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * One row of {@code ingest_run} without its report: a run of the ingestion of one period.
 *
 * @param status RUNNING, SUCCEEDED, FAILED, INTERRUPTED or SUPERSEDED
 * @param files  null (like the row counts) until the run finished
 */
public record IngestRun(long id, String period, String status, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                        String sourceDir, Integer files, Long rowsIn, Long loaded, Long repaired, Long rejected,
                        Long itemsTotal, Long itemsUpdated, String error) {

    /** Pilot indicator 8 for this run's period: items updated over current items; null when unknown. */
    public Double itemsShare() {
        if (itemsTotal == null || itemsUpdated == null || itemsTotal == 0) {
            return null;
        }
        return (double) itemsUpdated / itemsTotal;
    }

    /** How long the run took; null while it runs (or if it was killed). */
    public Duration duration() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }

    public boolean succeeded() {
        return "SUCCEEDED".equals(status);
    }

    /**
     * Whether the run's rejected rows are still stored: each run of a period replaces the period's rejects, so only
     * the latest successful run has them.
     */
    public boolean keepsRejects() {
        return succeeded();
    }
}
