package org.olive.app.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olive.app.population.LedgerTestData.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olive.app.OliveWebTest;
import org.olive.app.ingest.Masking;
import org.olive.app.population.LedgerWebSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The policy ledger's pages on {@link PolicyTestData}: the library's counts for the user's area with indicator 7, a
 * policy's rules, townships and lists (scoped to a cadre's township, another township refused and audited, every view
 * audited, IDs masked, the pager), the handling (HANDLE_POLICY through PolicyDesk, audited; a cadre's POST refused
 * with 403 and audited; bad input refused with its reason; the htmx fragment with the history), the push list's XLSX
 * read back (headers, masking, the area) and the family page's 政策 block. A context of its own.
 */
@OliveWebTest
@TestPropertySource(properties = "olive.test.context=policies")
class PolicyWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    LedgerWebSupport web;

    @BeforeEach
    void seed() {
        web = new LedgerWebSupport(mvc, jdbc);
        PolicyTestData.seed(jdbc);
    }

    static List<String> subjects(String html) {
        return Pattern.compile("data-subject=\"([^\"]+)\"").matcher(html).results().map(m -> m.group(1)).toList();
    }

    @Test
    void theLibraryShowsEachPolicysCountsInTheUsersAreaAndIndicator7() throws Exception {
        String html = web.page(get("/policies").session(web.login("analyst")));
        assertThat(html).contains("<h1>政策一本账</h1>", "id=\"policy-chart\"", "data-chart=\"tiers\"", "县民政局", "兜底型",
                "发展型", "DIBAO@1");
        // name, code, department, kind, unit, frequency, groups, version, eligible, covered, missed, leakage, coverage
        assertThat(LedgerWebSupport.row(html, "policy-table", "data-policy=\"DIBAO\"")).containsExactly("最低生活保障金",
                "DIBAO", "县民政局", "兜底型", "家庭", "按月", "困难群体", "DIBAO@1", "2", "1", "1", "0", "50.0%");
        assertThat(LedgerWebSupport.row(html, "policy-table", "data-policy=\"SKILL_BONUS\"").subList(8, 13))
                .containsExactly("1", "0", "1", "2", "0.0%");
        assertThat(html).containsPattern("id=\"indicator7-share\">75\\.0%<").containsPattern("id=\"indicator7-quarter\">2025-03<");
        assertThat(LedgerWebSupport.row(html, "indicator7-groups", "data-group=\"hardship\"")).contains("1", "2", "50.0%");
        // the cadre: their township's counts and indicator
        String cadre = web.page(get("/policies").session(web.login("cadre")));
        assertThat(LedgerWebSupport.row(cadre, "policy-table", "data-policy=\"DIBAO\"").subList(8, 13))
                .containsExactly("1", "0", "1", "0", "0.0%");
        assertThat(cadre).contains("菜园镇，2025-03").containsPattern("id=\"indicator7-share\">50\\.0%<");
        // the policy officer and the earlier period
        assertThat(web.page(get("/policies").param("period", P1).session(web.login("policy"))))
                .contains("id=\"policy-table\"", "全县，2025-02");
        assertThat(web.page(get("/policies").param("period", "2019-01").session(web.login("policy"))))
                .contains("该期间尚无政策匹配结果");
    }

    @Test
    void aPolicysPageShowsItsRuleTownshipsAndListsScopedAndAudited() throws Exception {
        long views = web.audits("VIEW_PERSONAL_DATA", PolicyController.AUDIT_LIST, "DIBAO 2025-03");
        String html = web.page(get("/policies/DIBAO").session(web.login("analyst")));
        assertThat(html).contains("<h1>最低生活保障金</h1>", "id=\"version-table\"", "dibao_line", "社会救助暂行办法",
                "id=\"township-chart\"", "href=\"/families/" + FAMILY_ZHANG + "?period=2025-03\"", "张伟", "512.50",
                "id=\"push-export\"");
        assertThat(subjects(html)).containsExactly(FAMILY_ZHANG);
        assertThat(LedgerWebSupport.row(html, "township-table", "data-code=\"" + SHENGSHAN + "\""))
                .containsExactly("嵊山镇", "1", "0", "0", "100.0%");
        assertThat(LedgerWebSupport.FULL_ID.matcher(html).find()).as("no full ID number").isFalse();
        assertThat(html).contains(Masking.ids(ID_ZHANG_WEI));
        assertThat(web.audits("VIEW_PERSONAL_DATA", PolicyController.AUDIT_LIST, "DIBAO 2025-03")).isEqualTo(views + 1);
        assertThat(web.lastDetail(PolicyController.AUDIT_LIST)).contains("MISSED", "1 of 1 rows");
        assertThat(subjects(web.page(get("/policies/DIBAO").param("status", "COVERED").session(web.login("analyst")))))
                .containsExactly(FAMILY_WANG);
        String leakage = web.page(get("/policies/SKILL_BONUS").param("status", "LEAKAGE").session(web.login("analyst")));
        assertThat(subjects(leakage)).containsExactly(String.valueOf(WANG_QIANG), PolicyTestData.UNMATCHED);
        assertThat(leakage).contains("href=\"/persons/" + WANG_QIANG + "?period=2025-03\"", "yikatong_2025-03.csv:4")
                .doesNotContain("href=\"/persons/unmatched").doesNotContain("handling-form");
        mvc.perform(get("/policies/DIBAO").param("status", "OTHER").session(web.login("analyst")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/policies/NO_SUCH").session(web.login("analyst"))).andExpect(status().isNotFound());

        // the cadre: their township only; another township refused and audited
        MockHttpSession cadre = web.login("cadre");
        String own = web.page(get("/policies/SKILL_BONUS").param("status", "LEAKAGE").session(cadre));
        assertThat(subjects(own)).isEmpty();
        assertThat(own).contains("共 0 条").doesNotContain("data-code=\"" + SHENGSHAN + "\"");
        assertThat(web.lastDetail(PolicyController.AUDIT_LIST)).contains("township " + CAIYUAN);
        long denied = web.audits("ACCESS_DENIED", "TOWNSHIP", SHENGSHAN);
        mvc.perform(get("/policies/DIBAO").param("township", SHENGSHAN).session(cadre)).andExpect(status().isForbidden());
        mvc.perform(get("/policies/DIBAO/push.xlsx").param("township", SHENGSHAN).session(cadre))
                .andExpect(status().isForbidden());
        assertThat(web.audits("ACCESS_DENIED", "TOWNSHIP", SHENGSHAN)).isEqualTo(denied + 2);
        // the cadre reads but does not handle; the policy officer handles but opens no person or family page
        assertThat(web.page(get("/policies/DIBAO").session(cadre))).contains("href=\"/families/" + FAMILY_ZHANG)
                .doesNotContain("handling-form");
        String officer = web.page(get("/policies/DIBAO").session(web.login("policy")));
        assertThat(officer).contains("handling-form", "name=\"_csrf\"", "张伟").doesNotContain("href=\"/families/");
    }

    @Test
    void theListIsPaginated() throws Exception {
        MockHttpSession s = web.login("analyst");
        String first = web.page(get("/policies/CHILDCARE").session(s));
        assertThat(subjects(first)).hasSize(50).startsWith("800001");
        assertThat(first).contains("共 55 条", "rel=\"next\"", "第 1 / 2 页");
        String second = web.page(get("/policies/CHILDCARE").param("page", "2").session(s));
        assertThat(subjects(second)).containsExactly("800051", "800052", "800053", "800054", "800055");
        assertThat(second).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void thePolicyOfficerSetsAHandlingStatusAndACadreIsRefused() throws Exception {
        String key = String.valueOf(LI_NA);
        String subject = "SKILL_BONUS 2025-03 PERSON " + key;
        MockHttpSession officer = web.login("policy");
        mvc.perform(post("/policies/SKILL_BONUS/handling").with(csrf()).session(officer).param("period", P2)
                        .param("kind", "PERSON").param("key", key).param("status", "DONE").param("note", "已发放 " + ID_LI_NA))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/policies/SKILL_BONUS?period=2025-03&status=MISSED"));
        assertThat(jdbc.sql("SELECT status || ' ' || username FROM policy_handling WHERE subject_key = :k")
                .param("k", key).query(String.class).list()).containsExactly("DONE policy");
        assertThat(web.audits("LEDGER_DECISION", PolicyController.AUDIT_HANDLING, subject)).isEqualTo(1);
        assertThat(web.lastDetail(PolicyController.AUDIT_HANDLING)).startsWith("DONE: 已发放")
                .doesNotContain(ID_LI_NA).contains(Masking.ids(ID_LI_NA));
        // the list shows it; the handling filter
        String page = web.page(get("/policies/SKILL_BONUS").session(officer));
        assertThat(page).contains("data-handling=\"DONE\"", "已办");
        assertThat(subjects(web.page(get("/policies/SKILL_BONUS").param("handling", "TODO").session(officer)))).isEmpty();
        assertThat(subjects(web.page(get("/policies/SKILL_BONUS").param("handling", "DONE").session(officer))))
                .containsExactly(key);

        // htmx: the fragment comes back with the new status and the history; NOT_ELIGIBLE needs a note
        String fragment = mvc.perform(post("/policies/SKILL_BONUS/handling").with(csrf()).session(officer)
                        .header("HX-Request", "true").param("period", P2).param("kind", "PERSON").param("key", key)
                        .param("status", "NOT_ELIGIBLE").param("note", "证书已过期"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).startsWith("<div class=\"handling\"").contains("data-handling=\"NOT_ELIGIBLE\"", "不符合",
                "证书已过期", "handling-history", "data-status=\"DONE\"").doesNotContain("<html");
        String refused = mvc.perform(post("/policies/SKILL_BONUS/handling").with(csrf()).session(officer)
                        .header("HX-Request", "true").param("period", P2).param("kind", "PERSON").param("key", key)
                        .param("status", "NOT_ELIGIBLE").param("note", " "))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("note: required");
        // a covered entry is not on the push list
        mvc.perform(post("/policies/DIBAO/handling").with(csrf()).session(officer).header("HX-Request", "true")
                .param("period", P2).param("kind", "FAMILY").param("key", FAMILY_WANG).param("status", "DONE"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM policy_handling").query(Long.class).single()).isEqualTo(2);
        // the history fragment
        String history = web.page(get("/policies/SKILL_BONUS/handling").param("period", P2).param("kind", "PERSON")
                .param("key", key).session(officer));
        assertThat(history).contains("data-status=\"NOT_ELIGIBLE\"", "data-status=\"DONE\"");

        // a cadre may not handle: 403, audited, nothing written
        long denied = web.audits("ACCESS_DENIED", PolicyController.AUDIT_HANDLING, subject);
        mvc.perform(post("/policies/SKILL_BONUS/handling").with(csrf()).session(web.login("cadre")).param("period", P2)
                        .param("kind", "PERSON").param("key", key).param("status", "TODO"))
                .andExpect(status().isForbidden());
        assertThat(web.audits("ACCESS_DENIED", PolicyController.AUDIT_HANDLING, subject)).isEqualTo(denied + 1);
        // nor may the analyst
        mvc.perform(post("/policies/SKILL_BONUS/handling").with(csrf()).session(web.login("analyst")).param("period", P2)
                .param("kind", "PERSON").param("key", key).param("status", "TODO")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM policy_handling").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void thePushListIsAnXlsxInTheDepartmentsTermsWithIdsMasked() throws Exception {
        long exports = web.audits("EXPORT_PERSONAL_DATA", PolicyController.AUDIT_PUSH, "DIBAO 2025-03");
        MockHttpServletResponse r = mvc.perform(get("/policies/DIBAO/push.xlsx").session(web.login("analyst")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(r.getHeader("Content-Disposition")).contains("push-DIBAO-2025-03.xlsx");
        List<List<String>> rows = rows(r.getContentAsByteArray());
        assertThat(rows.get(0)).containsExactly("序号", "乡镇", "村社", "姓名", "公民身份号码", "户号/家庭编号", "政策名称",
                "应享金额(元)", "发现期间", "处理状态", "备注");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).containsExactly("1", "菜园镇", "东海社区居委会", "张伟", Masking.ids(ID_ZHANG_WEI), "H001",
                "最低生活保障金", "512.50", "2025-03", "待办", "");
        assertThat(String.join(",", rows.get(1))).doesNotContain(ID_ZHANG_WEI);
        assertThat(web.audits("EXPORT_PERSONAL_DATA", PolicyController.AUDIT_PUSH, "DIBAO 2025-03")).isEqualTo(exports + 1);
        assertThat(web.lastDetail(PolicyController.AUDIT_PUSH)).contains("1 rows", "IDs masked");
        // a person policy: the person's own name and ID; the cadre's file holds their township only
        List<List<String>> skill = rows(mvc.perform(get("/policies/SKILL_BONUS/push.xlsx").session(web.login("cadre")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(skill).hasSize(2);
        assertThat(skill.get(1).subList(1, 5)).containsExactly("菜园镇", "东海社区居委会", "李娜", Masking.ids(ID_LI_NA));
        List<List<String>> many = rows(mvc.perform(get("/policies/CHILDCARE/push.xlsx").param("township", CAIYUAN)
                .session(web.login("policy"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(many).hasSize(PolicyTestData.MANY + 1);
    }

    @Test
    void theFamilyPageListsItsPolicies() throws Exception {
        String html = web.page(get("/families/" + FAMILY_ZHANG).param("period", P2).session(web.login("analyst")));
        assertThat(html).contains("id=\"family-policies-table\"", "href=\"/policies/DIBAO?period=2025-03&amp;status=MISSED\"");
        assertThat(LedgerWebSupport.row(html, "family-policies-table", "data-policy=\"DIBAO\""))
                .containsExactly("最低生活保障金", "符合条件未享受", "家庭", "512.50", "0.00");
        assertThat(LedgerWebSupport.row(html, "family-policies-table", "data-policy=\"SKILL_BONUS\""))
                .containsExactly("技能提升补贴", "符合条件未享受", "李娜", "1500.00", "0.00");
        String wang = web.page(get("/families/" + FAMILY_WANG).param("period", P2).session(web.login("analyst")));
        assertThat(LedgerWebSupport.row(wang, "family-policies-table", "data-policy=\"SKILL_BONUS\""))
                .containsExactly("技能提升补贴", "享受但不符合条件", "王强", "–", "1000.00");
        assertThat(LedgerWebSupport.row(wang, "family-policies-table", "data-policy=\"DIBAO\"")).contains("享受");
        String sun = web.page(get("/families/" + FAMILY_SUN).session(web.login("analyst")));
        assertThat(sun).contains("id=\"no-family-policies\"");
    }

    static List<List<String>> rows(byte[] xlsx) throws java.io.IOException {
        List<List<String>> out = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : wb.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < 11; i++) {
                    cells.add(i < row.getCellCount() && row.getCellText(i) != null ? row.getCellText(i) : "");
                }
                out.add(cells);
            }
        }
        return out;
    }
}
