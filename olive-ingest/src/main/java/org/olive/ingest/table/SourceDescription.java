package org.olive.ingest.table;

/**
 * How a file was read, for the ingestion report: format, encoding with the reason it was chosen, delimiter.
 *
 * @param file      the file name
 * @param format    CSV or XLSX
 * @param encoding  the charset name for CSV ({@code null} for XLSX, whose XML declares its own)
 * @param encodingReason why that charset was chosen
 * @param delimiter the field delimiter for CSV (0 for XLSX)
 * @param sheet     the sheet name for XLSX ({@code null} for CSV)
 * @param notices   things the user should know that are not errors: title rows skipped above the header, other
 *                  sheets of a workbook that were not read
 */
public record SourceDescription(String file, Format format, String encoding, String encodingReason, char delimiter,
                                String sheet, java.util.List<String> notices) {

    public SourceDescription {
        notices = java.util.List.copyOf(notices);
    }

    /** The file formats Olive reads. */
    public enum Format { CSV, XLSX }

    @Override
    public String toString() {
        String base = format == Format.CSV
                ? file + " (CSV, " + encoding + ": " + encodingReason + ", delimiter " + describe(delimiter) + ")"
                : file + " (XLSX, sheet " + sheet + ")";
        return notices.isEmpty() ? base : base + "; " + String.join("; ", notices);
    }

    private static String describe(char d) {
        return switch (d) {
            case '\t' -> "tab";
            case ',' -> "comma";
            case ';' -> "semicolon";
            default -> "'" + d + "'";
        };
    }
}
