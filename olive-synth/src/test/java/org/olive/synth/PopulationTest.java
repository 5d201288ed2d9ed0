package org.olive.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.olive.period.Period;
import org.olive.synth.output.Catalog;
import org.olive.synth.truth.CountyStats;

/** The population has the shape of an ageing island county with in- and out-flows. */
class PopulationTest {

    @Test
    void populationShape() throws Exception {
        SynthReport r = Counties.midsize();
        CountyStats s = r.last();
        assertThat(s.registered()).isBetween(19_000, 21_000);
        double ratio = s.residents() / (double) s.registered();
        assertThat(ratio).as("residents / registered").isBetween(0.85, 1.0);
        assertThat(s.elderlyShareRegistered()).as("60+ share of registered").isBetween(0.30, 0.35);
        assertThat(s.floating()).as("floating residents").isGreaterThan(1000);
        assertThat(s.registeredNotResident()).as("人户分离").isGreaterThan(1000);
        // about a thousand B&Bs per 76,000 registered
        assertThat(s.bnbs()).isBetween((int) (1000 * 20_000 / 76_000 * 0.8), (int) (1000 * 20_000 / 76_000 * 1.2));
        assertThat(r.registered()).isEqualTo(s.registered());
        assertThat(r.residents()).isEqualTo(s.residents());
    }

    @Test
    void familiesOfAllShapes() throws Exception {
        Path out = Counties.midsize().outputDir();
        Period p = Period.of(2023, 1);
        List<List<String>> hukou = Files2.csv(out.resolve("2023-01").resolve(Catalog.HUKOU.fileName(p)),
                Catalog.HUKOU.encoding().charset());
        Map<String, Integer> relations = new HashMap<>();
        Map<String, Integer> hukouSizes = new HashMap<>();
        for (List<String> row : hukou.subList(1, hukou.size())) {
            relations.merge(row.get(6), 1, Integer::sum);
            hukouSizes.merge(row.get(5), 1, Integer::sum);
        }
        assertThat(relations).containsKeys("02", "10", "20", "30", "38", "41", "42");
        long singles = hukouSizes.values().stream().filter(v -> v == 1).count();
        long large = hukouSizes.values().stream().filter(v -> v >= 5).count();
        assertThat(singles).isGreaterThan(500);
        assertThat(large).isGreaterThan(100);
        // true families: several per hukou where two couples share it
        List<List<String>> fam = Files2.csv(out.resolve("truth/2023-01/families.csv"), StandardCharsets.UTF_8);
        Map<String, java.util.Set<String>> familiesPerHukou = new HashMap<>();
        for (List<String> row : fam.subList(1, fam.size())) {
            if (!row.get(4).isEmpty()) {
                familiesPerHukou.computeIfAbsent(row.get(4), k -> new java.util.HashSet<>()).add(row.get(1));
            }
        }
        assertThat(familiesPerHukou.values().stream().filter(f -> f.size() >= 2).count()).isGreaterThan(300);
    }

    @Test
    void crossingsShowSeasonalityAndTheHistoryLoad() throws Exception {
        Path first = Counties.faulty().outputDir().resolve("2023-01");
        Path history = first.resolve(Catalog.crossingsHistoryFile(Period.of(2022, 1), Period.of(2022, 12)));
        List<List<String>> rows = Files2.csv(history, StandardCharsets.UTF_8);
        Map<String, Integer> byMonth = new HashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            byMonth.merge(row.get(3).substring(0, 7), 1, Integer::sum);
        }
        assertThat(byMonth).hasSize(12);
        assertThat(byMonth.get("2022-08")).isGreaterThan(byMonth.get("2022-12") * 2);
    }
}
