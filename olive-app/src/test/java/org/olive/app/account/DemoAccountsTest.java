package org.olive.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.olive.geography.Divisions;

class DemoAccountsTest {

    @Test
    void passwordsAreTenUnambiguousCharactersAndDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String p = DemoAccounts.randomPassword();
            assertThat(p).hasSize(10).matches("[a-km-zA-HJ-NP-Z2-9]{10}");
            seen.add(p);
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void demoCadreTownshipIsCaiyuan() {
        assertThat(Divisions.shengsi().get(DemoAccounts.DEMO_CADRE_TOWNSHIP).name()).isEqualTo("菜园镇");
        assertThat(DemoAccounts.DEMOS).extracting(DemoAccounts.Demo::username)
                .containsExactly("admin", "analyst", "cadre", "policy");
    }

    @Test
    void printsUrlUsersRolesAndPasswords() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DemoAccounts.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "http://localhost:8080/",
                List.of(new String[] {"admin", "ADMIN", "abcdefghij", "管理员"},
                        new String[] {"cadre", "CADRE", "kmnpqrstuv", "菜园镇干部 (菜园镇)"}));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("http://localhost:8080/", "admin", "ADMIN", "abcdefghij", "cadre", "CADRE",
                "kmnpqrstuv", "菜园镇");
    }
}
