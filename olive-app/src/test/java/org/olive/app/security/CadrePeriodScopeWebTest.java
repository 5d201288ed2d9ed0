package org.olive.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olive.app.population.LedgerTestData.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.olive.app.OliveWebTest;
import org.olive.app.account.AccountService;
import org.olive.app.account.Role;
import org.olive.app.income.IncomeTestData;
import org.olive.app.population.LedgerWebSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 11 item 9, the cadres' period rule (docs/access.md): a cadre sees a person or a family only for the periods in
 * which they belonged to the cadre's township. 孙丽 (and her one-person family) lived in 菜园镇 in 2025-02 and in
 * 嵊山镇 in 2025-03: the 菜园镇 cadre sees February only, the 嵊山镇 cadre March only, the analyst both — on every
 * page that shows personal data (person search and page, a person's income, the family list and page, the population
 * lists and their CSV, the conflict queue and a case).
 */
@OliveWebTest
class CadrePeriodScopeWebTest {

    /** Markers of 孙丽's data before the move (菜园镇 沙河社区) and after it (嵊山镇 壁下村). */
    static final List<String> FEBRUARY = List.of("沙河社区居委会", "户籍人口_202502.csv 第 21 行", "个税_202502.csv row 21",
            "hukou H003 (沙河社区)");
    static final List<String> MARCH = List.of("壁下村委会", "户籍人口_202503.csv 第 22 行", "民宿_202503.csv row 22",
            "fixture.csv #4", "moved in 2025-03");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    LedgerWebSupport web;

    @BeforeEach
    void seed() {
        web = new LedgerWebSupport(mvc, jdbc);
        IncomeTestData.seed(jdbc);
        accounts.createOrReset("cadre-shengshan", "嵊山镇干部", Role.CADRE, SHENGSHAN + "000", OliveWebTest.PASSWORD);
    }

    /** Each page of 孙丽 at each period: 200 where she belonged to the user's township that month, 403 elsewhere. */
    @ParameterizedTest(name = "{0} {1}?period={2} → {3}")
    @CsvSource({
            "cadre,           /persons/900008,        2025-02, 200",
            "cadre,           /persons/900008,        2025-03, 403",
            "cadre-shengshan, /persons/900008,        2025-02, 403",
            "cadre-shengshan, /persons/900008,        2025-03, 200",
            "analyst,         /persons/900008,        2025-02, 200",
            "analyst,         /persons/900008,        2025-03, 200",
            "cadre,           /income/persons/900008, 2025-02, 200",
            "cadre,           /income/persons/900008, 2025-03, 403",
            "cadre-shengshan, /income/persons/900008, 2025-02, 403",
            "cadre-shengshan, /income/persons/900008, 2025-03, 200",
            "analyst,         /income/persons/900008, 2025-02, 200",
            "analyst,         /income/persons/900008, 2025-03, 200",
            "cadre,           /families/F9000003,     2025-02, 200",
            "cadre,           /families/F9000003,     2025-03, 403",
            "cadre-shengshan, /families/F9000003,     2025-02, 403",
            "cadre-shengshan, /families/F9000003,     2025-03, 200",
            "analyst,         /families/F9000003,     2025-02, 200",
            "analyst,         /families/F9000003,     2025-03, 200"})
    void eachPageAtEachPeriod(String user, String path, String period, int expected) throws Exception {
        MockHttpSession s = web.login(user);
        var result = mvc.perform(get(path).param("period", period).session(s)).andExpect(status().is(expected))
                .andReturn();
        if (expected != 200) {
            return;
        }
        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("孙丽", "<option value=\"" + period + "\" selected=\"selected\">");
        String other = period.equals(P1) ? P2 : P1;
        List<String> shown = period.equals(P1) ? FEBRUARY : MARCH;
        List<String> hidden = period.equals(P1) ? MARCH : FEBRUARY;
        if (user.equals("analyst")) {
            // the county sees every period of the person or family
            assertThat(html).contains("<option value=\"" + other + "\"");
        } else {
            // a cadre is offered only the periods of their township, and nothing of the other months
            assertThat(html).doesNotContain("<option value=\"" + other + "\"", "period=" + other);
            assertThat(html).doesNotContain(hidden.toArray(String[]::new));
        }
        if (path.startsWith("/persons")) {
            assertThat(html).contains(shown.get(0), shown.get(1));
        } else if (path.startsWith("/income")) {
            assertThat(html).contains(shown.get(2));
        }
        assertThat(LedgerWebSupport.FULL_ID.matcher(html).find()).as("no unmasked ID").isFalse();
    }

