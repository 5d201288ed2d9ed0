package org.olive.ingest.xlsx;

import org.olive.ingest.table.AbstractTableReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;
import org.olive.ingest.table.Header;
import org.olive.ingest.table.IngestError;
import org.olive.ingest.table.IngestException;
import org.olive.ingest.table.ReadStats;
import org.olive.ingest.table.ReaderOptions;
import org.olive.ingest.table.Row;
import org.olive.ingest.table.RowIterator;
import org.olive.ingest.table.SourceDescription;
import org.olive.ingest.table.TableReader;

/**
 * Streams one worksheet of an XLSX workbook with the FastExcel reader (StAX over the sheet XML, so rows are not
 * all held in memory; the shared-strings table is).
 *
 * <p>Cells become text: strings as they are, numbers in their stored form ({@code 12345.6}), and numbers with a date
 * format as ISO dates ({@code 2023-01-05}, or {@code 2023-01-05T08:30} with a time), honouring the 1904 date
 * system. Rows are padded with empty values to the header's width. Rows missing from the sheet XML between two
 * rows, and rows whose cells are all empty, are counted as blank rows.
 */
public final class XlsxTableReader extends AbstractTableReader {

    private final String file;
    private final ReadableWorkbook workbook;
    private final Stream<org.dhatim.fastexcel.reader.Row> rowStream;
    private final Iterator<org.dhatim.fastexcel.reader.Row> rows;
    private final CellText cellText;
    private long lastRowNumber;
    /** Rows the sheet stream yielded, header and rows above it included. */
    private long rowsSeen;
    /** The {@code <row>} elements of the sheet counted by {@link WorkbookBounds}, or -1 if unknown. */
    private long rowsExpected = -1;

    private XlsxTableReader(String file, ReadableWorkbook workbook, Stream<org.dhatim.fastexcel.reader.Row> rowStream,
                            Iterator<org.dhatim.fastexcel.reader.Row> rows, Header header, SourceDescription source,
                            CellText cellText, long headerRow) {
        super(header, source, headerRow);
        this.file = file;
        this.workbook = workbook;
        this.rowStream = rowStream;
        this.rows = rows;
        this.cellText = cellText;
        this.lastRowNumber = headerRow;
    }

