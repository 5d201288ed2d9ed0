package org.olive.pipeline.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.ingest.encoding.DetectedEncoding;
import org.olive.ingest.encoding.EncodingDetector;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11, items 1-6 end to end on a small generated county: the probe's faults injected into copies of its
 * extracts and ingested into H2.
 */
class IngestHardeningTest {

    @TempDir
    Path tmp;

    /** A copy of a month of the clean county. */
    private Path month(org.olive.period.Period p) throws IOException {
        Path src = SmallCounty.clean().resolve(p.toString());
        Path dst = tmp.resolve(p.toString());
        Files.createDirectories(dst);
        try (Stream<Path> s = Files.list(src)) {
            for (Path f : s.toList()) {
                Files.copy(f, dst.resolve(f.getFileName()));
            }
        }
        return dst;
    }

    private static Path file(Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    /** A text file's lines and its charset. */
    private record Text(List<String> lines, Charset charset) {
        static Text read(Path f) {
            try {
                byte[] b = Files.readAllBytes(f);
                DetectedEncoding d = new EncodingDetector().detect(b, b.length, false);
                String s = new String(b, d.bomLength(), b.length - d.bomLength(), d.charset());
                return new Text(new ArrayList<>(List.of(s.split("\r?\n"))), d.charset());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void write(Path f) {
            try {
                Files.write(f, (String.join("\n", lines) + "\n").getBytes(charset));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String withQuoteInColumn(String line, int column) {
        String[] v = line.split(",", -1);
        v[column] = "\"" + v[column];
        return String.join(",", v);
    }

    @Test
    void strayQuotesCostOneRowEachAndDuplicatesHeaderOnlyFilesAndRejectsAreReported() throws IOException, SQLException {
        DataSource ds = Databases.h2Memory();
        Path dir = month(SmallCounty.NOVEMBER);
        // 1. the probe's stray quote: a value starting with " in 住址 on line 5 of 户籍人口
        Path hukou = file(dir, "户籍人口");
        Text h = Text.read(hukou);
        int address = List.of(h.lines().get(0).split(",")).indexOf("住址");
        h.lines().set(4, withQuoteInColumn(h.lines().get(4), Math.max(address, 1)));
        h.write(hukou);
        // ... and an unclosed quote in 渔船船员 on line 3
        Path crew = file(dir, "渔船船员");
        Text c = Text.read(crew);
        c.lines().set(2, withQuoteInColumn(c.lines().get(2), 1));
        c.write(crew);
        // 4. 25 duplicate crossings, appended far from their originals
        Path crossings = file(dir, "进出岛记录");
        Text x = Text.read(crossings);
        x.lines().addAll(List.copyOf(x.lines().subList(1, 26)));
        x.write(crossings);
        // 5. a header-only file
        Path disability = file(dir, "残疾人证");
        Text d = Text.read(disability);
        new Text(List.of(d.lines().get(0)), d.charset()).write(disability);

        IngestReport r = PeriodIngest.withDefaults(ds).ingest(dir, SmallCounty.NOVEMBER);

        assertThat(r.status()).isEqualTo("SUCCEEDED");
        IngestReport.DatasetReport hr = r.datasets().get("hukou");
        assertThat(hr.rowsIn()).as("every data line of 户籍人口 is a row").isEqualTo(h.lines().size() - 1);
        assertThat(hr.rejected()).isEqualTo(1);
        assertThat(hr.firstRejects()).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo(hukou.getFileName().toString());
            assertThat(s.row()).isEqualTo(5);
            assertThat(s.field()).isEqualTo("(row)");
            assertThat(s.reason()).contains("line 5").contains("not closed").contains("resumes on line 6");
            assertThat(s.value()).contains("********").doesNotContainPattern("[0-9]{17}[0-9X]");
        });
        IngestReport.DatasetReport cr = r.datasets().get("fishery_crew");
        assertThat(cr.rowsIn()).isEqualTo(c.lines().size() - 1);
        assertThat(cr.rejected()).isEqualTo(1);
        IngestReport.DatasetReport xr = r.datasets().get("crossings");
        assertThat(xr.duplicates()).as("injected duplicate crossings are counted").isEqualTo(25);
        assertThat(xr.rejectsByReason()).containsEntry("duplicate row", 25L);
        assertThat(r.files()).filteredOn(f -> f.file().equals(disability.getFileName().toString())).singleElement()
                .satisfies(f -> assertThat(f.notices()).contains("the file has a header but 0 data rows"));
        // 6. the console lists the first rejects with file, row, field, masked value and reason
        assertThat(r.summary()).contains("hukou: 1 rejected; the first 1:").contains(hukou.getFileName() + ", row 5, (row)")
                .doesNotContainPattern("[0-9]{17}[0-9X]");
        assertThat(IngestReport.fromJson(r.toJson()).datasets().get("hukou").firstRejects()).hasSize(1);
        assertThat(PeriodIngestContract.count(ds, "SELECT COUNT(*) FROM ingest_run WHERE id = " + r.runId()
                + " AND report LIKE '%firstRejects%'")).isEqualTo(1);
    }

    @Test
    void sixtyUnknownColumnsAreReportedAndIgnoredNotFatal() throws IOException, SQLException {
        DataSource ds = Databases.h2Memory();
        Path dir = month(SmallCounty.NOVEMBER);
        Path hukou = file(dir, "户籍人口");
        Text h = Text.read(hukou);
        StringBuilder extraHeaders = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            extraHeaders.append(",附加统计字段第").append(i).append("号备注说明信息栏目");
        }
        List<String> lines = new ArrayList<>();
        lines.add(h.lines().get(0) + extraHeaders);
        String empty = ",".repeat(60);
        h.lines().subList(1, h.lines().size()).forEach(l -> lines.add(l + empty));
        new Text(lines, h.charset()).write(hukou);
        assertThat(extraHeaders.length()).isGreaterThan(1000);

        IngestReport r = PeriodIngest.withDefaults(ds).ingest(dir, SmallCounty.NOVEMBER);

        assertThat(r.status()).isEqualTo("SUCCEEDED");
        IngestReport.FileReport f = r.files().stream().filter(x -> x.file().equals(hukou.getFileName().toString())).findFirst().orElseThrow();
        assertThat(f.unusedColumns()).hasSize(60);
        assertThat(f.loaded()).isEqualTo(h.lines().size() - 1);
        assertThat(f.notices()).anySatisfy(n -> assertThat(n).startsWith("60 column(s) no field reads were ignored"));
        assertThat(PeriodIngestContract.count(ds, "SELECT LENGTH(unused_columns) FROM ingest_file WHERE run_id = "
                + r.runId() + " AND dataset = 'hukou'")).isGreaterThan(1000);
    }

    @Test
    void aCollapsedDatasetStopsThePeriodUnlessAcceptedAndTheAcceptanceIsRecorded() throws IOException, SQLException {
        DataSource ds = Databases.h2Memory();
        PeriodIngest.withDefaults(ds).ingest(month(SmallCounty.NOVEMBER), SmallCounty.NOVEMBER);
        Path dec = month(SmallCounty.DECEMBER);
        Path hukou = file(dec, "户籍人口");
        Text h = Text.read(hukou);
        new Text(new ArrayList<>(h.lines().subList(0, 4)), h.charset()).write(hukou);

        assertThatThrownBy(() -> PeriodIngest.withDefaults(ds).ingest(dec, SmallCounty.DECEMBER))
                .isInstanceOf(IngestRunException.class)
                .hasMessageContaining("hukou: 3 rows against")
                .hasMessageContaining("in 2023-11")
                .hasMessageContaining("--accept-collapse hukou");
        assertThat(PeriodIngestContract.count(ds, "SELECT COUNT(*) FROM ingest_run WHERE data_period = '2023-12' AND status = 'SUCCEEDED'")).isZero();
        assertThat(PeriodIngestContract.count(ds, "SELECT COUNT(*) FROM basic_hukou WHERE data_period = '2023-12'")).isZero();

        IngestReport r = PeriodIngest.withDefaults(ds).acceptCollapse(List.of("hukou")).ingest(dec, SmallCounty.DECEMBER);
        assertThat(r.status()).isEqualTo("SUCCEEDED");
        assertThat(r.collapses()).singleElement().satisfies(x -> {
            assertThat(x.dataset()).isEqualTo("hukou");
            assertThat(x.rowsIn()).isEqualTo(3);
            assertThat(x.previousPeriod()).isEqualTo("2023-11");
            assertThat(x.accepted()).isTrue();
        });
        assertThat(r.summary()).contains("accepted by the operator (--accept-collapse)");
        assertThatThrownBy(() -> PeriodIngest.withDefaults(ds).acceptCollapse(List.of("hukuo")))
                .hasMessageContaining("unknown dataset 'hukuo'");
    }

    @Test
    void databaseReasonsAreToldWithoutSqlOrExceptionNames() {
        String tooLong = PeriodIngest.userReason(new RuntimeException(new SQLException(
                "Value too long for column \"UNUSED_COLUMNS CHARACTER VARYING(1000)\"", "22001")));
        assertThat(tooLong).isEqualTo("a value is too long or of the wrong kind for the database");
        assertThat(PeriodIngest.userReason(new IllegalStateException("boom"))).isEqualTo("an internal error");
    }
}
