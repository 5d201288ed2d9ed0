package org.olive.synth;

import java.nio.file.Path;
import java.util.Objects;
import org.olive.period.Period;

/**
 * Options of the synthetic county generator.
 *
 * @param outputDir            where the period folders, {@code truth/} and {@code manifest.json} are written
 * @param seed                 the seed; the same seed and options give byte-identical output
 * @param persons              registered (户籍) population at the start of the warm-up; migrants, tourists and
 *                             registered people living away scale with it
 * @param from                 first period written
 * @param to                   last period written (inclusive); 12 warm-up months before {@code from} are
 *                             simulated but only their crossings are written (the history load)
 * @param faults               fault-injection rates
 * @param touristVisitsPerYear tourist visits per year (each an IN and an OUT crossing). The real county
 *                             receives about 8 million; the default of 1,000,000 keeps demo disk and time small
 * @param area                 the county (divisions, code and names)
 * @param subsidies            how the policies are paid through the 一卡通 (take-up, delays, leakage, the skill
 *                             bonus's wage effect): {@link SubsidyOptions}
 */
public record SynthOptions(Path outputDir, long seed, int persons, Period from, Period to, FaultRates faults,
                           int touristVisitsPerYear, org.olive.geography.CountyArea area, SubsidyOptions subsidies) {

    /** Default seed. */
    public static final long DEFAULT_SEED = 20230101L;
    /** Default registered population, about Shengsi's ~76,000. */
    public static final int DEFAULT_PERSONS = 76_000;
    /** Default tourist visits per year, scaled down from the real ~8 million. */
    public static final int DEFAULT_TOURIST_VISITS = 1_000_000;
    /** Smallest county the generator accepts. */
    public static final int MIN_PERSONS = 100;

    /** The built-in county (Shengsi). */
    public SynthOptions(Path outputDir, long seed, int persons, Period from, Period to, FaultRates faults,
                        int touristVisitsPerYear) {
        this(outputDir, seed, persons, from, to, faults, touristVisitsPerYear, org.olive.geography.CountyArea.shengsi());
    }

    /** A county with the default subsidy options. */
    public SynthOptions(Path outputDir, long seed, int persons, Period from, Period to, FaultRates faults,
                        int touristVisitsPerYear, org.olive.geography.CountyArea area) {
        this(outputDir, seed, persons, from, to, faults, touristVisitsPerYear, area, SubsidyOptions.defaults());
    }

    public SynthOptions {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(subsidies, "subsidies");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(faults, "faults");
        if (persons < MIN_PERSONS) {
            throw new IllegalArgumentException("persons must be at least " + MIN_PERSONS + ", found " + persons);
        }
        if (to.compareTo(from) < 0) {
            throw new IllegalArgumentException("period 'to' (" + to + ") is before 'from' (" + from + ")");
        }
        if (touristVisitsPerYear < 0) {
            throw new IllegalArgumentException("touristVisitsPerYear must be >= 0, found " + touristVisitsPerYear);
        }
    }

    /** Seed 20230101, 76,000 registered persons, 2023-01 to 2025-12, default faults, 1,000,000 tourist visits. */
    public static SynthOptions defaults(Path outputDir) {
        return new SynthOptions(outputDir, DEFAULT_SEED, DEFAULT_PERSONS, Period.of(2023, 1), Period.of(2025, 12),
                FaultRates.defaults(), DEFAULT_TOURIST_VISITS);
    }

    public SynthOptions withPersons(int n) {
        return new SynthOptions(outputDir, seed, n, from, to, faults, touristVisitsPerYear, area, subsidies);
    }

    public SynthOptions withSeed(long s) {
        return new SynthOptions(outputDir, s, persons, from, to, faults, touristVisitsPerYear, area, subsidies);
    }

    public SynthOptions withPeriods(Period f, Period t) {
        return new SynthOptions(outputDir, seed, persons, f, t, faults, touristVisitsPerYear, area, subsidies);
    }

    public SynthOptions withFaults(FaultRates f) {
        return new SynthOptions(outputDir, seed, persons, from, to, f, touristVisitsPerYear, area, subsidies);
    }

    public SynthOptions withTouristVisitsPerYear(int v) {
        return new SynthOptions(outputDir, seed, persons, from, to, faults, v, area, subsidies);
    }

    public SynthOptions withOutputDir(Path dir) {
        return new SynthOptions(dir, seed, persons, from, to, faults, touristVisitsPerYear, area, subsidies);
    }

    /** The same options for the county of another profile. */
    public SynthOptions withArea(org.olive.geography.CountyArea a) {
        return new SynthOptions(outputDir, seed, persons, from, to, faults, touristVisitsPerYear, a, subsidies);
    }

    /** The same options with other subsidy options. */
    public SynthOptions withSubsidies(SubsidyOptions s) {
        return new SynthOptions(outputDir, seed, persons, from, to, faults, touristVisitsPerYear, area, s);
    }
}
