package org.olive.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.olive.geography.Division;
import org.olive.geography.Divisions;
import org.olive.identity.IdNumber;

/** Builders of test files: CSV text in a charset, XLSX workbooks, valid identifiers. */
public final class TestFiles {

    public static final Divisions SHENGSI = Divisions.shengsi();
    public static final List<Division> VILLAGES = SHENGSI.villages();

    private TestFiles() {
    }

    public static byte[] bytes(String text, Charset cs) {
        return text.getBytes(cs);
    }

    public static ByteArrayInputStream stream(String text, Charset cs) {
        return new ByteArrayInputStream(text.getBytes(cs));
    }

    public static Path write(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid ID number for the n-th test person. */
    public static String id(int n) {
        return IdNumber.compose("330922", LocalDate.of(1950 + n % 60, 1 + n % 12, 1 + n % 28), n, n % 2 == 0).value();
    }

    public static String village(int n) {
        return VILLAGES.get(Math.floorMod(n, VILLAGES.size())).code();
    }

    /** Writes a one-sheet workbook; a cell value that is a LocalDate is written with a date format. */
    public static byte[] xlsx(List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "olive-test", "1.0");
            Worksheet ws = wb.newWorksheet("Sheet1");
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    if (v == null) {
                        continue;
                    }
                    if (v instanceof LocalDate d) {
                        ws.value(r, c, d);
                        ws.style(r, c).format("yyyy-mm-dd").set();
                    } else if (v instanceof Number n) {
                        ws.value(r, c, n);
                    } else {
                        ws.value(r, c, v.toString());
                    }
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
