package org.olive.family;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olive.family.Households.familyOf;
import static org.olive.family.Households.ids;

/** Each conflict kind: detected with its evidence, the provisional action taken, a stored decision applied. */
class FamilyConflictTest {

    @Test
    void aDeadPersonStillListedIsProvisionallyDeadAndKeptIfTheDeathRecordIsDeclaredWrong() {
        Households h = new Households();
        String head = h.member("H1", "02", "M", "1940-03-01", "20");
        String wife = h.member("H1", "10", "F", "1942-05-01", "20");
        h.death(head, "2025-02-10");

        FamilyLedger l = h.build();

        assertThat(familyOf(l, head)).isNull();
        assertThat(ids(familyOf(l, wife))).containsExactly(wife);
        Conflict c = only(l, Conflict.Kind.DEAD_STILL_LISTED);
        assertThat(c.key()).isEqualTo("DEAD_STILL_LISTED:" + head + ":H1");
        assertThat(c.options()).containsExactly("CONFIRM_DEATH", "DEATH_RECORD_WRONG");
        assertThat(c.evidence()).contains("出生死亡登记_202503.csv").contains("户籍人口_202503.csv").contains("2025-02-10");
        assertThat(c.open()).isTrue();

        h.resolutions.put(c.key(), "DEATH_RECORD_WRONG");
        FamilyLedger again = h.build();
        assertThat(ids(familyOf(again, head))).containsExactly(head, wife);
        assertThat(only(again, Conflict.Kind.DEAD_STILL_LISTED).decision()).isEqualTo("DEATH_RECORD_WRONG");
    }

    @Test
    void aChildInLawCodedAsSpouseIsReadAsChildInLawSoTheFamiliesComeOutRight() {
        // the generator's SPOUSE_CONFLICT fault: a 儿媳 written as 10 配偶
        Households h = new Households();
        String head = h.member("H1", "02", "M", "1958-03-01", "20");
        String wife = h.member("H1", "10", "F", "1960-05-01", "20");
        String son = h.member("H1", "20", "M", "1985-01-01", "20");
        String dil = h.member("H1", "10", "F", "1987-01-01", "20");
        String grandson = h.member("H1", "41", "M", "2015-01-01", "10");

        FamilyLedger l = h.build();

        assertThat(ids(familyOf(l, head))).containsExactly(head, wife);
        assertThat(ids(familyOf(l, son))).containsExactlyInAnyOrder(son, dil, grandson);
        Conflict c = l.conflicts().stream().filter(x -> x.personIds().contains(dil)).findFirst().orElseThrow();
        assertThat(c.kind()).isEqualTo(Conflict.Kind.SPOUSE_MISMATCH);
        assertThat(c.options().get(0)).isEqualTo("CHILD_IN_LAW");
        assertThat(c.evidence()).contains("本户共有 2 人记为 10 配偶").contains("与户主年龄相差");
        assertThat(c.key()).isEqualTo(ConflictLog.key(Conflict.Kind.SPOUSE_MISMATCH, List.of(dil, head), "H1"));
    }

    @Test
    void aLoneChildInLawCodedAsSpouseOfAWidowedHeadIsAlsoSettled() {
        Households h = new Households();
        String head = h.member("H1", "02", "F", "1950-03-01", "30");
        String daughter = h.member("H1", "30", "F", "1978-01-01", "20");
        String sil = h.member("H1", "10", "M", "1977-01-01", "20");
        String grandchild = h.member("H1", "43", "F", "2008-01-01", "10");

        FamilyLedger l = h.build();

        assertThat(ids(familyOf(l, head))).containsExactly(head);
        assertThat(ids(familyOf(l, daughter))).containsExactlyInAnyOrder(daughter, sil, grandchild);
        assertThat(only(l, Conflict.Kind.SPOUSE_MISMATCH).evidence()).contains("户主婚姻状况为 30");
    }

