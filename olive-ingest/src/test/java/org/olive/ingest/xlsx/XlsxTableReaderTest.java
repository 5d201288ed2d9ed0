package org.olive.ingest.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.ingest.TestFiles;
import org.olive.ingest.table.IngestError;
import org.olive.ingest.table.IngestException;
import org.olive.ingest.table.ReaderOptions;
import org.olive.ingest.table.Row;
import org.olive.ingest.table.TableReader;
import org.olive.ingest.table.TableReaders;

class XlsxTableReaderTest {

    @TempDir
    Path dir;

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    private static List<Row> readAll(TableReader r) {
        List<Row> rows = new ArrayList<>();
        r.forEach(rows::add);
        return rows;
    }

    @Test
    void readsStringsNumbersAndDateFormattedCells() {
        byte[] x = TestFiles.xlsx(List.of(
                row("公民身份号码", "姓名", "出生日期", "金额", "备注"),
                row(TestFiles.id(1), "张三", LocalDate.of(1990, 3, 4), 1234.5, null),
                row(TestFiles.id(2), "李四", LocalDate.of(1985, 12, 31), 7, "x")));
        Path p = TestFiles.write(dir, "a.xlsx", x);
        try (TableReader r = TableReaders.open(p, ReaderOptions.defaults())) {
            assertThat(r.source().format()).hasToString("XLSX");
            assertThat(r.header().names()).containsExactly("公民身份号码", "姓名", "出生日期", "金额", "备注");
            List<Row> rows = readAll(r);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).values()).containsExactly(TestFiles.id(1), "张三", "1990-03-04", "1234.5", "");
            assertThat(rows.get(1).values()).containsExactly(TestFiles.id(2), "李四", "1985-12-31", "7", "x");
            assertThat(rows).extracting(Row::number).containsExactly(2L, 3L);
        }
    }

    @Test
    void streamsAreSniffedAsWorkbookOrCsv() {
        byte[] x = TestFiles.xlsx(List.of(row("姓名"), row("张三")));
        try (TableReader r = TableReaders.open(new java.io.ByteArrayInputStream(x), "upload", ReaderOptions.defaults())) {
            assertThat(r.source().format()).hasToString("XLSX");
            assertThat(readAll(r)).extracting(Row::values).containsExactly(List.of("张三"));
        }
        byte[] csv = "姓名\n张三\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (TableReader r = TableReaders.open(new java.io.ByteArrayInputStream(csv), "upload", ReaderOptions.defaults())) {
            assertThat(r.source().format()).hasToString("CSV");
            assertThat(readAll(r)).extracting(Row::values).containsExactly(List.of("张三"));
        }
    }

    @Test
    void missingAndEmptyRowsAreCountedAsBlank() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("a", "b"));
        rows.add(row("1", "2"));
        rows.add(row());
        rows.add(row("", ""));
        rows.add(row("3", "4"));
        Path p = TestFiles.write(dir, "b.xlsx", TestFiles.xlsx(rows));
        try (TableReader r = TableReaders.open(p, ReaderOptions.defaults())) {
            assertThat(readAll(r)).extracting(Row::number).containsExactly(2L, 5L);
            assertThat(r.stats().blankRows()).isEqualTo(2);
        }
    }

    @Test
    void leadingEmptyRowsAreSkippedToTheHeader() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row());
        rows.add(row("", ""));
        rows.add(row("a", "b"));
        rows.add(row("1", "2"));
        Path p = TestFiles.write(dir, "lead.xlsx", TestFiles.xlsx(rows));
        try (TableReader r = TableReaders.open(p, ReaderOptions.defaults())) {
            assertThat(r.header().names()).containsExactly("a", "b");
            assertThat(readAll(r)).extracting(Row::number).containsExactly(4L);
            assertThat(r.stats().headerRow()).isEqualTo(3);
            assertThat(r.stats().blankRows()).isEqualTo(2);
        }
    }

    @Test
    void headerOnlyWorkbookHasZeroRows() {
        Path p = TestFiles.write(dir, "h.xlsx", TestFiles.xlsx(List.of(row("a", "b"))));
        try (TableReader r = TableReaders.open(p, ReaderOptions.defaults())) {
            assertThat(readAll(r)).isEmpty();
        }
    }

    @Test
    void truncatedWorkbookIsACorruptWorkbookError() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("a", "b"));
        for (int i = 0; i < 2000; i++) {
            rows.add(row("v" + i, i));
        }
        byte[] full = TestFiles.xlsx(rows);
        for (int keep : new int[] {full.length / 2, full.length - 30, 10}) {
            Path p = TestFiles.write(dir, "t" + keep + ".xlsx", Arrays.copyOf(full, keep));
            assertThatThrownBy(() -> {
                try (TableReader r = TableReaders.open(p, ReaderOptions.defaults())) {
                    readAll(r);
                }
            }).isInstanceOf(IngestException.class).satisfies(e -> {
                IngestError err = ((IngestException) e).error();
                assertThat(err.kind()).isEqualTo(IngestError.Kind.CORRUPT_WORKBOOK);
                assertThat(err.file()).isEqualTo("t" + keep + ".xlsx");
                assertThat(err.reason()).contains("truncated");
            });
        }
    }

    @Test
    void emptyAndNonWorkbookFilesAreClearErrors() {
        Path empty = TestFiles.write(dir, "e.xlsx", new byte[0]);
        assertThatThrownBy(() -> TableReaders.open(empty, ReaderOptions.defaults())).isInstanceOf(IngestException.class)
                .satisfies(e -> assertThat(((IngestException) e).error().kind()).isIn(IngestError.Kind.EMPTY_FILE));
        Path garbage = TestFiles.write(dir, "g.xlsx", "this is not a zip".getBytes());
        assertThatThrownBy(() -> TableReaders.open(garbage, ReaderOptions.defaults())).isInstanceOf(IngestException.class)
                .satisfies(e -> assertThat(((IngestException) e).error().kind()).isEqualTo(IngestError.Kind.CORRUPT_WORKBOOK));
        Path xls = TestFiles.write(dir, "old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0});
        assertThatThrownBy(() -> TableReaders.open(xls, ReaderOptions.defaults())).isInstanceOf(IngestException.class)
                .satisfies(e -> assertThat(((IngestException) e).error().reason()).contains(".xls"));
    }

    @Test
    void unknownSheetNamesTheSheetsThatExist() {
        Path p = TestFiles.write(dir, "s.xlsx", TestFiles.xlsx(List.of(row("a"))));
        assertThatThrownBy(() -> TableReaders.open(p, ReaderOptions.defaults().withSheet("户籍")))
                .isInstanceOf(IngestException.class).hasMessageContaining("Sheet1");
    }

    @Test
    void otherSheetsAndSkippedTitleRowsAreReportedAsNotices() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "t", "1.0");
        org.dhatim.fastexcel.Worksheet first = wb.newWorksheet("户籍");
        first.value(0, 0, "嵊泗县户籍人口表");
        first.value(1, 0, "姓名");
        first.value(2, 0, "张三");
        wb.newWorksheet("说明").value(0, 0, "x");
        wb.finish();
        Path p = TestFiles.write(dir, "two.xlsx", out.toByteArray());
        try (TableReader r = TableReaders.open(p, ReaderOptions.defaults().withHeaderRow(2))) {
            assertThat(r.header().names()).containsExactly("姓名");
            assertThat(readAll(r)).extracting(Row::values).containsExactly(List.of("张三"));
            assertThat(r.source().notices()).containsExactly("the workbook has other sheets that were not read: 说明",
                    "1 row(s) above the header (titles) were skipped");
            assertThat(r.source().toString()).contains("sheet 户籍");
        }
    }

    @Test
    void excelSerialDatesFollowThe1900And1904Systems() {
        assertThat(ExcelDates.toIso("44931", false)).isEqualTo("2023-01-05");
        assertThat(ExcelDates.toIso("1", false)).isEqualTo("1900-01-01");
        assertThat(ExcelDates.toIso("61", false)).isEqualTo("1900-03-01");
        assertThat(ExcelDates.toIso("0", true)).isEqualTo("1904-01-01");
        assertThat(ExcelDates.toIso("44931.25", false)).isEqualTo("2023-01-05T06:00");
        assertThat(ExcelDates.isDateFormat(14, null)).isTrue();
        assertThat(ExcelDates.isDateFormat(164, "yyyy\"年\"m\"月\"d\"日\"")).isTrue();
        assertThat(ExcelDates.isDateFormat(164, "0.00")).isFalse();
        assertThat(ExcelDates.isDateFormat(164, "[Red]0.00")).isFalse();
    }
}
