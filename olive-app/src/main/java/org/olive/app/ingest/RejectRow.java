package org.olive.app.ingest;

/**
 * One rejected value as shown on screen: ID numbers in {@code value}, {@code reason} and {@code rawRow} already masked
 * (see {@link Masking}).
 */
public record RejectRow(String file, String dataset, long sourceRow, String field, String value, String reason,
                        String category, String rawRow) {
}
