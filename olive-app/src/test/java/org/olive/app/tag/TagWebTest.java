package org.olive.app.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olive.app.population.LedgerTestData.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olive.app.OliveWebTest;
import org.olive.app.population.LedgerWebSupport;
import org.olive.pipeline.tag.TagRuleVersions;
import org.olive.pipeline.tag.TagSettings;
import org.olive.tag.TagDefinitions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 13's tag pages on {@link TagTestData}'s county (the tags a run of 2025-03 would leave): the tag tree with the latest counts, a tag's versions, the syntax check with the position of an error, the
 * preview's counts over the stored facts and its sample scoped to a cadre's township (audited; none for the policy
 * officer), saving a version (EDIT_TAGS only: refused and audited for the analyst; checked, stored as version 2 and
 * audited for the administrator), a new tag, and the tags on the person and family pages. A context of its own: it
 * writes tag versions.
 */
@OliveWebTest
@TestPropertySource(properties = "olive.test.context=tags")
class TagWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    LedgerWebSupport web;

    @BeforeEach
    void seed() {
        web = new LedgerWebSupport(mvc, jdbc);
        TagTestData.seed(jdbc);
    }

    @Test
    void theTagTreeShowsTheVersionInForceItsRuleAndTheLatestCounts() throws Exception {
        for (String user : List.of("admin", "analyst", "cadre", "policy")) {
            String html = web.page(get("/tags").session(web.login(user)));
            assertThat(html).contains("<h1>标签体系</h1>", "id=\"nav-tags\"", "id=\"tags-table\"",
                    "2025-03 的数量");
            assertThat(row(html, "tags-table", "data-tag=\"age_band\""))
                    .contains("年龄段 age_band", "人员", "age_band@1", "5");
            assertThat(row(html, "tags-table", "data-tag=\"elderly\"")).contains("elderly@1", "age &gt;= 60", "1");
            assertThat(html.contains("id=\"new-tag\"")).as(user).isEqualTo(user.equals("admin"));
        }
        String tag = web.page(get("/tags/age_band").session(web.login("analyst")));
        assertThat(tag).contains("id=\"versions-table\"", "data-version=\"age_band@1\"", "县级配置（tags.yaml）",
                "id=\"tag-count\">5<", "id=\"check-button\"", "id=\"preview-button\"", "id=\"no-edit\"")
                .doesNotContain("id=\"save-button\"");
        assertThat(web.page(get("/tags/age_band").session(web.login("admin")))).contains("id=\"save-button\"");
        mvc.perform(get("/tags/no_such_tag").session(web.login("analyst"))).andExpect(status().isNotFound());
    }

    @Test
    void theSyntaxCheckGivesThePositionOfAnError() throws Exception {
        MockHttpSession s = web.login("analyst");
        String bad = web.page(post("/tags/check").with(csrf()).session(s).param("tag", "elderly")
                .param("when", "age >= 60 &&\n  agee < 90"));
        assertThat(bad).contains("id=\"check-problems\"", "tags: elderly.when: line 2, column 3:", "agee")
                .doesNotContain("check-ok", "<html");
        String value = web.page(post("/tags/check").with(csrf()).session(s).param("tag", "elderly")
                .param("when", "age >= 60").param("value", "string(age"));
        assertThat(value).contains("tags: elderly.value: line 1");
        // a family tag is checked over the family facts
        assertThat(web.page(post("/tags/check").with(csrf()).session(s).param("tag", "family_key_groups")
                .param("when", "age > 3"))).contains("undeclared reference to &#39;age&#39;");
        assertThat(web.page(post("/tags/check").with(csrf()).session(s).param("tag", "elderly")
                .param("when", "age >= 65"))).contains("id=\"check-ok\"").doesNotContain("check-problems");
    }

    @Test
    void thePreviewCountsTheLatestPeriodAndScopesTheSampleToTheCadresTownship() throws Exception {
        // 2025-03: seven persons, of whom 张伟 45, 李娜 42, 陈刚 54 (菜园镇) and 王强 34, 孙丽 37 (嵊山镇) are 30+
        long views = web.audits("VIEW_PERSONAL_DATA", TagController.AUDIT_PREVIEW, null);
        String analyst = web.page(post("/tags/preview").with(csrf()).session(web.login("analyst")).param("tag", "elderly")
                .param("when", "age >= 30").param("value", "string(age)"));
        assertThat(analyst).contains("2025-03：7 人中有 5 人符合", "id=\"preview-table\"")
                .doesNotContain("id=\"preview-area\"");
        for (long k : List.of(ZHANG_WEI, LI_NA, CHEN_GANG, WANG_QIANG, SUN_LI)) {
            assertThat(analyst).contains("data-subject=\"" + k + "\"");
        }
        assertThat(row(analyst, "preview-table", "data-subject=\"" + ZHANG_WEI + "\""))
                .contains("张伟", "菜园镇", "45", "age=45");
        assertThat(LedgerWebSupport.FULL_ID.matcher(analyst).find()).isFalse();
        assertThat(web.audits("VIEW_PERSONAL_DATA", TagController.AUDIT_PREVIEW, null)).isEqualTo(views + 1);

        String cadre = web.page(post("/tags/preview").with(csrf()).session(web.login("cadre")).param("tag", "elderly")
                .param("when", "age >= 30"));
        assertThat(cadre).contains("2025-03：7 人中有 5 人符合", "id=\"preview-area\"", "其中 菜园镇：3");
        assertThat(Pattern.compile("data-subject=\"(\\d+)\"").matcher(cadre).results().map(m -> Long.parseLong(m.group(1))))
                .containsExactlyInAnyOrder(ZHANG_WEI, LI_NA, CHEN_GANG);
        assertThat(web.lastDetail(TagController.AUDIT_PREVIEW)).contains("3 person rows", "township " + CAIYUAN);

        // the policy officer: counts, no person, nothing audited
        long before = web.audits("VIEW_PERSONAL_DATA", TagController.AUDIT_PREVIEW, null);
        String policy = web.page(post("/tags/preview").with(csrf()).session(web.login("policy")).param("tag", "elderly")
                .param("when", "age >= 30"));
        assertThat(policy).contains("7 人中有 5 人符合", "id=\"preview-aggregates\"").doesNotContain("preview-table", "张伟");
        assertThat(web.audits("VIEW_PERSONAL_DATA", TagController.AUDIT_PREVIEW, null)).isEqualTo(before);

        // families: 张伟's three-person family
        assertThat(web.page(post("/tags/preview").with(csrf()).session(web.login("analyst"))
                .param("tag", "family_key_groups").param("when", "members >= 3")))
                .contains("户中有 1 户符合", "data-subject=\"" + FAMILY_ZHANG + "\"");
        // a rule that does not compile is reported, not evaluated
        assertThat(web.page(post("/tags/preview").with(csrf()).session(web.login("analyst")).param("tag", "elderly")
                .param("when", "agee > 1"))).contains("id=\"preview-problems\"", "line 1, column 1");
    }

    @Test
    void savingNeedsEditTagsAndIsCheckedStoredAsVersionTwoAndAudited() throws Exception {
        // the analyst may not save: refused, audited, nothing stored
        long denied = web.audits("ACCESS_DENIED", TagController.AUDIT_RULE, "elderly");
        mvc.perform(post("/tags/elderly/versions").with(csrf()).session(web.login("analyst")).param("validFrom", "2025-04")
                .param("when", "age >= 65").param("reason", "新口径")).andExpect(status().isForbidden());
        assertThat(web.audits("ACCESS_DENIED", TagController.AUDIT_RULE, "elderly")).isEqualTo(denied + 1);
        assertThat(versions("elderly")).isEmpty();

        MockHttpSession admin = web.login("admin");
        // a rule naming an unknown fact is refused with its position; nothing stored
        mvc.perform(post("/tags/elderly/versions").with(csrf()).session(admin).param("validFrom", "2025-04")
                .param("when", "agee >= 65").param("reason", "新口径")).andExpect(redirectedUrl("/tags/elderly#edit"));
        assertThat(versions("elderly")).isEmpty();
        // CSRF is required
        mvc.perform(post("/tags/elderly/versions").session(admin).param("validFrom", "2025-04")
                .param("when", "age >= 65").param("reason", "新口径")).andExpect(status().isForbidden());

        long changes = web.audits("RULE_CHANGED", TagController.AUDIT_RULE, null);
        mvc.perform(post("/tags/elderly/versions").with(csrf()).session(admin).param("validFrom", "2025-04")
                .param("when", "age >= 65").param("reason", "按新口径统计")).andExpect(redirectedUrl("/tags/elderly"));
        Map<String, Object> row = versions("elderly").get(0);
        assertThat(row.get("VERSION")).isEqualTo(2);
        assertThat(row.get("VALID_FROM")).isEqualTo("2025-04");
        assertThat(row.get("WHEN_RULE")).isEqualTo("age >= 65");
        assertThat(row.get("SAVED_BY")).isEqualTo("admin");
        assertThat(row.get("REASON")).isEqualTo("按新口径统计");
        assertThat(web.audits("RULE_CHANGED", TagController.AUDIT_RULE, "elderly@2")).isEqualTo(changes + 1);
        assertThat(web.lastDetail(TagController.AUDIT_RULE)).contains("valid_from 2025-04", "age >= 65", "按新口径统计");
        String page = web.page(get("/tags/elderly").session(admin));
        assertThat(row(page, "versions-table", "data-version=\"elderly@2\""))
                .contains("2025-04", "age &gt;= 65", "按新口径统计").anyMatch(c -> c.startsWith("admin 保存于"));
        assertThat(page).contains("elderly@3"); // the next version offered
        // a version starting before the latest one's is refused
        mvc.perform(post("/tags/elderly/versions").with(csrf()).session(admin).param("validFrom", "2025-03")
                .param("when", "age >= 70").param("reason", "x")).andExpect(redirectedUrl("/tags/elderly#edit"));
        assertThat(versions("elderly")).hasSize(1);

        // a new tag with its first version
        mvc.perform(post("/tags/new").with(csrf()).session(admin).param("id", "working_age").param("subject", "PERSON")
                        .param("category", "人口特征").param("subcategory", "年龄").param("nameZh", "劳动年龄人口")
                        .param("nameEn", "Working age").param("validFrom", "2025-03").param("when", "age >= 16 && age < 60")
                        .param("reason", "新增"))
                .andExpect(redirectedUrl("/tags/working_age"));
        assertThat(versions("working_age")).singleElement().satisfies(r -> {
            assertThat(r.get("VERSION")).isEqualTo(1);
            assertThat(r.get("NAME_ZH")).isEqualTo("劳动年龄人口");
            assertThat(r.get("SUBJECT_KIND")).isEqualTo("PERSON");
        });
        String tree = web.page(get("/tags").session(admin));
        assertThat(row(tree, "tags-table", "data-tag=\"working_age\""))
                .contains("劳动年龄人口 working_age", "working_age@1 （网页保存）");
        // in the tree under 人口特征 → 年龄, before the next category's tags
        assertThat(tree.indexOf("data-tag=\"working_age\"")).isGreaterThan(tree.indexOf("data-tag=\"minor\""))
                .isLessThan(tree.indexOf("data-tag=\"education_level\""));
    }

    @Test
    void theExportIsTheEffectiveTagsYamlForTheAdministratorOnlyAndAudited() throws Exception {
        // the analyst: no button, and the URL is refused and audited
        assertThat(web.page(get("/tags").session(web.login("analyst")))).doesNotContain("id=\"tags-export\"");
        long denied = web.audits("ACCESS_DENIED", TagController.AUDIT_RULE, "tags.yaml");
        mvc.perform(get("/tags/export").session(web.login("analyst"))).andExpect(status().isForbidden());
        assertThat(web.audits("ACCESS_DENIED", TagController.AUDIT_RULE, "tags.yaml")).isEqualTo(denied + 1);

        MockHttpSession admin = web.login("admin");
        assertThat(web.page(get("/tags").session(admin))).contains("id=\"tags-export\"", "导出 tags.yaml");
        assertThat(web.page(get("/tags").param("lang", "en").session(admin))).contains("Export tags.yaml");
        long exports = web.audits("RULES_EXPORTED", TagController.AUDIT_RULE, "tags.yaml");
        var response = mvc.perform(get("/tags/export").session(admin)).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"tags.yaml\""))
                .andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("application/yaml").containsIgnoringCase("charset=UTF-8");
        String yaml = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        TagDefinitions exported = TagDefinitions.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                "tags.yaml");
        // the profile's tags with every version saved here (other tests of this context may have saved some)
        assertThat(exported).isEqualTo(TagSettings.builtIn().withVersions(savedVersions()));
        assertThat(yaml).contains("老年人（60岁及以上）");
        assertThat(web.audits("RULES_EXPORTED", TagController.AUDIT_RULE, "tags.yaml")).isEqualTo(exports + 1);
        assertThat(web.lastDetail(TagController.AUDIT_RULE)).contains("tags, ", "versions, of which");
        // "export" is the export's URL, no tag's id
        mvc.perform(post("/tags/new").with(csrf()).session(admin).param("id", "export").param("subject", "PERSON")
                .param("category", "x").param("subcategory", "y").param("nameZh", "z").param("validFrom", "2025-03")
                .param("when", "age > 1").param("reason", "r")).andExpect(redirectedUrl("/tags#new-tag"));
        assertThat(versions("export")).isEmpty();
    }

    private List<org.olive.tag.SavedTagVersion> savedVersions() throws Exception {
        try (var c = dataSource.getConnection()) {
            return TagRuleVersions.all(c).stream().map(TagRuleVersions.Stored::version).toList();
        }
    }

    @Test
    void thePersonAndFamilyPagesShowTheirTagsWithEvidenceAndVersion() throws Exception {
        MockHttpSession analyst = web.login("analyst");
        String person = web.page(get("/persons/" + ZHANG_WEI).session(analyst));
        assertThat(row(person, "person-tags-table", "data-tag=\"age_band\""))
                .containsExactly("人口特征", "年龄段", "40-59", "v1", "age=45");
        assertThat(row(person, "person-tags-table", "data-tag=\"key_groups\""))
                .contains("重点群体", "skilled_worker", "v1");
        assertThat(person).contains("标签（2025-03，最近一次运行）");
        assertThat(LedgerWebSupport.FULL_ID.matcher(person).find()).as("ID numbers masked in the evidence").isFalse();
        String family = web.page(get("/families/" + FAMILY_ZHANG).session(analyst));
        assertThat(row(family, "family-tags-table", "data-tag=\"family_key_groups\""))
                .contains("重点群体家庭", "skilled_worker", "v1", "groups=[skilled_worker]");
        // English names on request
        assertThat(web.page(get("/persons/" + ZHANG_WEI).param("lang", "en").session(analyst))).contains(">Age band</a>");
        // a cadre sees their township's person with tags; 王强 (嵊山镇) stays refused
        assertThat(web.page(get("/persons/" + ZHANG_WEI).session(web.login("cadre")))).contains("id=\"person-tags-table\"");
        mvc.perform(get("/persons/" + WANG_QIANG).session(web.login("cadre"))).andExpect(status().isForbidden());
        // a person without stored tags
        assertThat(web.page(get("/persons/" + LI_NA).session(analyst))).contains("最近一次运行未存储标签")
                .doesNotContain("person-tags-table");
    }

    static List<String> row(String html, String table, String attribute) {
        return LedgerWebSupport.row(html, table, attribute);
    }

    private List<Map<String, Object>> versions(String tag) {
        return jdbc.sql("SELECT * FROM tag_rule_version WHERE tag_id = :t ORDER BY version").param("t", tag)
                .query().listOfRows();
    }
}
