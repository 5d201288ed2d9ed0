package org.olive.pipeline.family;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.family.Conflict;
import org.olive.family.Family;
import org.olive.family.FamilyBuilder;
import org.olive.family.FamilyInput;
import org.olive.family.FamilyLedger;
import org.olive.family.FamilyRules;
import org.olive.period.Period;
import org.olive.synth.CountyGenerator;
import org.olive.synth.FaultRates;
import org.olive.synth.SynthOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The family builder against the generator's truth: a county of 8,000 persons over four months, read with
 * olive-ingest as the pipeline reads it, families built month by month with the previous month's keys.
 */
class FamilyTruthTest {

    private static final Period FROM = Period.of(2025, 1);
    private static final Period TO = Period.of(2025, 4);

    @TempDir
    Path dir;

    @Test
    void defaultFaultsReproduceAtLeast99PercentOfFamiliesExactly() throws Exception {
        List<TruthComparison> months = run(FaultRates.defaults(), "default faults");
        for (TruthComparison c : months) {
            assertThat(c.exactShare()).as(c.toString()).isGreaterThanOrEqualTo(0.99);
            assertThat(c.precision()).as(c.toString()).isGreaterThanOrEqualTo(0.99);
            assertThat(c.recall()).as(c.toString()).isGreaterThanOrEqualTo(0.99);
        }
    }

    @Test
    void withoutFaultsFamiliesAreReproducedAlmostPerfectly() throws Exception {
        List<TruthComparison> months = run(FaultRates.none(), "no faults");
        for (TruthComparison c : months) {
            assertThat(c.exactShare()).as(c.toString()).isGreaterThanOrEqualTo(0.995);
        }
    }

    /** Prints the hukou rows behind the first mismatches (run with -Dfamily.debug). */
    private static void debug(TruthComparison c, PeriodRecords r, FamilyLedger ledger) {
        java.util.Set<String> hukous = new java.util.TreeSet<>();
        for (String e : c.examples().stream().limit(6).toList()) {
            for (org.olive.family.HukouMember m : r.hukou) {
                if (e.contains(m.personId())) {
                    hukous.add(m.hukouNo());
                }
            }
        }
        for (String h : hukous) {
            System.out.println("   hukou " + h);
            for (org.olive.family.HukouMember m : r.hukou) {
                if (m.hukouNo().equals(h)) {
                    System.out.println("      " + m.personId() + " " + m.relationCode() + " " + m.sex() + " "
                            + m.birthDate() + " " + m.maritalStatus() + " " + m.status());
                }
            }
            for (Family f : ledger.families()) {
                if (h.equals(f.hukouNo())) {
                    f.members().forEach(x -> System.out.println("      " + f.familyKey() + " " + x.role() + " " + x.basis()));
                }
            }
        }
        ledger.conflicts().stream().limit(3).forEach(k -> System.out.println("   conflict " + k));
    }

    private List<TruthComparison> run(FaultRates faults, String label) throws Exception {
        new CountyGenerator(new SynthOptions(dir, 11, 8000, FROM, TO, faults, 20_000)).generate();
        FamilyBuilder builder = new FamilyBuilder(FamilyRules.defaults());
        AtomicLong next = new AtomicLong(1);
        Map<String, String> previous = Map.of();
        List<TruthComparison> out = new ArrayList<>();
        PeriodRecords all = new PeriodRecords();
        int stable = 0;
        int comparable = 0;
        for (Period p = FROM; p.compareTo(TO) <= 0; p = p.next()) {
            PeriodRecords r = PeriodRecords.read(dir.resolve(p.toString()), p);
            // the registers accumulate over the window; the hukou and migrants are the month's snapshot
            all.marriages.addAll(r.marriages);
            all.births.addAll(r.births);
            all.deaths.addAll(r.deaths);
            long t0 = System.nanoTime();
            FamilyLedger ledger = builder.build(new FamilyInput(p.toString(), p.lastDay(), r.hukou, r.migrants,
                    all.marriages, all.births, all.deaths, previous, Map.of(), () -> "F" + next.getAndIncrement()));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Map<String, String> truth = TruthComparison.readTruth(dir.resolve("truth").resolve(p.toString())
                    .resolve("families.csv"));
            TruthComparison c = TruthComparison.compare(truth, ledger.families(), r.hukousWithRejects);
            Map<String, String> now = new HashMap<>();
            for (Family f : ledger.families()) {
                for (Family.Member m : f.members()) {
                    now.put(m.personId(), f.familyKey());
                    if (previous.containsKey(m.personId())) {
                        comparable++;
                        if (previous.get(m.personId()).equals(f.familyKey())) {
                            stable++;
                        }
                    }
                }
            }
            Map<Conflict.Kind, Integer> kinds = new TreeMap<>();
            ledger.conflicts().forEach(k -> kinds.merge(k.kind(), 1, Integer::sum));
            System.out.printf("[family truth, %s] %s: %d families built in %d ms; %s; conflicts %s%n", label, p,
                    ledger.families().size(), ms, c, kinds);
            c.examples().stream().limit(5).forEach(e -> System.out.println("   mismatch " + e));
            if (System.getProperty("family.debug") != null) {
                debug(c, r, ledger);
            }
            out.add(c);
            previous = now;
        }
        System.out.printf("[family truth, %s] keys kept month to month: %d of %d persons%n", label, stable, comparable);
        assertThat(out).hasSize(4);
        return out;
    }
}
