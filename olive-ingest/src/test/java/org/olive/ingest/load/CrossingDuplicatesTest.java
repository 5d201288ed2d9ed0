package org.olive.ingest.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.olive.ingest.TestFiles;
import org.olive.ingest.load.Fixture.Kind;
import org.olive.ingest.load.Fixture.Result;
import org.olive.ingest.reject.Reject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, item 4: duplicate crossings were neither rejected nor counted (15,767 of 15,796 injected ones), because
 * the dataset has no primary key and duplicate detection was keyed on it. Exact duplicate rows are now rejected.
 */
class CrossingDuplicatesTest {

    @TempDir
    Path dir;

    private static List<String> crossing(int n) {
        return List.of(TestFiles.id(n % 50), "居民" + (n % 50), n % 2 == 0 ? "进岛" : "出岛",
                String.format("2024-05-%02d %02d:%02d:00", 1 + n % 28, n % 24, n % 60), n % 3 == 0 ? "沈家湾" : "泗礁");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void exactDuplicateCrossingsAreRejectedAndNameTheFirstRow(Kind kind) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("证件号码", "姓名", "进出方向", "检票时间", "码头"));
        for (int n = 0; n < 1000; n++) {
            rows.add(crossing(n));
        }
        rows.add(crossing(999));             // adjacent, as the fault injector writes them
        rows.add(crossing(10));              // far from its original (row 12)
        List<String> otherPort = new ArrayList<>(crossing(10));
        otherPort.set(4, "其他码头");          // same person and time, another port: not a duplicate
        rows.add(otherPort);
        List<String> recoded = new ArrayList<>(crossing(20));
        recoded.set(2, "IN");                // 进岛 written as IN: the same parsed values, a duplicate
        rows.add(recoded);
        Result r = Fixture.ingest(Fixture.file(dir, "进出岛记录_202405", kind, rows), "crossings");
        assertThat(r.summary().rowsIn()).isEqualTo(1004);
        assertThat(r.summary().rejected()).isEqualTo(3);
        assertThat(r.rejected()).extracting(x -> x.rejects().get(0))
                .extracting(Reject::row, Reject::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1002L, "duplicate row: the same values as row 1001"),
                        org.assertj.core.groups.Tuple.tuple(1003L, "duplicate row: the same values as row 12"),
                        org.assertj.core.groups.Tuple.tuple(1005L, "duplicate row: the same values as row 22"));
    }

    @org.junit.jupiter.api.Test
    void fingerprintsSeparateRowsThatDifferInOneValue() {
        var seen = new java.util.HashSet<Long>();
        for (int n = 0; n < 200_000; n++) {
            assertThat(seen.add(RowFingerprints.fingerprint(new Object[]{"3101" + n, "IN", (long) n % 7}))).isTrue();
        }
    }
}
