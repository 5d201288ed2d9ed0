package org.olive.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.app.ingest.IngestRuns.RejectedSourceRow;
import org.olive.app.ingest.IngestRuns.SourceFile;

class RejectExportTest {

    static final Charset GB18030 = Charset.forName("GB18030");

    static List<RejectedSourceRow> rows() {
        return List.of(
                new RejectedSourceRow(3, "330922198612120039,张三,\"浙江省嵊泗县, 菜园镇\"",
                        new ArrayList<>(List.of("ID number check character is 9, expected 3", "address too long"))),
                new RejectedSourceRow(9, "330922194201200036,李四,\"说 \"\"引号\"\"\"", new ArrayList<>(List.of("duplicate key"))));
    }

    @Test
    void parsesStoredRawRowsAsRfc4180() {
        assertThat(RejectExport.parse("a,\"b,c\",\"d \"\"e\"\"\",")).containsExactly("a", "b,c", "d \"e\"", "");
        assertThat(RejectExport.parse("")).isEmpty();
        assertThat(RejectExport.parse(null)).isEmpty();
    }

    @Test
    void csvKeepsTheSourceEncodingAndHeader(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("户籍.csv"), "公民身份号码,姓名,住址\n330922198612120039,张三,x\n", GB18030);
        SourceFile file = new SourceFile("户籍.csv", "hukou", "公安局", "CSV", "GB18030", "byte 0xB9 … read as GB18030");
        RejectExport export = new RejectExport(file, rows(), dir.toString(), true);
        byte[] csv = export.csv();
        assertThat(csv[0]).isNotEqualTo((byte) 0xEF);
        String text = new String(csv, GB18030);
        assertThat(text).startsWith("公民身份号码,姓名,住址,原行号,拒绝原因\r\n");
        assertThat(text).contains("330922198612120039,张三,\"浙江省嵊泗县, 菜园镇\",3,"
                + "\"ID number check character is 9, expected 3；address too long\"\r\n");
        assertThat(text).contains("330922194201200036,李四,\"说 \"\"引号\"\"\",9,duplicate key");
        assertThat(export.fileName("csv")).isEqualTo("户籍_拒绝记录.csv");
    }

    @Test
    void utf8WithByteOrderMarkGetsItBackAndAGenericHeaderWhenTheSourceIsGone(@TempDir Path dir) {
        SourceFile file = new SourceFile("gone.csv", "hukou", "公安局", "CSV", "UTF-8", "UTF-8 byte-order mark");
        byte[] csv = new RejectExport(file, rows(), dir.toString()).csv();
        assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        assertThat(text).startsWith("列1,列2,列3,原行号,拒绝原因\r\n");
    }

    @Test
    void masksIdNumbersUnlessAskedForUnmasked(@TempDir Path dir) {
        SourceFile file = new SourceFile("gone.csv", "hukou", "公安局", "CSV", "UTF-8", "UTF-8");
        String masked = new String(new RejectExport(file, rows(), dir.toString()).csv(), StandardCharsets.UTF_8);
        assertThat(masked).contains("330922********0039,张三").doesNotContain("330922198612120039");
        assertThat(Masking.holdsId(masked)).isFalse();
        String unmasked = new String(new RejectExport(file, rows(), dir.toString(), true).csv(), StandardCharsets.UTF_8);
        assertThat(unmasked).contains("330922198612120039,张三");
    }

    /** Issue 11, item 7: the probe's cells come back escaped in the CSV, and as text values in the XLSX. */
    @Test
    void escapesFormulaCells(@TempDir Path dir) throws Exception {
        SourceFile file = new SourceFile("gone.csv", "hukou", "公安局", "CSV", "UTF-8", "UTF-8");
        List<RejectedSourceRow> rows = List.of(new RejectedSourceRow(2,
                "\"=HYPERLINK(\"\"http://x.example\"\",\"\"点击\"\")\",=cmd|' /C calc'!A0,@SUM(1+1),+1+1,-2+3,-12.5",
                new ArrayList<>(List.of("=1+1"))));
        String text = new String(new RejectExport(file, rows, dir.toString(), true).csv(), StandardCharsets.UTF_8).substring(1);
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.StringReader(text))) {
            List<org.apache.commons.csv.CSVRecord> records = parser.getRecords();
            assertThat(records.get(1).toList()).containsExactly("'=HYPERLINK(\"http://x.example\",\"点击\")",
                    "'=cmd|' /C calc'!A0", "'@SUM(1+1)", "'+1+1", "'-2+3", "-12.5", "2", "'=1+1");
        }
        byte[] xlsx = new RejectExport(file, rows, dir.toString(), true).xlsx();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var row = wb.getFirstSheet().read().get(1);
            assertThat(row.getCell(0).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.STRING);
            assertThat(row.getCell(0).getRawValue()).startsWith("=HYPERLINK(");
        }
    }

    @Test
    void refusesPathsOutsideTheSourceFolder() {
        assertThat(RejectExport.sourcePath("/data/2023-12", "../../etc/passwd")).isNull();
        assertThat(RejectExport.sourcePath("/data/2023-12", "/etc/passwd")).isNull();
        assertThat(RejectExport.sourcePath("/data/2023-12", "a.csv")).isEqualTo(Path.of("/data/2023-12/a.csv"));
    }
}
