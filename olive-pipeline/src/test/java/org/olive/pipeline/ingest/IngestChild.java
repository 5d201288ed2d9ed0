package org.olive.pipeline.ingest;

import org.olive.period.Period;

import java.nio.file.Path;

/** Runs an ingest in its own JVM, announcing each file, so that a test can kill it half-way. */
public final class IngestChild {
    public static void main(String[] args) {
        var ds = Databases.h2File(Path.of(args[0]));
        PeriodIngest.withDefaults(ds).chunkRows(500).progress(line -> {
            System.out.println("FILE " + line);
            System.out.flush();
        }).ingest(Path.of(args[1]), Period.parse(args[2]));
        System.out.println("DONE");
    }
}
