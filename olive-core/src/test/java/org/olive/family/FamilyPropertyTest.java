package org.olive.family;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants over arbitrary (also nonsensical) hukou snapshots. */
class FamilyPropertyTest {

    private static final List<String> CODES = List.of("02", "10", "20", "28", "30", "38", "41", "42", "43", "44", "51",
            "52", "53", "54", "55", "56", "71", "72", "73", "74", "75", "76", "77", "78", "97", "99", "");
    private static final List<String> MARITAL = List.of("10", "20", "30", "40", "90");

    record Row(int hukou, String code, boolean male, int birthYear, String marital, int person, boolean dead) {
    }

    @Provide
    Arbitrary<List<Row>> snapshots() {
        Arbitrary<Row> row = Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.of(CODES),
                Arbitraries.of(true, false), Arbitraries.integers().between(1900, 2025), Arbitraries.of(MARITAL),
                Arbitraries.integers().between(0, 40), Arbitraries.of(false, false, false, true))
                .as(Row::new);
        return row.list().ofMaxSize(60);
    }

    @Property(tries = 300)
    void everyNormalLivingMemberEndsInExactlyOneFamily(@ForAll("snapshots") List<Row> rows) {
        List<HukouMember> hukou = new ArrayList<>();
        List<CivilRecords.Death> deaths = new ArrayList<>();
        Map<Integer, String> ids = new HashMap<>();
        for (Row r : rows) {
            String id = ids.computeIfAbsent(r.person(), p -> String.format("33092219%02d0101%03d1", p % 100, p));
            hukou.add(new HukouMember(id, "n", "H" + r.hukou(), r.code(), r.male() ? "M" : "F",
                    LocalDate.of(r.birthYear(), 1, 1), r.marital(), "330922100001", "NORMAL", null, "row"));
            if (r.dead()) {
                deaths.add(new CivilRecords.Death(id, LocalDate.of(2025, 1, 1), "death"));
            }
        }
        int[] next = {0};
        FamilyLedger l = new FamilyBuilder(FamilyRules.defaults()).build(new FamilyInput("2025-03",
                LocalDate.of(2025, 3, 31), hukou, List.of(), List.of(), List.of(), deaths, Map.of(), Map.of(),
                () -> "N" + next[0]++));

        Set<String> dead = new HashSet<>();
        deaths.forEach(d -> dead.add(d.personId()));
        Set<String> expected = new HashSet<>();
        hukou.forEach(m -> {
            if (!dead.contains(m.personId())) {
                expected.add(m.personId());
            }
        });
        List<String> placed = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Family f : l.families()) {
            assertThat(keys.add(f.familyKey())).isTrue();
            assertThat(f.members()).isNotEmpty();
            assertThat(f.members().get(0).personId()).isEqualTo(f.anchorId());
            f.members().forEach(m -> placed.add(m.personId()));
        }
        assertThat(placed).doesNotHaveDuplicates();
        assertThat(new HashSet<>(placed)).isEqualTo(expected);
        Set<String> conflictKeys = new HashSet<>();
        l.conflicts().forEach(c -> assertThat(conflictKeys.add(c.key())).isTrue());
    }
}
