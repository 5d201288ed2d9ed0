package org.olive.app.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olive.app.group.GroupTestData.FISHER;
import static org.olive.app.group.GroupTestData.SKILLED;
import static org.olive.app.population.LedgerTestData.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olive.app.OliveWebTest;
import org.olive.app.population.LedgerWebSupport;
import org.olive.group.GroupDefinitions;
import org.olive.pipeline.county.CountyProfile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 13's web pages for the key groups (群体一本账) on {@link GroupTestData}: the groups of the profile with sizes
 * and pilot indicator 6, a group's profile and the data of its charts, the member list and entry/exit log scoped to a
 * cadre's township (a request for another township refused and audited), the policy officer's aggregates without
 * persons, hand decisions through GroupDecisions (audited; a cadre not for another township), the XLSX export read
 * back, and the person and family pages. A context (and in-memory database) of its own: the group figures it writes
 * would change the cockpit of the shared context.
 */
@OliveWebTest
@TestPropertySource(properties = "olive.test.context=groups")
class GroupWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CountyProfile profile;

    LedgerWebSupport web;

    @BeforeEach
    void seed() {
        web = new LedgerWebSupport(mvc, jdbc);
        GroupTestData.seed(jdbc);
    }

    static List<String> row(String html, String table, String attribute) {
        return LedgerWebSupport.row(html, table, attribute);
    }

    @Test
    void theGroupsPageListsTheProfilesGroupsWithSizesAndIndicatorSix() throws Exception {
        for (String user : List.of("analyst", "policy", "cadre")) {
            String html = web.page(get("/groups").param("period", P2).session(web.login(user)));
            assertThat(html).contains("<h1>群体一本账</h1>", "id=\"nav-groups\" aria-current=\"page\"",
                    "<option value=\"2025-03\" selected=\"selected\">2025-03</option>", "<option value=\"2025-02\">");
            for (GroupDefinitions.Group g : profile.groups().groups()) {
                assertThat(html).as(g.id()).contains("data-group=\"" + g.id() + "\"", ">" + g.nameZh() + "</a>");
            }
            // 技术工人: 3 members, as last month, 2 stable and 1 vulnerable, 1 entered, 1 left, 2 of 3 monitored
            assertThat(row(html, "groups-table", "data-group=\"" + SKILLED + "\""))
                    .containsExactly("技术工人", "3", "+0", "–", "2", "0", "1", "0", "1", "1", "66.7%");
            assertThat(row(html, "groups-table", "data-group=\"" + FISHER + "\""))
                    .containsExactly("渔农民", "1", "+0", "–", "0", "0", "1", "0", "0", "0", "100.0%");
            assertThat(html).contains("id=\"pilot6-overall\"", "66.7%（2 / 3 人）", "data-chart=\"tiers\"",
                    "echarts.min.js", "/js/ledgers.js");
            assertThat(LedgerWebSupport.FULL_ID.matcher(html).find()).isFalse();
        }
        String en = web.page(get("/groups").param("lang", "en").session(web.login("analyst")));
        assertThat(en).contains(">Skilled workers</a>".replace("Skilled workers",
                profile.groups().group(SKILLED).orElseThrow().nameEn()), "Key-group income monitoring coverage");
        // an unknown period: the latest, said so
        assertThat(web.page(get("/groups").param("period", "1999-01").session(web.login("analyst"))))
                .contains("该期间尚无群体识别结果", "<option value=\"2025-03\" selected=\"selected\">");
    }

    @Test
    void theGroupsPageShowsEachGroupsAccuracyAgainstTheTruthWhenTheRunHadOne() throws Exception {
        jdbc.sql("DELETE FROM ledger_figure WHERE metric IN ('group_precision', 'group_recall')").update();
        // no truth figures: no table (a real county)
        assertThat(web.page(get("/groups").param("period", P2).session(web.login("analyst"))))
                .doesNotContain("group-accuracy-table");
        // as olive-accuracy's step truth stores them: 3 listed, 2 of them true, 4 true members; all memberships 5/6, 5/8
        for (Object[] f : List.of(new Object[] {"group_precision", SKILLED, 2, 3}, new Object[] {"group_recall", SKILLED, 2, 4},
                new Object[] {"group_precision", "", 5, 6}, new Object[] {"group_recall", "", 5, 8})) {
            jdbc.sql("INSERT INTO ledger_figure (data_period, metric, area_code, numerator, denominator, figure, note) "
                    + "VALUES (:p, :m, :a, :n, :d, NULL, 'test')").param("p", P2).param("m", f[0]).param("a", f[1])
                    .param("n", f[2]).param("d", f[3]).update();
        }
        String html = web.page(get("/groups").param("period", P2).session(web.login("policy")));
        assertThat(row(html, "group-accuracy-table", "data-accuracy=\"" + SKILLED + "\""))
                .containsExactly("技术工人", "3", "4", "66.7%", "50.0%");
        assertThat(row(html, "group-accuracy-table", "data-accuracy=\"all\""))
                .containsExactly("全部成员关系", "6", "8", "83.3%", "62.5%");
        // another period has none
        assertThat(web.page(get("/groups").param("period", "2025-02").session(web.login("analyst"))))
                .doesNotContain("group-accuracy-table");
        assertThat(web.page(get("/groups").param("period", P2).param("lang", "en").session(web.login("analyst"))))
                .contains("Accuracy against the generator&#39;s truth", "All memberships");
    }

    /**
     * The occupation ledger's page (职业一本账) on the same data: two persons with an occupation in March. The analyst
     * (personal data, county-wide) sees the exact counts; the policy officer and the cadre the profile's small-cell
     * rule (publication.min_cell_persons, 5): no count of 1 to 4 is printed.
     */
    @Test
    void theOccupationsPageCountsTheLedgerByCodeIndustryAndTownship() throws Exception {
        String html = web.page(get("/occupations").param("period", P2).session(web.login("analyst")));
        assertThat(html).contains("<h1>职业一本账</h1>", "id=\"nav-occupations\" aria-current=\"page\"",
                "有职业 2 人 / 劳动年龄人口 2 人（100.0%）", "data-chart=\"hbar\"", "data-chart=\"trend\"")
                .doesNotContain("id=\"small-cells\"");
        assertThat(row(html, "occupations-table", "data-code=\"4-03\"")).containsExactly("住宿和餐饮服务人员", "4-03", "1");
        assertThat(row(html, "occupations-table", "data-code=\"4-02\"")).containsExactly(
                "交通运输、仓储物流和邮政业服务人员", "4-02", "1");
        assertThat(row(html, "industries-table", "data-code=\"61\"")).containsExactly("住宿业", "61", "1");
        assertThat(row(html, "sources-table", "data-source=\"EMPLOYER\"")).containsExactly("就业单位", "2");
        assertThat(row(html, "townships-table", "data-township=\"" + SHENGSHAN + "\"")).containsExactly("嵊山镇", "1", "1",
                "100.0%");
        assertThat(row(html, "trend-table", "data-period=\"" + P2 + "\"")).containsExactly(P2, "2", "2", "0", "0",
                "0", "2", "0", "0", "0", "0");
        assertThat(LedgerWebSupport.FULL_ID.matcher(html).find()).isFalse();
        for (String user : List.of("policy", "cadre")) {
            String hidden = web.page(get("/occupations").param("period", P2).session(web.login(user)));
            assertThat(hidden).as(user).contains("<h1>职业一本账</h1>", "有职业 &lt;5 人 / 劳动年龄人口 &lt;5 人（–%）",
                    "id=\"small-cells\"", "少于 5 人的格不公布");
            assertThat(row(hidden, "occupations-table", "data-code=\"4-03\"")).containsExactly("住宿和餐饮服务人员", "4-03", "&lt;5");
            assertThat(row(hidden, "industries-table", "data-code=\"61\"")).containsExactly("住宿业", "61", "&lt;5");
            assertThat(row(hidden, "sources-table", "data-source=\"EMPLOYER\"")).containsExactly("就业单位", "&lt;5");
            assertThat(row(hidden, "townships-table", "data-township=\"" + SHENGSHAN + "\""))
                    .containsExactly("嵊山镇", "&lt;5", "&lt;5", "–");
            assertThat(row(hidden, "trend-table", "data-period=\"" + P2 + "\"")).containsExactly(P2, "&lt;5", "&lt;5",
                    "0", "0", "0", "&lt;5", "0", "0", "0", "0");
        }
        // one township: its persons only
        String shengshan = web.page(get("/occupations").param("period", P2).param("township", SHENGSHAN)
                .session(web.login("analyst")));
        assertThat(shengshan).contains("有职业 1 人 / 劳动年龄人口 1 人（100.0%）", "data-code=\"4-02\"")
                .doesNotContain("data-code=\"4-03\"", "townships-table");
        mvc.perform(get("/occupations").param("township", "999999999").session(web.login("analyst")))
                .andExpect(status().isBadRequest());
        assertThat(web.page(get("/occupations").param("lang", "en").session(web.login("analyst"))))
                .contains("Occupation ledger", "With an occupation: 2 of 2 working-age persons (100.0%)");
    }

    /** The occupation report as XLSX, read back: Chinese sheets and headers, small counts as text, audited. */
    @Test
    void theOccupationReportExportsAsXlsxWithSmallCountsHidden() throws Exception {
        long exports = web.audits("EXPORT_PERSONAL_DATA", org.olive.app.occupation.OccupationController.AUDIT_REPORT, null);
        // the analyst sees exact counts on the page; the file leaves Olive: the rule applies whoever asks
        MockHttpServletResponse r = mvc.perform(get("/occupations/export.xlsx").param("period", P2)
                .session(web.login("analyst"))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(r.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(r.getHeader("Content-Disposition")).contains("occupations-2025-03.xlsx");
        Map<String, List<List<String>>> sheets = sheets(r.getContentAsByteArray());
        assertThat(sheets.keySet()).containsExactly("概况", "来源", "职业中类", "行业大类", "乡镇分布", "期间趋势");
        assertThat(sheets.get("职业中类").get(0)).containsExactly("代码", "职业中类（GB/T 6565）", "人数");
        assertThat(sheets.get("职业中类")).contains(List.of("4-03", "住宿和餐饮服务人员", "<5"));
        assertThat(sheets.get("乡镇分布").get(0)).containsExactly("乡镇代码", "乡镇", "劳动年龄人数", "有职业人数");
        assertThat(sheets.get("乡镇分布")).contains(List.of(SHENGSHAN, "嵊山镇", "<5", "<5"));
        assertThat(sheets.get("来源")).contains(List.of("就业单位", "<5"));
        assertThat(sheets.get("概况")).contains(List.of("劳动年龄人数", "<5"));
        assertThat(sheets.get("概况").stream().filter(x -> x.get(0).equals("小格规则")).findFirst().orElseThrow().get(1))
                .contains("少于 5 人");
        // no cell holds a count of 1 to 4
        sheets.forEach((name, rows) -> rows.stream().skip(1).forEach(row -> row.stream().skip(1).forEach(cell ->
                assertThat(cell).as(name + " " + row).doesNotMatch("[1-4]"))));
        assertThat(web.audits("EXPORT_PERSONAL_DATA", org.olive.app.occupation.OccupationController.AUDIT_REPORT, null))
                .isEqualTo(exports + 1);
        // one township
        MockHttpServletResponse t = mvc.perform(get("/occupations/export.xlsx").param("period", P2).param("township", SHENGSHAN)
                .session(web.login("policy"))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(t.getHeader("Content-Disposition")).contains("occupations-2025-03-" + SHENGSHAN + ".xlsx");
        assertThat(sheets(t.getContentAsByteArray()).keySet()).doesNotContain("乡镇分布");
    }

    static Map<String, List<List<String>>> sheets(byte[] xlsx) throws java.io.IOException {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet s : wb.getSheets().toList()) {
                List<List<String>> rows = new ArrayList<>();
                for (Row row : s.read()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(row.getCellText(i));
                    }
                    rows.add(cells);
                }
                sheets.put(s.getName(), rows);
            }
        }
        return sheets;
    }

    @Test
    void theGroupPageHoldsTheProfilesChartData() throws Exception {
        String html = web.page(get("/groups/" + SKILLED).param("period", P2).session(web.login("analyst")));
        assertThat(html).contains("<span>技术工人</span>", "群体画像", "id=\"members-count\">3<", "id=\"delta-month\">+0<",
                "id=\"delta-year\">–<", "66.7%（2 / 3 人）", "data-chart=\"trend\"", "data-chart=\"pyramid\"",
                "data-chart=\"area-bar\"", "data-chart=\"hbar\"");
        // size over the periods, from the group:<id> figures
        assertThat(row(html, "trend-table", "data-period=\"2025-02\"")).containsExactly("2025-02", "3", "3");
        assertThat(row(html, "trend-table", "data-period=\"2025-03\"")).containsExactly("2025-03", "3", "2");
        assertThat(row(html, "tier-table", "data-tier=\"STABLE\"")).containsExactly("基本盘", "2");
        assertThat(row(html, "tier-table", "data-tier=\"VULNERABLE\"")).containsExactly("薄弱点", "1");
        assertThat(row(html, "township-table", "data-code=\"" + CAIYUAN + "\"")).containsExactly("菜园镇", "2");
        assertThat(row(html, "township-table", "data-code=\"" + SHENGSHAN + "\"")).containsExactly("嵊山镇", "1");
        assertThat(row(html, "village-table", "data-code=\"" + V_DONGHAI + "\"").get(1)).isEqualTo("2");
        assertThat(row(html, "village-table", "data-code=\"" + V_BIXIA + "\"").get(1)).isEqualTo("1");
        // pyramid: 张伟 45 M, 李娜 42 F, 王强 34 M
        assertThat(row(html, "pyramid-table", "data-band=\"30-34\"")).containsExactly("30-34", "1", "0", "0");
        assertThat(row(html, "pyramid-table", "data-band=\"40-44\"")).containsExactly("40-44", "0", "1", "0");
        assertThat(row(html, "pyramid-table", "data-band=\"45-49\"")).containsExactly("45-49", "1", "0", "0");
        // education from the hukou: 王强 大学专科, the others not recorded
        assertThat(row(html, "education-table", "data-code=\"30\"")).containsExactly("大学专科", "1");
        assertThat(row(html, "education-table", "data-code=\"none\"")).containsExactly("未登记", "2");
        // occupation (GB/T 6565 中类) and industry (GB/T 4754 大类) with names
        assertThat(row(html, "occupation-table", "data-code=\"4-03\"")).containsExactly("4-03 住宿和餐饮服务人员", "1");
        assertThat(row(html, "occupation-table", "data-code=\"4-02\"").get(1)).isEqualTo("1");
        assertThat(row(html, "industry-table", "data-code=\"61\"")).containsExactly("61 住宿业", "1");
        assertThat(row(html, "industry-table", "data-code=\"55\"")).containsExactly("55 水上运输业", "1");
        // income: per-capita DI of the members' families 20,000 / 80,000 / 80,000
        assertThat(html).contains("id=\"income-p25\">50,000<", "id=\"income-median\">80,000<", "id=\"income-p75\">80,000<");
        // wages 102,000 + 90,000 + 20,000 of a gross 272,000
        assertThat(row(html, "component-table", "data-component=\"WAGE\""))
                .containsExactly("工资性收入", "212,000", "77.9%");
        assertThat(row(html, "component-table", "data-component=\"BUSINESS\""))
                .containsExactly("经营净收入", "60,000", "22.1%");
        assertThat(row(html, "bracket-table", "data-bracket=\"middle_10_50\"")).containsExactly("10-50万", "2", "66.7%");
        // the previous month had no 李娜 yet and the year before no run
        String feb = web.page(get("/groups/" + SKILLED).param("period", P1).session(web.login("analyst")));
        assertThat(feb).contains("id=\"members-count\">3<", "id=\"delta-month\">–<");
    }

    @Test
    void aCadreSeesTheirTownshipsMembersOnlyAndAnotherTownshipIsRefusedAndAudited() throws Exception {
        MockHttpSession cadre = web.login("cadre");
        long members = web.audits("VIEW_PERSONAL_DATA", GroupController.AUDIT_MEMBERS, null);
        long events = web.audits("VIEW_PERSONAL_DATA", GroupController.AUDIT_EVENTS, null);
        String html = web.page(get("/groups/" + SKILLED).param("period", P2).session(cadre));
        assertThat(html).contains("id=\"members-table\"", "data-person=\"" + ZHANG_WEI + "\"",
                "data-person=\"" + LI_NA + "\"", "张伟", "李娜", "共 2 人");
        assertThat(row(html, "members-table", "data-person=\"" + LI_NA + "\"")).contains("人工入列 v1");
        assertThat(html).doesNotContain("data-person=\"" + WANG_QIANG + "\"", "王强");
        // the log: 李娜 entered by hand; 孙丽 left while she was a member in 菜园镇 (she has moved since): her link opens
        // February, the period she belonged to the township
        assertThat(row(html, "events-table", "data-person=\"" + LI_NA + "\"")).contains("入列", "李娜",
                "hand decision: added by analyst (完成培训，证书待发)");
        assertThat(row(html, "events-table", "data-person=\"" + SUN_LI + "\"")).contains("出列", "孙丽", "菜园镇");
        assertThat(html).contains("/persons/" + SUN_LI + "?period=" + P1);
        assertThat(LedgerWebSupport.FULL_ID.matcher(html).find()).as("ID numbers masked, evidence too").isFalse();
        assertThat(web.audits("VIEW_PERSONAL_DATA", GroupController.AUDIT_MEMBERS, null)).isEqualTo(members + 1);
        assertThat(web.audits("VIEW_PERSONAL_DATA", GroupController.AUDIT_EVENTS, null)).isEqualTo(events + 1);
        assertThat(web.lastDetail(GroupController.AUDIT_MEMBERS)).contains("page 1", "2 rows", "township " + CAIYUAN);

        // 嵊山镇's members: refused, audited
        long denied = web.audits("ACCESS_DENIED", "TOWNSHIP", SHENGSHAN);
        mvc.perform(get("/groups/" + SKILLED).param("period", P2).param("township", SHENGSHAN).session(cadre))
                .andExpect(status().isForbidden());
        assertThat(web.audits("ACCESS_DENIED", "TOWNSHIP", SHENGSHAN)).isEqualTo(denied + 1);
        // and the out-of-township member's page
        long person = web.audits("ACCESS_DENIED", "PERSON", "person " + WANG_QIANG);
        mvc.perform(get("/persons/" + WANG_QIANG).param("period", P2).session(cadre)).andExpect(status().isForbidden());
        assertThat(web.audits("ACCESS_DENIED", "PERSON", "person " + WANG_QIANG)).isEqualTo(person + 1);

        // the analyst sees the whole county, and may narrow it to a township
        String county = web.page(get("/groups/" + SKILLED).param("period", P2).session(web.login("analyst")));
        assertThat(county).contains("data-person=\"" + WANG_QIANG + "\"", "共 3 人");
        String shengshan = web.page(get("/groups/" + SKILLED).param("period", P2).param("township", SHENGSHAN)
                .session(web.login("analyst")));
        assertThat(shengshan).contains("data-person=\"" + WANG_QIANG + "\"", "共 1 人")
                .doesNotContain("data-person=\"" + ZHANG_WEI + "\"");
    }

    /** The policy officer and the cadre see the profile's breakdowns under the small-cell rule: no 1 to 4 printed. */
    @Test
    void theProfilesSmallCellsAreHiddenFromThePolicyOfficerAndTheCadre() throws Exception {
        for (String user : List.of("policy", "cadre")) {
            String html = web.page(get("/groups/" + SKILLED).param("period", P2).session(web.login(user)));
            assertThat(html).as(user).contains("id=\"small-cells\"", "少于 5 人的格不公布");
            // 菜园镇 2 and 嵊山镇 1 members, a tier of 2, a pyramid cell of 1, 1 大学专科, 1 of 4-03: none printed
            assertThat(row(html, "township-table", "data-code=\"" + CAIYUAN + "\"")).containsExactly("菜园镇", "&lt;5");
            assertThat(row(html, "township-table", "data-code=\"" + SHENGSHAN + "\"")).containsExactly("嵊山镇", "&lt;5");
            assertThat(row(html, "village-table", "data-code=\"" + V_DONGHAI + "\"").get(1)).isEqualTo("&lt;5");
            assertThat(row(html, "tier-table", "data-tier=\"STABLE\"")).containsExactly("基本盘", "&lt;5");
            assertThat(row(html, "tier-table", "data-tier=\"POTENTIAL\"")).containsExactly("潜力股", "0");
            assertThat(row(html, "pyramid-table", "data-band=\"30-34\"")).containsExactly("30-34", "&lt;5", "0", "0");
            assertThat(row(html, "education-table", "data-code=\"30\"")).containsExactly("大学专科", "&lt;5");
            assertThat(row(html, "occupation-table", "data-code=\"4-03\"")).containsExactly("4-03 住宿和餐饮服务人员", "&lt;5");
            assertThat(row(html, "bracket-table", "data-bracket=\"middle_10_50\"")).containsExactly("10-50万", "&lt;5", "");
            // three families: no quartile of their incomes, no component total
            assertThat(html).contains("id=\"income-median\">&lt;5<").doesNotContain("80,000", "212,000");
        }
        // the analyst (personal data, county-wide) sees the exact counts, without the note
        String analyst = web.page(get("/groups/" + SKILLED).param("period", P2).session(web.login("analyst")));
        assertThat(row(analyst, "township-table", "data-code=\"" + CAIYUAN + "\"")).containsExactly("菜园镇", "2");
        assertThat(analyst).doesNotContain("id=\"small-cells\"");
    }

    @Test
    void thePolicyOfficerSeesTheProfileButNoPerson() throws Exception {
        long views = web.audits("VIEW_PERSONAL_DATA", GroupController.AUDIT_MEMBERS, null);
        String html = web.page(get("/groups/" + SKILLED).param("period", P2).session(web.login("policy")));
        assertThat(html).contains("id=\"members-count\">3<", "id=\"township-table\"", "id=\"pyramid-table\"",
                "id=\"aggregates-only\"");
        assertThat(html).doesNotContain("id=\"members-table\"", "id=\"events-table\"", "id=\"decide-form\"", "张伟",
                "李娜", "/persons/");
        assertThat(web.audits("VIEW_PERSONAL_DATA", GroupController.AUDIT_MEMBERS, null)).isEqualTo(views);
        mvc.perform(post("/groups/decisions").with(csrf()).session(web.login("policy")).param("group", SKILLED)
                        .param("person", String.valueOf(ZHANG_MING)).param("action", "ADD").param("reason", "试试"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAnalystsHandDecisionIsStoredThroughGroupDecisionsAndAudited() throws Exception {
        MockHttpSession analyst = web.login("analyst");
        assertThat(web.page(get("/groups/" + FISHER).param("period", P2).session(analyst))).contains("id=\"decide-form\"",
                "人工决定在下次运行该期间");
        long decisions = web.audits("LEDGER_DECISION", GroupController.AUDIT_DECISION, null);
        // no reason: nothing stored
        mvc.perform(post("/groups/decisions").with(csrf()).session(analyst).param("group", FISHER)
                        .param("person", String.valueOf(CHEN_GANG)).param("action", "ADD").param("reason", " ")
                        .param("period", P2))
                .andExpect(redirectedUrl("/groups/" + FISHER + "?period=" + P2 + "#decisions"));
        assertThat(open(CHEN_GANG, FISHER)).isEmpty();
        mvc.perform(post("/groups/decisions").with(csrf()).session(analyst).param("group", FISHER)
                        .param("person", String.valueOf(CHEN_GANG)).param("action", "ADD")
                        .param("reason", "村里核实：持有渔船股份").param("period", P2))
                .andExpect(redirectedUrl("/groups/" + FISHER + "?period=" + P2 + "#decisions"));
        Map<String, Object> row = open(CHEN_GANG, FISHER).get(0);
        assertThat(row.get("ACTION")).isEqualTo("ADD");
        assertThat(row.get("DECIDED_BY")).isEqualTo("analyst");
        assertThat(row.get("REASON")).isEqualTo("村里核实：持有渔船股份");
        assertThat(web.audits("LEDGER_DECISION", GroupController.AUDIT_DECISION, null)).isEqualTo(decisions + 1);
        assertThat(web.lastDetail(GroupController.AUDIT_DECISION)).contains("person " + CHEN_GANG, FISHER, "ADD",
                "村里核实");
        String page = web.page(get("/groups/" + FISHER).param("period", P2).session(analyst));
        long id = ((Number) row.get("ID")).longValue();
        assertThat(row(page, "decisions-table", "data-decision=\"" + id + "\"")).contains("陈刚", "人工入列",
                "村里核实：持有渔船股份");
        // the person page shows it too, and offers the form
        assertThat(web.page(get("/persons/" + CHEN_GANG).session(analyst))).contains("id=\"person-decisions-table\"",
                "id=\"person-decide\"");
        // withdrawn, with a reason, audited
        mvc.perform(post("/groups/decisions/" + id + "/withdraw").with(csrf()).session(analyst)
                        .param("reason", "核实有误").param("back", "person"))
                .andExpect(redirectedUrl("/persons/" + CHEN_GANG + "#groups"));
        assertThat(open(CHEN_GANG, FISHER)).isEmpty();
        assertThat(jdbc.sql("SELECT withdrawn_by FROM group_decision WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("analyst");
        assertThat(web.lastDetail(GroupController.AUDIT_DECISION)).contains("withdrawn", "核实有误");
        // CSRF is required
        mvc.perform(post("/groups/decisions").session(analyst).param("group", FISHER)
                .param("person", String.valueOf(CHEN_GANG)).param("action", "ADD").param("reason", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCadreDecidesForTheirTownshipOnlyAndIsRefusedAnotherAudited() throws Exception {
        MockHttpSession cadre = web.login("cadre");
        long denied = web.audits("ACCESS_DENIED", "PERSON", "person " + WANG_QIANG);
        mvc.perform(post("/groups/decisions").with(csrf()).session(cadre).param("group", SKILLED)
                        .param("person", String.valueOf(WANG_QIANG)).param("action", "REMOVE").param("reason", "不是技术工人"))
                .andExpect(status().isForbidden());
        assertThat(open(WANG_QIANG, SKILLED)).isEmpty();
        assertThat(web.audits("ACCESS_DENIED", "PERSON", "person " + WANG_QIANG)).isEqualTo(denied + 1);
        // 孙丽 belonged to 菜园镇 in February but lives in 嵊山镇 now: the cadre no longer decides for her
        mvc.perform(post("/groups/decisions").with(csrf()).session(cadre).param("group", SKILLED)
                        .param("person", String.valueOf(SUN_LI)).param("action", "ADD").param("reason", "仍持证"))
                .andExpect(status().isForbidden());
        assertThat(open(SUN_LI, SKILLED)).isEmpty();
        // their own township's 张小明
        mvc.perform(post("/groups/decisions").with(csrf()).session(cadre).param("group", SKILLED)
                        .param("person", String.valueOf(ZHANG_MING)).param("action", "REMOVE").param("reason", "未成年")
                        .param("period", P2))
                .andExpect(redirectedUrl("/groups/" + SKILLED + "?period=" + P2 + "#decisions"));
        assertThat(open(ZHANG_MING, SKILLED)).singleElement().extracting(r -> r.get("DECIDED_BY")).isEqualTo("cadre");
    }

    @Test
    void theProfileExportOpensAndHoldsTheSizes() throws Exception {
        long exports = web.audits("EXPORT_PERSONAL_DATA", GroupController.AUDIT_PROFILE, null);
        MockHttpServletResponse r = mvc.perform(get("/groups/" + SKILLED + "/export.xlsx").param("period", P2)
                .session(web.login("policy"))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(r.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(r.getHeader("Content-Disposition")).contains("group-skilled_worker-2025-03.xlsx");
        Map<String, Map<String, String>> sheets = new LinkedHashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            for (Sheet s : wb.getSheets().toList()) {
                Map<String, String> rows = new LinkedHashMap<>();
                for (Row row : s.read()) {
                    rows.put(row.getCellText(0) + (row.getCellCount() > 2 ? "|" + row.getCellText(1) : ""),
                            row.getCellText(row.getCellCount() - 1));
                }
                sheets.put(s.getName(), rows);
            }
        }
        assertThat(sheets.keySet()).containsExactly("概况", "规模趋势", "乡镇分布", "村社分布", "年龄性别", "学历", "职业", "行业",
                "收入结构");
        // the size stays (the groups overview publishes it); every breakdown's 1 to 4 is "<5" (publication.min_cell_persons)
        assertThat(sheets.get("概况")).containsEntry("群体", "技术工人").containsEntry("人数", "3")
                .containsEntry("较上月变化", "0").containsEntry("基本盘", "<5").containsEntry("薄弱点", "<5")
                .containsEntry("潜力股", "0");
        assertThat(sheets.get("概况").get("小格规则")).contains("少于 5 人");
        assertThat(sheets.get("乡镇分布")).containsEntry(CAIYUAN + "|菜园镇", "<5").containsEntry(SHENGSHAN + "|嵊山镇", "<5");
        assertThat(sheets.get("规模趋势")).containsKey("2025-02|3");
        assertThat(sheets.get("学历")).containsEntry("30|大学专科", "<5").containsEntry("10|研究生", "0");
        assertThat(sheets.get("职业")).containsEntry("4-03|住宿和餐饮服务人员", "<5");
        assertThat(sheets.get("收入结构")).containsEntry("家庭人均可支配收入 中位数（元）", "<5");
        assertThat(sheets.get("年龄性别").values()).doesNotContain("1", "2", "3", "4");
        assertThat(web.audits("EXPORT_PERSONAL_DATA", GroupController.AUDIT_PROFILE, null)).isEqualTo(exports + 1);
        assertThat(web.lastDetail(GroupController.AUDIT_PROFILE)).contains("aggregates only");
    }

    @Test
    void thePersonAndFamilyPagesShowTheGroupsAndTheOccupation() throws Exception {
        MockHttpSession analyst = web.login("analyst");
        String person = web.page(get("/persons/" + ZHANG_WEI).param("period", P2).session(analyst));
        assertThat(row(person, "person-groups-table", "data-group=\"" + SKILLED + "\""))
                .contains("技术工人", "基本盘", "规则识别", "v1");
        assertThat(person).contains("4-03 住宿和餐饮服务人员", "6110 旅游饭店", "就业单位", "置信度 0.8", "vshengsi-1");
        assertThat(LedgerWebSupport.FULL_ID.matcher(person).find()).isFalse();
        String family = web.page(get("/families/" + FAMILY_ZHANG).param("period", P2).session(analyst));
        assertThat(row(family, "family-groups-table", "data-person=\"" + LI_NA + "\"")).contains("李娜", "技术工人",
                "基本盘", "人工入列 v1");
        assertThat(family).contains("data-person=\"" + ZHANG_WEI + "\" data-group=\"" + SKILLED + "\"");
        // a cadre opens 张伟 in their township, the groups included
        assertThat(web.page(get("/persons/" + ZHANG_WEI).param("period", P2).session(web.login("cadre"))))
                .contains("id=\"person-groups-table\"");
    }

    @Test
    void noGroupPageShowsAnUnresolvedMessageKey() throws Exception {
        Pattern unresolved = Pattern.compile("\\?\\?[^?\\s<>\"']+\\?\\?");
        for (String user : List.of("admin", "analyst", "cadre", "policy")) {
            MockHttpSession s = web.login(user);
            for (String lang : List.of("zh-CN", "en")) {
                for (String url : List.of("/groups?period=" + P2, "/groups?period=" + P1, "/groups/" + SKILLED + "?period=" + P2,
                        "/groups/" + FISHER + "?period=" + P1, "/groups/bnb_owner", "/persons/" + ZHANG_WEI + "?period=" + P2,
                        "/families/" + FAMILY_ZHANG + "?period=" + P2)) {
                    String html = mvc.perform(get(url + (url.contains("?") ? "&" : "?") + "lang=" + lang).session(s)).andReturn().getResponse()
                            .getContentAsString(StandardCharsets.UTF_8);
                    Matcher m = unresolved.matcher(html);
                    assertThat(m.find()).as(user + " " + url + " " + lang + ": " + (m.hitEnd() ? "" : m.group())).isFalse();
                }
            }
        }
    }

    private List<Map<String, Object>> open(long person, String group) {
        return jdbc.sql("SELECT * FROM group_decision WHERE person_key = :k AND group_id = :g AND withdrawn_at IS NULL")
                .param("k", person).param("g", group).query().listOfRows();
    }
}
