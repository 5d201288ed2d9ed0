package org.olive.ingest.table;

/**
 * A file-level error or notice, shown to the user as one line: {@code file, row N: reason}.
 *
 * @param file   the file name as the user knows it
 * @param row    the 1-based source row the problem was found at, or 0 when it concerns the whole file
 * @param kind   what went wrong
 * @param reason a sentence for the person who supplied the file
 */
public record IngestError(String file, long row, Kind kind, String reason) {

    /** The kinds of file-level problems. */
    public enum Kind {
        /** The file has no bytes, or no header row. */
        EMPTY_FILE,
        /** The file is not a format Olive reads (e.g. legacy .xls), or cannot be opened. */
        UNSUPPORTED_FORMAT,
        /** The bytes cannot be decoded in the detected or declared encoding. */
        ENCODING,
        /** A quoted field never ends, or a record grows past the configured limit. */
        UNBALANCED_QUOTE,
        /** A workbook is truncated or corrupt. */
        CORRUPT_WORKBOOK,
        /** The header lacks required columns or matches no known dataset. */
        UNKNOWN_COLUMNS,
        /** The header repeats a column name or has a blank name. */
        BAD_HEADER,
        /** Reading failed for a reason outside the file's content (disk, permissions). */
        IO,
        /** The rows read do not account for every physical line (CSV) or sheet row (XLSX): rows would be lost. */
        LINE_COUNT,
        /** A workbook exceeds a size bound (cell, row, decompressed size or ratio: a decompression bomb). */
        TOO_LARGE
    }

    @Override
    public String toString() {
        return row > 0 ? file + ", row " + row + ": " + reason : file + ": " + reason;
    }
}
