package org.olive.app.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olive.app.population.LedgerTestData.CAIYUAN;
import static org.olive.app.population.LedgerTestData.V_DONGHAI;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olive.app.OliveWebTest;
import org.olive.app.population.LedgerWebSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The what-if page ({@code /whatif}) on a two-family ledger of 2024-06 (a fisher's family of one living on 30,000 of
 * crew shares, a clerk's of one on 80,000 of wages, both in 菜园镇): the examples and the form run, a −80 % fishery shock
 * moves only the fisher's family below the 低保 standard, the analyst sees the family (audited), the policy officer only
 * the aggregates, a cadre is refused; a bad form says why; saved runs compare side by side.
 */
@OliveWebTest
@TestPropertySource(properties = "olive.test.context=whatif")
class WhatIfWebTest {

    static final String P = "2024-06";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    LedgerWebSupport web;

    @BeforeEach
    void seed() {
        web = new LedgerWebSupport(mvc, jdbc);
        if (jdbc.sql("SELECT COUNT(*) FROM family_income WHERE data_period = :p").param("p", P).query(Long.class).single() > 0) {
            return;
        }
        family("F7000001", 970001, "fishery_crew", 30_000);
        family("F7000002", 970002, "iit_wages", 80_000);
    }

    private void family(String key, long person, String source, double di) {
        jdbc.sql("INSERT INTO family_income (data_period, family_key, township_code, village_code, urban, residents, "
                + "disposable, di_low, di_high, per_capita, three_person, medical_oop, after_rigid_monthly, method, "
                + "monitored_members) VALUES (:p, :f, :t, :v, FALSE, 1, :di, :di, :di, :di, :three, 0, :m, 'PRECISE', 1)")
                .param("p", P).param("f", key).param("t", CAIYUAN).param("v", V_DONGHAI).param("di", di)
                .param("three", di * 3).param("m", di / 12).update();
        jdbc.sql("INSERT INTO person_income (data_period, person_key, family_key, resident, township_code, village_code, "
                + "urban, sex, age, wage, business, property, transfer_in, transfer_out, disposable, precise_di, estimated, "
                + "di_low, di_high, method, confidence, monitored) VALUES (:p, :k, :f, TRUE, :t, :v, FALSE, 'M', 40, :di, 0, "
                + "0, 0, 0, :di, :di, 0, :di, :di, 'PRECISE', 1, TRUE)")
                .param("p", P).param("k", person).param("f", key).param("t", CAIYUAN).param("v", V_DONGHAI)
                .param("di", di).update();
        jdbc.sql("INSERT INTO family_member (data_period, family_key, person_key, role) VALUES (:p, :f, :k, 'HEAD')")
                .param("p", P).param("f", key).param("k", person).update();
        jdbc.sql("INSERT INTO income_item (data_period, person_key, component, source, dataset, method, amount, months, "
                + "record_count, confidence) VALUES (:p, :k, 'WAGE', :s, 'x', 'PRECISE', :di, 12, 12, 1)")
                .param("p", P).param("k", person).param("s", source).param("di", di).update();
    }

    @Test
    void theFormsShockMovesOnlyTheFishersFamilyAndTheAnalystSeesItAudited() throws Exception {
        String page = web.page(get("/whatif").session(web.login("analyst")));
        assertThat(page).contains("<h1>重大变量影响</h1>", "id=\"nav-whatif\"", "value=\"moratorium\"", "value=\"typhoon\"",
                "value=\"dibao-raise\"", "<option value=\"" + P + "\"");
        long views = web.audits("VIEW_PERSONAL_DATA", WhatIfController.AUDIT_FAMILIES, P);
        String html = web.page(post("/whatif").with(csrf()).session(web.login("analyst")).param("period", P)
                .param("target", "income").param("sources", "fishery_crew").param("change", "-80"));
        assertThat(html).contains("id=\"affected\">1<", "id=\"changed\">1<", "data-family=\"F7000001\"")
                .doesNotContain("data-family=\"F7000002\"");
        assertThat(LedgerWebSupport.row(html, "county-table", "data-measure=\"below_dibao\"")).containsExactly(
                "低于低保标准的家庭", "0", "1", "1");
        // the gap: the 低保 standard of 2024 (11,000, income.yaml) − 6,000, for one person
        assertThat(html).contains("id=\"gap-cost\">5,000<");
        assertThat(web.audits("VIEW_PERSONAL_DATA", WhatIfController.AUDIT_FAMILIES, P)).isEqualTo(views + 1);
        assertThat(html).doesNotContain("??");
        String english = web.page(post("/whatif").with(csrf()).session(web.login("analyst")).param("period", P)
                .param("example", "moratorium").param("lang", "en"));
        assertThat(english).contains("What-if (major variables)", "Gini coefficient").doesNotContain("??");
    }

    @Test
    void thePolicyOfficerSeesTheAggregatesOnlyAndACadreIsRefused() throws Exception {
        String html = web.page(post("/whatif").with(csrf()).session(web.login("policy")).param("period", P)
                .param("example", "dibao-raise"));
        assertThat(html).contains("id=\"county-table\"", "id=\"aggregates-only\"").doesNotContain("data-family=");
        mvc.perform(get("/whatif").session(web.login("cadre"))).andExpect(status().isForbidden());
    }

    @Test
    void aBadFormSaysWhyAndSavedRunsCompare() throws Exception {
        String bad = web.page(post("/whatif").with(csrf()).session(web.login("analyst")).param("period", P)
                .param("target", "income").param("change", "-30"));
        assertThat(bad).contains("id=\"whatif-error\"", "a shock names a component, sources or a line");
        web.page(post("/whatif").with(csrf()).session(web.login("analyst")).param("period", P)
                .param("example", "moratorium").param("save", "true"));
        String saved = web.page(post("/whatif").with(csrf()).session(web.login("analyst")).param("period", P)
                .param("target", "dibao").param("change", "+10").param("save", "true"));
        assertThat(saved).contains("id=\"saved\"", "data-run=");
        java.util.List<Long> ids = jdbc.sql("SELECT id FROM whatif_run ORDER BY id DESC").query(Long.class).list();
        String cmp = web.page(get("/whatif/compare").param("a", ids.get(1).toString()).param("b", ids.get(0).toString())
                .session(web.login("policy")));
        assertThat(cmp).contains("id=\"compare-table\"", "moratorium " + P, "form " + P, "data-measure=\"gini\"");
        assertThat(jdbc.sql("SELECT username FROM whatif_run WHERE id = :i").param("i", ids.get(0)).query(String.class)
                .single()).isEqualTo("analyst");
    }
}
