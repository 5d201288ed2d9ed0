package org.olive.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.olive.app.OliveWebTest;
import org.olive.app.account.AccountService;
import org.olive.app.account.Role;
import org.olive.app.audit.AuditAction;
import org.olive.app.audit.AuditEvent;
import org.olive.app.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 11 item 11: twenty wrong passwords in a row, then the right one, logged in at once. Now the fifth failure
 * locks the account; the right password is refused while locked; the page says so in Chinese; the lock is audited.
 * Each test uses its own account and its own (documentation-range) address so that the shared context's other tests,
 * which log in from 127.0.0.1, are not locked out.
 */
@OliveWebTest
class LoginThrottleWebTest {

    private static final String STRONG = "Harbour-Lantern-4417";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditLog audit;

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private ResultActions login(String user, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", user).param("password", password).with(csrf())
                .with(from(address)));
    }

    @Test
    void twentyWrongPasswordsThenTheRightOneIsRefusedWhileLocked() throws Exception {
        accounts.createOrReset("throttle.victim", "锁定测试", Role.ANALYST, null, STRONG);
        String address = "192.0.2.11";
        for (int i = 1; i <= 4; i++) {
            login("throttle.victim", "wrong-" + i, address).andExpect(unauthenticated())
                    .andExpect(redirectedUrl("/login?error"));
        }
        login("throttle.victim", "wrong-5", address).andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?locked=1"));
        for (int i = 6; i <= 20; i++) {
            login("throttle.victim", "wrong-" + i, address).andExpect(unauthenticated())
                    .andExpect(redirectedUrl("/login?locked=1"));
        }
        // the right password, from the same or another address, during the lock: refused
        login("throttle.victim", STRONG, address).andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?locked=1"));
        login("THROTTLE.VICTIM", STRONG, "198.51.100.11").andExpect(unauthenticated());

        String page = mvc.perform(get("/login").param("locked", "1")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"login-locked\"", "登录失败次数过多，已暂时锁定，请 1 分钟后再试");

        List<AuditEvent> locks = audit.recent(AuditAction.LOGIN_LOCKED, 20).stream()
                .filter(e -> "throttle.victim".equals(e.subjectId())).toList();
        assertThat(locks).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("throttle.victim");
            assertThat(e.subjectType()).isEqualTo("ACCOUNT");
            assertThat(e.remoteAddr()).isEqualTo(address);
            assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);
            assertThat(e.detail()).contains("5 failed logins for this account", "lock 1 for 1 min until");
        });
        assertThat(audit.recent(AuditAction.LOGIN_FAILURE, 1).get(0).detail()).startsWith("refused: account locked");
    }

    @Test
    void anUnknownNameLocksExactlyLikeAKnownOne() throws Exception {
        // no user enumeration: the same redirects for a name that does not exist
        for (int i = 1; i <= 4; i++) {
            login("no.such.user", "wrong-" + i, "192.0.2.12").andExpect(redirectedUrl("/login?error"));
        }
        login("no.such.user", "wrong-5", "192.0.2.12").andExpect(redirectedUrl("/login?locked=1"));
        login("no.such.user", "wrong-6", "192.0.2.12").andExpect(redirectedUrl("/login?locked=1"));
    }

    @Test
    void oneAddressGuessingManyNamesIsLockedForEveryone() throws Exception {
        String address = "203.0.113.12";
        for (int i = 1; i < 20; i++) {
            login("guess" + i, "wrong", address).andExpect(redirectedUrl("/login?error"));
        }
        login("guess20", "wrong", address).andExpect(redirectedUrl("/login?locked=1"));
        assertThat(audit.recent(AuditAction.LOGIN_LOCKED, 1).get(0)).satisfies(e -> {
            assertThat(e.subjectType()).isEqualTo("ADDRESS");
            assertThat(e.subjectId()).isEqualTo(address);
            assertThat(e.detail()).contains("20 failed logins from this address");
        });
        // a real user from that address waits too; from elsewhere she logs in
        login("analyst", OliveWebTest.PASSWORD, address).andExpect(unauthenticated());
        login("analyst", OliveWebTest.PASSWORD, "198.51.100.12").andExpect(authenticated().withUsername("analyst"));
    }

    @Test
    void aSuccessfulLoginResetsTheAccountCount() throws Exception {
        accounts.createOrReset("throttle.typo", "输错测试", Role.ANALYST, null, STRONG);
        String address = "192.0.2.13";
        for (int i = 0; i < 4; i++) {
            login("throttle.typo", "typo", address).andExpect(redirectedUrl("/login?error"));
        }
        login("throttle.typo", STRONG, address).andExpect(authenticated());
        for (int i = 0; i < 4; i++) {
            login("throttle.typo", "typo", address).andExpect(redirectedUrl("/login?error"));
        }
        login("throttle.typo", STRONG, address).andExpect(authenticated());
    }

    @Test
    void theLoginPageIgnoresANonNumericLockParameter() throws Exception {
        String page = mvc.perform(get("/login").param("locked", "<b>x</b>")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("login-locked", "<b>x</b>");
    }
}
