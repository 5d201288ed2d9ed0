package org.olive.app.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.olive.app.OliveWebTest;
import org.olive.app.audit.AuditAction;
import org.olive.app.audit.AuditLog;
import org.olive.app.security.OliveUser;
import org.olive.app.security.OliveUserDetailsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

@OliveWebTest
class AccountServiceTest {

    @Autowired
    AccountService accounts;

    @Autowired
    AccountRepository repository;

    @Autowired
    OliveUserDetailsService users;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    AuditLog audit;

    @Test
    void demoAccountsExist() {
        assertThat(accounts.count()).isGreaterThanOrEqualTo(4);
        assertThat(accounts.find("admin")).get().extracting(Account::role).isEqualTo(Role.ADMIN);
        assertThat(accounts.find("analyst")).get().extracting(Account::role).isEqualTo(Role.ANALYST);
        assertThat(accounts.find("policy")).get().extracting(Account::role).isEqualTo(Role.POLICY_OFFICER);
        Account cadre = accounts.find("cadre").orElseThrow();
        assertThat(cadre.role()).isEqualTo(Role.CADRE);
        assertThat(cadre.townshipCode()).isEqualTo("330922100000");
        assertThat(cadre.displayName()).isEqualTo("菜园镇干部");
    }

    @Test
    void createsThenResets() {
        long before = accounts.count();
        accounts.createOrReset(" Cadre.Shengshan ", "嵊山镇干部", Role.CADRE, "330922101000", "Shengshan-first-381");
        assertThat(accounts.count()).isEqualTo(before + 1);
        Account created = accounts.find("cadre.shengshan").orElseThrow();
        assertThat(created.townshipCode()).isEqualTo("330922101000");
        assertThat(created.enabled()).isTrue();
        String hash = repository.findCredentials("cadre.shengshan").orElseThrow().passwordHash();
        assertThat(hash).startsWith("{bcrypt}");
        assertThat(encoder.matches("Shengshan-first-381", hash)).isTrue();

        accounts.createOrReset("cadre.shengshan", "改任分析员", Role.ANALYST, null, "Shengshan-second-772");
        assertThat(accounts.count()).isEqualTo(before + 1);
        Account reset = accounts.find("cadre.shengshan").orElseThrow();
        assertThat(reset.role()).isEqualTo(Role.ANALYST);
        assertThat(reset.townshipCode()).isNull();
        assertThat(reset.displayName()).isEqualTo("改任分析员");
        assertThat(reset.createdAt()).isEqualTo(created.createdAt());
        String newHash = repository.findCredentials("cadre.shengshan").orElseThrow().passwordHash();
        assertThat(encoder.matches("Shengshan-second-772", newHash)).isTrue();
        assertThat(encoder.matches("Shengshan-first-381", newHash)).isFalse();

        assertThat(audit.recent(AuditAction.ACCOUNT_RESET, 1).get(0).subjectId()).isEqualTo("cadre.shengshan");
    }

    @Test
    void userDetailsCarryRoleAndTownshipButNoPasswordAfterErasure() {
        OliveUser u = (OliveUser) users.loadUserByUsername("CADRE");
        assertThat(u.getUsername()).isEqualTo("cadre");
        assertThat(u.role()).isEqualTo(Role.CADRE);
        assertThat(u.townshipCode()).isEqualTo("330922100000");
        assertThat(u.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_CADRE");
        assertThat(u.getPassword()).isNotNull();
        u.eraseCredentials();
        assertThat(u.getPassword()).isNull();
    }

    @Test
    void rejectsInvalidInput() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> accounts.createOrReset("x y", "名", Role.ANALYST, null, "Harbour-Lantern-4417"))
                .withMessageContaining("username");
        assertThatIllegalArgumentException().isThrownBy(
                () -> accounts.createOrReset("c1", "名", Role.CADRE, null, "Harbour-Lantern-4417"))
                .withMessageContaining("township");
        assertThatIllegalArgumentException().isThrownBy(
                () -> accounts.createOrReset("c1", "名", Role.CADRE, "330922100001", "Harbour-Lantern-4417"))
                .withMessageContaining("unknown township");
        assertThatIllegalArgumentException().isThrownBy(
                () -> accounts.createOrReset("c1", "名", Role.CADRE, "330922999000", "Harbour-Lantern-4417"))
                .withMessageContaining("unknown township");
        assertThatIllegalArgumentException().isThrownBy(
                () -> accounts.createOrReset("a1", "名", Role.ANALYST, "330922100000", "Harbour-Lantern-4417"))
                .withMessageContaining("only a CADRE");
        assertThatIllegalArgumentException().isThrownBy(
                () -> accounts.createOrReset("a1", "名", Role.ANALYST, null, "short"))
                .withMessageContaining("密码太短");
        assertThatIllegalArgumentException().isThrownBy(
                () -> accounts.createOrReset("a1", " ", Role.ANALYST, null, "Harbour-Lantern-4417"))
                .withMessageContaining("display name");
        assertThat(accounts.find("c1")).isEmpty();
        assertThat(accounts.find("a1")).isEmpty();
    }

    /** Issue 11 item 12: {@code olive account create} accepted 12345678, password and aaaaaaaa. */
    @ParameterizedTest
    @ValueSource(strings = {"12345678", "password", "aaaaaaaa", "1234567890", "qwertyuiop", "password12",
            "aaaaaaaaaa"})
    void weakPasswordsAreRefusedOnCreateAndOnReset(String weak) {
        long before = audit.count(AuditAction.ACCOUNT_CREATED);
        assertThatThrownBy(() -> accounts.createOrReset("weak.user", "弱密码", Role.ANALYST, null, weak))
                .isInstanceOf(WeakPasswordException.class).hasMessageContaining("密码");
        assertThat(accounts.find("weak.user")).isEmpty();
        assertThat(audit.count(AuditAction.ACCOUNT_CREATED)).isEqualTo(before);
        // a reset of an existing account is held to the same rule, and keeps the old password
        String old = repository.findCredentials("policy").orElseThrow().passwordHash();
        assertThatThrownBy(() -> accounts.createOrReset("policy", "政策专员", Role.POLICY_OFFICER, null, weak))
                .isInstanceOf(WeakPasswordException.class);
        assertThat(repository.findCredentials("policy").orElseThrow().passwordHash()).isEqualTo(old);
    }

    @Test
    void theUsernameIsNoPassword() {
        assertThatThrownBy(() -> accounts.createOrReset("lighthouse.keeper", "灯塔看守", Role.ANALYST, null,
                "lighthouse.keeper1")).isInstanceOf(WeakPasswordException.class).hasMessageContaining("用户名或姓名");
        assertThat(accounts.find("lighthouse.keeper")).isEmpty();
    }
}
