package org.olive.ingest.mapping;

import java.nio.charset.Charset;

import org.olive.ingest.table.ReaderOptions;

/**
 * How a county's files of one dataset are laid out, when detection is not enough: the {@code reader:} section of a
 * mapping file. Every hint is optional; an absent hint leaves the reader's option as it was.
 *
 * @param encoding  the charset name (e.g. GB18030), or {@code null} to detect
 * @param delimiter the CSV delimiter, or {@code null} to detect
 * @param headerRow the 1-based header row, or {@code null} for the first non-blank row
 * @param sheet     the XLSX sheet name, or {@code null} for the first sheet
 */
public record ReaderHints(Charset encoding, Character delimiter, Integer headerRow, String sheet) {

    /** No hints. */
    public static final ReaderHints NONE = new ReaderHints(null, null, null, null);

    /** The options with these hints applied. */
    public ReaderOptions applyTo(ReaderOptions options) {
        ReaderOptions o = options;
        if (encoding != null) {
            o = o.withEncoding(encoding);
        }
        if (delimiter != null) {
            o = o.withDelimiter(delimiter);
        }
        if (headerRow != null) {
            o = o.withHeaderRow(headerRow);
        }
        if (sheet != null) {
            o = o.withSheet(sheet);
        }
        return o;
    }
}
