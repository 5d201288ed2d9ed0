package org.olive.synth;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** Reading the generated files back in tests: strict decoding, CSV and XLSX rows as string lists. */
final class Files2 {

    private Files2() {
    }

    static String decodeStrict(Path file, Charset cs) throws IOException {
        byte[] b = Files.readAllBytes(file);
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file + " does not decode as " + cs, e);
        }
    }

    /** Header and data rows of a CSV in the given charset (a BOM is stripped). */
    static List<List<String>> csv(Path file, Charset cs) throws IOException {
        String text = decodeStrict(file, cs);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        try (Reader r = new StringReader(text)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.parse(r)) {
                rows.add(rec.toList());
            }
        }
        return rows;
    }

    /** Header and data rows of the first sheet of an XLSX. */
    static List<List<String>> xlsx(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            Sheet sheet = wb.getFirstSheet();
            try (Stream<Row> s = sheet.openStream()) {
                s.forEach(row -> {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        var c = row.getCell(i);
                        cells.add(c == null ? "" : c.getText());
                    }
                    rows.add(cells);
                });
            }
        }
        return rows;
    }
}
