package org.olive.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.olive.period.Period;

/** Small counties generated once per test JVM and shared by the test classes. */
final class Counties {

    private static SynthReport clean;
    private static SynthReport faulty;
    private static SynthReport midsize;

    private Counties() {
    }

    private static final java.util.List<Path> CREATED = new java.util.ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : CREATED) {
                try (java.util.stream.Stream<Path> s = Files.walk(p)) {
                    s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException ignored) {
                    // best effort: the folder is under the system temp directory
                }
            }
        }));
    }

    /** A temporary output folder, deleted when the test JVM exits. */
    static synchronized Path temp(String name) {
        try {
            Path p = Files.createTempDirectory("olive-synth-" + name);
            CREATED.add(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 3,000 persons, 2023-11..2023-12 (so December's yearly files are present), no faults. */
    static synchronized SynthReport clean() throws IOException {
        if (clean == null) {
            SynthOptions o = SynthOptions.defaults(temp("clean")).withPersons(3000)
                    .withPeriods(Period.of(2023, 11), Period.of(2023, 12)).withFaults(FaultRates.none())
                    .withTouristVisitsPerYear(30_000);
            clean = new CountyGenerator(o).generate();
        }
        return clean;
    }

    /** 3,000 persons, 2023-01..2023-03, default faults. */
    static synchronized SynthReport faulty() throws IOException {
        if (faulty == null) {
            SynthOptions o = SynthOptions.defaults(temp("faulty")).withPersons(3000)
                    .withPeriods(Period.of(2023, 1), Period.of(2023, 3)).withTouristVisitsPerYear(30_000);
            faulty = new CountyGenerator(o).generate();
        }
        return faulty;
    }

    /** 20,000 persons, 2023-01 only (after the 2022 warm-up), default faults. */
    static synchronized SynthReport midsize() throws IOException {
        if (midsize == null) {
            SynthOptions o = SynthOptions.defaults(temp("midsize")).withPersons(20_000)
                    .withPeriods(Period.of(2023, 1), Period.of(2023, 1)).withTouristVisitsPerYear(60_000);
            midsize = new CountyGenerator(o).generate();
        }
        return midsize;
    }
}
