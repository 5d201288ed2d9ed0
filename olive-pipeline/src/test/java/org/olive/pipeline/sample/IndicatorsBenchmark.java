package org.olive.pipeline.sample;

import org.olive.indicator.EquivalenceScale;
import org.olive.indicator.HouseholdSample;
import org.olive.indicator.IndicatorReport;
import org.olive.indicator.IndicatorSettings;
import org.olive.indicator.Indicators;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Times {@code olive indicators --sample} on a generated sample: writing aside, reading and checking the two CSV
 * files, then computing every indicator for all persons and per area, on each equivalence scale. Not a test: run
 * with {@code ./mvnw -q -B -pl olive-pipeline -am verify -DskipTests -Pindicators-benchmark [-Dolive.bench.persons=N]}.
 *
 * <p>Arguments: folder for the generated sample, number of persons (default 1 000 000).
 */
public final class IndicatorsBenchmark {

    private static final int AREAS = 20;
    private static final int RUNS = 5;

    private IndicatorsBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/olive-indicators-bench");
        int persons = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Files.createDirectories(dir);
        int households = generate(dir, persons, new Random(20251122));
        System.out.printf("sample: %,d persons in %,d households, %d areas, in %s%n", persons, households, AREAS, dir);

        long[] read = new long[RUNS];
        HouseholdSample sample = null;
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            sample = SampleReader.withDefaults().read(dir);
            read[i] = System.nanoTime() - t;
        }
        System.out.printf("read and check persons.csv + incomes.csv: %s%n", summary(read));
        for (EquivalenceScale scale : EquivalenceScale.values()) {
            IndicatorSettings settings = IndicatorSettings.of(org.olive.pipeline.income.IncomeSettings.builtIn().family(), org.olive.period.Period.of(2025, 12)).withScale(scale);
            for (boolean byArea : new boolean[]{false, true}) {
                long[] t = new long[RUNS + 2];
                IndicatorReport r = null;
                for (int i = 0; i < t.length; i++) { // the first two runs warm the JIT up and are not counted
                    long s = System.nanoTime();
                    r = Indicators.compute(sample, settings, byArea);
                    t[i] = System.nanoTime() - s;
                }
                System.out.printf("all indicators, %-13s %-8s: %s   (Gini %.2f, median %.0f)%n", scale, byArea ? "by area" : "overall",
                        summary(Arrays.copyOfRange(t, 2, t.length)), r.all().gini(), r.all().quantiles().get(5).value());
            }
        }
        long t = System.nanoTime();
        String json = IndicatorReportFormat.json(Indicators.compute(sample, IndicatorSettings.of(org.olive.pipeline.income.IncomeSettings.builtIn().family(), org.olive.period.Period.of(2025, 12)), true));
        System.out.printf("compute by area + JSON (%,d chars): %.0f ms%n", json.length(), (System.nanoTime() - t) / 1e6);
    }

    private static String summary(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("min %.0f ms, median %.0f ms, max %.0f ms over %d runs", s[0] / 1e6, s[s.length / 2] / 1e6,
                s[s.length - 1] / 1e6, s.length);
    }

    /** Writes households of 1–6 persons with log-normal wages and business income, pensions and outgoing transfers. */
    private static int generate(Path dir, int persons, Random rnd) throws IOException {
        int h = 0;
        try (BufferedWriter p = Files.newBufferedWriter(dir.resolve(SampleReader.PERSONS), StandardCharsets.UTF_8);
             BufferedWriter in = Files.newBufferedWriter(dir.resolve(SampleReader.INCOMES), StandardCharsets.UTF_8)) {
            p.write("household_id,person_id,age,sex,area,weight\n");
            in.write("household_id,person_id,component,amount\n");
            int written = 0;
            while (written < persons) {
                h++;
                int size = Math.min(persons - written, 1 + rnd.nextInt(6));
                String area = "area" + rnd.nextInt(AREAS);
                double weight = 50 + rnd.nextInt(100) / 4.0;
                for (int m = 0; m < size; m++) {
                    written++;
                    int age = m < 2 ? 20 + rnd.nextInt(60) : rnd.nextInt(25);
                    p.write("H" + h + ",P" + written + "," + age + "," + (1 + rnd.nextInt(2)) + "," + area + "," + weight + "\n");
                    if (age >= 18 && age < 60 && rnd.nextDouble() < 0.8) {
                        in.write("H" + h + ",P" + written + ",wage," + Math.round(Math.exp(10.3 + 0.6 * rnd.nextGaussian())) + "\n");
                    } else if (age >= 60) {
                        in.write("H" + h + ",P" + written + ",transfer_in," + (2_000 + rnd.nextInt(30_000)) + "\n");
                    }
                }
                if (rnd.nextDouble() < 0.3) {
                    in.write("H" + h + ",,business," + Math.round(Math.exp(10.5 + rnd.nextGaussian()) - 10_000) + "\n");
                }
                if (rnd.nextDouble() < 0.4) {
                    in.write("H" + h + ",,property," + rnd.nextInt(20_000) + "\n");
                }
                if (rnd.nextDouble() < 0.5) {
                    in.write("H" + h + ",,transfer_out," + rnd.nextInt(8_000) + "\n");
                }
            }
        }
        return h;
    }
}
