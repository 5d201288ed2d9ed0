package org.olive.app.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olive.app.population.LedgerTestData.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olive.app.OliveWebTest;
import org.olive.app.population.LedgerWebSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** 家庭一本账: the list and the family page (members, relations, basis, history, graph, conflicts), scoping, audit. */
@OliveWebTest
class FamilyWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    LedgerWebSupport web;

    @BeforeEach
    void seed() {
        web = new LedgerWebSupport(mvc, jdbc);
    }

    @Test
    void listOfFamiliesScopedAndSearchable() throws Exception {
        MockHttpSession analyst = web.login("analyst");
        String html = web.page(get("/families").param("period", P2).session(analyst));
        assertThat(html).contains("<h1>家庭一本账</h1>", FAMILY_ZHANG, FAMILY_WANG, "id=\"nav-families\" aria-current");
        assertThat(web.page(get("/families").param("period", P2).param("q", "H900").session(analyst)))
                .contains(FAMILY_WANG).doesNotContain(FAMILY_ZHANG);
        assertThat(web.page(get("/families").param("period", P2).session(web.login("cadre"))))
                .contains(FAMILY_ZHANG).doesNotContain(FAMILY_WANG);
    }

    @Test
    void familyPageShowsMembersRelationsBasisHistoryGraphAndConflicts() throws Exception {
        long before = web.audits("VIEW_PERSONAL_DATA", "FAMILY", FAMILY_ZHANG);
        String html = web.page(get("/families/" + FAMILY_ZHANG).session(web.login("analyst")));
        assertThat(html).contains("家庭 F9000001（张伟）", "id=\"members-table\"", "data-role=\"HEAD\"",
                "data-role=\"SPOUSE\"", "data-role=\"CHILD\"", "户主", "配偶", "子女", "02 户主", "10 配偶",
                "data-chart=\"family\"", "marriage registered 2008-10-01", "3 人，其中常住 3 人", "户籍家庭");
        // March has no grandmother; the history says she left and who joined in February
        assertThat(html).doesNotContain("data-key=\"" + ZHANG_NAI + "\"");
        assertThat(html).contains("id=\"history-table\"", "张奶奶");
        // conflicts about members, kind in words
        assertThat(html).contains("户籍配偶与婚姻登记不一致", "父母无法确定").doesNotContain("已死亡仍在户");
        assertThat(LedgerWebSupport.FULL_ID.matcher(html).find()).isFalse();
        assertThat(web.audits("VIEW_PERSONAL_DATA", "FAMILY", FAMILY_ZHANG)).isEqualTo(before + 1);

        String feb = web.page(get("/families/" + FAMILY_ZHANG).param("period", P1).session(web.login("analyst")));
        assertThat(feb).contains("data-key=\"" + ZHANG_NAI + "\"", "50 ", "4 人，其中常住 4 人");
    }

    @Test
    void englishLabels() throws Exception {
        assertThat(web.page(get("/families/" + FAMILY_ZHANG).param("lang", "en").session(web.login("analyst"))))
                .contains("Family F9000001 (张伟)", "Hukou family", "Family graph", "Membership history", "Spouse",
                        "Hukou spouse vs marriage register");
    }

    /** The 预警 section: the colour, each rule that fired with its figures and records, and the colour history. */
    @Test
    void familyPageShowsTheWarningWithItsRulesFiguresRecordsAndHistory() throws Exception {
        org.olive.app.income.IncomeTestData.seed(jdbc);
        String html = web.page(get("/families/" + FAMILY_WANG).param("period", P2).session(web.login("analyst")));
        assertThat(html).contains("id=\"warning\"", "data-colour=\"YELLOW\"", "黄色预警", "低于低边标准",
                "data-rule=\"below_dibian@1\"", "data-rule=\"assist_line@1\"", "dibian_line=28000",
                "[family_income:2025-03:F9000002]", "预警颜色变化", "2025-03-31", "绿色（无预警）");
        assertThat(web.page(get("/families/" + FAMILY_WANG).param("period", P2).param("lang", "en")
                .session(web.login("analyst")))).contains("Yellow warning", "Below the 低边 line", "Colour history");
        // a period without a run of step warnings: no colour
        assertThat(web.page(get("/families/" + FAMILY_ZHANG).param("period", P2).session(web.login("analyst"))))
                .contains("id=\"warning\"", "该期间无预警结果").doesNotContain("id=\"family-warning-table\"");
    }

    @Test
    void cadreIsRefusedAnotherTownshipsFamily() throws Exception {
        MockHttpSession s = web.login("cadre");
        mvc.perform(get("/families/" + FAMILY_WANG).session(s)).andExpect(status().isForbidden());
        assertThat(web.page(get("/families/" + FAMILY_ZHANG).session(s))).contains("张伟");
        mvc.perform(get("/families/F0000000").session(s)).andExpect(status().isNotFound());
    }
}
