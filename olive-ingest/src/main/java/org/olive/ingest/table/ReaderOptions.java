package org.olive.ingest.table;

import java.nio.charset.Charset;
import java.util.List;

import org.olive.ingest.encoding.EncodingDetector;

/**
 * Settings of the table readers; every threshold is named here and can be set per file or per county.
 *
 * @param encoding            the declared charset of a CSV file, or {@code null} to detect it
 * @param encodingProbeBytes  how many leading bytes encoding detection examines
 * @param delimiter           the CSV delimiter, or {@code null} to detect it from the header line
 * @param delimiterCandidates the delimiters detection chooses from (the most frequent outside quotes wins)
 * @param maxHeaderChars      the longest header line delimiter detection will examine
 * @param maxRecordChars      the longest CSV record accepted; a longer one is almost always an unbalanced quote
 *                            swallowing the rest of the file, and is reported as such instead of exhausting memory
 * @param headerRow           the 1-based row holding the column names, rows above it (titles) being skipped and
 *                            reported; or {@link #FIRST_NON_BLANK_ROW} (the default) for the first row that is not blank
 * @param sheet               the XLSX sheet to read, or {@code null} for the first
 */
public record ReaderOptions(Charset encoding, int encodingProbeBytes, Character delimiter, List<Character> delimiterCandidates,
                            int maxHeaderChars, int maxRecordChars, int headerRow, String sheet) {

    /** {@link #headerRow()} value meaning: the header is the first row that is not blank. */
    public static final int FIRST_NON_BLANK_ROW = 0;
    /** Default longest header line examined: 1 MiB characters. */
    public static final int DEFAULT_MAX_HEADER_CHARS = 1 << 20;
    /** Default longest record: 8 MiB characters. */
    public static final int DEFAULT_MAX_RECORD_CHARS = 8 << 20;

    public ReaderOptions {
        delimiterCandidates = List.copyOf(delimiterCandidates);
        if (encodingProbeBytes < 4 || maxHeaderChars < 1 || maxRecordChars < 1 || headerRow < 0) {
            throw new IllegalArgumentException("reader limits must be positive (probe >= 4 bytes, header row >= 0)");
        }
    }

    /** Detect encoding and delimiter, header in the first non-blank row, first sheet. */
    public static ReaderOptions defaults() {
        return new ReaderOptions(null, EncodingDetector.DEFAULT_PROBE_BYTES, null, List.of(',', ';', '\t'),
                DEFAULT_MAX_HEADER_CHARS, DEFAULT_MAX_RECORD_CHARS, FIRST_NON_BLANK_ROW, null);
    }

    public ReaderOptions withEncoding(Charset value) {
        return new ReaderOptions(value, encodingProbeBytes, delimiter, delimiterCandidates, maxHeaderChars, maxRecordChars, headerRow, sheet);
    }

    public ReaderOptions withEncodingProbeBytes(int value) {
        return new ReaderOptions(encoding, value, delimiter, delimiterCandidates, maxHeaderChars, maxRecordChars, headerRow, sheet);
    }

    public ReaderOptions withDelimiter(Character value) {
        return new ReaderOptions(encoding, encodingProbeBytes, value, delimiterCandidates, maxHeaderChars, maxRecordChars, headerRow, sheet);
    }

    public ReaderOptions withMaxRecordChars(int value) {
        return new ReaderOptions(encoding, encodingProbeBytes, delimiter, delimiterCandidates, maxHeaderChars, value, headerRow, sheet);
    }

    public ReaderOptions withHeaderRow(int value) {
        return new ReaderOptions(encoding, encodingProbeBytes, delimiter, delimiterCandidates, maxHeaderChars, maxRecordChars, value, sheet);
    }

    public ReaderOptions withSheet(String value) {
        return new ReaderOptions(encoding, encodingProbeBytes, delimiter, delimiterCandidates, maxHeaderChars, maxRecordChars, headerRow, value);
    }
}
