package org.olive.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.olive.app.account.Permission;
import org.olive.app.account.Role;

/**
 * docs/access.md's permission table is the matrix of {@link Permission}, row for row: a change to one without the
 * other fails here.
 */
class AccessMatrixDocTest {

    static final Path DOC = Path.of("..", "docs", "access.md");

    @Test
    void thePermissionTableOfTheDocIsThePermissionEnum() throws IOException {
        List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        int header = lines.indexOf("| permission | ADMIN | ANALYST | CADRE | POLICY_OFFICER |");
        assertThat(header).as("the permission table's header in " + DOC).isNotNegative();
        List<Role> columns = List.of(Role.ADMIN, Role.ANALYST, Role.CADRE, Role.POLICY_OFFICER);
        Map<Permission, Set<Role>> documented = new EnumMap<>(Permission.class);
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = Arrays.stream(lines.get(i).split("\\|")).map(String::strip).skip(1).toArray(String[]::new);
            Permission p = Permission.valueOf(cells[0].replace("`", ""));
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (int c = 0; c < columns.size(); c++) {
                assertThat(cells[c + 1]).as(p + " / " + columns.get(c)).isIn("✓", "–");
                if (cells[c + 1].equals("✓")) {
                    roles.add(columns.get(c));
                }
            }
            documented.put(p, roles);
        }
        assertThat(documented.keySet()).as("every permission documented").containsExactly(Permission.values());
        for (Permission p : Permission.values()) {
            assertThat(documented.get(p)).as(p.name()).isEqualTo(p.roles());
        }
    }

    @Test
    void thePolicyOfficerReadsNoPersonalData() {
        assertThat(Role.POLICY_OFFICER.may(Permission.READ_PERSONAL_DATA)).isFalse();
        // the policy officer's permissions: the what-if's aggregates (its family rows need READ_PERSONAL_DATA) and the
        // handling of the policy ledger's push lists
        assertThat(EnumSet.allOf(Permission.class).stream().filter(Role.POLICY_OFFICER::may)).containsExactly(
                Permission.RUN_WHATIF, Permission.HANDLE_POLICY);
    }
}
