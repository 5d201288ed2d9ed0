package org.olive.synth;

import java.nio.file.Path;
import org.olive.period.Period;

/**
 * Runs the generator and prints its summary and throughput, for benchmarks:
 * {@code java -cp ... org.olive.synth.SynthBenchmark OUT [persons] [from] [to] [seed]}.
 */
public final class SynthBenchmark {

    private SynthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: SynthBenchmark OUT [persons] [from YYYY-MM] [to YYYY-MM] [seed] [touristVisitsPerYear]");
            System.exit(2);
        }
        SynthOptions o = SynthOptions.defaults(Path.of(args[0]));
        if (args.length > 1) {
            o = o.withPersons(Integer.parseInt(args[1]));
        }
        if (args.length > 3) {
            o = o.withPeriods(Period.parse(args[2]), Period.parse(args[3]));
        }
        if (args.length > 4) {
            o = o.withSeed(Long.parseLong(args[4]));
        }
        if (args.length > 5) {
            o = o.withTouristVisitsPerYear(Integer.parseInt(args[5]));
        }
        boolean verbose = Boolean.getBoolean("olive.synth.verbose");
        SynthReport r = new CountyGenerator(o).progress(verbose ? System.out::println : s -> {
        }).generate();
        System.out.print(r.summary());
    }
}
