package org.olive.app.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olive.app.population.LedgerTestData.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olive.app.OliveWebTest;
import org.olive.app.population.LedgerWebSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The assistance cases' pages on {@link CaseTestData}: the worklist (overdue first, then by due date; a cadre's
 * township only; filters; the audit), a case page (family, rules, actions, evaluation), the actions (recorded through
 * CaseDesk and audited; bad input refused with the reason; a foreign township's case refused with 403 and audited; an
 * analyst reads but may not act), the family page's 帮扶 section, the cockpit's counts and the English page. A context
 * of its own (the warnings' figures).
 */
@OliveWebTest
@TestPropertySource(properties = "olive.test.context=cases")
class CaseWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    LedgerWebSupport web;

    @BeforeEach
    void seed() {
        web = new LedgerWebSupport(mvc, jdbc);
        CaseTestData.seed(jdbc);
    }

    static List<String> families(String html) {
        return Pattern.compile("data-family=\"([^\"]+)\"").matcher(html).results().map(m -> m.group(1)).toList();
    }

    long id(String family) {
        return CaseTestData.id(jdbc, family);
    }

    @Test
    void aCadreSeesTheirTownshipsCasesOverdueFirstThenByDueDate() throws Exception {
        long before = web.audits("VIEW_PERSONAL_DATA", CaseController.AUDIT_LIST, "worklist");
        String html = web.page(get("/cases").session(web.login("cadre")));
        assertThat(families(html)).containsExactly(CaseTestData.ZHANG, CaseTestData.ASSISTED, CaseTestData.LATER);
        assertThat(html).contains("<h1>帮扶工作台</h1>", "id=\"nav-cases\"", "data-overdue=\"true\"")
                .containsPattern("id=\"count-open\">3<").containsPattern("id=\"count-overdue\">1<");
        assertThat(web.audits("VIEW_PERSONAL_DATA", CaseController.AUDIT_LIST, "worklist")).isEqualTo(before + 1);
        assertThat(web.lastDetail(CaseController.AUDIT_LIST)).contains("3 of 3 rows", "township " + CAIYUAN);
        // the analyst: every township, the two overdue first though the assisted one's due date is earlier; filters
        assertThat(families(web.page(get("/cases").session(web.login("analyst"))))).containsExactly(
                CaseTestData.ZHANG, CaseTestData.WANG, CaseTestData.ASSISTED, CaseTestData.LATER);
        assertThat(families(web.page(get("/cases").param("township", SHENGSHAN).session(web.login("analyst")))))
                .containsExactly(CaseTestData.WANG);
        assertThat(families(web.page(get("/cases").param("colour", "RED").session(web.login("analyst")))))
                .containsExactly(CaseTestData.ZHANG);
        assertThat(families(web.page(get("/cases").param("state", "ASSISTING").session(web.login("analyst")))))
                .containsExactly(CaseTestData.ASSISTED);
        mvc.perform(get("/cases").param("state", "DONE").session(web.login("analyst"))).andExpect(status().isBadRequest());
        // a cadre asking for another township: refused and audited
        long denied = web.audits("ACCESS_DENIED", "TOWNSHIP", SHENGSHAN);
        mvc.perform(get("/cases").param("township", SHENGSHAN).session(web.login("cadre")))
                .andExpect(status().isForbidden());
        assertThat(web.audits("ACCESS_DENIED", "TOWNSHIP", SHENGSHAN)).isEqualTo(denied + 1);
        // the policy officer reads no personal rows
        mvc.perform(get("/cases").session(web.login("policy"))).andExpect(status().isForbidden());
    }

    @Test
    void theCasePageShowsTheFamilyTheRulesTheActionsAndTheEvaluation() throws Exception {
        String html = web.page(get("/cases/" + id(CaseTestData.ZHANG)).session(web.login("cadre")));
        assertThat(html).contains("href=\"/families/" + FAMILY_ZHANG + "\"", "张*", "safety_net@1", "id=\"case-overdue\"",
                "id=\"visit-form\"", "id=\"assistance-form\"", "name=\"_csrf\"");
        assertThat(LedgerWebSupport.FULL_ID.matcher(html).find()).as("no full ID number").isFalse();
        assertThat(web.audits("VIEW_PERSONAL_DATA", CaseController.AUDIT_CASE, String.valueOf(id(CaseTestData.ZHANG))))
                .isPositive();
        String assisted = web.page(get("/cases/" + id(CaseTestData.ASSISTED)).session(web.login("analyst")));
        assertThat(assisted).contains("临时救助", "2000.00", "id=\"evaluation-table\"", "5200.00", "12000.00", "6800.00",
                "红色 → 绿色").doesNotContain("id=\"visit-form\""); // the analyst reads, does not act
    }

    @Test
    void aCadreRecordsAVisitAndAnAssistanceAndBadInputIsRefusedWithItsReason() throws Exception {
        MockHttpSession s = web.login("cadre");
        long k = CaseTestData.kase(jdbc, "F9000079", CAIYUAN, V_SHAHE, "YELLOW", "DISCOVERED", "2099-06-30");
        mvc.perform(post("/cases/" + k + "/actions").with(csrf()).session(s).param("kind", "VISIT")
                        .param("on", "2025-04-02").param("note", "走访了解情况"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/cases/" + k));
        mvc.perform(post("/cases/" + k + "/actions").with(csrf()).session(s).param("kind", "ASSISTANCE")
                        .param("on", "2025-04-05").param("policy", "低边救助").param("amount", "1500"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT kind FROM case_action WHERE case_id = :c AND username = 'cadre' ORDER BY id")
                .param("c", k).query(String.class).list()).containsExactly("VISIT", "ASSISTANCE", "STATE");
        assertThat(jdbc.sql("SELECT state FROM assistance_case WHERE id = :c").param("c", k).query(String.class).single())
                .isEqualTo("ASSISTING");
        assertThat(web.audits("LEDGER_DECISION", CaseController.AUDIT_CASE, String.valueOf(k))).isEqualTo(2);
        assertThat(web.lastDetail(CaseController.AUDIT_CASE)).contains("ASSISTANCE", "amount 1500", "policy 低边救助");
        String page = web.page(get("/cases/" + k).session(s));
        assertThat(page).contains("走访了解情况", "低边救助", "1500.00", "帮扶中");
        // closing without a reason; a date in the future; an unknown cadre: 400 with the reason, nothing written
        long actions = jdbc.sql("SELECT COUNT(*) FROM case_action").query(Long.class).single();
        String bad = mvc.perform(post("/cases/" + k + "/actions").with(csrf()).session(s).param("kind", "STATE")
                        .param("state", "CLOSED").param("note", " ")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("reason: required to close a case");
        mvc.perform(post("/cases/" + k + "/actions").with(csrf()).session(s).param("kind", "VISIT")
                .param("on", "2999-01-01").param("note", "x")).andExpect(status().isBadRequest());
        mvc.perform(post("/cases/" + k + "/actions").with(csrf()).session(s).param("kind", "ASSIGN")
                .param("cadre", "analyst")).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_action").query(Long.class).single()).isEqualTo(actions);
        // assign the township's cadre, then close with a reason
        mvc.perform(post("/cases/" + k + "/actions").with(csrf()).session(s).param("kind", "ASSIGN")
                .param("cadre", "cadre")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/cases/" + k + "/actions").with(csrf()).session(s).param("kind", "STATE")
                .param("state", "CLOSED").param("note", "收入恢复")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT cadre || ' ' || state || ' ' || close_reason FROM assistance_case WHERE id = :c")
                .param("c", k).query(String.class).single()).isEqualTo("cadre CLOSED 收入恢复");
    }

    @Test
    void anActionOnAnotherTownshipsCaseIsRefusedAndAudited() throws Exception {
        long wang = id(CaseTestData.WANG);
        MockHttpSession s = web.login("cadre");
        long denied = web.audits("ACCESS_DENIED", CaseController.AUDIT_CASE, String.valueOf(wang));
        mvc.perform(get("/cases/" + wang).session(s)).andExpect(status().isForbidden());
        mvc.perform(post("/cases/" + wang + "/actions").with(csrf()).session(s).param("kind", "VISIT")
                .param("note", "x")).andExpect(status().isForbidden());
        assertThat(web.audits("ACCESS_DENIED", CaseController.AUDIT_CASE, String.valueOf(wang))).isEqualTo(denied + 2);
        assertThat(web.lastDetail(CaseController.AUDIT_CASE)).contains("outside the user's " + CAIYUAN);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_action WHERE case_id = :c AND kind = 'VISIT'").param("c", wang)
                .query(Long.class).single()).isZero();
        // the analyst reads every case but may not act on any
        mvc.perform(post("/cases/" + wang + "/actions").with(csrf()).session(web.login("analyst")).param("kind", "VISIT")
                .param("note", "x")).andExpect(status().isForbidden());
        // without a CSRF token: refused
        mvc.perform(post("/cases/" + id(CaseTestData.ZHANG) + "/actions").session(s).param("kind", "VISIT")
                .param("note", "x")).andExpect(status().isForbidden());
    }

    @Test
    void theFamilyPageListsItsCasesAndTheCockpitCountsThem() throws Exception {
        String family = web.page(get("/families/" + FAMILY_ZHANG).session(web.login("cadre")));
        assertThat(family).contains("id=\"family-cases-table\"", "data-case=\"" + id(CaseTestData.ZHANG) + "\"");
        String cockpit = web.page(get("/cockpit").session(web.login("analyst")));
        assertThat(cockpit).contains("id=\"cockpit-cases\"");
        {
            assertThat(LedgerWebSupport.row(cockpit, "case-count-table", "data-code=\"scope\"").subList(1, 5))
                    .containsExactly("4", "1", "3", "2");
        }
    }

    @Test
    void theEnglishPage() throws Exception {
        String html = web.page(get("/cases").param("lang", "en").session(web.login("cadre")));
        assertThat(html).contains("<h1>Assistance worklist</h1>", "Overdue", "Discovered").doesNotContain("帮扶工作台");
        String kase = web.page(get("/cases/" + id(CaseTestData.ASSISTED)).param("lang", "en").session(web.login("cadre")));
        assertThat(kase).contains("Assistance case #", "red → green", "Record visit");
    }
}
