package org.olive.app.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.olive.export.SpreadsheetCell;

/**
 * The cells of Olive's aggregate workbooks (FastExcel: the group profile, the occupation report): a bold header row
 * frozen at the top, strings as escaped text ({@link SpreadsheetCell}), numbers as numbers, null as an empty cell, and
 * a count hidden by the small-cell rule as its text ({@link Hidden}: {@code <5}), never as a number.
 */
public final class AggregateSheets {

    /** A count not published (small-cell rule): written as its label, e.g. {@code <5}. */
    public record Hidden(String label) {
    }

    /** What fills a workbook: its sheets. */
    public interface Sheets {
        void write(Workbook wb) throws IOException;
    }

    private AggregateSheets() {
    }

    /** A workbook of the given sheets, as bytes. */
    public static byte[] xlsx(Sheets sheets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Olive", "1.0");
            sheets.write(wb);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The header row, bold and frozen. */
    public static void header(Worksheet ws, String... names) {
        for (int c = 0; c < names.length; c++) {
            ws.value(0, c, names[c]);
            ws.style(0, c).bold().fillColor("EEF2E3").set();
        }
        ws.freezePane(0, 1);
    }

    /** One row: strings as escaped text, numbers as numbers, a hidden count as its label, null as an empty cell. */
    public static void row(Worksheet ws, int r, Object... cells) {
        for (int c = 0; c < cells.length; c++) {
            Object v = cells[c];
            if (v instanceof BigDecimal b) {
                ws.value(r, c, b);
            } else if (v instanceof Number n) {
                ws.value(r, c, n);
            } else if (v instanceof Hidden h) {
                ws.value(r, c, h.label());
            } else if (v != null) {
                ws.value(r, c, SpreadsheetCell.safe(v.toString()));
            }
        }
    }
}
