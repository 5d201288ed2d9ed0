package org.olive.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.olive.ingest.encoding.EncodingDetector;
import org.olive.ingest.table.ReaderOptions;
import org.olive.ingest.table.Row;

class CsvRoundTripPropertiesTest {

    private static final List<String> HEADER = List.of("姓名", "金额", "备注");

    @Provide
    Arbitrary<List<List<String>>> tables() {
        Arbitrary<String> field = Arbitraries.strings()
                .withChars("ab1 ,;\t\"\r\n张三，．１")
                .withCharRange('一', '龥')
                .ofMaxLength(12);
        Arbitrary<List<String>> row = field.list().ofSize(3)
                .filter(r -> r.stream().anyMatch(v -> !v.isBlank()));
        return row.list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<Charset> charsets() {
        return Arbitraries.of(StandardCharsets.UTF_8, EncodingDetector.GB18030);
    }

    @Property(tries = 300)
    void anyCsvWrittenByCommonsCsvReadsBackIdentically(@ForAll("tables") List<List<String>> rows,
                                                         @ForAll("charsets") Charset charset) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter p = new CSVPrinter(new OutputStreamWriter(out, charset), CSVFormat.DEFAULT)) {
            p.printRecord(HEADER);
            for (List<String> r : rows) {
                p.printRecord(r);
            }
        }
        List<List<String>> back = new ArrayList<>();
        try (CsvTableReader r = CsvTableReader.open(new ByteArrayInputStream(out.toByteArray()), "p.csv", ReaderOptions.defaults())) {
            assertThat(r.header().names()).isEqualTo(HEADER);
            assertThat(r.source().encoding()).isEqualTo(charset.name());
            for (Row row : r) {
                back.add(row.values());
            }
        }
        assertThat(back).isEqualTo(rows);
    }
}
