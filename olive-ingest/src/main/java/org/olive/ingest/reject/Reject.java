package org.olive.ingest.reject;

/**
 * A refused value, with everything needed to send it back to the source department.
 *
 * @param file     the file name
 * @param row      the 1-based source row number
 * @param field    the column's header name as found in the file (or {@code (row)} for problems of the whole row)
 * @param rawValue the value as read
 * @param reason   why it was refused, as a sentence
 * @param rawRow   the whole row as read, values joined by commas
 */
public record Reject(String file, long row, String field, String rawValue, String reason, String rawRow) {

    /** The field name used for problems of a whole row (wrong number of values, duplicate key of several columns). */
    public static final String WHOLE_ROW = "(row)";
}