    /** Opens a workbook file (random access: no copy in memory). */
    public static XlsxTableReader open(Path path, ReaderOptions options) {
        String file = path.getFileName().toString();
        try {
            if (Files.size(path) == 0) {
                throw new IngestException(new IngestError(file, 0, IngestError.Kind.EMPTY_FILE, "the file is empty (0 bytes)"));
            }
            WorkbookBounds bounds = WorkbookBounds.check(path, file, options.xlsx());
            return open(new ReadableWorkbook(path.toFile(), new ReadingOptions(true, false)), file, options, bounds);
        } catch (IngestException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, 0, e);
        }
    }

    /**
     * Opens a workbook from a stream. The FastExcel reader needs random access to the zip, so the stream's bytes
     * are held in memory; prefer {@link #open(Path, ReaderOptions)} for large workbooks.
     */
    public static XlsxTableReader open(InputStream in, String file, ReaderOptions options) {
        try (in) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0) {
                throw new IngestException(new IngestError(file, 0, IngestError.Kind.EMPTY_FILE, "the file is empty (0 bytes)"));
            }
            WorkbookBounds bounds = WorkbookBounds.check(bytes, file, options.xlsx());
            return open(new ReadableWorkbook(new java.io.ByteArrayInputStream(bytes), new ReadingOptions(true, false)), file, options, bounds);
        } catch (IngestException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, 0, e);
        }
    }

    private static XlsxTableReader open(ReadableWorkbook wb, String file, ReaderOptions options, WorkbookBounds bounds)
            throws IOException {
        try {
            Sheet sheet = options.sheet() == null ? wb.getFirstSheet()
                    : wb.findSheet(options.sheet()).orElseThrow(() -> new IngestException(new IngestError(file, 0,
                    IngestError.Kind.UNSUPPORTED_FORMAT, "the workbook has no sheet named '" + options.sheet() + "'; sheets: "
                    + String.join(", ", wb.getSheets().map(Sheet::getName).toList()))));
            Stream<org.dhatim.fastexcel.reader.Row> stream = sheet.openStream();
            Iterator<org.dhatim.fastexcel.reader.Row> it = stream.iterator();
            CellText cellText = new CellText(wb.isDate1904());
            org.dhatim.fastexcel.reader.Row head = null;
            long seen = 0;
            boolean auto = options.headerRow() == ReaderOptions.FIRST_NON_BLANK_ROW;
            while (it.hasNext()) {
                org.dhatim.fastexcel.reader.Row r = it.next();
                seen++;
                if (auto ? !isBlank(r, cellText) : r.getRowNum() == options.headerRow()) {
                    head = r;
                    break;
                }
                if (!auto && r.getRowNum() > options.headerRow()) {
                    break;
                }
            }
            if (head == null) {
                stream.close();
                wb.close();
                throw new IngestException(new IngestError(file, 0, IngestError.Kind.EMPTY_FILE, auto
                        ? "sheet '" + sheet.getName() + "' is empty: no header row"
                        : "sheet '" + sheet.getName() + "' has no header row (row " + options.headerRow() + " is empty or missing)"));
            }
            List<String> names = new ArrayList<>();
            for (int c = 0; c < head.getCellCount(); c++) {
                names.add(cellText.text(head.getCell(c)));
            }
            Header header = Header.of(names);
            List<String> notices = new ArrayList<>();
            List<String> others = wb.getSheets().map(Sheet::getName).filter(n -> !n.equals(sheet.getName())).toList();
            if (!others.isEmpty()) {
                notices.add("the workbook has other sheets that were not read: " + String.join(", ", others));
            }
            if (options.headerRow() > 1) {
                notices.add((options.headerRow() - 1) + " row(s) above the header (titles) were skipped");
            }
            SourceDescription source = new SourceDescription(file, SourceDescription.Format.XLSX, null, null, (char) 0,
                    sheet.getName(), notices);
            XlsxTableReader reader = new XlsxTableReader(file, wb, stream, it, header, source, cellText, head.getRowNum());
            reader.blankRows = auto ? head.getRowNum() - 1 : 0;
            reader.rowsSeen = seen;
            reader.rowsExpected = bounds.rowsOfSheet(sheet.getId());
            return reader;
        } catch (IOException | RuntimeException e) {
            try {
                wb.close();
            } catch (IOException ignored) {
                // report the original problem
            }
            throw e;
        }
    }

    private static boolean isBlank(org.dhatim.fastexcel.reader.Row r, CellText cellText) {
        for (int c = 0; c < r.getCellCount(); c++) {
            if (!cellText.text(r.getCell(c)).isBlank()) {
                return false;
            }
        }
        return true;
    }

    static IngestException corrupt(String file, long row, Exception e) {
        if (e instanceof IngestException ie) {
            return ie;
        }
        String detail = e.getMessage() == null || e.getMessage().isBlank() ? "unreadable content" : e.getMessage();
        String reason = row > 0
                ? "the workbook is truncated or corrupt: reading stopped at row " + row + " (" + detail + ")"
                : "the file cannot be opened as an XLSX workbook: it is truncated, corrupt or another format (" + detail + ")";
        return new IngestException(new IngestError(file, row, IngestError.Kind.CORRUPT_WORKBOOK, reason), e);
    }

    @Override
    protected Row advance() {
        while (true) {
            org.dhatim.fastexcel.reader.Row r;
            try {
                if (!rows.hasNext()) {
                    checkRowCount();
                    return null;
                }
                r = rows.next();
                rowsSeen++;
            } catch (IngestException e) {
                throw e;
            } catch (RuntimeException e) {
                throw corrupt(file, lastRowNumber + 1, e);
            }
            long number = r.getRowNum();
            if (number > lastRowNumber + 1) {
                blankRows += number - lastRowNumber - 1;
            }
            lastRowNumber = number;
            int width = Math.max(header.size(), r.getCellCount());
            List<String> values = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                values.add(c < r.getCellCount() ? cellText.text(r.getCell(c)) : "");
            }
            trimTrailingEmpty(values, header.size());
            Row row = new Row(number, number, values);
            if (row.isBlank()) {
                blankRows++;
                continue;
            }
            rowsRead++;
            return row;
        }
    }

    /** For tests: pretend the sheet had this many rows, to see the check fail. */
    void expectRowsForTest(long rows) {
        this.rowsExpected = rows;
    }

    /** Every {@code <row>} of the sheet must have been read; a shortfall means rows were lost, and fails the file. */
    private void checkRowCount() {
        if (rowsExpected >= 0 && rowsSeen != rowsExpected) {
            throw new IngestException(new IngestError(file, 0, IngestError.Kind.LINE_COUNT, "sheet '" + source.sheet()
                    + "' has " + rowsExpected + " rows but " + rowsSeen + " were read; rows may be lost: the file is "
                    + "incomplete and must not be trusted"));
        }
    }

    /** Drops empty cells beyond the header's width (formatting often extends a sheet's used range). */
    private static void trimTrailingEmpty(List<String> values, int headerWidth) {
        while (values.size() > headerWidth && values.get(values.size() - 1).isEmpty()) {
            values.remove(values.size() - 1);
        }
    }

    @Override
    public void close() {
        try {
            rowStream.close();
            workbook.close();
        } catch (IOException e) {
            throw new IngestException(new IngestError(file, 0, IngestError.Kind.IO, "closing failed: " + e.getMessage()), e);
        }
    }
}
