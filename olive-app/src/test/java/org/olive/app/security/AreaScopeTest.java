package org.olive.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.olive.app.account.Role;
import org.olive.geography.Divisions;

class AreaScopeTest {

    static final Divisions SHENGSI = Divisions.shengsi();

    @Test
    void cadreIsScopedToTheirTownship() {
        AreaScope s = AreaScope.of(new OliveUser("c", "干部", Role.CADRE, "330922100000", true, null), SHENGSI);
        assertThat(s.isCounty()).isFalse();
        assertThat(s.name()).isEqualTo("菜园镇");
        assertThat(s.includes("330922100000")).isTrue();
        assertThat(s.includes("330922100001")).isTrue(); // 东海社区, a village of 菜园镇
        assertThat(s.includes("330922101000")).isFalse(); // 嵊山镇
        assertThat(s.includes("330922200001")).isFalse();
        assertThat(s.includes(null)).isFalse();
    }

    @Test
    void everyoneElseSeesTheCounty() {
        for (Role r : new Role[] {Role.ADMIN, Role.ANALYST, Role.POLICY_OFFICER}) {
            AreaScope s = AreaScope.of(new OliveUser("u", "u", r, null, true, null), SHENGSI);
            assertThat(s.isCounty()).isTrue();
            assertThat(s.name()).isEqualTo("嵊泗县");
            SHENGSI.villages().forEach(v -> assertThat(s.includes(v.code())).isTrue());
            assertThat(s.includes("330921100000")).isFalse(); // another county
        }
    }

    @Test
    void everyTownshipScopeCoversExactlyItsVillages() {
        SHENGSI.townships().forEach(t -> {
            AreaScope s = AreaScope.township(t);
            assertThat(SHENGSI.villages().stream().filter(v -> s.includes(v.code())).toList())
                    .isEqualTo(SHENGSI.villagesOf(t.code()));
        });
        assertThatIllegalArgumentException().isThrownBy(() -> AreaScope.township(SHENGSI.villages().get(0)));
    }
}