    /** Without a period (or with one the person never had), a page opens on the latest period the user may see. */
    @Test
    void withoutAPeriodTheLatestVisibleOneIsShown() throws Exception {
        MockHttpSession cadre = web.login("cadre");
        for (String path : List.of("/persons/" + SUN_LI, "/income/persons/" + SUN_LI, "/families/" + FAMILY_SUN)) {
            for (String period : new String[] {null, "2024-01"}) {
                var request = get(path).session(cadre);
                String html = web.page(period == null ? request : request.param("period", period));
                assertThat(html).as(path).contains("<option value=\"" + P1 + "\" selected=\"selected\">")
                        .doesNotContain("<option value=\"" + P2 + "\"");
            }
        }
        MockHttpSession shengshan = web.login("cadre-shengshan");
        assertThat(web.page(get("/persons/" + SUN_LI).session(shengshan)))
                .contains("<option value=\"" + P2 + "\" selected=\"selected\">").doesNotContain(FEBRUARY.get(0));
    }

    @Test
    void searchFindsThePersonWithTheLatestPeriodOfTheCadresTownship() throws Exception {
        String caiyuan = web.page(get("/persons").param("q", "孙丽").session(web.login("cadre")));
        assertThat(caiyuan).contains("找到 1 人", "/persons/" + SUN_LI, "沙河社区居委会").doesNotContain("壁下村委会");
        String byId = web.page(get("/persons").param("q", ID_SUN_LI).session(web.login("cadre")));
        assertThat(byId).contains("找到 1 人", "沙河社区居委会").doesNotContain("壁下村委会");
        String shengshan = web.page(get("/persons").param("q", "孙丽").session(web.login("cadre-shengshan")));
        assertThat(shengshan).contains("找到 1 人", "壁下村委会").doesNotContain("沙河社区居委会");
        assertThat(web.page(get("/persons").param("q", "孙丽").session(web.login("analyst"))))
                .contains("找到 1 人", "壁下村委会");
    }

    @Test
    void listsShowThePersonInTheMonthsOfTheTownshipAndTheirLinksOpen() throws Exception {
        MockHttpSession cadre = web.login("cadre");
        String feb = web.page(get("/population").param("period", P1).param("list", "resident").session(cadre));
        assertThat(feb).contains("孙丽", "/persons/" + SUN_LI + "?period=" + P1);
        assertThat(web.page(get("/persons/" + SUN_LI).param("period", P1).session(cadre))).contains("孙丽");
        assertThat(web.page(get("/population").param("period", P2).param("list", "resident").session(cadre)))
                .doesNotContain("孙丽");
        String csvFeb = mvc.perform(get("/population/members.csv").param("period", P1).session(cadre))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String csvMar = mvc.perform(get("/population/members.csv").param("period", P2).session(cadre))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csvFeb).contains("孙丽");
        assertThat(csvMar).doesNotContain("孙丽");

        assertThat(web.page(get("/families").param("period", P1).session(cadre))).contains(FAMILY_SUN);
        assertThat(web.page(get("/families").param("period", P2).session(cadre))).doesNotContain(FAMILY_SUN);
        assertThat(web.page(get("/families").param("period", P2).session(web.login("cadre-shengshan"))))
                .contains(FAMILY_SUN);
    }

    @Test
    void aCaseRaisedAfterTheMoveBelongsToTheNewTownship() throws Exception {
        long moved = conflictId(jdbc, CONFLICT_MOVED);
        MockHttpSession cadre = web.login("cadre");
        assertThat(web.page(get("/conflicts").session(cadre))).doesNotContain("孙丽");
        mvc.perform(get("/conflicts/" + moved).session(cadre)).andExpect(status().isForbidden());
        mvc.perform(post("/conflicts/" + moved + "/resolve").with(csrf()).param("decision", "KEEP_IN_H003")
                .session(cadre)).andExpect(status().isForbidden());
        // the family page of February does not point the 菜园镇 cadre to it
        assertThat(web.page(get("/families/" + FAMILY_SUN).param("period", P1).session(cadre)))
                .doesNotContain("/conflicts/" + moved);
        MockHttpSession shengshan = web.login("cadre-shengshan");
        assertThat(web.page(get("/conflicts").session(shengshan))).contains("孙丽");
        assertThat(web.page(get("/conflicts/" + moved).session(shengshan))).contains("id=\"resolve-form\"");
        assertThat(web.page(get("/families/" + FAMILY_SUN).param("period", P2).session(shengshan)))
                .contains("/conflicts/" + moved);
    }

    @Test
    void theAnalystUnmasksAtAnyPeriod() throws Exception {
        MockHttpSession analyst = web.login("analyst");
        assertThat(web.page(post("/persons/" + SUN_LI + "/unmask").param("period", P1).with(csrf()).session(analyst)))
                .contains(ID_SUN_LI, "<option value=\"" + P1 + "\" selected=\"selected\">", "<option value=\"" + P2 + "\"");
    }
}
