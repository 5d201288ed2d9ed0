package org.olive.ingest.reject;

/**
 * A value that was accepted after a repair (e.g. a 15-digit ID number upgraded), so the repair can be reported back.
 *
 * @param row      the 1-based source row number
 * @param field    the column's header name
 * @param rawValue the value as read
 * @param note     what was done
 */
public record Repair(long row, String field, String rawValue, String note) {
}
