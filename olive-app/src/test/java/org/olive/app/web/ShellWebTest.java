package org.olive.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.olive.app.OliveWebTest;
import org.olive.app.audit.AuditAction;
import org.olive.app.audit.AuditEvent;
import org.olive.app.audit.AuditLog;
import org.olive.app.i18n.LocaleConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@OliveWebTest
class ShellWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    MockHttpSession login(String username) throws Exception {
        MvcResult r = mvc.perform(formLogin("/login").user(username).password(OliveWebTest.PASSWORD))
                .andExpect(authenticated().withUsername(username))
                .andExpect(redirectedUrl("/cockpit"))
                .andReturn();
        return (MockHttpSession) r.getRequest().getSession(false);
    }

    String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/cockpit", "/population", "/admin/accounts", "/admin/audit"})
    void anonymousIsRedirectedToLogin(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @Autowired
    BuildStatus build;

    /** While the demo builds months behind the web app, every page says how far it is; afterwards nothing. */
    @Test
    void aBannerShowsTheMonthsStillBeingBuiltAndGoesWhenDone() throws Exception {
        MockHttpSession session = login("analyst");
        assertThat(page(get("/cockpit").session(session))).doesNotContain("build-banner");
        try {
            build.begin(1, 36, "2023-01");
            assertThat(page(get("/cockpit").session(session))).contains("id=\"build-banner\"",
                    "演示县数据仍在构建：已建成 1/36 个月（最新 2023-01）");
            build.built("2023-02");
            String html = page(get("/population").session(session).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                    .param("lang", "en"));
            assertThat(html).contains("2 of 36 months done (latest 2023-02), about ").contains(" min left");
        } finally {
            build.end();
        }
        assertThat(page(get("/cockpit").session(session))).doesNotContain("build-banner");
    }

    @Test
    void loginPageIsChineseByDefaultWhateverTheBrowserAsks() throws Exception {
        String html = page(get("/login").header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9"));
        assertThat(html).contains("<html lang=\"zh-CN\"", "登录", "用户名", "密码", "name=\"_csrf\"",
                "演示模式");
    }

    @Test
    void loginFailureShowsChineseErrorAndIsAudited() throws Exception {
        long before = audit.count(AuditAction.LOGIN_FAILURE);
        mvc.perform(formLogin("/login").user("analyst").password("wrong-password"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        assertThat(page(get("/login").param("error", ""))).contains("用户名或密码错误");
        assertThat(audit.count(AuditAction.LOGIN_FAILURE)).isEqualTo(before + 1);
        AuditEvent e = audit.recent(AuditAction.LOGIN_FAILURE, 1).get(0);
        assertThat(e.actor()).isEqualTo("analyst");
        assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);
        assertThat(e.occurredAt()).isNotNull();
        assertThat(e.detail()).doesNotContain("wrong-password");
    }

    @Test
    void unknownUserFailsLikeAWrongPassword() throws Exception {
        mvc.perform(formLogin("/login").user("nobody").password("whatever-123"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        assertThat(audit.recent(AuditAction.LOGIN_FAILURE, 1).get(0).actor()).isEqualTo("nobody");
    }

    @Test
    void loginWithoutCsrfTokenIsRejected() throws Exception {
        mvc.perform(post("/login").param("username", "analyst").param("password", OliveWebTest.PASSWORD))
                .andExpect(status().isForbidden()).andExpect(unauthenticated());
    }

    @Test
    void loginSuccessIsAudited() throws Exception {
        long before = audit.count(AuditAction.LOGIN_SUCCESS);
        login("policy");
        assertThat(audit.count(AuditAction.LOGIN_SUCCESS)).isEqualTo(before + 1);
        AuditEvent e = audit.recent(AuditAction.LOGIN_SUCCESS, 1).get(0);
        assertThat(e.actor()).isEqualTo("policy");
        assertThat(e.actorRole()).isEqualTo("POLICY_OFFICER");
        assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
    }

    @ParameterizedTest
    @CsvSource({"admin,管理员,管理员", "analyst,分析员,分析员", "cadre,菜园镇干部,乡镇干部", "policy,政策专员,政策专员"})
    void eachRoleLogsInAndSeesTheShell(String username, String displayName, String roleName) throws Exception {
        MockHttpSession session = login(username);
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/cockpit"));
        String html = page(get("/cockpit").session(session));
        assertThat(html).contains("橄榄 Olive", displayName, roleName, "退出", "中文", "English");
        for (String nav : new String[] {"人口", "收入", "群体", "预警", "政策", "驾驶舱", "地图"}) {
            assertThat(html).contains(">" + nav + "</a>");
        }
        // the family ledger is personal rows only: not for the policy officer (docs/access.md)
        assertThat(html.contains(">家庭</a>")).isEqualTo(!username.equals("policy"));
        // links to the WebJars are rewritten to versioned URLs by Boot's resource chain
        assertThat(html).contains("<h1>驾驶舱</h1>", "/webjars/echarts/", "/echarts.min.js", "/js/cockpit.js",
                "/webjars/htmx.org/", "/dist/htmx.min.js");
        assertThat(html.contains("id=\"nav-accounts\"")).isEqualTo(username.equals("admin"));
    }

    @Test
    void cadreSeesTownshipNameAndScope() throws Exception {
        String html = page(get("/population").session(login("cadre")));
        assertThat(html).contains("菜园镇干部", "乡镇干部", "数据范围：菜园镇（仅本乡镇）", "人口一本账");
    }

    @Test
    void analystSeesWholeCounty() throws Exception {
        assertThat(page(get("/income").session(login("analyst")))).contains("数据范围：嵊泗县（全县）", "收入一本账");
    }

    @ParameterizedTest
    @CsvSource({"map,地图"})
    void everyLedgerHasAPlaceholderPage(String ledger, String title) throws Exception {
        String html = page(get("/" + ledger).session(login("analyst")));
        assertThat(html).contains("<h1>" + title + "</h1>", "即将推出", "建设中",
                "id=\"nav-" + ledger + "\" aria-current=\"page\" class=\"active\"");
    }

    @Test
    void adminSeesAccountsAndAuditLog() throws Exception {
        MockHttpSession session = login("admin");
        String accounts = page(get("/admin/accounts").session(session));
        assertThat(accounts).contains("账号管理", "admin", "analyst", "cadre", "policy", "菜园镇", "政策专员");
        assertThat(accounts).doesNotContain("{bcrypt}");
        String auditPage = page(get("/admin/audit").session(session));
        assertThat(auditPage).contains("审计日志", "登录");
    }

    @ParameterizedTest
    @ValueSource(strings = {"analyst", "cadre", "policy"})
    void othersAreForbiddenFromAdministration(String username) throws Exception {
        MockHttpSession session = login(username);
        // MockMvc does not follow the forward to the (Chinese) access-denied page; the browser would
        mvc.perform(get("/admin/accounts").session(session)).andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/denied"));
        assertThat(page(get("/denied").session(session))).contains("无权访问");
        mvc.perform(get("/admin/audit").session(session)).andExpect(status().isForbidden());
    }

    @Test
    void localeSwitchGivesEnglishAndIsRemembered() throws Exception {
        MockHttpSession session = login("analyst");
        MvcResult r = mvc.perform(get("/cockpit").param("lang", "en").session(session))
                .andExpect(status().isOk())
                .andExpect(cookie().value(LocaleConfiguration.COOKIE, "en"))
                .andReturn();
        String html = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("<html lang=\"en\"", ">Population</a>", ">Families</a>", ">Income</a>",
                ">Groups</a>", ">Warnings</a>", ">Policies</a>", ">Cockpit</a>", ">Map</a>", "Log out", "Analyst",
                "Data scope: 嵊泗县 (whole county)");
        assertThat(html).doesNotContain(">人口</a>");

        Cookie cookie = r.getResponse().getCookie(LocaleConfiguration.COOKIE);
        assertThat(page(get("/population").session(session).cookie(cookie))).contains("Population ledger");
        assertThat(page(get("/population").session(session).param("lang", "zh-CN"))).contains("<html lang=\"zh-CN\"",
                "人口一本账");
        // anything but Chinese or English falls back to Chinese
        assertThat(page(get("/login").param("lang", "fr"))).contains("<html lang=\"zh-CN\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/webjars/htmx.org/dist/htmx.min.js", "/webjars/echarts/echarts.min.js",
            "/css/olive.css", "/js/olive.js", "/images/olive.svg"})
    void staticResourcesAreServedToAnonymousUsers(String path) throws Exception {
        MvcResult r = mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
        assertThat(r.getResponse().getContentLength() > 0 || r.getResponse().getContentAsByteArray().length > 0)
                .isTrue();
    }

    @Test
    void securityHeadersAreSet() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("script-src 'self';")));
    }

    @Test
    void logoutReturnsToLoginAndIsAudited() throws Exception {
        MockHttpSession session = login("analyst");
        long before = audit.count(AuditAction.LOGOUT);
        mvc.perform(post("/logout").with(csrf()).session(session)).andExpect(redirectedUrl("/login?logout"));
        assertThat(audit.count(AuditAction.LOGOUT)).isEqualTo(before + 1);
        assertThat(page(get("/login").param("logout", ""))).contains("您已安全退出");
        mvc.perform(get("/cockpit").session(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void unknownPageGivesNotFound() throws Exception {
        mvc.perform(get("/no-such-page").session(login("analyst"))).andExpect(status().isNotFound());
    }
}
