package org.olive.app.ingest;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.olive.period.Period;
import org.olive.pipeline.ingest.IngestReport;
import org.olive.pipeline.ingest.PeriodIngest;
import org.olive.synth.CountyGenerator;
import org.olive.synth.FaultRates;
import org.olive.synth.SynthOptions;

/** Seeds a test database by a real ingest of a tiny synthetic county (1,500 persons, December 2023). */
public final class IngestTestData {

    public static final Period PERIOD = Period.of(2023, 12);

    private IngestTestData() {
    }

    /** Generates the county into {@code dir} and ingests its December 2023; returns the report. */
    public static IngestReport seed(DataSource dataSource, Path dir) throws java.io.IOException {
        new CountyGenerator(new SynthOptions(dir, 7, 1500, PERIOD, PERIOD, FaultRates.defaults(), 10_000)).generate();
        return PeriodIngest.withDefaults(dataSource).ingest(dir.resolve(PERIOD.toString()), PERIOD);
    }
}
