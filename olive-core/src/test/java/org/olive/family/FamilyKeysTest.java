package org.olive.family;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.olive.family.Households.familyOf;

/** Stable family keys across periods. */
class FamilyKeysTest {

    private final AtomicInteger next = new AtomicInteger(1);

    @Test
    void aFamilyKeepsThePreviousKeySharedByMostOfItsMembers() {
        List<String> keys = FamilyKeys.assign(List.of(List.of("a", "b", "c")), Map.of("a", "F1", "b", "F2", "c", "F2"),
                () -> "N" + next.getAndIncrement());
        assertThat(keys).containsExactly("F2");
    }

    @Test
    void onATieTheAnchorsKeyWins() {
        List<String> keys = FamilyKeys.assign(List.of(List.of("a", "b")), Map.of("a", "F9", "b", "F1"),
                () -> "N" + next.getAndIncrement());
        assertThat(keys).containsExactly("F9");
    }

    @Test
    void whenAFamilySplitsTheLargerPartKeepsTheKeyAndTheOtherGetsANewOne() {
        Map<String, String> prev = Map.of("a", "F1", "b", "F1", "c", "F1", "d", "F1", "e", "F1");
        List<String> keys = FamilyKeys.assign(List.of(List.of("d", "e"), List.of("a", "b", "c")), prev,
                () -> "N" + next.getAndIncrement());
        assertThat(keys).containsExactly("N1", "F1");
    }

    @Test
    void aNewFamilyGetsAFreshKeyAndAReusedFreshKeyIsRefused() {
        assertThat(FamilyKeys.assign(List.of(List.of("x")), Map.of(), () -> "N7")).containsExactly("N7");
        assertThatThrownBy(() -> FamilyKeys.assign(List.of(List.of("a"), List.of("x")), Map.of("a", "F1"), () -> "F1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("F1");
    }

    @Test
    void keysSurviveARebuildOfTheNextPeriodAndAMarriageOutOfTheFamily() {
        Households h = new Households();
        String head = h.member("H1", "02", "M", "1958-03-01", "20");
        h.member("H1", "10", "F", "1960-05-01", "20");
        String son = h.member("H1", "20", "M", "1990-01-01", "10");
        FamilyLedger first = h.build();
        String key = familyOf(first, head).familyKey();
        first.families().forEach(f -> f.members().forEach(m -> h.previous.put(m.personId(), f.familyKey())));

        // the son marries a bride who joins the hukou: a new couple, a new family; the parents keep their key
        h.hukou.replaceAll(m -> m.personId().equals(son) ? new HukouMember(son, m.name(), "H1", "20", "M",
                m.birthDate(), "20", m.villageCode(), "NORMAL", null, m.source()) : m);
        String bride = h.member("H1", "38", "F", "1991-01-01", "20");
        h.marriage(son, bride, "2025-03-03");
        FamilyLedger second = h.build();

        assertThat(familyOf(second, head).familyKey()).isEqualTo(key);
        assertThat(familyOf(second, son).familyKey()).isNotEqualTo(key).isEqualTo(familyOf(second, bride).familyKey());
    }
}
