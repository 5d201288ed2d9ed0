package org.olive.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.olive.period.Period;

class DeterminismTest {

    private static SynthOptions small(Path dir, long seed) {
        return SynthOptions.defaults(dir).withSeed(seed).withPersons(3000)
                .withPeriods(Period.of(2023, 1), Period.of(2023, 3)).withTouristVisitsPerYear(20_000);
    }

    static Map<String, String> hashes(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                out.put(root.relativize(p).toString(), HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDiffers() throws Exception {
        Path a = Counties.temp("det-a");
        Path b = Counties.temp("det-b");
        Path c = Counties.temp("det-c");
        new CountyGenerator(small(a, 7)).generate();
        new CountyGenerator(small(b, 7)).generate();
        new CountyGenerator(small(c, 8)).generate();
        Map<String, String> ha = hashes(a);
        Map<String, String> hb = hashes(b);
        Map<String, String> hc = hashes(c);
        assertThat(ha).hasSizeGreaterThan(70);
        assertThat(hb).isEqualTo(ha);
        assertThat(ha).containsKeys("truth/2023-03/occupations.csv", "truth/2023-03/groups.csv");
        assertThat(hc.get("truth/2023-03/groups.csv")).isNotEqualTo(ha.get("truth/2023-03/groups.csv"));
        assertThat(hc.keySet()).isEqualTo(ha.keySet());
        assertThat(hc.get("2023-01/户籍人口_202301.csv")).isNotEqualTo(ha.get("2023-01/户籍人口_202301.csv"));
        assertThat(hc.get("2023-02/进出岛记录_202302.csv")).isNotEqualTo(ha.get("2023-02/进出岛记录_202302.csv"));
    }

    @Test
    void rerunningIntoTheSameFolderReplacesTheOldOutput() throws IOException {
        Path a = Counties.temp("det-rerun");
        new CountyGenerator(small(a, 7).withPeriods(Period.of(2023, 1), Period.of(2023, 2))).generate();
        new CountyGenerator(small(a, 7).withPeriods(Period.of(2023, 1), Period.of(2023, 1))).generate();
        assertThat(a.resolve("2023-02")).doesNotExist();
        assertThat(a.resolve("2023-01")).isDirectory();
    }
}
