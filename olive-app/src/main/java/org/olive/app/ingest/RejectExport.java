package org.olive.app.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.olive.app.ingest.IngestRuns.RejectedSourceRow;
import org.olive.app.ingest.IngestRuns.SourceFile;
import org.olive.export.SpreadsheetCell;
import org.olive.ingest.table.IngestException;
import org.olive.ingest.table.ReaderOptions;
import org.olive.ingest.table.SourceDescription;
import org.olive.ingest.table.TableReader;
import org.olive.ingest.table.TableReaders;

/**
 * The rejected rows of one file as the department sent them, to send back for correction (M10): the original header
 * (read from the source file while it still exists, else a generic one), the rejected rows' cells parsed back from the
 * stored raw row (RFC 4180), and two added columns, {@value #SOURCE_ROW} and {@value #REASONS} (every reason of the
 * row, joined with {@value #REASON_SEPARATOR}). One output row per rejected source row.
 *
 * <p>The CSV keeps the source's encoding (GB18030 stays GB18030, a byte-order mark is written again when the source
 * had one) and delimiter; an XLSX source gets a UTF-8 CSV with a byte-order mark, which Excel opens correctly.
 *
 * <p>ID numbers are masked ({@link Masking#ids}) unless the export is made {@code unmasked}: the web app offers that
 * only as an explicit, audited POST with a stated reason, for the department that must correct its rows (issue 11,
 * item 8). Every CSV cell that a spreadsheet would evaluate is escaped ({@link SpreadsheetCell}); the XLSX writes
 * every cell as a text value, never as a formula.
 */
public final class RejectExport {

    /** Added column: the row number in the source file (1-based, the header being row 1 of a plain file). */
    public static final String SOURCE_ROW = "原行号";
    /** Added column: why the row was refused. */
    public static final String REASONS = "拒绝原因";
    public static final String REASON_SEPARATOR = "；";
    /** Generic header when the source file is gone: 列1, 列2, … */
    static final String GENERIC_COLUMN = "列";

    /** What the export needs to know of the source file. */
    record Source(List<String> header, Charset charset, boolean bom, char delimiter) {
    }

    private final SourceFile file;
    private final List<RejectedSourceRow> rows;
    private final Source source;
    private final boolean unmasked;

    /**
     * @param sourceDir the run's source folder ({@code ingest_run.source_dir}); the file is looked for there
     * @param unmasked  whether ID numbers are written as delivered (else masked)
     */
    public RejectExport(SourceFile file, List<RejectedSourceRow> rows, String sourceDir, boolean unmasked) {
        this.file = file;
        this.rows = rows;
        this.source = source(file, sourceDir);
        this.unmasked = unmasked;
    }

    /** A masked export. */
    public RejectExport(SourceFile file, List<RejectedSourceRow> rows, String sourceDir) {
        this(file, rows, sourceDir, false);
    }

    public boolean unmasked() {
        return unmasked;
    }

    /** The header row written: the source's (or a generic one, widened to the widest row), then the added columns. */
    public List<String> header() {
        List<List<String>> cells = cells();
        int width = cells.stream().mapToInt(List::size).max().orElse(0);
        List<String> h = new ArrayList<>(source.header());
        for (int i = h.size(); i < width; i++) {
            h.add(GENERIC_COLUMN + (i + 1));
        }
        h.add(SOURCE_ROW);
        h.add(REASONS);
        return h;
    }