    @Test
    void theMarriageRegisterOverridesTheSpouseCodeAndADecisionOverridesBoth() {
        Households h = new Households();
        String head = h.member("H1", "02", "M", "1962-03-01", "20");
        String wife = h.member("H1", "10", "F", "1963-05-01", "20");
        String son = h.member("H1", "20", "M", "1985-01-01", "20");
        String other = h.member("H1", "10", "F", "1966-01-01", "20");
        h.marriage(son, other, "2025-01-15");

        FamilyLedger l = h.build();

        assertThat(ids(familyOf(l, head))).containsExactly(head, wife);
        assertThat(ids(familyOf(l, son))).containsExactlyInAnyOrder(son, other);
        Conflict c = l.conflicts().stream().filter(x -> x.personIds().contains(other)).findFirst().orElseThrow();
        assertThat(c.evidence()).contains("婚姻登记_202503.xlsx").contains("本户成员");
        assertThat(familyOf(l, son).members().get(0).basis()).contains("婚姻登记_202503.xlsx 第2行");

        h.resolutions.put(c.key(), "SPOUSE_OF_HEAD");
        Conflict first = l.conflicts().stream().filter(x -> x.personIds().contains(wife)).findFirst().orElseThrow();
        h.resolutions.put(first.key(), "CHILD_IN_LAW");
        FamilyLedger again = h.build();
        // the decisions make the register's bride the head's spouse; the son's registered wife is then not in the
        // hukou, so he (married, spouse elsewhere) and the other 10 (declared a child-in-law, no partner) join the head
        Family f = familyOf(again, head);
        assertThat(f.members().get(1).personId()).isEqualTo(other);
        assertThat(f.members().get(1).role()).isEqualTo(Family.Role.SPOUSE);
        assertThat(ids(f)).containsExactlyInAnyOrder(head, other, son, wife);
        assertThat(again.conflicts()).filteredOn(x -> x.key().equals(c.key())).singleElement()
                .extracting(Conflict::decision).isEqualTo("SPOUSE_OF_HEAD");
    }

    @Test
    void aRegisteredDivorceFromTheHeadIsASpouseMismatch() {
        Households h = new Households();
        String head = h.member("H1", "02", "M", "1962-03-01", "20");
        String ex = h.member("H1", "10", "F", "1963-05-01", "20");
        h.marriage(head, ex, "2025-01-02");
        h.divorce(head, ex, "2025-03-02");

        FamilyLedger l = h.build();

        Conflict c = only(l, Conflict.Kind.SPOUSE_MISMATCH);
        assertThat(c.evidence()).contains("离婚 2025-03-02");
        assertThat(c.options()).containsExactly("NOT_SPOUSE_OF_HEAD", "SPOUSE_OF_HEAD");
        assertThat(ids(familyOf(l, head))).containsExactly(head, ex);
        assertThat(familyOf(l, head).members().get(1).role()).isEqualTo(Family.Role.OTHER);
    }

    @Test
    void aPersonInTwoHukousIsKeptWhereTheRegisteredSpouseIsUntilDecidedOtherwise() {
        Households h = new Households();
        String head1 = h.member("H1", "02", "M", "1980-03-01", "20");
        String wife = h.member("H1", "10", "F", "1982-05-01", "20");
        h.marriage(head1, wife, "2025-02-01");
        String mother = h.member("H2", "02", "F", "1955-01-01", "30");
        h.hukou.add(h.row(wife, "H2", "30", "F", "1982-05-01", "20", "NORMAL"));

        FamilyLedger l = h.build();

        assertThat(ids(familyOf(l, head1))).containsExactly(head1, wife);
        assertThat(ids(familyOf(l, mother))).containsExactly(mother);
        Conflict c = only(l, Conflict.Kind.TWO_HUKOUS);
        assertThat(c.key()).isEqualTo("TWO_HUKOUS:" + wife);
        assertThat(c.options()).containsExactly("KEEP_IN_H1", "KEEP_IN_H2");
        assertThat(c.evidence()).contains("登记的配偶在此户");

        h.resolutions.put(c.key(), "KEEP_IN_H2");
        FamilyLedger again = h.build();
        assertThat(ids(familyOf(again, mother))).containsExactlyInAnyOrder(mother, wife);
    }

    @Test
    void aMinorWhoseRegisteredParentsLiveInAnotherHukouStaysUnlessDecided() {
        Households h = new Households();
        String grandma = h.member("H1", "02", "F", "1955-03-01", "30");
        String child = h.member("H1", "43", "M", "2025-01-05", "10");
        String father = h.member("H2", "02", "M", "1990-01-01", "20");
        String mother = h.member("H2", "10", "F", "1992-01-01", "20");
        h.birth(child, mother, father, "2025-01-05");

        FamilyLedger l = h.build();

        assertThat(ids(familyOf(l, grandma))).containsExactly(grandma, child);
        Conflict c = only(l, Conflict.Kind.PARENTS_ELSEWHERE);
        assertThat(c.personIds()).containsExactlyInAnyOrder(child, father, mother);
        assertThat(c.evidence()).contains("户号 H2").contains("出生死亡登记_202503.csv");

        h.resolutions.put(c.key(), "JOIN_PARENTS_FAMILY");
        FamilyLedger again = h.build();
        assertThat(ids(familyOf(again, father))).containsExactly(father, mother, child);
        assertThat(familyOf(again, child).members().get(2).role()).isEqualTo(Family.Role.CHILD);
    }

