package org.olive.geography;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DivisionsTest {

    private final Divisions shengsi = Divisions.shengsi();

    @Test
    void hasSevenTownshipsAndThirtyEightVillages() {
        assertThat(shengsi.county().code()).isEqualTo("330922000000");
        assertThat(shengsi.townships()).hasSize(7);
        assertThat(shengsi.villages()).hasSize(38);
        assertThat(shengsi.villagesOf("330922100000")).extracting(Division::name).contains("东海社区居委会", "金平村委会");
    }

    @Test
    void urbanRuralComesFrom2016WhereTheNameMatches() {
        Division jihu = shengsi.get("330922100200"); // 基湖村委会, 2016 code 122
        assertThat(jihu.urbanRural()).isEqualTo(UrbanRural.URBAN);
        assertThat(jihu.urbanRuralBasis()).contains("2016").contains("122");
        Division nangang = shengsi.get("330922201205"); // 南港村 changed code but same name: 2016 code 210
        assertThat(nangang.urbanRural()).isEqualTo(UrbanRural.RURAL);
        assertThat(nangang.urbanRuralBasis()).contains("2016");
    }

    @Test
    void urbanRuralFallsBackToTheName() {
        Division jinping = shengsi.get("330922100213"); // 金平村委会: only in 2023
        assertThat(jinping.urbanRural()).isEqualTo(UrbanRural.RURAL);
        assertThat(jinping.urbanRuralBasis()).contains("村");
        assertThat(shengsi.villages()).allSatisfy(v -> assertThat(v.urbanRural()).isNotNull());
    }

    @Test
    void shortNamesAndTownships() {
        assertThat(shengsi.get("330922100001").shortName()).isEqualTo("东海社区");
        assertThat(shengsi.get("330922100200").shortName()).isEqualTo("基湖村");
        assertThat(shengsi.townshipOf("330922100200").name()).isEqualTo("菜园镇");
    }
}
