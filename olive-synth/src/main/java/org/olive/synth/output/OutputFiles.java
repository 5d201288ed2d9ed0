package org.olive.synth.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.olive.period.Period;
import org.olive.synth.fault.FaultInjector;
import org.olive.synth.fault.FaultType;

/**
 * Opens the extract files of each period folder ({@code OUT/2023-01/...}), records every closed file for the
 * manifest, and writes the one misencoded file (a UTF-8 dataset in GB18030) where the fault plan says so.
 */
public final class OutputFiles {

    private final Path root;
    private final FaultInjector faults;
    private final List<ManifestEntry> entries = new ArrayList<>();
    private String misencodedKey;
    private Period misencodedPeriod;

    public OutputFiles(Path root, FaultInjector faults) {
        this.root = root;
        this.faults = faults;
    }

    public Path root() {
        return root;
    }

    /** Plans the misencoded file: this dataset (normally UTF-8) in this period is written in GB18030. */
    public void planMisencoding(String fullKey, Period period) {
        this.misencodedKey = fullKey;
        this.misencodedPeriod = period;
    }

    /** Opens the file of a dataset for a period, in its period folder. */
    public RowSink open(DatasetSpec spec, Period period) throws IOException {
        return open(spec, period, spec.fileName(period), spec.fullKey());
    }

    /** Opens a file with an explicit name (used by the crossings history load). */
    public RowSink open(DatasetSpec spec, Period period, String fileName, String manifestKey) throws IOException {
        return open(spec, period, fileName, manifestKey, faults);
    }

    /** Opens a file whose faults come from another injector (a writer thread's own). */
    public RowSink open(DatasetSpec spec, Period period, String fileName, String manifestKey, FaultInjector faults)
            throws IOException {
        Path dir = root.resolve(period.toString());
        Files.createDirectories(dir);
        Path file = dir.resolve(fileName);
        String rel = period + "/" + fileName;
        Runnable onClose = () -> register(manifestKey, period, rel, spec, file);
        if (spec.format() == Format.XLSX) {
            // The extract is stamped as delivered on the first day of the following month at 09:00.
            LocalDateTime stamp = period.next().firstDay().atTime(9, 0);
            return new XlsxSink(spec, file, rel, spec.stem(), stamp, faults, onClose);
        }
        Encoding enc = spec.encoding();
        boolean misencode = faults != null && spec.fullKey().equals(misencodedKey) && period.equals(misencodedPeriod)
                && manifestKey.equals(spec.fullKey());
        if (misencode) {
            faults.roll(FaultType.WRONG_ENCODING);
            faults.log().log(FaultType.WRONG_ENCODING, rel, 0, "(encoding)", enc.label(), "GB18030");
            return new CsvSink(spec, file, rel, Encoding.GB18030.charset(), false, faults, onClose);
        }
        return new CsvSink(spec, file, rel, enc.charset(), enc.bom(), faults, onClose);
    }

    private synchronized void register(String key, Period period, String rel, DatasetSpec spec, Path file) {
        try {
            long rows = countRowsHint.get(rel) == null ? -1 : countRowsHint.get(rel);
            entries.add(new ManifestEntry(key, period.toString(), rel,
                    spec.format() == Format.XLSX ? "UTF-8" : spec.encoding().label(), spec.format().extension(),
                    rows, Files.size(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final java.util.Map<String, Long> countRowsHint = new java.util.HashMap<>();

    /** Closes a sink and records its row count. */
    public void close(RowSink sink) throws IOException {
        synchronized (this) {
            countRowsHint.put(sink.relPath(), sink.rows());
        }
        sink.close();
    }

    public synchronized List<ManifestEntry> entries() {
        return new ArrayList<>(entries);
    }

    public long totalBytes() {
        return entries.stream().mapToLong(ManifestEntry::bytes).sum();
    }

    public long totalRows() {
        return entries.stream().mapToLong(ManifestEntry::rows).sum();
    }

    /** Registers a file written outside the sinks (truth files, summary). */
    public synchronized void registerOther(String key, String period, Path file, String rel, long rows) throws IOException {
        entries.add(new ManifestEntry(key, period, rel, "UTF-8", rel.endsWith(".json") ? "json" : "csv", rows,
                Files.size(file)));
    }

    /** Writes {@code manifest.json}. */
    public synchronized void writeManifest(String generatorInfo) throws IOException {
        // files are written by two threads; the manifest lists them in path order
        entries.sort(java.util.Comparator.comparing(ManifestEntry::file));
        StringBuilder sb = new StringBuilder(entries.size() * 160);
        sb.append("{\n  \"generator\": ").append(Json.str(generatorInfo)).append(",\n  \"files\": [\n");
        for (int i = 0; i < entries.size(); i++) {
            ManifestEntry e = entries.get(i);
            sb.append("    {\"dataset\": ").append(Json.str(e.dataset()))
                    .append(", \"period\": ").append(Json.str(e.period()))
                    .append(", \"file\": ").append(Json.str(e.file()))
                    .append(", \"encoding\": ").append(Json.str(e.encoding()))
                    .append(", \"format\": ").append(Json.str(e.format()))
                    .append(", \"rows\": ").append(e.rows())
                    .append(", \"bytes\": ").append(e.bytes()).append('}');
            sb.append(i + 1 < entries.size() ? ",\n" : "\n");
        }
        sb.append("  ]\n}\n");
        Files.writeString(root.resolve("manifest.json"), sb.toString(), StandardCharsets.UTF_8);
    }
}