    /** The data rows written: the source cells padded to the header, then source row and reasons. */
    public List<List<String>> records() {
        List<List<String>> cells = cells();
        int width = header().size() - 2;
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = new ArrayList<>(cells.get(i).size() + 2);
            for (String cell : cells.get(i)) {
                r.add(unmasked ? cell : Masking.ids(cell));
            }
            while (r.size() < width) {
                r.add("");
            }
            r.add(Long.toString(rows.get(i).sourceRow()));
            String reasons = String.join(REASON_SEPARATOR, rows.get(i).reasons());
            r.add(unmasked ? reasons : Masking.ids(reasons));
            out.add(r);
        }
        return out;
    }

    public Charset charset() {
        return source.charset();
    }

    /** The file name offered for download: the source's name without extension, {@code _拒绝记录}, the extension. */
    public String fileName(String extension) {
        String base = file.name();
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        return base + "_拒绝记录." + extension;
    }

    public void writeCsv(OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, source.charset());
        if (source.bom()) {
            w.write('\uFEFF');
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(source.delimiter()).get();
        try (CSVPrinter printer = new CSVPrinter(w, format)) {
            printer.printRecord(SpreadsheetCell.row(header()));
            for (List<String> r : records()) {
                printer.printRecord(SpreadsheetCell.row(r));
            }
        }
    }

    public byte[] csv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeCsv(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public void writeXlsx(OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Olive", "1.0");
        Worksheet ws = wb.newWorksheet(sheetName());
        List<String> header = header();
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
            ws.style(0, c).bold().fillColor("EEF2E3").set();
        }
        List<List<String>> records = records();
        for (int r = 0; r < records.size(); r++) {
            List<String> rec = records.get(r);
            for (int c = 0; c < rec.size(); c++) {
                // everything as text: ID numbers and codes must keep their digits and leading zeros
                ws.value(r + 1, c, rec.get(c));
            }
        }
        ws.freezePane(0, 1);
        wb.finish();
    }

    public byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeXlsx(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String sheetName() {
        String name = file.dataset() == null ? "rejects" : file.dataset();
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    private List<List<String>> cells() {
        List<List<String>> out = new ArrayList<>(rows.size());
        for (RejectedSourceRow r : rows) {
            out.add(parse(r.rawRow()));
        }
        return out;
    }

    /** The cells of a stored raw row: values joined by commas, quoted CSV-style where needed (RFC 4180). */
    static List<String> parse(String rawRow) {
        if (rawRow == null || rawRow.isEmpty()) {
            return List.of();
        }
        try (var parser = CSVFormat.RFC4180.parse(new java.io.StringReader(rawRow))) {
            List<String> cells = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (!cells.isEmpty()) {
                    // a line break outside quotes cannot come from Row.raw(); keep it rather than lose cells
                    cells.set(cells.size() - 1, cells.get(cells.size() - 1) + "\n" + record.get(0));
                    for (int i = 1; i < record.size(); i++) {
                        cells.add(record.get(i));
                    }
                } else {
                    record.forEach(cells::add);
                }
            }
            return cells;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return List.of(rawRow);
        }
    }

    private static Source source(SourceFile file, String sourceDir) {
        Charset charset = StandardCharsets.UTF_8;
        boolean bom = true; // an XLSX source, or an unknown encoding: UTF-8 with BOM opens correctly in Excel
        if (file.encoding() != null) {
            try {
                charset = Charset.forName(file.encoding());
                bom = file.encodingReason() != null
                        && file.encodingReason().toLowerCase(Locale.ROOT).contains("byte-order mark");
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                charset = StandardCharsets.UTF_8;
            }
        }
        List<String> header = List.of();
        char delimiter = ',';
        Path path = sourcePath(sourceDir, file.name());
        if (path != null && Files.isRegularFile(path)) {
            try (TableReader reader = TableReaders.open(path, ReaderOptions.defaults())) {
                header = reader.header().names();
                if (reader.source().format() == SourceDescription.Format.CSV && reader.source().delimiter() != 0) {
                    delimiter = reader.source().delimiter();
                }
            } catch (IngestException | UncheckedIOException e) {
                header = List.of();
            }
        }
        return new Source(header, charset, bom, delimiter);
    }

    /** The source file inside the run's folder; null for a name that is not a plain file name. */
    static Path sourcePath(String sourceDir, String name) {
        if (sourceDir == null || name == null || name.isBlank()) {
            return null;
        }
        Path n = Path.of(name);
        if (n.getNameCount() != 1 || n.isAbsolute() || name.equals("..") || name.equals(".")) {
            return null;
        }
        return Path.of(sourceDir).resolve(n);
    }
}
