package org.olive.synth.fault;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The faults log {@code truth/faults.csv} (UTF-8, English headers): one line per injected fault with the file
 * (relative to the output folder), the 1-based data row (the header is row 0), the field (Chinese header,
 * {@code *} for whole-row faults, {@code (encoding)} for file faults), the original and the faulty value.
 */
public final class FaultLog implements Closeable {

    public static final String HEADER = "fault_type,file,row,field,original_value,faulty_value";

    private final java.io.Writer out;
    private final long[] counts = new long[FaultType.values().length];

    public FaultLog(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write(HEADER);
        out.write('\n');
    }

    private FaultLog() {
        out = new java.io.StringWriter();
    }

    /** A log kept in memory, for a writer thread; {@link #drainInto} appends it to the main log. */
    public static FaultLog inMemory() {
        return new FaultLog();
    }

    /** Appends this in-memory log's lines and counts to {@code main}, then empties this log. */
    public void drainInto(FaultLog main) {
        java.io.StringWriter sw = (java.io.StringWriter) out;
        try {
            main.out.write(sw.toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        sw.getBuffer().setLength(0);
        for (int i = 0; i < counts.length; i++) {
            main.counts[i] += counts[i];
            counts[i] = 0;
        }
    }

    public void log(FaultType type, String file, long row, String field, String original, String faulty) {
        counts[type.ordinal()]++;
        try {
            out.write(type.name());
            out.write(',');
            out.write(quote(file));
            out.write(',');
            out.write(Long.toString(row));
            out.write(',');
            out.write(quote(field));
            out.write(',');
            out.write(quote(original));
            out.write(',');
            out.write(quote(faulty));
            out.write('\n');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public long count(FaultType t) {
        return counts[t.ordinal()];
    }

    public long total() {
        long s = 0;
        for (long c : counts) {
            s += c;
        }
        return s;
    }

    static String quote(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
