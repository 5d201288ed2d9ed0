package org.olive.app.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olive.app.OliveWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The indicator registry page, the indicator page and the audited entry of values (rights, CSRF, validation). */
@OliveWebTest
class IndicatorWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noValues() {
        jdbc.sql("DELETE FROM indicator_value").update();
    }

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(OliveWebTest.PASSWORD))
                .andExpect(authenticated().withUsername(user)).andReturn().getRequest().getSession(false);
    }

    String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The table row of one indicator on the registry page. */
    static String row(String html, String id) {
        int start = html.indexOf("id=\"indicator-" + id + "\"");
        assertThat(start).as("row of " + id).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    long audits(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'DATA_ENTERED' AND subject_type = 'INDICATOR'"
                + " AND subject_id = :id").param("id", id).query(Long.class).single();
    }

    @Test
    void registryListsAllSixtyNineIndicatorsBySectionWithTargetsInTheirForms() throws Exception {
        String html = page(get("/indicators").param("year", "2024").session(login("policy")));
        Matcher rows = Pattern.compile("id=\"indicator-[CP][0-9]+[ab]?\"").matcher(html);
        int n = 0;
        while (rows.find()) {
            n++;
        }
        assertThat(n).isEqualTo(62 + 8);
        assertThat(html).contains("<h1>指标库</h1>", "id=\"nav-indicators\"", "共 62 行、61 个序号指标，基期 2020 年",
                "嵊泗县扩中提低家庭收入监测分析试点指标目标清单", "收入分配格局优化", "社会和谐和睦", "2024年目标");
        assertThat(row(html, "C08")).contains("居民人均可支配收入(元)", "50,154 元", "至2025年：69,000 元", "无法评价",
                "2024年尚无数值", "县发改局、县人社局、县农业农村局", "系统计算");
        assertThat(row(html, "C14")).contains("1.5以内", "评价指标");
        assertThat(row(html, "C18")).contains("预计55", "55以上");
        assertThat(row(html, "C03")).contains("完成上级下达指标", "人工录入");
        assertThat(row(html, "C13")).contains("稳步下降", "观察指标");
        assertThat(row(html, "P6")).contains("重点群体收入监测体系覆盖率(%)", "77%", "系统计算");
        assertThat(row(html, "P7")).contains("重点群体精准激励政策覆盖率(%)", "90%", "系统计算");
    }

    @Test
    void analystEntersAValueAuditedAndTheRegistryJudgesIt() throws Exception {
        MockHttpSession s = login("analyst");
        String detail = page(get("/indicators/C35").session(s));
        assertThat(detail).contains("最低生活保障标准(元)", "县民政局", "2022: 11,000 元", "2025: 14,000 元", "id=\"entry-form\"",
                "name=\"_csrf\"", "id=\"no-history\"");

        mvc.perform(post("/indicators/C35/values").param("year", "2025").param("value", "14100").session(s))
                .andExpect(status().isForbidden()); // no CSRF token
        assertThat(audits("C35")).isZero();

        mvc.perform(post("/indicators/C35/values").with(csrf()).param("year", "2025").param("value", "14100")
                        .param("note", "县民政局2025年标准").session(s))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/indicators/C35"));
        assertThat(jdbc.sql("SELECT entered_by FROM indicator_value WHERE indicator_id = 'C35'").query(String.class)
                .single()).isEqualTo("analyst");
        assertThat(audits("C35")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE subject_id = 'C35' ORDER BY id DESC LIMIT 1")
                .query(String.class).single()).isEqualTo("2025 = 14100 元; 县民政局2025年标准");

        assertThat(row(page(get("/indicators").param("year", "2025").session(s)), "C35"))
                .contains("14,100 元", "达标", "14,100 元达到2025年目标14,000 元（需≥ 14,000 元）");
        // a correction replaces the shown value and keeps the old one
        mvc.perform(post("/indicators/C35/values").with(csrf()).param("year", "2025").param("value", "13900")
                .session(s)).andExpect(status().is3xxRedirection());
        String after = page(get("/indicators/C35").session(s));
        assertThat(after).contains("未达标", "13,900 元未达到2025年目标14,000 元", "id=\"history-table\"", "14,100 元");
        assertThat(audits("C35")).isEqualTo(2);
    }

    @Test
    void refusedEntriesSayWhy() throws Exception {
        MockHttpSession s = login("admin");
        String bad = mvc.perform(post("/indicators/C22/values").with(csrf()).param("year", "2024")
                        .param("value", "1,5x").session(s)).andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("数值“1,5x”不是数字。", "value=\"1,5x\"");
        String computed = mvc.perform(post("/indicators/C08/values").with(csrf()).param("year", "2024")
                        .param("value", "60000").session(s)).andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(computed).contains("该指标由系统计算（指标算法 per_capita_disposable_income），不能人工录入。");
        String early = mvc.perform(post("/indicators/C22/values").with(csrf()).param("year", "2019")
                        .param("value", "1.5").session(s)).andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(early).contains("年度 2019 不在 2020–");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM indicator_value").query(Long.class).single()).isZero();
        assertThat(audits("C22") + audits("C08")).isZero();
        mvc.perform(get("/indicators/C99").session(s)).andExpect(status().isNotFound());
    }

    @Test
    void cadreAndPolicyOfficerReadButDoNotEnter() throws Exception {
        for (String user : new String[] {"cadre", "policy"}) {
            MockHttpSession s = login(user);
            assertThat(page(get("/indicators/C35").session(s))).contains("最低生活保障标准(元)")
                    .doesNotContain("id=\"entry-form\"");
            mvc.perform(post("/indicators/C35/values").with(csrf()).param("year", "2024").param("value", "12000")
                    .session(s)).andExpect(status().isForbidden());
        }
        assertThat(audits("C35")).isZero();
        assertThat(page(get("/indicators/C08").session(login("analyst")))).contains("系统计算（指标算法 per_capita_disposable_income）")
                .doesNotContain("id=\"entry-form\"");
    }

    @Test
    void directionsUseThePreviousYearAndTheEnglishPageExplains() throws Exception {
        MockHttpSession s = login("analyst");
        for (String[] v : new String[][] {{"2022", "36.0"}, {"2023", "36.4"}}) {
            mvc.perform(post("/indicators/C13/values").with(csrf()).param("year", v[0]).param("value", v[1])
                    .session(s)).andExpect(status().is3xxRedirection());
        }
        String zh = page(get("/indicators/C13").session(s));
        assertThat(zh).contains("36.00与2020年的37.50相比：“稳步下降”成立", "36.40与2022年的36.00相比：“稳步下降”不成立");
        String en = page(get("/indicators").param("year", "2023").param("lang", "en").session(s));
        assertThat(en).contains("<h1>Indicator registry</h1>", ">Indicators</a>");
        assertThat(row(en, "C13")).contains("Not met", "36.40 against 36.00 in 2022: 稳步下降 does not hold");
        assertThat(row(en, "C14")).contains("1.5以内", "Not evaluable", "no value for 2023");
        mvc.perform(get("/indicators").param("year", "1999").session(s)).andExpect(status().isBadRequest());
    }
}
