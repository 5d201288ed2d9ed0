package org.olive.ingest.reject;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.olive.export.SpreadsheetCell;

/**
 * Writes rejects as a CSV in UTF-8 with a byte-order mark (so that Excel and WPS open the Chinese text correctly),
 * with Chinese and English headers, to be returned to the source department. Formula-like cells are escaped
 * ({@link SpreadsheetCell}).
 */
public final class RejectWriter implements AutoCloseable {

    /** The header of a reject file. */
    public static final String[] HEADER = {"文件 file", "行号 row", "字段 field", "原值 value", "原因 reason", "原始行 raw row"};

    private final CSVPrinter printer;
    private long written;

    public RejectWriter(OutputStream out) {
        try {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            this.printer = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(Reject r) {
        try {
            printer.printRecord(SpreadsheetCell.row(r.file(), r.row(), r.field(), r.rawValue(), r.reason(), r.rawRow()));
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes every reject of a rejected outcome; loaded outcomes are ignored. */
    public void write(RowOutcome outcome) {
        if (outcome instanceof RowOutcome.Rejected rejected) {
            rejected.rejects().forEach(this::write);
        }
    }

    public long written() {
        return written;
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
