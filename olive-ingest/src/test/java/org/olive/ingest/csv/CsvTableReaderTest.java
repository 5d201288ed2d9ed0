package org.olive.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.olive.ingest.TestFiles;
import org.olive.ingest.encoding.EncodingDetector;
import org.olive.ingest.table.IngestError;
import org.olive.ingest.table.IngestException;
import org.olive.ingest.table.ReaderOptions;
import org.olive.ingest.table.Row;

class CsvTableReaderTest {

    private static final Charset GB = EncodingDetector.GB18030;

    private static List<Row> readAll(CsvTableReader r) {
        List<Row> rows = new ArrayList<>();
        r.forEach(rows::add);
        return rows;
    }

    private static CsvTableReader open(String text, Charset cs) {
        return CsvTableReader.open(TestFiles.stream(text, cs), "t.csv", ReaderOptions.defaults());
    }

    @Test
    void quotedFieldsKeepCommasLineBreaksAndDoubledQuotes() {
        String csv = "姓名,住址,备注\n张三,\"菜园镇, 东海社区\",\"第一行\n第二行\"\n李四,\"他说\"\"好\"\"\",x\n";
        try (CsvTableReader r = open(csv, StandardCharsets.UTF_8)) {
            assertThat(r.header().names()).containsExactly("姓名", "住址", "备注");
            List<Row> rows = readAll(r);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).values()).containsExactly("张三", "菜园镇, 东海社区", "第一行\n第二行");
            assertThat(rows.get(1).values()).containsExactly("李四", "他说\"好\"", "x");
            assertThat(rows.get(0).number()).isEqualTo(2);
            assertThat(rows.get(1).number()).isEqualTo(3);
            assertThat(rows.get(1).line()).isEqualTo(4);
        }
    }

    @Test
    void crLfAndCrlfLineEndingsAllWork() {
        for (String eol : List.of("\n", "\r\n", "\r")) {
            String csv = "a,b" + eol + "1,2" + eol + "3,4" + eol;
            try (CsvTableReader r = open(csv, StandardCharsets.UTF_8)) {
                List<Row> rows = readAll(r);
                assertThat(rows).extracting(Row::values).containsExactly(List.of("1", "2"), List.of("3", "4"));
                assertThat(rows).extracting(Row::number).containsExactly(2L, 3L);
            }
        }
    }

    @Test
    void missingFinalLineBreakIsFine() {
        try (CsvTableReader r = open("a,b\n1,2", StandardCharsets.UTF_8)) {
            assertThat(readAll(r)).extracting(Row::values).containsExactly(List.of("1", "2"));
        }
    }

    @Test
    void semicolonAndTabAreDetectedFromTheHeader() {
        try (CsvTableReader r = open("a;b;c\n1,5;2;3\n", StandardCharsets.UTF_8)) {
            assertThat(r.source().delimiter()).isEqualTo(';');
            assertThat(readAll(r).get(0).values()).containsExactly("1,5", "2", "3");
        }
        try (CsvTableReader r = open("a\tb\n1\t2\n", StandardCharsets.UTF_8)) {
            assertThat(r.source().delimiter()).isEqualTo('\t');
            assertThat(readAll(r).get(0).values()).containsExactly("1", "2");
        }
    }

    @Test
    void headerNamesLoseBomAndSpacesIncludingFullWidth() {
        try (CsvTableReader r = CsvTableReader.open(TestFiles.stream("\uFEFF 姓名 ,\u3000性别\u3000\n张三,男\n", StandardCharsets.UTF_8), "t.csv",
                ReaderOptions.defaults())) {
            assertThat(r.header().names()).containsExactly("姓名", "性别");
            assertThat(r.source().encodingReason()).contains("byte-order mark");
        }
    }

    @Test
    void blankLinesAreCountedNotYielded() {
        try (CsvTableReader r = open("a,b\n1,2\n\n,\n3,4\n", StandardCharsets.UTF_8)) {
            List<Row> rows = readAll(r);
            assertThat(rows).extracting(Row::number).containsExactly(2L, 5L);
            assertThat(r.stats().blankRows()).isEqualTo(2);
            assertThat(r.stats().rowsRead()).isEqualTo(2);
        }
    }

    @Test
    void gb18030FileIsDetectedAndDecoded() {
        try (CsvTableReader r = open("公民身份号码,姓名\n1,张三\n", GB)) {
            assertThat(r.source().encoding()).isEqualTo("GB18030");
            assertThat(r.header().names()).containsExactly("公民身份号码", "姓名");
            assertThat(readAll(r).get(0).values()).containsExactly("1", "张三");
        }
    }

    @Test
    void utf16LittleEndianFromExcelUnicodeTextIsRead() {
        byte[] body = "姓名\t金额\r\n张三\t12\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] all = new byte[body.length + 2];
        all[0] = (byte) 0xFF;
        all[1] = (byte) 0xFE;
        System.arraycopy(body, 0, all, 2, body.length);
        try (CsvTableReader r = CsvTableReader.open(new java.io.ByteArrayInputStream(all), "u.txt", ReaderOptions.defaults())) {
            assertThat(r.header().names()).containsExactly("姓名", "金额");
            assertThat(readAll(r).get(0).values()).containsExactly("张三", "12");
        }
    }

    @Test
    void emptyFileIsAClearError() {
        for (String text : List.of("", "\uFEFF", "\n\n  \n")) {
            assertThatThrownBy(() -> open(text, StandardCharsets.UTF_8))
                    .isInstanceOf(IngestException.class)
                    .satisfies(e -> {
                        IngestError err = ((IngestException) e).error();
                        assertThat(err.kind()).isEqualTo(IngestError.Kind.EMPTY_FILE);
                        assertThat(err.file()).isEqualTo("t.csv");
                        assertThat(err.toString()).startsWith("t.csv").contains("empty");
                    });
        }
    }

    @Test
    void headerOnlyFileHasZeroRows() {
        try (CsvTableReader r = open("a,b\n", StandardCharsets.UTF_8)) {
            assertThat(readAll(r)).isEmpty();
            assertThat(r.stats().rowsRead()).isZero();
        }
    }

    @Test
    void gb18030BytesDeclaredUtf8FailWithTheRow() {
        String csv = "a,b\n1,x\n2,张三\n";
        CsvTableReader r = CsvTableReader.open(TestFiles.stream(csv, GB), "t.csv", ReaderOptions.defaults().withEncoding(StandardCharsets.UTF_8));
        assertThat(r.source().encodingReason()).contains("declared").contains("GB18030");
        Row first = r.iterator().next();
        assertThat(first.values()).containsExactly("1", "x");
        assertThatThrownBy(() -> readAll(r)).isInstanceOf(IllegalStateException.class);
        r.close();
        CsvTableReader r2 = CsvTableReader.open(TestFiles.stream(csv, GB), "t.csv", ReaderOptions.defaults().withEncoding(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> readAll(r2)).isInstanceOf(IngestException.class)
                .satisfies(e -> {
                    IngestError err = ((IngestException) e).error();
                    assertThat(err.kind()).isEqualTo(IngestError.Kind.ENCODING);
                    assertThat(err.row()).isEqualTo(3);
                    assertThat(err.toString()).startsWith("t.csv, row 3: ").contains("line 3").contains("byte 0xD5 at byte offset 10");
                });
        r2.close();
    }

    @Test
    void nonUtf8ByteAfterAnAsciiPrefixIsAnEncodingErrorNotMojibake() {
        String csv = "a,b\n" + "1,2\n".repeat(50) + "3,张三\n";
        CsvTableReader r = CsvTableReader.open(TestFiles.stream(csv, GB), "t.csv", ReaderOptions.defaults().withEncodingProbeBytes(16));
        assertThat(r.source().encoding()).isEqualTo("UTF-8");
        assertThatThrownBy(() -> readAll(r)).isInstanceOf(IngestException.class)
                .satisfies(e -> assertThat(((IngestException) e).error().kind()).isEqualTo(IngestError.Kind.ENCODING));
        r.close();
    }

    @Test
    void anUnclosedQuoteRejectsItsLineAndReadingResumesOnTheNextLine() {
        String csv = "a,b\n1,2\n3,\"unclosed\n4,5\n6,7\n";
        List<Row> seen = readAll(open(csv, StandardCharsets.UTF_8));
        assertThat(seen).hasSize(4);
        assertThat(seen.get(1).isMalformed()).isTrue();
        assertThat(seen.get(1).line()).isEqualTo(3);
        assertThat(seen.get(1).raw()).isEqualTo("3,\"unclosed");
        assertThat(seen.get(1).malformed()).contains("column 2 on line 3").contains("not closed")
                .contains("resumes on line 4");
        assertThat(seen.get(2).values()).containsExactly("4", "5");
        assertThat(seen.get(3).values()).containsExactly("6", "7");
    }

    @Test
    void aStrayQuoteEarlyInALongFileCostsOneLineNotTheRestOfTheFile() {
        // the probe: 户籍人口 with a value starting with a quote on line 5 kept 3 of 4,956 rows
        StringBuilder sb = new StringBuilder("a,b,c\n");
        for (int i = 2; i <= 5000; i++) {
            sb.append(i).append(',').append(i == 5 ? "\"住址" : "住址").append(i).append(",x\n");
        }
        List<Row> seen = readAll(open(sb.toString(), StandardCharsets.UTF_8));
        assertThat(seen).hasSize(4999);
        assertThat(seen.stream().filter(Row::isMalformed).map(Row::line)).containsExactly(5L);
        assertThat(seen.get(seen.size() - 1).values()).containsExactly("5000", "住址5000", "x");
    }

    @Test
    void aStrayQuoteClosedByAnotherFurtherDownRejectsOnlyItsLine() {
        // lines 3-5 would make one record of 4 values (the quote on line 3 closes on line 5)
        String csv = "a,b\n1,2\n3,\"x\n4,5\n6\",7\n8,9\n";
        List<Row> seen = readAll(open(csv, StandardCharsets.UTF_8));
        assertThat(seen).extracting(Row::line).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(seen.get(1).malformed()).contains("lines 3-5").contains("instead of 2");
        assertThat(seen.get(2).values()).containsExactly("4", "5");
        assertThat(seen.get(3).values()).containsExactly("6\"", "7");
        assertThat(seen.get(4).values()).containsExactly("8", "9");
    }

    @Test
    void aQuotedValueWithLineBreaksStillSpansLines() {
        List<Row> seen = readAll(open("a,b\n1,\"x\ny\"\n3,4\n", StandardCharsets.UTF_8));
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).values()).containsExactly("1", "x\ny");
        assertThat(seen.get(1).line()).isEqualTo(4);
    }

    @Test
    void anUnbalancedQuoteCannotSwallowMoreThanTheRecordLimit() {
        String csv = "a,b\n1,\"oops\n" + "2,3\n".repeat(100_000);
        CsvTableReader r = CsvTableReader.open(TestFiles.stream(csv, StandardCharsets.UTF_8), "t.csv",
                ReaderOptions.defaults().withMaxRecordLines(1_000_000).withMaxRecordChars(50_000));
        List<Row> seen = readAll(r);
        assertThat(seen).hasSize(100_001);
        assertThat(seen.get(0).malformed()).contains("50000 characters");
    }

    @Test
    void aLineOverTheLimitWithoutQuotesIsBlamedOnItsLengthNotOnAQuote() {
        String csv = "a,b\n1,2\n" + "x".repeat(60_000) + ",3\n4,5\n";
        CsvTableReader r = CsvTableReader.open(TestFiles.stream(csv, StandardCharsets.UTF_8), "t.csv",
                ReaderOptions.defaults().withMaxRecordChars(50_000));
        List<Row> seen = readAll(r);
        assertThat(seen).hasSize(3);
        assertThat(seen.get(1).malformed()).contains("line 3 has 60002 characters, more than the limit of 50000")
                .doesNotContain("quote");
        assertThat(seen.get(1).raw()).hasSizeLessThan(2100);
        assertThat(seen.get(2).values()).containsExactly("4", "5");
    }

    @Test
    void textAfterAClosingQuoteRejectsTheLine() {
        List<Row> seen = readAll(open("a,b\n\"x\"y,2\n3,4\n", StandardCharsets.UTF_8));
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).malformed()).contains("followed by other text").contains("line 2");
        assertThat(seen.get(1).values()).containsExactly("3", "4");
    }

    @Test
    void byDefaultTheHeaderIsTheFirstNonBlankRowAndBlankRowsAboveAreCounted() {
        try (CsvTableReader r = open("\r\n;;;\r\na;b;c\r\n1;2;3\r\n", StandardCharsets.UTF_8)) {
            assertThat(r.source().delimiter()).isEqualTo(';');
            assertThat(r.header().names()).containsExactly("a", "b", "c");
            assertThat(readAll(r)).extracting(Row::number).containsExactly(4L);
            assertThat(r.stats().headerRow()).isEqualTo(3);
            assertThat(r.stats().blankRows()).isEqualTo(2);
        }
    }

    @Test
    void delimiterIsDetectedOnTheDeclaredHeaderRowBelowATitle() {
        String csv = "嵊泗县户籍人口信息表\r\n制表日期 2024年6月\r\na;b\r\n1;2\r\n";
        try (CsvTableReader r = CsvTableReader.open(TestFiles.stream(csv, GB), "t.csv", ReaderOptions.defaults().withHeaderRow(3))) {
            assertThat(r.source().delimiter()).isEqualTo(';');
            assertThat(r.source().notices()).containsExactly("2 row(s) above the header (titles) were skipped");
            assertThat(readAll(r)).extracting(Row::values).containsExactly(List.of("1", "2"));
        }
    }

    @Test
    void titleRowsAboveTheHeaderAreSkippedByOption() {
        String csv = "嵊泗县户籍人口信息表\n\na,b\n1,2\n";
        try (CsvTableReader r = CsvTableReader.open(TestFiles.stream(csv, StandardCharsets.UTF_8), "t.csv",
                ReaderOptions.defaults().withHeaderRow(3))) {
            assertThat(r.header().names()).containsExactly("a", "b");
            List<Row> rows = readAll(r);
            assertThat(rows).extracting(Row::number).containsExactly(4L);
            assertThat(r.stats().headerRow()).isEqualTo(3);
        }
    }

    @Test
    void utf16WithoutByteOrderMarkIsRecognisedByItsNulBytesNotMisreadAsGb18030() {
        String csv = "公民身份号码,姓名,住址\r\n" + (TestFiles.id(1) + ",张三,舟山市定海区\r\n").repeat(20);
        for (Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            try (CsvTableReader r = CsvTableReader.open(new java.io.ByteArrayInputStream(csv.getBytes(cs)), "u16.csv",
                    ReaderOptions.defaults())) {
                assertThat(r.source().encoding()).isEqualTo(cs.name());
                assertThat(r.source().encodingReason()).contains("NUL bytes");
                assertThat(r.header().names()).containsExactly("公民身份号码", "姓名", "住址");
                List<Row> rows = readAll(r);
                assertThat(rows).hasSize(20);
                assertThat(rows.get(19).values()).containsExactly(TestFiles.id(1), "张三", "舟山市定海区");
            }
        }
    }
}