    @Test
    void impossibleAgesAreReported() {
        Households h = new Households();
        String head = h.member("H1", "02", "M", "1980-03-01", "20");
        h.member("H1", "10", "F", "1981-05-01", "20");
        String child = h.member("H1", "20", "M", "1990-01-01", "10");
        String ancient = h.member("H1", "52", "F", "1890-01-01", "30");
        String minor = h.member("H2", "02", "M", "2010-01-01", "20");

        FamilyLedger l = h.build();

        assertThat(l.conflicts()).filteredOn(c -> c.kind() == Conflict.Kind.IMPOSSIBLE_AGE)
                .extracting(Conflict::personIds)
                .containsExactlyInAnyOrder(List.of(ancient), List.of(head, child).stream().sorted().toList(),
                        List.of(minor));
        Conflict old = l.conflicts().stream().filter(c -> c.personIds().equals(List.of(ancient))).findFirst().orElseThrow();
        assertThat(old.evidence()).contains("超过 120 岁");
        assertThat(familyOf(l, ancient)).isNotNull();

        h.resolutions.put(old.key(), "EXCLUDE");
        assertThat(familyOf(h.build(), ancient)).isNull();
    }

    @Test
    void aGrandchildWhosePossibleParentsAreTwoCouplesIsAmbiguousUnlessTheBirthRegisterSettlesIt() {
        Households h = new Households();
        h.member("H1", "02", "M", "1950-03-01", "20");
        h.member("H1", "10", "F", "1952-05-01", "20");
        String son1 = h.member("H1", "20", "M", "1978-01-01", "20");
        String dil1 = h.member("H1", "38", "F", "1978-06-01", "20");
        String son2 = h.member("H1", "20", "M", "1982-01-01", "20");
        String dil2 = h.member("H1", "38", "F", "1983-06-01", "20");
        h.marriage(son1, dil1, "2025-01-10");
        h.marriage(son2, dil2, "2025-01-11");
        String kid = h.member("H1", "42", "F", "2012-01-01", "10");

        FamilyLedger l = h.build();

        Conflict c = only(l, Conflict.Kind.AMBIGUOUS_PARENTS);
        assertThat(c.personIds()).containsExactlyInAnyOrder(kid, son1, son2);
        assertThat(c.options()).hasSize(2).allMatch(o -> o.startsWith("PARENT_"));
        Family provisional = familyOf(l, kid);
        assertThat(provisional.members().stream().map(Family.Member::personId)).containsAnyOf(son1, son2);

        String other = ids(provisional).contains(son1) ? son2 : son1;
        h.resolutions.put(c.key(), c.options().get(1));
        assertThat(ids(familyOf(h.build(), kid))).contains(other);

        h.resolutions.clear();
        h.birth(kid, dil2, son2, "2012-01-01");
        FamilyLedger settled = h.build();
        assertThat(settled.conflicts()).noneMatch(x -> x.kind() == Conflict.Kind.AMBIGUOUS_PARENTS);
        assertThat(ids(familyOf(settled, kid))).containsExactlyInAnyOrder(son2, dil2, kid);
    }

    @Test
    void idNumbersAreMaskedInEveryText() {
        Households h = new Households();
        String head = h.member("H1", "02", "M", "1958-03-01", "20");
        h.member("H1", "10", "F", "1960-05-01", "20");
        String son = h.member("H1", "20", "M", "1985-01-01", "20");
        String dil = h.member("H1", "10", "F", "1987-01-01", "20");
        h.marriage(son, dil, "2025-01-15");
        h.death(head, "2025-03-01");

        FamilyLedger l = h.build();

        List<String> ids = h.hukou.stream().map(HukouMember::personId).toList();
        for (Conflict c : l.conflicts()) {
            ids.forEach(id -> assertThat(c.evidence()).doesNotContain(id));
        }
        for (Family f : l.families()) {
            for (Family.Member m : f.members()) {
                ids.forEach(id -> assertThat(m.basis()).doesNotContain(id));
            }
        }
        assertThat(l.conflicts()).isNotEmpty();
    }

    private static Conflict only(FamilyLedger l, Conflict.Kind kind) {
        List<Conflict> cs = l.conflicts().stream().filter(c -> c.kind() == kind).toList();
        assertThat(cs).hasSize(1);
        return cs.get(0);
    }
}
