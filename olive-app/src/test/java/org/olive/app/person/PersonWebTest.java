package org.olive.app.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olive.app.population.LedgerTestData.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olive.app.OliveWebTest;
import org.olive.app.population.LedgerWebSupport;
import org.olive.identity.IdNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Person search and the person page: masking, unmasking (audited), the three views with sources, scoping. */
@OliveWebTest
class PersonWebTest {

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
    void searchByNamePrefixAndContainsMasked() throws Exception {
        MockHttpSession s = web.login("analyst");
        String html = web.page(get("/persons").param("q", "张").session(s));
        assertThat(html).contains("id=\"hits-table\"", "张伟", "张小明", "张奶奶", IdNumber.mask(ID_ZHANG_WEI),
                "/persons/" + ZHANG_WEI);
        assertThat(LedgerWebSupport.FULL_ID.matcher(html).find()).isFalse();
        assertThat(web.page(get("/persons").param("q", "小明").session(s))).contains("张小明").doesNotContain("张伟");
        assertThat(web.lastDetail("PERSON")).startsWith("by name");
    }

    @Test
    void searchByIdIsExactNormalisedAndUpgradesFifteenDigits() throws Exception {
        MockHttpSession s = web.login("analyst");
        String spaced = " " + ID_ZHANG_WEI.substring(0, 6) + " " + ID_ZHANG_WEI.substring(6) + " ";
        assertThat(web.page(get("/persons").param("q", spaced).session(s))).contains("张伟").doesNotContain("李娜");
        // 15-digit legacy form: 6 digits, birth date without the century, sequence
        String legacy = ID_ZHANG_WEI.substring(0, 6) + ID_ZHANG_WEI.substring(8, 17);
        assertThat(web.page(get("/persons").param("q", legacy).session(s))).contains("张伟", "15 位身份证号已升位");
        String bad = web.page(get("/persons").param("q", ID_ZHANG_WEI.substring(0, 17) + "0").session(s));
        assertThat(bad).contains("身份证号无效", "check character");
        assertThat(web.lastDetail("PERSON")).doesNotContain(ID_ZHANG_WEI);
    }

    @Test
    void cadreFindsOnlyTheirTownship() throws Exception {
        MockHttpSession s = web.login("cadre");
        assertThat(web.page(get("/persons").param("q", "王强").session(s))).contains("找到 0 人");
        assertThat(web.page(get("/persons").param("q", ID_WANG_QIANG).session(s))).contains("找到 0 人");
        mvc.perform(get("/persons/" + WANG_QIANG).session(s)).andExpect(status().isForbidden());
        assertThat(web.page(get("/persons/" + ZHANG_WEI).session(s))).contains("张伟")
                .doesNotContain("id=\"unmask\"");
        mvc.perform(post("/persons/" + ZHANG_WEI + "/unmask").with(csrf()).session(s)).andExpect(status().isForbidden());
    }

    @Test
    void personPageShowsHeaderViewsSourcesFamilyAndMatches() throws Exception {
        long before = web.audits("VIEW_PERSONAL_DATA", "PERSON", "person " + ZHANG_WEI);
        String html = web.page(get("/persons/" + ZHANG_WEI).session(web.login("analyst")));
        assertThat(html).contains("张伟", IdNumber.mask(ID_ZHANG_WEI), "id=\"unmask\"", "户籍人口", "常住人口",
                "自 2025-02", "340 天", "CROSSINGS");
        // three views: the hukou row with its source, the marriage (as husband), the tax row; the failed run's row is not
        assertThat(html).contains("基础信息库", "工作信息库", "收支信息库", "户籍人口_202503.csv 第 12 行",
                "婚姻登记_202503.csv 第 7 行", "个税_202503.csv 第 3 行", "8500.00", "李娜")
                .doesNotContain("不应显示", "户籍人口_失败.csv");
        // family history with links, record matches with masked raw IDs
        assertThat(html).contains("/families/F9000001?period=2025-03", "02 户主", "fixture.csv #1", "待复核");
        assertThat(LedgerWebSupport.FULL_ID.matcher(html).find()).as("no unmasked ID").isFalse();
        assertThat(html).doesNotContain("33092219800115101");
        assertThat(web.audits("VIEW_PERSONAL_DATA", "PERSON", "person " + ZHANG_WEI)).isEqualTo(before + 1);
    }

    @Test
    void unmaskIsAnExplicitAuditedPostWithCsrf() throws Exception {
        MockHttpSession s = web.login("analyst");
        mvc.perform(post("/persons/" + ZHANG_WEI + "/unmask").session(s)).andExpect(status().isForbidden());
        String html = web.page(post("/persons/" + ZHANG_WEI + "/unmask").with(csrf()).session(s));
        assertThat(html).contains(ID_ZHANG_WEI, "id=\"unmasked-badge\"");
        assertThat(web.lastDetail("PERSON")).startsWith("UNMASKED");
        mvc.perform(post("/persons/" + ZHANG_WEI + "/unmask").with(csrf()).session(web.login("policy")))
                .andExpect(status().isForbidden());
    }

    @Test
    void unknownPersonIsNotFound() throws Exception {
        mvc.perform(get("/persons/1").session(web.login("analyst"))).andExpect(status().isNotFound());
    }
}
