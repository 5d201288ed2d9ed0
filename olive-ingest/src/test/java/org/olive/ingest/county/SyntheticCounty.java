package org.olive.ingest.county;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.olive.ingest.load.FileIngestor;
import org.olive.ingest.load.IngestSummary;
import org.olive.ingest.mapping.BuiltInMappings;
import org.olive.ingest.mapping.DatasetMapping;
import org.olive.ingest.mapping.ValidationContext;
import org.olive.ingest.reject.Reject;
import org.olive.ingest.reject.Repair;
import org.olive.ingest.reject.RowOutcome;
import org.olive.ingest.table.Header;
import org.olive.ingest.table.ReaderOptions;
import org.olive.ingest.table.TableReader;
import org.olive.ingest.table.TableReaders;
import org.olive.period.Period;
import org.olive.synth.CountyGenerator;
import org.olive.synth.FaultRates;
import org.olive.synth.SynthOptions;

/**
 * A small synthetic county (olive-synth) and its extracts ingested with the built-in mappings: 2,000 persons,
 * 2023-11..2024-01 (so the December folder carries the yearly files and the first folder the crossings history),
 * few tourists. Generated once per test class into a temporary folder.
 */
final class SyntheticCounty {

    static final Period FROM = Period.of(2023, 11);
    static final Period TO = Period.of(2024, 1);
    static final int PERSONS = 2000;
    static final long SEED = 20230101L;
    static final int TOURIST_VISITS_PER_YEAR = 20_000;

    private static final Pattern MANIFEST_ENTRY = Pattern.compile(
            "\\{\"dataset\": \"([^\"]+)\", \"period\": \"([^\"]+)\", \"file\": \"([^\"]+)\", \"encoding\": \"([^\"]+)\", "
                    + "\"format\": \"([^\"]+)\", \"rows\": (\\d+)");

    private SyntheticCounty() {
    }

    static void generate(Path dir, FaultRates faults) {
        try {
            new CountyGenerator(new SynthOptions(dir, SEED, PERSONS, FROM, TO, faults, TOURIST_VISITS_PER_YEAR)).generate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One extract of the manifest.
     *
     * @param manifestKey the manifest's dataset key ({@code fishery/crew}, {@code crossings/history})
     * @param period      the period folder
     * @param file        the path relative to the output folder, as in the manifest and the faults log
     * @param encoding    the declared encoding
     * @param rows        the data rows written
     */
    record Extract(String manifestKey, Period period, String file, String encoding, long rows) {

        /** The built-in mapping this file must be read with: the key with its part, {@code crossings} for the history. */
        String mappingName() {
            return manifestKey.equals("crossings/history") ? "crossings" : manifestKey.replace('/', '_');
        }
    }

    /** The extracts (not the truth files) listed in {@code manifest.json}, in its order. */
    static List<Extract> extracts(Path dir) {
        String json;
        try {
            json = Files.readString(dir.resolve("manifest.json"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Extract> out = new ArrayList<>();
        Matcher m = MANIFEST_ENTRY.matcher(json);
        while (m.find()) {
            if (!m.group(1).startsWith("truth/")) {
                out.add(new Extract(m.group(1), Period.parse(m.group(2)), m.group(3), m.group(4), Long.parseLong(m.group(6))));
            }
        }
        return out;
    }

    static Header header(Path file) {
        try (TableReader r = TableReaders.open(file, ReaderOptions.defaults())) {
            return r.header();
        }
    }

    /** Dates up to the end of the file's period are plausible. */
    static ValidationContext context(Period period) {
        return ValidationContext.shengsi(period.lastDay());
    }

    /** What ingesting one file gave: its summary, and the rejects and repairs by 1-based source row. */
    record Ingested(Extract extract, DatasetMapping mapping, IngestSummary summary, Map<Long, List<Reject>> rejects,
                    Map<Long, List<Repair>> repairs) {
    }

    static Ingested ingest(Path dir, Extract e, DatasetMapping mapping) {
        Map<Long, List<Reject>> rejects = new HashMap<>();
        Map<Long, List<Repair>> repairs = new HashMap<>();
        IngestSummary s = new FileIngestor(mapping, context(e.period()), ReaderOptions.defaults())
                .ingest(dir.resolve(e.file()), o -> {
                    if (o instanceof RowOutcome.Rejected r) {
                        rejects.put(r.row().number(), r.rejects());
                    } else if (o instanceof RowOutcome.Loaded l && l.repaired()) {
                        repairs.put(l.row().number(), l.repairs());
                    }
                });
        return new Ingested(e, mapping, s, rejects, repairs);
    }

    /**
     * One line of {@code truth/faults.csv}.
     *
     * @param row 1-based data row (the header is row 0), so the spreadsheet row is {@code row + 1}
     */
    record Fault(String type, String file, long row, String field, String original, String faulty) {

        /** The 1-based row number as the readers count it (header = row 1). */
        long sourceRow() {
            return row + 1;
        }
    }

    static List<Fault> faults(Path dir) {
        List<Fault> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(dir.resolve("truth/faults.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                out.add(new Fault(rec.get("fault_type"), rec.get("file"), Long.parseLong(rec.get("row")), rec.get("field"),
                        rec.get("original_value"), rec.get("faulty_value")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<DatasetMapping> all() {
        return BuiltInMappings.all();
    }
}
