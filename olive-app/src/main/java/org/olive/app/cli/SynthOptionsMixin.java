package org.olive.app.cli;

import org.olive.period.Period;
import org.olive.synth.FaultRates;
import org.olive.synth.SynthOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options of the synthetic county, shared by {@code synth} and {@code demo}. */
public class SynthOptionsMixin {

    @Option(names = "--seed", defaultValue = "20230101", description = "Random seed; the same seed gives the same county (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--persons", defaultValue = "76000",
            description = "Registered population (户籍人口) to generate (default: ${DEFAULT-VALUE}; scale to millions for benchmarks).")
    int persons;

    @Option(names = "--from", defaultValue = "2023-01", description = "First period YYYY-MM (default: ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--to", defaultValue = "2025-12", description = "Last period YYYY-MM (default: ${DEFAULT-VALUE}).")
    String to;

    @Option(names = "--tourists", paramLabel = "VISITS",
            description = "Tourist visits per year in the crossings (default: the generator's default).")
    Integer touristVisitsPerYear;

    @Option(names = "--no-faults", description = "Generate clean data without injected faults.")
    boolean noFaults;

    SynthOptions toOptions(Path out) {
        Period f = Period.parse(from);
        Period t = Period.parse(to);
        SynthOptions d = SynthOptions.defaults(out);
        return new SynthOptions(out, seed, persons, f, t, noFaults ? FaultRates.none() : d.faults(),
                touristVisitsPerYear == null ? d.touristVisitsPerYear() : touristVisitsPerYear);
    }
}
