package org.olive.app.conflict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olive.app.population.LedgerTestData.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olive.app.OliveWebTest;
import org.olive.app.population.LedgerWebSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The conflict queue (list, detail, resolve) and the match review queue (confirm, reject): rights, CSRF, audit. */
@OliveWebTest
class ConflictWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    LedgerWebSupport web;

    @BeforeEach
    void seed() {
        web = new LedgerWebSupport(mvc, jdbc);
    }

    Map<String, Object> row(long id) {
        return jdbc.sql("SELECT status, decision, decision_note, decided_by, decided_at FROM family_conflict WHERE id = :id")
                .param("id", id).query().singleRow();
    }

    @Test
    void queueListsCasesWithMaskedPersonsAndFilters() throws Exception {
        MockHttpSession s = web.login("analyst");
        String html = web.page(get("/conflicts").session(s));
        assertThat(html).contains("<h1>冲突案件</h1>", "id=\"conflicts-table\"", "户籍配偶与婚姻登记不一致",
                "已死亡仍在户", "张伟", "李娜", "H001");
        assertThat(LedgerWebSupport.FULL_ID.matcher(html).find()).isFalse();
        assertThat(web.page(get("/conflicts").param("kind", "DEAD_STILL_LISTED").session(s)))
                .contains("已死亡仍在户").doesNotContain("户籍配偶与婚姻登记不一致</td>");
        assertThat(web.page(get("/conflicts").param("township", SHENGSHAN).session(s)))
                .contains("王强").doesNotContain("李娜");
        mvc.perform(get("/conflicts").param("status", "LOST").session(s)).andExpect(status().isBadRequest());
    }

    @Test
    void detailShowsMaskedEvidenceProvisionalAndOptions() throws Exception {
        long id = conflictId(jdbc, CONFLICT_SPOUSE);
        String html = web.page(get("/conflicts/" + id).session(web.login("analyst")));
        assertThat(html).contains("basic_marriage row 7", "keep the hukou coding", "KEEP_HUKOU",
                "FOLLOW_MARRIAGE_REGISTER", "id=\"resolve-form\"", "name=\"_csrf\"");
        assertThat(LedgerWebSupport.FULL_ID.matcher(html).find()).as("evidence and key masked").isFalse();
        assertThat(web.audits("VIEW_PERSONAL_DATA", "FAMILY_CONFLICT", String.valueOf(id))).isPositive();
    }

    @Test
    void analystResolvesACaseAudited() throws Exception {
        long id = conflictId(jdbc, CONFLICT_PARENTS);
        MockHttpSession s = web.login("analyst");
        mvc.perform(post("/conflicts/" + id + "/resolve").param("decision", "OTHER_COUPLE").session(s))
                .andExpect(status().isForbidden()); // no CSRF token
        assertThat(row(id).get("STATUS")).isEqualTo("OPEN");

        String bad = mvc.perform(post("/conflicts/" + id + "/resolve").with(csrf()).param("decision", "GUESS")
                        .session(s)).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("decision &#39;GUESS&#39; is not one of HEAD_COUPLE, OTHER_COUPLE");

        long before = web.audits("LEDGER_DECISION", "FAMILY_CONFLICT", String.valueOf(id));
        mvc.perform(post("/conflicts/" + id + "/resolve").with(csrf()).param("decision", "OTHER_COUPLE")
                        .param("note", "村里核实：由叔叔抚养").session(s))
                .andExpect(redirectedUrl("/conflicts/" + id));
        Map<String, Object> r = row(id);
        assertThat(r.get("STATUS")).isEqualTo("RESOLVED");
        assertThat(r.get("DECISION")).isEqualTo("OTHER_COUPLE");
        assertThat(r.get("DECISION_NOTE")).isEqualTo("村里核实：由叔叔抚养");
        assertThat(r.get("DECIDED_BY")).isEqualTo("analyst");
        assertThat(r.get("DECIDED_AT")).isNotNull();
        assertThat(web.audits("LEDGER_DECISION", "FAMILY_CONFLICT", String.valueOf(id))).isEqualTo(before + 1);
        assertThat(web.lastDetail("FAMILY_CONFLICT")).contains("OTHER_COUPLE");
        assertThat(web.page(get("/conflicts/" + id).session(s))).contains("已处理", "村里核实：由叔叔抚养");
    }

    @Test
    void cadreResolvesOwnTownshipOnlyAndPolicyOfficerNever() throws Exception {
        long own = conflictId(jdbc, CONFLICT_SEPARATED);
        long other = conflictId(jdbc, CONFLICT_SHENGSHAN);
        MockHttpSession cadre = web.login("cadre");
        String queue = web.page(get("/conflicts").session(cadre));
        assertThat(queue).contains("陈刚").doesNotContain("王强");
        assertThat(web.page(get("/conflicts/" + own).session(cadre))).contains("id=\"resolve-form\"",
                "归入户号 H002 的家庭（KEEP_IN_H002）", "归入户号 H777 的家庭（KEEP_IN_H777）", "暂行处理采用此项");
        mvc.perform(get("/conflicts/" + other).session(cadre)).andExpect(status().isForbidden());
        mvc.perform(post("/conflicts/" + other + "/resolve").with(csrf()).param("decision", "CONFIRM_DEATH").session(cadre))
                .andExpect(status().isForbidden());
        assertThat(row(other).get("STATUS")).isEqualTo("OPEN");
        mvc.perform(post("/conflicts/" + own + "/resolve").with(csrf()).param("decision", "KEEP_IN_H777").session(cadre))
                .andExpect(redirectedUrl("/conflicts/" + own));
        assertThat(row(own).get("DECIDED_BY")).isEqualTo("cadre");

        // the policy officer reads no case at all (docs/access.md), let alone resolves one
        MockHttpSession policy = web.login("policy");
        mvc.perform(get("/conflicts/" + other).session(policy)).andExpect(status().isForbidden());
        mvc.perform(post("/conflicts/" + other + "/resolve").with(csrf()).param("decision", "CONFIRM_DEATH").session(policy))
                .andExpect(status().isForbidden());
        assertThat(row(other).get("STATUS")).isEqualTo("OPEN");
    }

    @Test
    void matchReviewConfirmAndRejectAudited() throws Exception {
        long confirm = matchId(jdbc, 1);
        long reject = matchId(jdbc, 2);
        MockHttpSession s = web.login("analyst");
        String html = web.page(get("/matches").session(s));
        assertThat(html).contains("<h1>记录匹配复核</h1>", "fixture.csv #1", "张伟", "/matches/" + confirm + "/confirm",
                "330922*******5101");
        assertThat(html).doesNotContain("33092219800115101");
        mvc.perform(post("/matches/" + confirm + "/confirm").session(s)).andExpect(status().isForbidden());
        long before = web.audits("LEDGER_DECISION", "PERSON_MATCH", null);
        mvc.perform(post("/matches/" + confirm + "/confirm").with(csrf()).session(s))
                .andExpect(redirectedUrl("/matches"));
        mvc.perform(post("/matches/" + reject + "/reject").with(csrf()).session(s)).andExpect(redirectedUrl("/matches"));
        Map<String, Object> c = jdbc.sql("SELECT status, decided_by FROM person_match WHERE id = :id")
                .param("id", confirm).query().singleRow();
        assertThat(c).containsEntry("STATUS", "CONFIRMED").containsEntry("DECIDED_BY", "analyst");
        assertThat(jdbc.sql("SELECT status FROM person_match WHERE id = :id").param("id", reject).query(String.class)
                .single()).isEqualTo("REJECTED");
        assertThat(web.audits("LEDGER_DECISION", "PERSON_MATCH", null)).isEqualTo(before + 2);
        // a decided row cannot be decided again
        mvc.perform(post("/matches/" + confirm + "/reject").with(csrf()).session(s)).andExpect(redirectedUrl("/matches"));
        assertThat(jdbc.sql("SELECT status FROM person_match WHERE id = :id").param("id", confirm).query(String.class)
                .single()).isEqualTo("CONFIRMED");

        MockHttpSession cadre = web.login("cadre");
        mvc.perform(get("/matches").session(cadre)).andExpect(status().isForbidden());
        mvc.perform(post("/matches/" + matchId(jdbc, 3) + "/reject").with(csrf()).session(cadre))
                .andExpect(status().isForbidden());
    }
}
