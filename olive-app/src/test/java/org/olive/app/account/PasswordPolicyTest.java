package org.olive.app.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.olive.app.account.PasswordPolicy.Reason;
import org.olive.app.account.PasswordPolicy.Violation;

/** Issue 11 item 12: 12345678, password and aaaaaaaa were accepted. */
class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.defaults();

    private Reason reason(String password, String... userInputs) {
        return policy.check(password, userInputs).map(Violation::reason).orElse(null);
    }

    @Test
    void theThreePasswordsOfTheIssueAreRefusedWithAChineseReason() {
        for (String weak : new String[] {"12345678", "password", "aaaaaaaa"}) {
            assertThat(reason(weak)).as(weak).isEqualTo(Reason.TOO_SHORT);
            assertThatThrownBy(() -> policy.require(weak, "admin"))
                    .isInstanceOf(WeakPasswordException.class).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("密码太短：至少需要 10 个字符 (The password is too short: at least 10 characters)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567890", "qwertyuiop", "1qaz2wsx3edc", "password12", "Password123", "iloveyou12",
            "PASSWORD1234", "P@ssw0rd2024"})
    void longEnoughButCommonIsRefused(String common) {
        assertThat(reason(common)).as(common).isIn(Reason.COMMON, Reason.GUESSABLE);
    }

    @Test
    void aPasswordOnTheCommonListSaysSo() {
        Violation v = policy.check("1234567890").orElseThrow();
        assertThat(v.reason()).isEqualTo(Reason.COMMON);
        assertThat(policy.describe(v, Locale.SIMPLIFIED_CHINESE)).isEqualTo("这是常用密码（在常用密码表中），很容易被猜到");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaa", "abcdefghij", "woaini1314", "zhang123456", "Passw0rd-2026"})
    void patternsAreRefusedAndNamed(String weak) {
        assertThat(reason(weak)).as(weak).isIn(Reason.COMMON, Reason.GUESSABLE);
    }

    @Test
    void guessableNamesWhatMakesItGuessable() {
        Violation v = policy.check("aaaaaaaaaa").orElseThrow();
        assertThat(v.reason()).isEqualTo(Reason.GUESSABLE);
        assertThat(policy.describe(v, Locale.SIMPLIFIED_CHINESE)).startsWith("密码太容易猜到（含").contains("连续字符");
        assertThat(policy.describe(policy.check("woaini1314").orElseThrow(), Locale.ENGLISH))
                .startsWith("The password is too easy to guess (common words or passwords");
    }

    @Test
    void theUsernameDoesNotMakeAPassword() {
        assertThat(reason("caiyuan.cadre1", "caiyuan.cadre", "菜园镇干部")).isEqualTo(Reason.CONTAINS_NAME);
        assertThat(reason("caiyuan.cadre1")).isNull();
    }

    @Test
    void longerThanBcryptReadsIsRefused() {
        assertThat(reason("Tide-" + "x7Q".repeat(23))).isEqualTo(Reason.TOO_LONG);
        // 24 Chinese characters are 72 bytes: accepted
        assertThat(reason("东海渔港灯塔夜航船舟山嵊泗列岛花鸟枸杞绿华黄龙")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Test-pass-2026", "Browser-pass-2026", "Harbour-Lantern-4417", "kx7-Plum-Harbor",
            "correct horse battery"})
    void goodPasswordsPass(String good) {
        assertThat(policy.check(good, "admin", "管理员")).as(good).isEmpty();
    }

    @Test
    void generatedDemoPasswordsPass() {
        for (DemoAccounts.Demo d : DemoAccounts.DEMOS) {
            for (int i = 0; i < 50; i++) {
                String p = DemoAccounts.randomPassword(policy, d);
                assertThat(p).hasSize(10);
                assertThat(policy.check(p, d.username(), d.displayName())).as(p).isEmpty();
            }
        }
    }

    @Test
    void theMinimumLengthIsConfigurable() {
        PasswordPolicy twelve = new PasswordPolicy(12, 3, null);
        assertThat(twelve.check("Tide-x7Q-9k").map(Violation::reason)).contains(Reason.TOO_SHORT);
        assertThat(twelve.check("Tide-x7Q-9kz")).isEmpty();
    }
}
