package org.olive.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.olive.identity.IdNumber;
import org.olive.ingest.TestFiles;
import org.olive.ingest.encoding.EncodingDetector;
import org.olive.ingest.load.Fixture.Kind;
import org.olive.ingest.load.Fixture.Result;
import org.olive.ingest.reject.Reject;
import org.olive.ingest.reject.RowOutcome;
import org.olive.ingest.table.IngestError;
import org.olive.ingest.table.ReaderOptions;

/**
 * Every kind of bad input, fed through every reader: each ends as a clear file error or as rejects, never a crash
 * or a silent drop, and in every case rows in = loaded + rejected.
 */
class BadInputSuiteTest {

    @TempDir
    Path dir;

    private static void accountedFor(Result r) {
        IngestSummary s = r.summary();
        assertThat(s.rowsIn()).isEqualTo(s.loaded() + s.rejected());
        assertThat(r.outcomes()).hasSize((int) s.rowsIn());
        assertThat(r.loaded()).hasSize((int) s.loaded());
        assertThat(r.rejected()).hasSize((int) s.rejected());
    }

    private static List<List<String>> hukou(int n) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(Fixture.HUKOU_HEADER);
        for (int i = 1; i <= n; i++) {
            rows.add(Fixture.hukouRow(i));
        }
        return rows;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void cleanFileLoadsEveryRow(Kind kind) {
        Result r = Fixture.ingest(Fixture.file(dir, "clean", kind, hukou(30)), "hukou");
        accountedFor(r);
        assertThat(r.summary().complete()).isTrue();
        assertThat(r.summary().loaded()).isEqualTo(30);
        assertThat(r.summary().rejected()).isZero();
        assertThat(r.loaded().get(0).record().get("person_id", IdNumber.class).value()).isEqualTo(TestFiles.id(1));
        assertThat(r.loaded().get(0).record().get("sex")).isEqualTo("F");
        assertThat(r.loaded().get(0).record().get("relation_to_head")).isEqualTo("20");
        if (kind != Kind.XLSX) {
            assertThat(r.summary().source().encoding()).isEqualTo(kind == Kind.CSV_UTF8 ? "UTF-8" : "GB18030");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void emptyFileIsAFileError(Kind kind) {
        Path p = TestFiles.write(dir, "empty." + kind.ext, new byte[0]);
        Result r = Fixture.ingest(p, "hukou");
        accountedFor(r);
        assertThat(r.summary().fileError()).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo(IngestError.Kind.EMPTY_FILE);
            assertThat(e.file()).isEqualTo("empty." + kind.ext);
        });
        assertThat(r.summary().rowsIn()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void headerOnlyFileIsValidWithZeroRowsAndReported(Kind kind) {
        Result r = Fixture.ingest(Fixture.file(dir, "header", kind, hukou(0)), "hukou");
        accountedFor(r);
        assertThat(r.summary().complete()).isTrue();
        assertThat(r.summary().headerOnly()).isTrue();
        assertThat(r.summary().toString()).contains("header but no data rows");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void unknownColumnSetNamesFileAndHeaders(Kind kind) {
        List<List<String>> rows = List.of(List.of("编号", "名称", "备注"), List.of("1", "a", "b"));
        Result r = Fixture.ingest(Fixture.file(dir, "unknown", kind, rows), "hukou");
        accountedFor(r);
        assertThat(r.summary().fileError()).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo(IngestError.Kind.UNKNOWN_COLUMNS);
            assertThat(e.toString()).startsWith("unknown." + kind.ext).contains("编号, 名称, 备注").contains("person_id");
        });
    }

    @Test
    void gb18030BytesDeclaredUtf8StopAtTheRowWithRowsBeforeAccounted() {
        List<List<String>> rows = hukou(5);
        rows.set(4, new ArrayList<>(rows.get(4)));
        Path p = TestFiles.write(dir, "gb.csv", Fixture.csv(rows, EncodingDetector.GB18030));
        Result r = Fixture.ingest(p, org.olive.ingest.mapping.BuiltInMappings.get("hukou"),
                ReaderOptions.defaults().withEncoding(StandardCharsets.UTF_8));
        accountedFor(r);
        // the header is Chinese, so the very first row already fails to decode
        assertThat(r.summary().fileError()).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo(IngestError.Kind.ENCODING);
            assertThat(e.reason()).contains("not valid UTF-8");
        });
    }

    @Test
    void gb18030RowLateInAnAsciiFileIsAnEncodingErrorAtThatRow() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("person_id", "name"));
        for (int i = 1; i <= 200; i++) {
            rows.add(List.of(TestFiles.id(i), i == 150 ? "张三" : "name" + i));
        }
        Path p = TestFiles.write(dir, "late.csv", Fixture.csv(rows, EncodingDetector.GB18030));
        org.olive.ingest.mapping.DatasetMapping m = org.olive.ingest.mapping.MappingLoader.load(new java.io.ByteArrayInputStream(
                "dataset: t\nsub_database: basic\nfields:\n  person_id: {type: id_number, required: true, headers: [person_id]}\n  name: [name]\n"
                        .getBytes(StandardCharsets.UTF_8)), "t.yaml");
        Result r = Fixture.ingest(p, m, ReaderOptions.defaults().withEncodingProbeBytes(1024));
        accountedFor(r);
        assertThat(r.summary().loaded()).isEqualTo(149);
        assertThat(r.summary().fileError()).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo(IngestError.Kind.ENCODING);
            assertThat(e.row()).isEqualTo(151);
        });
    }

    @Test
    void utf8BytesDeclaredGb18030GiveGarbledHeadersAndSayWhy() {
        Path p = TestFiles.write(dir, "u.csv", Fixture.csv(hukou(3), StandardCharsets.UTF_8));
        Result r = Fixture.ingest(p, org.olive.ingest.mapping.BuiltInMappings.get("hukou"),
                ReaderOptions.defaults().withEncoding(EncodingDetector.GB18030));
        accountedFor(r);
        assertThat(r.summary().fileError()).hasValueSatisfying(e -> {
            assertThat(e.kind()).isIn(IngestError.Kind.UNKNOWN_COLUMNS, IngestError.Kind.ENCODING);
            assertThat(e.reason()).contains("detection would have chosen UTF-8");
        });
    }

    @Test
    void truncatedXlsxIsACorruptWorkbook() {
        byte[] full = Fixture.bytes(Kind.XLSX, hukou(500));
        Path p = TestFiles.write(dir, "cut.xlsx", Arrays.copyOf(full, full.length * 2 / 3));
        Result r = Fixture.ingest(p, "hukou");
        accountedFor(r);
        assertThat(r.summary().fileError()).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo(IngestError.Kind.CORRUPT_WORKBOOK);
            assertThat(e.toString()).startsWith("cut.xlsx: ").contains("truncated");
        });
    }

    @Test
    void unbalancedQuoteRejectsItsLineAndTheRowsAfterItLoad() {
        String text = String.join(",", Fixture.HUKOU_HEADER) + "\n"
                + String.join(",", Fixture.hukouRow(1)) + "\n"
                + String.join(",", Fixture.hukouRow(2)).replace("居民2", "\"居民2") + "\n"
                + String.join(",", Fixture.hukouRow(3)) + "\n";
        for (var cs : List.of(StandardCharsets.UTF_8, EncodingDetector.GB18030)) {
            Path p = TestFiles.write(dir, "quote-" + cs.name() + ".csv", text.getBytes(cs));
            Result r = Fixture.ingest(p, "hukou");
            accountedFor(r);
            assertThat(r.summary().loaded()).isEqualTo(2);
            assertThat(r.summary().rejected()).isEqualTo(1);
            assertThat(r.summary().fileError()).isEmpty();
            assertThat(r.rejected().get(0).rejects().get(0).reason()).contains("line 3").contains("not closed");
            assertThat(r.rejected().get(0).rejects().get(0).row()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void nonNumericAndAbsurdAmountsAreRejectedWithFieldAndReason(Kind kind) {
        List<String> header = List.of("公民身份号码", "姓名", "单位统一社会信用代码", "费款所属期", "险种类型", "缴费基数", "个人缴费金额");
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        rows.add(List.of(TestFiles.id(1), "甲", "", "202401", "110", "5000", "400"));
        rows.add(List.of(TestFiles.id(2), "乙", "", "202401", "110", "五千", "400"));
        rows.add(List.of(TestFiles.id(3), "丙", "", "202401", "110", "99999999", "400"));
        rows.add(List.of(TestFiles.id(4), "丁", "", "202401", "110", "￥５，０００．００", "N/A"));
        Result r = Fixture.ingest(Fixture.file(dir, "si", kind, rows), "social_insurance");
        accountedFor(r);
        assertThat(r.summary().loaded()).isEqualTo(1);
        assertThat(r.summary().rejected()).isEqualTo(3);
        Reject nonNumeric = r.rejected().get(0).rejects().get(0);
        assertThat(nonNumeric.row()).isEqualTo(3);
        assertThat(nonNumeric.field()).isEqualTo("缴费基数");
        assertThat(nonNumeric.rawValue()).isEqualTo("五千");
        assertThat(nonNumeric.reason()).contains("not a number");
        assertThat(nonNumeric.rawRow()).contains(TestFiles.id(2)).contains("五千");
        assertThat(r.rejected().get(1).rejects().get(0).reason()).contains("plausible range");
        assertThat(r.rejected().get(2).rejects()).extracting(Reject::field).containsExactly("个人缴费金额");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void futureAndImpossibleDatesAreRejected(Kind kind) {
        List<List<String>> rows = hukou(4);
        rows.set(2, replace(rows.get(2), 3, "2099-01-01"));
        rows.set(3, replace(rows.get(3), 3, "2023-02-30"));
        rows.set(4, replace(rows.get(4), 3, "1990年13月1日"));
        Result r = Fixture.ingest(Fixture.file(dir, "dates", kind, rows), "hukou");
        accountedFor(r);
        assertThat(r.summary().loaded()).isEqualTo(1);
        assertThat(r.rejected()).extracting(o -> o.rejects().get(0).reason())
                .satisfiesExactly(a -> assertThat(a).contains("in the future"), b -> assertThat(b).contains("not a calendar date"),
                        c -> assertThat(c).contains("not a calendar date"));
        assertThat(r.rejected()).allSatisfy(o -> assertThat(o.rejects().get(0).field()).isEqualTo("出生日期"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void duplicatePrimaryKeysAreRejectedAfterTheFirstWithTheKeyShown(Kind kind) {
        List<List<String>> rows = hukou(3);
        rows.add(Fixture.hukouRow(2));
        rows.add(Fixture.hukouRow(2));
        // the same person as a 15-digit legacy number is the same key after the upgrade
        String legacy = TestFiles.id(1).substring(0, 6) + TestFiles.id(1).substring(8, 17);
        rows.add(replace(Fixture.hukouRow(1), 0, legacy));
        Result r = Fixture.ingest(Fixture.file(dir, "dups", kind, rows), "hukou");
        accountedFor(r);
        assertThat(r.summary().loaded()).isEqualTo(3);
        assertThat(r.summary().rejected()).isEqualTo(3);
        assertThat(r.rejected()).extracting(o -> o.rejects().get(0).reason()).containsExactly(
                "duplicate key person_id=" + TestFiles.id(2) + " (first seen at row 3)",
                "duplicate key person_id=" + TestFiles.id(2) + " (first seen at row 3)",
                "duplicate key person_id=" + TestFiles.id(1) + " (first seen at row 2)");
        assertThat(r.rejected()).extracting(o -> o.rejects().get(0).field()).containsOnly("公民身份号码");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void messyButRepairableValuesLoadAsRepaired(Kind kind) {
        List<List<String>> rows = hukou(4);
        String legacy = TestFiles.id(1).substring(0, 6) + TestFiles.id(1).substring(8, 17);
        rows.set(1, replace(rows.get(1), 0, legacy));
        rows.set(2, replace(replace(rows.get(2), 6, "户主"), 3, "２０２０年１月２日"));
        rows.set(3, replace(rows.get(3), 7, " " + rows.get(3).get(7) + "\u3000"));
        rows.set(4, replace(replace(rows.get(4), 0, "bad-id"), 2, "?"));
        Result r = Fixture.ingest(Fixture.file(dir, "messy", kind, rows), "hukou");
        accountedFor(r);
        assertThat(r.summary().loaded()).isEqualTo(3);
        assertThat(r.summary().repaired()).isEqualTo(1);
        RowOutcome.Loaded repaired = r.loaded().get(0);
        assertThat(repaired.repaired()).isTrue();
        assertThat(repaired.repairs()).singleElement().satisfies(x -> {
            assertThat(x.field()).isEqualTo("公民身份号码");
            assertThat(x.note()).contains("15-digit");
        });
        assertThat(r.loaded().get(1).record().get("relation_to_head")).isEqualTo("02");
        assertThat(r.loaded().get(1).record().get("birth_date")).isEqualTo(java.time.LocalDate.of(2020, 1, 2));
        RowOutcome.Rejected bad = r.rejected().get(0);
        assertThat(bad.rejects()).extracting(Reject::field).containsExactly("公民身份号码", "性别");
    }

    @Test
    void wrongNumberOfValuesInACsvRowIsRejectedAsAWholeRow() {
        String text = "公民身份号码,姓名\n" + TestFiles.id(1) + ",甲\n" + TestFiles.id(2) + ",乙,多余\n" + TestFiles.id(3) + "\n"
                + TestFiles.id(4) + ",丁,,\n";
        Path p = TestFiles.write(dir, "width.csv", text.getBytes(StandardCharsets.UTF_8));
        org.olive.ingest.mapping.DatasetMapping m = org.olive.ingest.mapping.MappingLoader.load(new java.io.ByteArrayInputStream(
                "dataset: t\nsub_database: basic\nfields:\n  person_id: {type: id_number, required: true, headers: [公民身份号码]}\n  name: [姓名]\n"
                        .getBytes(StandardCharsets.UTF_8)), "t.yaml");
        Result r = Fixture.ingest(p, m, ReaderOptions.defaults());
        accountedFor(r);
        assertThat(r.summary().loaded()).isEqualTo(2);
        assertThat(r.rejected()).extracting(o -> o.rejects().get(0).field()).containsOnly(Reject.WHOLE_ROW);
        assertThat(r.rejected().get(0).rejects().get(0).reason()).contains("3 values but the header has 2");
    }

    private static List<String> replace(List<String> row, int i, String v) {
        List<String> out = new ArrayList<>(row);
        out.set(i, v);
        return out;
    }
}
