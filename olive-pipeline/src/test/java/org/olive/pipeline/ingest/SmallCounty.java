package org.olive.pipeline.ingest;

import org.olive.period.Period;
import org.olive.synth.CountyGenerator;
import org.olive.synth.FaultRates;
import org.olive.synth.SynthOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small synthetic county, generated once per JVM for the pipeline tests (November–December 2023). */
final class SmallCounty {

    static final Period NOVEMBER = Period.of(2023, 11);
    static final Period DECEMBER = Period.of(2023, 12);
    private static Path faulty;
    private static Path clean;

    private SmallCounty() {
    }

    static synchronized Path withFaults() {
        if (faulty == null) {
            faulty = generate(FaultRates.defaults(), "faulty");
        }
        return faulty;
    }

    static synchronized Path clean() {
        if (clean == null) {
            clean = generate(FaultRates.none(), "clean");
        }
        return clean;
    }

    private static Path generate(FaultRates faults, String name) {
        try {
            Path dir = Files.createTempDirectory("olive-pipeline-" + name);
            new CountyGenerator(new SynthOptions(dir, 7, 2000, NOVEMBER, DECEMBER, faults, 20_000)).generate();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
