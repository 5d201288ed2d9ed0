package org.olive.app.income;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olive.app.population.LedgerTestData.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olive.app.OliveWebTest;
import org.olive.app.population.LedgerWebSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** 收入一本账 pages: drill-down list, family income, person items, declarations; scope, audit and masking. */
@OliveWebTest
class IncomeWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    LedgerWebSupport web;

    @BeforeEach
    void seed() {
        web = new LedgerWebSupport(mvc, jdbc);
        IncomeTestData.seed(jdbc);
    }

    @Test
    void drillDownListFiltersAndIsAudited() throws Exception {
        MockHttpSession analyst = web.login("analyst");
        long before = web.audits("VIEW_PERSONAL_DATA", "FAMILY", "income list " + P2);
        String all = web.page(get("/income/families").session(analyst));
        assertThat(all).contains("<h1>收入一本账</h1>", "共 2 户，4 名常住人口", FAMILY_ZHANG, FAMILY_WANG);
        assertThat(web.audits("VIEW_PERSONAL_DATA", "FAMILY", "income list " + P2)).isEqualTo(before + 1);
        // the bracket filter offers the profile's brackets by name, the line filter its lines
        assertThat(all).contains("<option value=\"middle_10_50\">10-50万</option>",
                "<option value=\"middle_20_60\">20-60万</option>", "<option value=\"tekun\">低于特困供养标准</option>");
        assertThat(web.page(get("/income/families").param("bracket", "middle_20_60").session(analyst)))
                .contains(FAMILY_ZHANG).doesNotContain("data-family=\"" + FAMILY_WANG + "\"");
        assertThat(web.lastDetail("FAMILY")).contains("bracket middle_20_60");
        assertThat(web.page(get("/income/families").param("line", "dibian").session(analyst)))
                .contains("data-family=\"" + FAMILY_WANG + "\"").doesNotContain("data-family=\"" + FAMILY_ZHANG + "\"");
        assertThat(web.page(get("/income/families").param("line", "assist").session(analyst)))
                .contains("data-family=\"" + FAMILY_WANG + "\"").doesNotContain("data-family=\"" + FAMILY_ZHANG + "\"");
        assertThat(web.page(get("/income/families").param("line", "safety_net").session(analyst))).contains("共 0 户");
        // the values of the links before issue 12 still work
        assertThat(web.page(get("/income/families").param("bracket", "20_60").session(analyst)))
                .contains(FAMILY_ZHANG).doesNotContain("data-family=\"" + FAMILY_WANG + "\"");
        assertThat(web.page(get("/income/families").param("line", "marginal").session(analyst)))
                .contains("data-family=\"" + FAMILY_WANG + "\"").doesNotContain("data-family=\"" + FAMILY_ZHANG + "\"");
        mvc.perform(get("/income/families").param("bracket", "middle_30_70").session(analyst))
                .andExpect(status().isBadRequest());
        assertThat(web.page(get("/income/families").param("min", "200000").param("max", "250000").session(analyst)))
                .contains("共 1 户，3 名常住人口");
        assertThat(web.page(get("/income/families").param("urban", "false").session(analyst)))
                .contains("data-family=\"" + FAMILY_WANG + "\"").doesNotContain("data-family=\"" + FAMILY_ZHANG + "\"");
        mvc.perform(get("/income/families").param("line", "nonsense").session(analyst)).andExpect(status().isBadRequest());
    }

    @Test
    void cadreListIsTheirTownshipAndOtherTownshipsAreForbidden() throws Exception {
        MockHttpSession cadre = web.login("cadre");
        assertThat(web.page(get("/income/families").session(cadre)))
                .contains("data-family=\"" + FAMILY_ZHANG + "\"").doesNotContain("data-family=\"" + FAMILY_WANG + "\"");
        mvc.perform(get("/income/families").param("township", SHENGSHAN).session(cadre))
                .andExpect(status().isForbidden());
        mvc.perform(get("/income/persons/" + WANG_QIANG).session(cadre)).andExpect(status().isForbidden());
        assertThat(web.page(get("/income/persons/" + ZHANG_WEI).session(cadre))).contains("张伟的收入");
    }

    @Test
    void familyPageShowsIncome() throws Exception {
        String html = web.page(get("/families/" + FAMILY_ZHANG).param("period", P2).session(web.login("analyst")));
        assertThat(html).contains("家庭收入（2025-03，近12个月）", "240,000", "在10-50万群体中", "在20-60万群体中",
                "id=\"income-members-table\"", "href=\"/income/persons/" + ZHANG_WEI + "?period=2025-03\"", "模糊推算");
        String wang = web.page(get("/families/" + FAMILY_WANG).param("period", P2).session(web.login("analyst")));
        assertThat(wang).contains("低于低边线", "帮扶对象");
        // rigid expenditure: medical out-of-pocket and education (学杂费) side by side
        assertThat(html).contains("刚性支出（12个月）", "医疗自付 1,200 元；教育支出（学杂费） 3,600 元", "12个月刚性支出 4,800 元");
        assertThat(web.page(get("/families/" + FAMILY_ZHANG).param("period", P2).param("lang", "en")
                .session(web.login("analyst")))).contains("education (school fees) 3,600 yuan");
        // February has no income ledger
        assertThat(web.page(get("/families/" + FAMILY_ZHANG).param("period", P1).session(web.login("analyst"))))
                .contains("id=\"income-none\"");
    }

    @Test
    void personItemsWithProvenanceMaskedAndAudited() throws Exception {
        long before = web.audits("VIEW_PERSONAL_DATA", "PERSON", "person " + ZHANG_WEI);
        String html = web.page(get("/income/persons/" + ZHANG_WEI).param("period", P2).session(web.login("analyst")));
        assertThat(html).contains("张伟的收入", "iit_wages", "bnb", "个税_202503.csv row 3",
                "href=\"/persons/" + ZHANG_WEI + "?period=2025-03#view-income\"",
                "href=\"/persons/" + ZHANG_WEI + "?period=2025-03#view-work\"", "102,000", "转移性支出");
        assertThat(LedgerWebSupport.FULL_ID.matcher(html).find()).as("no unmasked ID number").isFalse();
        assertThat(web.audits("VIEW_PERSONAL_DATA", "PERSON", "person " + ZHANG_WEI)).isEqualTo(before + 1);
        assertThat(web.lastDetail("PERSON")).isEqualTo("income, period 2025-03");
        String li = web.page(get("/income/persons/" + LI_NA).session(web.login("analyst")));
        assertThat(li).contains("模糊推算", "70,000 – 110,000");
    }

    @Test
    void analystDeclaresAndWithdrawsACorrection() throws Exception {
        MockHttpSession analyst = web.login("analyst");
        assertThat(web.page(get("/income/persons/" + WANG_QIANG).session(analyst))).contains("id=\"declare-form\"");
        long entries = web.audits("DATA_ENTERED", "INCOME_DECLARATION", null);
        // no reason: refused, nothing stored
        mvc.perform(post("/income/persons/" + WANG_QIANG + "/declarations").with(csrf()).session(analyst)
                        .param("component", "WAGE").param("amount", "36000").param("effectiveFrom", P2)
                        .param("reason", " "))
                .andExpect(redirectedUrl("/income/persons/" + WANG_QIANG));
        assertThat(count(WANG_QIANG)).isZero();
        mvc.perform(post("/income/persons/" + WANG_QIANG + "/declarations").with(csrf()).session(analyst)
                        .param("component", "WAGE").param("amount", "36000").param("effectiveFrom", P2)
                        .param("reason", "村里核实的渔船务工收入").param("period", P2))
                .andExpect(redirectedUrl("/income/persons/" + WANG_QIANG + "?period=" + P2));
        assertThat(count(WANG_QIANG)).isEqualTo(1);
        assertThat(web.audits("DATA_ENTERED", "INCOME_DECLARATION", null)).isEqualTo(entries + 1);
        assertThat(web.lastDetail("INCOME_DECLARATION")).contains("person " + WANG_QIANG, "WAGE 36000 from 2025-03");
        String page = web.page(get("/income/persons/" + WANG_QIANG).session(analyst));
        assertThat(page).contains("村里核实的渔船务工收入", "36,000", "撤回");
        long id = jdbc.sql("SELECT id FROM income_declaration WHERE person_key = :k").param("k", WANG_QIANG)
                .query(Long.class).single();
        mvc.perform(post("/income/declarations/" + id + "/withdraw").with(csrf()).session(analyst)
                        .param("reason", "重复申报"))
                .andExpect(redirectedUrl("/income/persons/" + WANG_QIANG));
        assertThat(jdbc.sql("SELECT withdrawn_by FROM income_declaration WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("analyst");
        assertThat(web.lastDetail("INCOME_DECLARATION")).isEqualTo("withdrawn: 重复申报");
    }

    @Test
    void cadreAndPolicyMayNotDeclareAndCsrfIsRequired() throws Exception {
        for (String user : new String[] {"cadre", "policy"}) {
            MockHttpSession s = web.login(user);
            mvc.perform(post("/income/persons/" + ZHANG_WEI + "/declarations").with(csrf()).session(s)
                            .param("component", "WAGE").param("amount", "1").param("effectiveFrom", P2)
                            .param("reason", "x"))
                    .andExpect(status().isForbidden());
        }
        assertThat(web.page(get("/income/persons/" + ZHANG_WEI).session(web.login("cadre"))))
                .doesNotContain("id=\"declare-form\"");
        mvc.perform(post("/income/persons/" + ZHANG_WEI + "/declarations").session(web.login("analyst"))
                        .param("component", "WAGE").param("amount", "1").param("effectiveFrom", P2)
                        .param("reason", "x"))
                .andExpect(status().isForbidden());
        assertThat(count(ZHANG_WEI)).isZero();
    }

    private long count(long person) {
        return jdbc.sql("SELECT COUNT(*) FROM income_declaration WHERE person_key = :k").param("k", person)
                .query(Long.class).single();
    }
}
