package org.olive.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.olive.synth.fault.FaultType;
import org.olive.synth.output.Catalog;
import org.olive.synth.output.DatasetSpec;

/** With the default rates every fault type is injected, and each log entry points at the faulty cell. */
class FaultsTest {

    @Test
    void everyFaultTypeIsLoggedAndPointsAtTheRealRow() throws Exception {
        Path out = Counties.faulty().outputDir();
        List<List<String>> log = Files2.csv(out.resolve("truth/faults.csv"), StandardCharsets.UTF_8);
        assertThat(log.get(0)).containsExactly("fault_type", "file", "row", "field", "original_value", "faulty_value");
        Map<FaultType, List<List<String>>> byType = new EnumMap<>(FaultType.class);
        for (List<String> e : log.subList(1, log.size())) {
            byType.computeIfAbsent(FaultType.valueOf(e.get(0)), k -> new ArrayList<>()).add(e);
        }
        assertThat(byType.keySet()).containsExactlyInAnyOrder(FaultType.values());
        Map<String, List<List<String>>> cache = new HashMap<>();
        for (Map.Entry<FaultType, List<List<String>>> t : byType.entrySet()) {
            List<List<String>> entries = t.getValue();
            for (int k = 0; k < Math.min(entries.size(), 25); k++) {
                List<String> e = entries.get(k * Math.max(1, entries.size() / 25) % entries.size());
                check(out, t.getKey(), e, cache);
            }
        }
    }

    private static void check(Path out, FaultType type, List<String> e, Map<String, List<List<String>>> cache) throws Exception {
        String file = e.get(1);
        int row = Integer.parseInt(e.get(2));
        String field = e.get(3);
        Path f = out.resolve(file);
        assertThat(f).exists();
        if (type == FaultType.WRONG_ENCODING) {
            assertThat(e.get(5)).isEqualTo("GB18030");
            Files2.decodeStrict(f, Charset.forName("GB18030"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Files2.decodeStrict(f, StandardCharsets.UTF_8))
                    .isInstanceOf(java.io.IOException.class);
            return;
        }
        List<List<String>> rows = cache.computeIfAbsent(file, k -> read(out, k));
        if (type == FaultType.MISSING_CROSSING) {
            String dropped = e.get(4);
            assertThat(rows.stream().map(r -> String.join(",", r))).doesNotContain(dropped);
            return;
        }
        assertThat(row).isBetween(1, rows.size() - 1);
        List<String> data = rows.get(row);
        if (type == FaultType.DUPLICATE_ROW) {
            assertThat(data).isEqualTo(rows.get(row - 1));
            return;
        }
        int col = rows.get(0).indexOf(field);
        assertThat(col).as(field + " in " + file).isNotNegative();
        String actual = data.get(col);
        String faulty = e.get(5);
        if (type == FaultType.ABSURD_AMOUNT) {
            assertThat(new BigDecimal(actual)).as(file + " row " + row).isEqualByComparingTo(new BigDecimal(faulty));
        } else {
            assertThat(actual).as(type + " " + file + " row " + row + " " + field).isEqualTo(faulty);
        }
        if (type == FaultType.INVALID_ID_CHECKSUM) {
            assertThat(org.olive.identity.IdNumber.parse(actual).valid()).isFalse();
        }
        if (type == FaultType.LEGACY_ID_15) {
            assertThat(actual).hasSize(15);
            assertThat(org.olive.identity.IdNumber.parse(actual).id().value()).isEqualTo(e.get(4));
        }
    }

    private static List<List<String>> read(Path out, String rel) {
        try {
            Path f = out.resolve(rel);
            String name = f.getFileName().toString();
            for (DatasetSpec d : Catalog.ALL) {
                if (name.startsWith(d.stem() + "_")) {
                    if (name.endsWith(".xlsx")) {
                        return Files2.xlsx(f);
                    }
                    try {
                        return Files2.csv(f, d.encoding().charset());
                    } catch (java.io.IOException wrongEncoding) {
                        // the one misencoded file of the run
                        return Files2.csv(f, Charset.forName("GB18030"));
                    }
                }
            }
            throw new IllegalStateException("unknown file " + rel);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void noFaultsWhenTurnedOff() throws Exception {
        assertThat(Files.readAllLines(Counties.clean().outputDir().resolve("truth/faults.csv"))).hasSize(1);
    }
}
