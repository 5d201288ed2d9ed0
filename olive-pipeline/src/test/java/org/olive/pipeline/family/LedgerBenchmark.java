package org.olive.pipeline.family;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.olive.family.FamilyBuilder;
import org.olive.family.FamilyInput;
import org.olive.family.FamilyLedger;
import org.olive.family.FamilyRules;
import org.olive.family.HukouMember;
import org.olive.identity.IdNumber;
import org.olive.ingest.load.FileIngestor;
import org.olive.ingest.mapping.BuiltInMappings;
import org.olive.ingest.mapping.DatasetMapping;
import org.olive.ingest.mapping.ValidationContext;
import org.olive.ingest.reject.RowOutcome;
import org.olive.ingest.table.ReaderOptions;
import org.olive.ingest.table.TableReader;
import org.olive.ingest.table.TableReaders;
import org.olive.period.Period;
import org.olive.population.Crossing;
import org.olive.population.Presence;
import org.olive.population.PresenceReconstruction;
import org.olive.population.ResidenceRules;
import org.olive.synth.CountyGenerator;
import org.olive.synth.FaultRates;
import org.olive.synth.SynthOptions;

/**
 * Benchmark of the two ledger algorithms on a whole county, without a database: residence (presence reconstructed
 * from a year of crossings for every person seen, domain.md §6) and family building. It generates a county for one
 * period (the generator also writes the crossings history of the year before), reads the period's files with the
 * ingest's readers and mappings, then times each algorithm (best of three) on all of the input and on half of it,
 * to show linear growth. Run: {@code ./mvnw -q -B -pl olive-pipeline -am verify -DskipTests -Pledger-benchmark
 * -Dolive.bench.persons=76000} (see docs/benchmarks.md).
 *
 * <p>Arguments: OUT_DIR [persons] [period].
 */
public final class LedgerBenchmark {

    private LedgerBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/olive-ledger-bench");
        int persons = args.length > 1 ? Integer.parseInt(args[1]) : SynthOptions.DEFAULT_PERSONS;
        Period period = args.length > 2 ? Period.parse(args[2]) : Period.of(2025, 12);
        Path county = out.resolve("county-" + persons);
        if (!Files.isDirectory(county.resolve(period.toString()))) {
            long t0 = System.nanoTime();
            new CountyGenerator(new SynthOptions(county, SynthOptions.DEFAULT_SEED, persons, period, period,
                    FaultRates.defaults(), SynthOptions.DEFAULT_TOURIST_VISITS)).generate();
            System.out.printf("generated %s in %.1f s%n", county, (System.nanoTime() - t0) / 1e9);
        }
        Path dir = county.resolve(period.toString());

        long t0 = System.nanoTime();
        PeriodRecords records = PeriodRecords.read(dir, period);
        Map<String, List<Crossing>> crossings = readCrossings(dir, period);
        long crossingRows = crossings.values().stream().mapToLong(List::size).sum();
        System.out.printf("read %,d hukou rows, %,d migrants, %,d crossings of %,d persons in %.1f s%n",
                records.hukou.size(), records.migrants.size(), crossingRows, crossings.size(),
                (System.nanoTime() - t0) / 1e9);

        Set<String> registered = new HashSet<>();
        for (HukouMember m : records.hukou) {
            if (m.normal()) {
                registered.add(m.personId());
            }
        }
        Set<String> everyone = new HashSet<>(registered);
        everyone.addAll(crossings.keySet());
        List<String> all = new ArrayList<>(everyone);
        List<String> half = all.subList(0, all.size() / 2);
        PresenceReconstruction presence = new PresenceReconstruction(ResidenceRules.defaults());
        long[] residents = new long[1];
        long presenceAll = best(() -> residents[0] = presence(presence, all, crossings, registered, period));
        long presenceHalf = best(() -> presence(presence, half, crossings, registered, period));
        System.out.printf("presence: %,d persons (%,d crossings) -> %,d residents: %,d ms; half the persons: %,d ms%n",
                all.size(), crossingRows, residents[0], presenceAll / 1_000_000, presenceHalf / 1_000_000);

        FamilyBuilder builder = new FamilyBuilder(FamilyRules.defaults());
        List<HukouMember> halfHukou = records.hukou.stream().filter(m -> (m.hukouNo().hashCode() & 1) == 0).toList();
        List<String> halfMigrants = records.migrants.subList(0, records.migrants.size() / 2);
        FamilyLedger[] ledger = new FamilyLedger[1];
        long familiesAll = best(() -> ledger[0] = builder.build(input(period, records.hukou, records.migrants, records)));
        long familiesHalf = best(() -> builder.build(input(period, halfHukou, halfMigrants, records)));
        System.out.printf("families: %,d hukou rows + %,d migrants -> %,d families, %,d conflicts: %,d ms; "
                        + "half the hukous: %,d ms%n", records.hukou.size(), records.migrants.size(),
                ledger[0].families().size(), ledger[0].conflicts().size(), familiesAll / 1_000_000,
                familiesHalf / 1_000_000);
    }

    private static long presence(PresenceReconstruction presence, List<String> persons,
                                 Map<String, List<Crossing>> crossings, Set<String> registered, Period period) {
        long residents = 0;
        for (String id : persons) {
            Presence p = presence.reconstruct(crossings.getOrDefault(id, List.of()), period.lastDay(),
                    registered.contains(id));
            if (p.resident()) {
                residents++;
            }
        }
        return residents;
    }

    private static long best(Runnable work) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            work.run();
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best;
    }

    private static FamilyInput input(Period p, List<HukouMember> hukou, List<String> migrants, PeriodRecords civil) {
        AtomicLong next = new AtomicLong();
        return new FamilyInput(p.toString(), p.lastDay(), hukou, migrants, civil.marriages, civil.births, civil.deaths,
                Map.of(), Map.of(), () -> "F" + next.incrementAndGet());
    }

    /** The crossings of a period folder (the month's file and, in a first delivery, the history load), by person. */
    private static Map<String, List<Crossing>> readCrossings(Path dir, Period period) {
        ValidationContext context = ValidationContext.shengsi(period.lastDay());
        Map<String, List<Crossing>> byPerson = new HashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            try (TableReader reader = TableReaders.open(file, ReaderOptions.defaults())) {
                Optional<DatasetMapping> m = BuiltInMappings.identify(reader.header(), BuiltInMappings.all());
                if (m.isEmpty() || !"crossings".equals(m.get().dataset())) {
                    continue;
                }
                String name = file.getFileName().toString();
                new FileIngestor(m.get(), context, ReaderOptions.defaults()).ingest(reader, o -> {
                    if (o instanceof RowOutcome.Loaded l) {
                        String id = ((IdNumber) l.record().get("person_id")).value();
                        byPerson.computeIfAbsent(id, k -> new ArrayList<>(4)).add(new Crossing(
                                (LocalDateTime) l.record().get("timestamp"),
                                Crossing.Direction.valueOf((String) l.record().get("direction")),
                                name + ":" + l.record().row()));
                    }
                });
            }
        }
        return byPerson;
    }
}
