package org.olive.ingest.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.olive.ingest.TestFiles;
import org.olive.ingest.encoding.EncodingDetector;
import org.olive.ingest.mapping.BuiltInMappings;
import org.olive.ingest.mapping.DatasetMapping;
import org.olive.ingest.mapping.ValidationContext;
import org.olive.ingest.reject.RowOutcome;
import org.olive.ingest.table.ReaderOptions;

/** Writes the same table as CSV (UTF-8 or GB18030) or XLSX and ingests it. */
final class Fixture {

    static final LocalDate TODAY = LocalDate.of(2024, 6, 30);
    static final List<String> HUKOU_HEADER = List.of("公民身份号码", "姓名", "性别", "出生日期", "民族", "户号", "与户主关系", "村社代码");

    /** The file formats every bad-input case is fed through. */
    enum Kind {
        CSV_UTF8("csv"), CSV_GB18030("csv"), XLSX("xlsx");

        final String ext;

        Kind(String ext) {
            this.ext = ext;
        }
    }

    private Fixture() {
    }

    static List<String> hukouRow(int n) {
        return List.of(TestFiles.id(n), "居民" + n, n % 2 == 0 ? "男" : "女", "1980-01-0" + (1 + n % 9), "汉族", "H" + (n / 3),
                n % 3 == 0 ? "02" : "20", TestFiles.village(n));
    }

    static byte[] csv(List<List<String>> rows, Charset cs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter p = new CSVPrinter(new OutputStreamWriter(out, cs), CSVFormat.DEFAULT)) {
            for (List<String> r : rows) {
                p.printRecord(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] bytes(Kind kind, List<List<String>> rows) {
        return switch (kind) {
            case CSV_UTF8 -> csv(rows, StandardCharsets.UTF_8);
            case CSV_GB18030 -> csv(rows, EncodingDetector.GB18030);
            case XLSX -> TestFiles.xlsx(rows.stream().map(r -> (List<Object>) new ArrayList<Object>(r)).toList());
        };
    }

    static Path file(Path dir, String name, Kind kind, List<List<String>> rows) {
        return TestFiles.write(dir, name + "." + kind.ext, bytes(kind, rows));
    }

    /** The result of ingesting a file: its summary and every outcome. */
    record Result(IngestSummary summary, List<RowOutcome> outcomes) {
        List<RowOutcome.Rejected> rejected() {
            return outcomes.stream().filter(o -> o instanceof RowOutcome.Rejected).map(o -> (RowOutcome.Rejected) o).toList();
        }

        List<RowOutcome.Loaded> loaded() {
            return outcomes.stream().filter(o -> o instanceof RowOutcome.Loaded).map(o -> (RowOutcome.Loaded) o).toList();
        }
    }

    static Result ingest(Path file, String dataset) {
        return ingest(file, BuiltInMappings.get(dataset), ReaderOptions.defaults());
    }

    static Result ingest(Path file, DatasetMapping mapping, ReaderOptions options) {
        return ingest(file, mapping, ValidationContext.shengsi(TODAY), options);
    }

    static Result ingest(Path file, DatasetMapping mapping, ValidationContext context, ReaderOptions options) {
        List<RowOutcome> outcomes = new ArrayList<>();
        IngestSummary s = new FileIngestor(mapping, context, options).ingest(file, outcomes::add);
        return new Result(s, outcomes);
    }
}
