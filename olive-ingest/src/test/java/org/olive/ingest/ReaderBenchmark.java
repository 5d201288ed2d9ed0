package org.olive.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.olive.ingest.encoding.EncodingDetector;
import org.olive.ingest.encoding.StrictDecoding;
import org.olive.ingest.load.FileIngestor;
import org.olive.ingest.load.IngestSummary;
import org.olive.ingest.mapping.BuiltInMappings;
import org.olive.ingest.mapping.ValidationContext;
import org.olive.ingest.table.ReaderOptions;
import org.olive.ingest.table.Row;
import org.olive.ingest.table.TableReader;
import org.olive.ingest.table.TableReaders;

/**
 * Throughput of the ingestion readers on generated hukou-like files: raw byte reading (the {@code cat FILE >
 * /dev/null} baseline), strict decoding alone, the CSV reader in UTF-8 and GB18030, the XLSX reader, and full
 * validation against the built-in hukou mapping. Each figure is the median of {@value #RUNS} runs after one warm-up,
 * with the files in the page cache.
 *
 * <p>Run: {@code ./mvnw -q -B -pl olive-ingest -am verify -DskipTests -Pbenchmark [-Dolive.bench.rows=N]}; arguments
 * are the working directory (files are generated there once and reused) and the CSV row count (XLSX gets a quarter).
 */
public final class ReaderBenchmark {

    private static final int RUNS = 3;
    private static final int BUFFER = 64 * 1024;

    private ReaderBenchmark() {
    }

    /** One measurement: rows and bytes processed in a time. */
    private record Figure(String what, long rows, long bytes, double seconds) {
        String line() {
            return String.format("| %s | %,d | %.1f | %.2f | %,.0f | %.1f |", what, rows, bytes / 1e6, seconds,
                    rows / seconds, bytes / 1e6 / seconds);
        }
    }

    @FunctionalInterface
    private interface Task {
        long run() throws IOException;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/olive-ingest-bench");
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        long xlsxRows = rows / 4;
        Files.createDirectories(dir);
        Path utf8 = generateCsv(dir.resolve("bench-unique-" + rows + "-utf8.csv"), rows, StandardCharsets.UTF_8);
        Path gb = generateCsv(dir.resolve("bench-unique-" + rows + "-gb18030.csv"), rows, EncodingDetector.GB18030);
        Path xlsx = generateXlsx(dir.resolve("bench-unique-" + xlsxRows + ".xlsx"), xlsxRows);

        System.out.printf("Java %s, %d cores available, max heap %d MB, %d CSV rows, %d XLSX rows%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, rows, xlsxRows);
        List<Figure> figures = new ArrayList<>();
        for (Path csv : List.of(utf8, gb)) {
            Charset cs = csv == utf8 ? StandardCharsets.UTF_8 : EncodingDetector.GB18030;
            long size = Files.size(csv);
            String label = cs == StandardCharsets.UTF_8 ? "UTF-8" : "GB18030";
            figures.add(measure("raw bytes, " + label + " file (cat baseline)", rows, size, () -> rawBytes(csv)));
            figures.add(measure("strict decoding only, " + label, rows, size, () -> decodeOnly(csv, cs)));
            figures.add(measure("CSV reader, " + label, rows, size, () -> readTable(csv)));
            figures.add(measure("CSV reader + hukou validation, " + label, rows, size, () -> validate(csv)));
        }
        long xsize = Files.size(xlsx);
        figures.add(measure("XLSX reader", xlsxRows, xsize, () -> readTable(xlsx)));
        figures.add(measure("XLSX reader + hukou validation", xlsxRows, xsize, () -> validate(xlsx)));

        System.out.println("| what | rows | MB | s (median of " + RUNS + ") | rows/s | MB/s |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        figures.forEach(f -> System.out.println(f.line()));
    }

    private static Figure measure(String what, long rows, long bytes, Task task) throws IOException {
        long expected = task.run();
        double[] t = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            long n = task.run();
            t[i] = (System.nanoTime() - start) / 1e9;
            if (n != expected) {
                throw new IllegalStateException(what + ": run " + i + " counted " + n + ", warm-up " + expected);
            }
        }
        Arrays.sort(t);
        return new Figure(what, rows, bytes, t[RUNS / 2]);
    }

    private static long rawBytes(Path file) throws IOException {
        byte[] buf = new byte[BUFFER];
        long total = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
            }
        }
        return total;
    }

    private static long decodeOnly(Path file, Charset cs) throws IOException {
        char[] buf = new char[BUFFER];
        long total = 0;
        try (Reader r = StrictDecoding.reader(Files.newInputStream(file), cs)) {
            int n;
            while ((n = r.read(buf)) > 0) {
                total += n;
            }
        }
        return total;
    }

    private static long readTable(Path file) {
        long n = 0;
        long width = 0;
        try (TableReader r = TableReaders.open(file, ReaderOptions.defaults())) {
            for (Row row : r) {
                n++;
                width += row.width();
            }
        }
        if (width == 0 && n > 0) {
            throw new IllegalStateException("empty rows");
        }
        return n;
    }

    private static long validate(Path file) {
        FileIngestor ingestor = new FileIngestor(BuiltInMappings.get("hukou"), ValidationContext.shengsi(LocalDate.now()),
                ReaderOptions.defaults());
        IngestSummary s = ingestor.ingest(file, o -> { });
        if (!s.complete() || s.rejected() > 0) {
            throw new IllegalStateException(s.toString());
        }
        return s.rowsIn();
    }

    private static Path generateCsv(Path file, long rows, Charset cs) throws IOException {
        if (!Files.exists(file)) {
            try (InputStream in = new GeneratedCsv(rows, cs, true)) {
                Files.copy(in, file);
            }
        }
        return file;
    }

    private static Path generateXlsx(Path file, long rows) throws IOException {
        if (Files.exists(file)) {
            return file;
        }
        try (var out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "olive-bench", "1.0");
            Worksheet ws = wb.newWorksheet("户籍人口");
            String[] header = GeneratedCsv.HEADER.strip().split(",");
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
            }
            for (int r = 1; r <= rows; r++) {
                List<String> v = new ArrayList<>(GeneratedCsv.values((int) ((r - 1) % 997)));
                v.set(0, GeneratedCsv.uniqueId(r - 1));
                for (int c = 0; c < v.size(); c++) {
                    if (c == 8) {
                        ws.value(r, c, Double.parseDouble(v.get(c)));
                    } else {
                        ws.value(r, c, v.get(c));
                    }
                }
                if (r % 10_000 == 0) {
                    ws.flush();
                }
            }
            wb.finish();
        }
        return file;
    }
}
