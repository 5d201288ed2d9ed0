package org.olive.app.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olive.app.population.LedgerTestData.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
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
 * The 预警 page ({@code /warnings}) on {@link WarningTestData}: the counts of a period (county and townships, colour
 * changes), the warned families red first with the rules' names and masked evidence, the colour and township filters
 * and the pages of 50, a cadre's township only (another township refused and audited), the policy officer's counts
 * without a list, the audit of every list view, and the English page. A context (and in-memory database) of its own:
 * the warning figures would give the family page of the shared context a colour in 2025-02.
 */
@OliveWebTest
@TestPropertySource(properties = "olive.test.context=warnings")
class WarningWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    LedgerWebSupport web;

    @BeforeEach
    void seed() {
        web = new LedgerWebSupport(mvc, jdbc);
        WarningTestData.seed(jdbc);
    }

    /** The family keys of a table's rows, in order. */
    static List<String> families(String html, String table) {
        Matcher t = Pattern.compile("<table[^>]*id=\"" + table + "\".*?</table>", Pattern.DOTALL).matcher(html);
        if (!t.find()) {
            return List.of();
        }
        return Pattern.compile("data-family=\"([^\"]+)\"").matcher(t.group()).results().map(m -> m.group(1)).toList();
    }

    @Test
    void theLatestPeriodsCountsByTownshipAndItsColourChanges() throws Exception {
        String html = web.page(get("/warnings").session(web.login("analyst")));
        assertThat(html).contains("<h1>预警</h1>", "id=\"nav-warnings\" aria-current=\"page\"",
                "<option value=\"2025-03\" selected=\"selected\">2025-03</option>", "<option value=\"2025-02\">",
                "<option value=\"2025-01\">", "data-chart=\"area-bar\"", "echarts.min.js", "/js/ledgers.js").doesNotContain("即将推出");
        assertThat(html).containsPattern("id=\"count-red\">1<").containsPattern("id=\"count-yellow\">1<")
                .containsPattern("id=\"count-families\">2<").containsPattern("id=\"count-changes\">2<");
        assertThat(LedgerWebSupport.row(html, "township-table", "data-code=\"" + CAIYUAN + "\""))
                .containsExactly("菜园镇", "1", "0", "1", "1");
        assertThat(LedgerWebSupport.row(html, "township-table", "data-code=\"" + SHENGSHAN + "\""))
                .containsExactly("嵊山镇", "0", "1", "1", "1");
        // another period, and an unknown one (the latest, said so)
        assertThat(web.page(get("/warnings").param("period", P1).session(web.login("analyst"))))
                .containsPattern("id=\"count-red\">0<").containsPattern("id=\"count-yellow\">1<")
                .containsPattern("id=\"count-changes\">0<");
        assertThat(web.page(get("/warnings").param("period", "1999-01").session(web.login("analyst"))))
                .contains("该期间尚无预警结果", "<option value=\"2025-03\" selected=\"selected\">");
    }

    @Test
    void theListPutsRedFirstNamesTheRulesAndMasksIdNumbers() throws Exception {
        String html = web.page(get("/warnings").param("period", P2).session(web.login("analyst")));
        assertThat(families(html, "warned-table")).containsExactly(FAMILY_ZHANG, FAMILY_WANG);
        assertThat(html).contains("href=\"/families/" + FAMILY_ZHANG + "?period=2025-03\"",
                "data-rule=\"safety_net@1\"", "低于扶助双线兜底线（最低工资40%）", "低于低边标准", "菜园镇 东海",
                "[family_income:2025-03:F9000001;", "共 2 户");
        assertThat(LedgerWebSupport.FULL_ID.matcher(html).find()).as("a full ID number").isFalse();
        assertThat(html).contains(ID_ZHANG_WEI.substring(0, 6) + "********");
        // the colour changes: the Zhangs to red first, then the Wangs to yellow
        assertThat(families(html, "changes-table")).containsExactly(FAMILY_ZHANG, FAMILY_WANG);
        assertThat(html).contains("2025-03-31", "绿色（无预警）");
        // filters: colour, township
        assertThat(families(web.page(get("/warnings").param("period", P2).param("colour", "YELLOW")
                .session(web.login("analyst"))), "warned-table")).containsExactly(FAMILY_WANG);
        String shengshan = web.page(get("/warnings").param("period", P2).param("township", SHENGSHAN)
                .session(web.login("analyst")));
        assertThat(families(shengshan, "warned-table")).containsExactly(FAMILY_WANG);
        assertThat(families(shengshan, "changes-table")).containsExactly(FAMILY_WANG);
        mvc.perform(get("/warnings").param("colour", "GREEN").session(web.login("analyst")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theListHasPagesOfFifty() throws Exception {
        MockHttpSession analyst = web.login("analyst");
        String first = web.page(get("/warnings").param("period", WarningTestData.PAGED).session(analyst));
        assertThat(families(first, "warned-table")).hasSize(50).startsWith("F8000001");
        assertThat(first).contains("共 60 户", "第 1 / 2 页", "rel=\"next\"");
        String second = web.page(get("/warnings").param("period", WarningTestData.PAGED).param("page", "2")
                .session(analyst));
        assertThat(families(second, "warned-table")).hasSize(10).startsWith("F8000051");
    }

    @Test
    void aCadreSeesTheirTownshipOnlyAndAnotherIsRefused() throws Exception {
        MockHttpSession cadre = web.login("cadre");
        String html = web.page(get("/warnings").param("period", P2).session(cadre));
        assertThat(families(html, "warned-table")).containsExactly(FAMILY_ZHANG);
        assertThat(families(html, "changes-table")).containsExactly(FAMILY_ZHANG);
        assertThat(html).doesNotContain("/families/" + FAMILY_WANG);
        long denied = web.audits("ACCESS_DENIED", "TOWNSHIP", SHENGSHAN);
        mvc.perform(get("/warnings").param("period", P2).param("township", SHENGSHAN).session(cadre))
                .andExpect(status().isForbidden());
        assertThat(web.audits("ACCESS_DENIED", "TOWNSHIP", SHENGSHAN)).isEqualTo(denied + 1);
    }

    @Test
    void thePolicyOfficerSeesTheCountsButNoFamily() throws Exception {
        long views = web.audits("VIEW_PERSONAL_DATA", WarningController.AUDIT_LIST, null);
        String html = web.page(get("/warnings").param("period", P2).session(web.login("policy")));
        assertThat(html).containsPattern("id=\"count-red\">1<").contains("id=\"township-table\"", "id=\"aggregates-only\"")
                .doesNotContain("warned-table", "changes-table", "/families/");
        assertThat(web.audits("VIEW_PERSONAL_DATA", WarningController.AUDIT_LIST, null)).isEqualTo(views);
    }

    @Test
    void everyViewOfTheListIsAudited() throws Exception {
        long list = web.audits("VIEW_PERSONAL_DATA", WarningController.AUDIT_LIST, P2);
        long events = web.audits("VIEW_PERSONAL_DATA", WarningController.AUDIT_EVENTS, P2);
        web.page(get("/warnings").param("period", P2).param("colour", "RED").session(web.login("cadre")));
        assertThat(web.audits("VIEW_PERSONAL_DATA", WarningController.AUDIT_LIST, P2)).isEqualTo(list + 1);
        assertThat(web.audits("VIEW_PERSONAL_DATA", WarningController.AUDIT_EVENTS, P2)).isEqualTo(events + 1);
        assertThat(web.lastDetail(WarningController.AUDIT_LIST)).isEqualTo("page 1, 1 rows, colour RED, township " + CAIYUAN);
    }

    @Test
    void theEnglishPage() throws Exception {
        String html = web.page(get("/warnings").param("period", P2).param("lang", "en").session(web.login("analyst")));
        assertThat(html).contains("<h1>Warnings</h1>", "Red warning", "Yellow warning", "Below the 低边 line",
                "Below the safety-net line (40 % of the minimum wage)", "Warned families, 2025-03 (red first)",
                "2 families");
    }
}
