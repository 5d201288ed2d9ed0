package org.olive.pipeline.family;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.olive.family.FamilyBuilder;
import org.olive.family.FamilyInput;
import org.olive.family.FamilyLedger;
import org.olive.family.FamilyRules;
import org.olive.family.HukouMember;
import org.olive.period.Period;
import org.olive.synth.CountyGenerator;
import org.olive.synth.FaultRates;
import org.olive.synth.SynthOptions;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times the family builder on the default county size (76,000 persons, default faults), on all of it and on half
 * of its hukous, to show the build takes well under a few seconds and grows linearly. Slow (it generates the
 * county): run with {@code -Dfamily.timing=true}.
 */
@Tag("slow")
@EnabledIfSystemProperty(named = "family.timing", matches = "true")
class FamilyBuildTimingTest {

    @TempDir
    Path dir;

    @Test
    void defaultCountyBuildsInSecondsAndLinearly() throws Exception {
        Period from = Period.of(2025, 1);
        Period to = Period.of(2025, 2);
        new CountyGenerator(new SynthOptions(dir, SynthOptions.DEFAULT_SEED, SynthOptions.DEFAULT_PERSONS, from, to,
                FaultRates.defaults(), 20_000)).generate();
        PeriodRecords jan = PeriodRecords.read(dir.resolve(from.toString()), from);
        PeriodRecords feb = PeriodRecords.read(dir.resolve(to.toString()), to);
        jan.marriages.addAll(feb.marriages);
        jan.births.addAll(feb.births);
        jan.deaths.addAll(feb.deaths);
        FamilyBuilder builder = new FamilyBuilder(FamilyRules.defaults());
        List<HukouMember> half = feb.hukou.stream().filter(m -> (m.hukouNo().hashCode() & 1) == 0).toList();
        List<String> halfMigrants = feb.migrants.subList(0, feb.migrants.size() / 2);
        long full = Long.MAX_VALUE;
        long part = Long.MAX_VALUE;
        FamilyLedger ledger = null;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            ledger = builder.build(input(to, feb.hukou, feb.migrants, jan));
            full = Math.min(full, System.nanoTime() - t0);
            t0 = System.nanoTime();
            builder.build(input(to, half, halfMigrants, jan));
            part = Math.min(part, System.nanoTime() - t0);
        }
        System.out.printf("[family timing] %d hukou rows + %d migrants -> %d families, %d conflicts: best of 3 %d ms; "
                        + "half (%d rows): %d ms%n", feb.hukou.size(), feb.migrants.size(), ledger.families().size(),
                ledger.conflicts().size(), full / 1_000_000, half.size(), part / 1_000_000);
        assertThat(full / 1_000_000).isLessThan(5_000);
    }

    private static FamilyInput input(Period p, List<HukouMember> hukou, List<String> migrants, PeriodRecords civil) {
        AtomicLong next = new AtomicLong();
        return new FamilyInput(p.toString(), p.lastDay(), hukou, migrants, civil.marriages, civil.births, civil.deaths,
                Map.of(), Map.of(), () -> "F" + next.incrementAndGet());
    }
}
