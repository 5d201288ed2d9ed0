package org.olive.ingest.reject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.olive.ingest.csv.CsvTableReader;
import org.olive.ingest.table.ReaderOptions;
import org.olive.ingest.table.Row;

class RejectWriterTest {

    @Test
    void rejectFileIsUtf8WithBomAndReadsBackThroughTheCsvReader() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Row row = new Row(7, 7, List.of("330922", "张三", "五千"));
        try (RejectWriter w = new RejectWriter(out)) {
            w.write(new RowOutcome.Rejected(row, List.of(
                    new Reject("si.csv", 7, "缴费基数", "五千", "'五千' is not a number", row.raw()),
                    new Reject("si.csv", 7, "公民身份号码", "330922", "ID number must have 18 characters", row.raw()))));
            w.write(new RowOutcome.Loaded(row, MappedRecord.of(7, java.util.Map.of()), List.of()));
            assertThat(w.written()).isEqualTo(2);
        }
        byte[] bytes = out.toByteArray();
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
        List<List<String>> rows = new ArrayList<>();
        try (CsvTableReader r = CsvTableReader.open(new ByteArrayInputStream(bytes), "rejects.csv", ReaderOptions.defaults())) {
            assertThat(r.header().names()).containsExactly(RejectWriter.HEADER);
            r.forEach(x -> rows.add(x.values()));
        }
        assertThat(rows).containsExactly(
                List.of("si.csv", "7", "缴费基数", "五千", "'五千' is not a number", "330922,张三,五千"),
                List.of("si.csv", "7", "公民身份号码", "330922", "ID number must have 18 characters", "330922,张三,五千"));
    }

    /** Issue 11, item 7: a delivered value that a spreadsheet would evaluate is written escaped. */
    @Test
    void formulaLikeValuesAreEscaped() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Row row = new Row(3, 3, List.of("=cmd|' /C calc'!A0", "-2+3"));
        try (RejectWriter w = new RejectWriter(out)) {
            w.write(new Reject("si.csv", 3, "姓名", "=cmd|' /C calc'!A0", "@SUM(1+1)", row.raw()));
        }
        List<List<String>> rows = new ArrayList<>();
        try (CsvTableReader r = CsvTableReader.open(new ByteArrayInputStream(out.toByteArray()), "rejects.csv",
                ReaderOptions.defaults())) {
            r.forEach(x -> rows.add(x.values()));
        }
        assertThat(rows.get(0)).containsExactly("si.csv", "3", "姓名", "'=cmd|' /C calc'!A0", "'@SUM(1+1)",
                "'" + row.raw());
    }
}
