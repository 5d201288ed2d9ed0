package org.olive.ingest.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Settings of the table readers; every threshold is named here and can be set per file or per county. The defaults
 * come from {@code reader.yaml} next to this class.
 *
 * @param encoding            the declared charset of a CSV file, or {@code null} to detect it
 * @param encodingProbeBytes  how many leading bytes encoding detection examines
 * @param delimiter           the CSV delimiter, or {@code null} to detect it from the header line
 * @param delimiterCandidates the delimiters detection chooses from (the most frequent outside quotes wins)
 * @param maxHeaderChars      the longest header line delimiter detection will examine
 * @param maxRecordChars      the longest CSV line (or multi-line record) accepted; a longer line is rejected with
 *                            its line number and reading goes on at the next line
 * @param maxRecordLines      the most physical lines one CSV record may span (a quoted value with line breaks); a
 *                            quote still open after them is a stray quote: its line is rejected, reading resumes
 * @param headerRow           the 1-based row holding the column names, rows above it (titles) being skipped and
 *                            reported; or {@link #FIRST_NON_BLANK_ROW} (the default) for the first row that is not blank
 * @param sheet               the XLSX sheet to read, or {@code null} for the first
 * @param xlsx                the bounds a workbook must keep (decompression bombs)
 */
public record ReaderOptions(Charset encoding, int encodingProbeBytes, Character delimiter, List<Character> delimiterCandidates,
                            int maxHeaderChars, int maxRecordChars, int maxRecordLines, int headerRow, String sheet,
                            XlsxLimits xlsx) {

    /** {@link #headerRow()} value meaning: the header is the first row that is not blank. */
    public static final int FIRST_NON_BLANK_ROW = 0;

    /**
     * Bounds on a workbook, checked on its compressed parts before it is opened.
     *
     * @param maxCellChars      longest text of one cell (also of one XML attribute or shared string)
     * @param maxRowBytes       longest XML of one sheet row
     * @param maxExpandedBytes  all parts decompressed
     * @param maxExpansionRatio decompressed over compressed bytes of one part ...
     * @param ratioMinBytes     ... once the part has expanded past this many bytes (tiny parts compress very well)
     */
    public record XlsxLimits(int maxCellChars, long maxRowBytes, long maxExpandedBytes, double maxExpansionRatio,
                             long ratioMinBytes) {
        public XlsxLimits {
            if (maxCellChars < 1 || maxRowBytes < 1 || maxExpandedBytes < 1 || maxExpansionRatio <= 1 || ratioMinBytes < 0) {
                throw new IllegalArgumentException("XLSX limits must be positive (expansion ratio > 1)");
            }
        }
    }

    public ReaderOptions {
        delimiterCandidates = List.copyOf(delimiterCandidates);
        Objects.requireNonNull(xlsx, "xlsx limits");
        if (encodingProbeBytes < 4 || maxHeaderChars < 1 || maxRecordChars < 1 || maxRecordLines < 1 || headerRow < 0) {
            throw new IllegalArgumentException("reader limits must be positive (probe >= 4 bytes, header row >= 0)");
        }
    }

    private static volatile ReaderOptions defaults;

    /** Detect encoding and delimiter, header in the first non-blank row, first sheet; limits from {@code reader.yaml}. */
    public static ReaderOptions defaults() {
        ReaderOptions d = defaults;
        if (d == null) {
            try (InputStream in = Objects.requireNonNull(ReaderOptions.class.getResourceAsStream("reader.yaml"), "reader.yaml")) {
                d = load(in, "built-in reader.yaml");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            defaults = d;
        }
        return d;
    }

    /** Reader options from a YAML map of limits (see {@code reader.yaml}); every key is required. */
    public static ReaderOptions load(InputStream in, String source) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(root instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(source + ": expected a map of reader limits");
        }
        List<Character> delims = new ArrayList<>();
        if (!(m.get("delimiter_candidates") instanceof List<?> l)) {
            throw new IllegalArgumentException(source + ": delimiter_candidates must be a list");
        }
        for (Object o : l) {
            String s = String.valueOf(o);
            if (s.length() != 1) {
                throw new IllegalArgumentException(source + ": a delimiter is one character, found '" + s + "'");
            }
            delims.add(s.charAt(0));
        }
        XlsxLimits x = new XlsxLimits((int) num(m, "xlsx_max_cell_chars", source), num(m, "xlsx_max_row_bytes", source),
                num(m, "xlsx_max_expanded_bytes", source), dbl(m, "xlsx_max_expansion_ratio", source),
                num(m, "xlsx_ratio_min_bytes", source));
        return new ReaderOptions(null, (int) num(m, "encoding_probe_bytes", source), null, delims,
                (int) num(m, "max_header_chars", source), (int) num(m, "max_record_chars", source),
                (int) num(m, "max_record_lines", source), FIRST_NON_BLANK_ROW, null, x);
    }

    private static long num(Map<?, ?> m, String key, String source) {
        if (!(m.get(key) instanceof Number n)) {
            throw new IllegalArgumentException(source + ": " + key + " must be a number");
        }
        return n.longValue();
    }

    private static double dbl(Map<?, ?> m, String key, String source) {
        if (!(m.get(key) instanceof Number n)) {
            throw new IllegalArgumentException(source + ": " + key + " must be a number");
        }
        return n.doubleValue();
    }

    public ReaderOptions withEncoding(Charset value) {
        return new ReaderOptions(value, encodingProbeBytes, delimiter, delimiterCandidates, maxHeaderChars, maxRecordChars, maxRecordLines, headerRow, sheet, xlsx);
    }

    public ReaderOptions withEncodingProbeBytes(int value) {
        return new ReaderOptions(encoding, value, delimiter, delimiterCandidates, maxHeaderChars, maxRecordChars, maxRecordLines, headerRow, sheet, xlsx);
    }

    public ReaderOptions withDelimiter(Character value) {
        return new ReaderOptions(encoding, encodingProbeBytes, value, delimiterCandidates, maxHeaderChars, maxRecordChars, maxRecordLines, headerRow, sheet, xlsx);
    }

    public ReaderOptions withMaxRecordChars(int value) {
        return new ReaderOptions(encoding, encodingProbeBytes, delimiter, delimiterCandidates, maxHeaderChars, value, maxRecordLines, headerRow, sheet, xlsx);
    }

    public ReaderOptions withMaxRecordLines(int value) {
        return new ReaderOptions(encoding, encodingProbeBytes, delimiter, delimiterCandidates, maxHeaderChars, maxRecordChars, value, headerRow, sheet, xlsx);
    }

    public ReaderOptions withHeaderRow(int value) {
        return new ReaderOptions(encoding, encodingProbeBytes, delimiter, delimiterCandidates, maxHeaderChars, maxRecordChars, maxRecordLines, value, sheet, xlsx);
    }

    public ReaderOptions withSheet(String value) {
        return new ReaderOptions(encoding, encodingProbeBytes, delimiter, delimiterCandidates, maxHeaderChars, maxRecordChars, maxRecordLines, headerRow, value, xlsx);
    }

    public ReaderOptions withXlsxLimits(XlsxLimits value) {
        return new ReaderOptions(encoding, encodingProbeBytes, delimiter, delimiterCandidates, maxHeaderChars, maxRecordChars, maxRecordLines, headerRow, sheet, value);
    }
}
