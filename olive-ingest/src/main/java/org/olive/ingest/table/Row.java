package org.olive.ingest.table;

import java.util.List;

/**
 * One data row of a table, with its values as text in header order.
 *
 * @param number 1-based row number in the source as a spreadsheet shows it (the header is row 1 when it is the
 *               first row); for CSV it is the record number, which differs from the line number only when a
 *               quoted field holds line breaks
 * @param line   1-based line of the source text where the row starts (equal to {@code number} for XLSX)
 * @param values the cell texts, exactly as read (not trimmed); may be shorter or longer than the header
 * @param malformed {@code null} for a row that was split into values; otherwise why the source record could not be
 *               split (a stray quote, a line over the limit): {@code values} then holds the line's text (clipped)
 *               as its one value, and the row is rejected whole
 */
public record Row(long number, long line, List<String> values, String malformed) {

    /** Longest text of a malformed line kept for the reject. */
    public static final int MALFORMED_TEXT_CHARS = 2000;

    public Row {
        values = List.copyOf(values);
    }

    public Row(long number, long line, List<String> values) {
        this(number, line, values, null);
    }

    /** A record that could not be split into values; it is counted and rejected, never dropped. */
    public static Row malformed(long number, long line, String text, String reason) {
        String t = text.length() > MALFORMED_TEXT_CHARS ? text.substring(0, MALFORMED_TEXT_CHARS) + "…" : text;
        return new Row(number, line, List.of(t), reason);
    }

    public boolean isMalformed() {
        return malformed != null;
    }

    /** The value at a 0-based column, or {@code ""} when the row is shorter. */
    public String get(int column) {
        return column < values.size() ? values.get(column) : "";
    }

    public int width() {
        return values.size();
    }

    /** True when every value is empty or whitespace. */
    public boolean isBlank() {
        if (malformed != null) {
            return false;
        }
        for (String v : values) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The row as the user would recognise it, for reject files: values joined by commas, a value quoted CSV-style
     * when it holds a comma, quote or line break.
     */
    public String raw() {
        if (malformed != null) {
            return values.get(0);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String v = values.get(i);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        return sb.toString();
    }
}
