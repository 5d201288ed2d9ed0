package org.olive.family;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olive.family.Households.familyOf;
import static org.olive.family.Households.ids;

/** The family rule of domain.md §6, one case per clause, from the hukou codes alone (no register records). */
class FamilyRuleTest {

    @Test
    void twoMarriedCouplesInOneHukouAreTwoFamiliesEachWithItsUnmarriedChildren() {
        Households h = new Households();
        String head = h.member("H1", "02", "M", "1958-03-01", "20");
        String wife = h.member("H1", "10", "F", "1960-05-01", "20");
        String son = h.member("H1", "20", "M", "1985-01-01", "20");
        String dil = h.member("H1", "38", "F", "1987-01-01", "20");
        String grandson = h.member("H1", "41", "M", "2015-01-01", "10");
        String daughter = h.member("H1", "30", "F", "1995-01-01", "10");

        FamilyLedger l = h.build();

        assertThat(l.families()).hasSize(2);
        Family elders = familyOf(l, head);
        assertThat(ids(elders)).containsExactly(head, wife, daughter);
        assertThat(elders.anchorId()).isEqualTo(head);
        Family young = familyOf(l, son);
        assertThat(ids(young)).containsExactlyInAnyOrder(son, dil, grandson);
        assertThat(young.anchorId()).isEqualTo(son);
        assertThat(young.members()).extracting(Family.Member::role)
                .containsExactly(Family.Role.HEAD, Family.Role.SPOUSE, Family.Role.CHILD);
        assertThat(l.conflicts()).isEmpty();
        assertThat(young.members().get(1).basis()).contains("38 儿媳").contains("已婚夫妇为一个家庭");
    }

    @Test
    void aWidowedParentStaysWithTheHeadsFamilyButAParentCoupleIsItsOwnFamily() {
        Households h = new Households();
        String head = h.member("H1", "02", "M", "1975-03-01", "20");
        String wife = h.member("H1", "10", "F", "1976-05-01", "20");
        String mother = h.member("H1", "52", "F", "1948-01-01", "30");
        h.member("H2", "02", "M", "1975-03-01", "20");
        String wife2 = h.member("H2", "10", "F", "1976-05-01", "20");
        String father2 = h.member("H2", "51", "M", "1947-01-01", "20");
        String mother2 = h.member("H2", "52", "F", "1949-01-01", "20");
        String sister2 = h.member("H2", "77", "F", "1990-01-01", "10");

        FamilyLedger l = h.build();

        assertThat(ids(familyOf(l, head))).containsExactly(head, wife, mother);
        assertThat(familyOf(l, mother).members().get(2).role()).isEqualTo(Family.Role.PARENT);
        assertThat(ids(familyOf(l, father2))).containsExactlyInAnyOrder(father2, mother2, sister2);
        assertThat(familyOf(l, wife2)).isNotEqualTo(familyOf(l, father2));
    }

    @Test
    void aMarriedPersonWhoseSpouseIsNotInTheHukouGoesWithTheHeadsFamily() {
        Households h = new Households();
        String head = h.member("H1", "02", "M", "1958-03-01", "20");
        h.member("H1", "10", "F", "1960-05-01", "20");
        String son = h.member("H1", "20", "M", "1985-01-01", "20");
        String grandson = h.member("H1", "41", "M", "2015-01-01", "10");

        FamilyLedger l = h.build();

        assertThat(l.families()).hasSize(1);
        assertThat(ids(familyOf(l, head))).contains(son, grandson);
        Family.Member s = familyOf(l, son).members().stream().filter(m -> m.personId().equals(son)).findFirst().orElseThrow();
        assertThat(s.basis()).contains("已婚但配偶不在本户");
        Family.Member g = familyOf(l, grandson).members().stream().filter(m -> m.personId().equals(grandson)).findFirst()
                .orElseThrow();
        assertThat(g.role()).isEqualTo(Family.Role.GRANDCHILD);
    }

    @Test
    void aChildWhoseParentsAreNotInTheHukouGoesWithTheHeadsFamily() {
        Households h = new Households();
        String head = h.member("H1", "02", "F", "1950-03-01", "30");
        String grandchild = h.member("H1", "43", "M", "2012-01-01", "10");
        String single = h.member("H1", "20", "M", "1980-01-01", "10");

        FamilyLedger l = h.build();

        assertThat(l.families()).hasSize(1);
        assertThat(ids(familyOf(l, head))).containsExactlyInAnyOrder(head, grandchild, single);
        assertThat(l.families().get(0).members().stream().filter(m -> m.personId().equals(grandchild)).findFirst()
                .orElseThrow().basis()).contains("父母不在本户");
    }

    @Test
    void aMigrantIsAOnePersonFamilyUnlessListedInAHukou() {
        Households h = new Households();
        String head = h.member("H1", "02", "M", "1980-03-01", "10");
        String migrant = Households.id("1990-01-01", true);
        h.migrants.add(migrant);
        h.migrants.add(migrant);
        h.migrants.add(head);

        FamilyLedger l = h.build();

        assertThat(l.families()).hasSize(2);
        Family m = familyOf(l, migrant);
        assertThat(m.kind()).isEqualTo("MIGRANT");
        assertThat(m.hukouNo()).isNull();
        assertThat(ids(m)).containsExactly(migrant);
        assertThat(familyOf(l, head).kind()).isEqualTo("HUKOU");
    }

    @Test
    void deadAndMovedOutRowsAreNotMembers() {
        Households h = new Households();
        String head = h.member("H1", "02", "M", "1958-03-01", "30");
        String dead = Households.id("1959-01-01", false);
        h.hukou.add(h.row(dead, "H1", "10", "F", "1959-01-01", "20", "DEAD"));
        String gone = Households.id("1990-01-01", true);
        h.hukou.add(h.row(gone, "H1", "20", "M", "1990-01-01", "10", "MOVED_OUT"));

        FamilyLedger l = h.build();

        assertThat(l.families()).hasSize(1);
        assertThat(ids(l.families().get(0))).containsExactly(head);
        assertThat(l.conflicts()).isEmpty();
    }

    @Test
    void siblingsOfTheHeadWithTheirSpousesAndChildrenAreTheirOwnFamily() {
        Households h = new Households();
        String head = h.member("H1", "02", "M", "1980-03-01", "10");
        String brother = h.member("H1", "71", "M", "1976-01-01", "20");
        String sil = h.member("H1", "72", "F", "1977-01-01", "20");
        String nephew = h.member("H1", "99", "M", "2005-01-01", "10");

        FamilyLedger l = h.build();

        assertThat(ids(familyOf(l, brother))).containsExactlyInAnyOrder(brother, sil, nephew);
        assertThat(ids(familyOf(l, head))).containsExactly(head);
    }

    @Test
    void withoutAHeadRowTheSpouseStandsInAndSaysSo() {
        Households h = new Households();
        String wife = h.member("H1", "10", "F", "1960-05-01", "30");
        String son = h.member("H1", "20", "M", "1990-01-01", "10");

        FamilyLedger l = h.build();

        assertThat(l.families()).hasSize(1);
        assertThat(ids(familyOf(l, wife))).containsExactly(wife, son);
        assertThat(l.families().get(0).members().get(0).basis()).contains("无户主（02）记录");
    }
}
