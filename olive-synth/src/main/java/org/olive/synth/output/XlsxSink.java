package org.olive.synth.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.olive.synth.fault.FaultInjector;

/**
 * An XLSX workbook with one sheet, written with FastExcel. Text cells stay text (IDs keep all 18 characters),
 * amounts and counts are numbers. FastExcel stamps the creation time and zip entry times from the clock, so the
 * finished file is rewritten by {@link ZipNormalizer} with a fixed, period-derived timestamp: output stays
 * byte-identical for a seed.
 */
public final class XlsxSink extends RowSink {

    private final Path file;
    private final LocalDateTime stamp;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
    private final Workbook workbook;
    private final Worksheet sheet;
    private Object[] cells;

    XlsxSink(DatasetSpec spec, Path file, String relPath, String sheetName, LocalDateTime stamp,
             FaultInjector faults, Runnable onClose) {
        super(spec, relPath, faults, onClose);
        this.file = file;
        this.stamp = stamp;
        this.workbook = new Workbook(buffer, "Olive", "1.0");
        // stored, not deflated: the normaliser compresses once when it rewrites the zip
        this.workbook.setCompressionLevel(java.util.zip.Deflater.NO_COMPRESSION);
        this.sheet = workbook.newWorksheet(sheetName);
        this.cells = new Object[headers.length];
        for (int i = 0; i < headers.length; i++) {
            sheet.value(0, i, headers[i]);
        }
    }

    private void set(Object v) {
        if (col >= cells.length) {
            cells = java.util.Arrays.copyOf(cells, col + 1);
        }
        cells[col++] = v;
    }

    @Override
    protected void put(String s) {
        set(s);
    }

    @Override
    protected void putChars(char[] c) {
        set(new String(c));
    }

    @Override
    protected void putLong(long v) {
        set(v);
    }

    @Override
    protected void putMoney(long cents) {
        set(java.math.BigDecimal.valueOf(cents, 2));
    }

    @Override
    protected void commit(boolean twice) {
        writeRow((int) rows + 1);
        if (twice) {
            writeRow((int) rows + 2);
        }
        java.util.Arrays.fill(cells, null);
        if ((rows & 4095) == 4095) {
            try {
                sheet.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private void writeRow(int r) {
        for (int c = 0; c < cells.length; c++) {
            Object v = cells[c];
            if (v instanceof String s) {
                if (!s.isEmpty()) {
                    sheet.inlineString(r, c, s);
                }
            } else if (v instanceof Number n) {
                sheet.value(r, c, n);
            }
        }
    }

    @Override
    protected void finish() throws IOException {
        sheet.finish();
        workbook.finish();
        ZipNormalizer.write(buffer.toByteArray(), file, stamp);
    }
}
