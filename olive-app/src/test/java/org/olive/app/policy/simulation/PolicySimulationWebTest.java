package org.olive.app.policy.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.olive.app.population.LedgerTestData.CAIYUAN;
import static org.olive.app.population.LedgerTestData.V_DONGHAI;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olive.app.OliveWebTest;
import org.olive.app.population.LedgerWebSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;


/**
 * The policy simulation page ({@code /policies/simulate}) on three one-person families of 2025-12 in 菜园镇: a pasted reform adding a family policy of 100 yuan a month costs 3 × 1,200 and makes the
 * three families gain, which the analyst sees (audited); the policy officer sees the aggregates of a built-in reform
 * only; a cadre is refused; a bad reform says its line and reason.
 */
@OliveWebTest
@TestPropertySource(properties = "olive.test.context=simulate")
class PolicySimulationWebTest {

    static final String P = "2025-12";
    static final String FAMILY_100 = """
            name: family100
            title: 家庭补贴
            new_parameters: {family_monthly: 100.0}
            policies:
              - code: FAMILY_100
                name_zh: 家庭补贴
                department: 县民政局
                kind: SAFETY_NET
                unit: FAMILY
                frequency: MONTHLY
                versions:
                  - version: "1"
                    valid_from: 2025-01
                    eligible: residents > 0
                    amount: family_monthly
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    org.olive.pipeline.county.CountyProfile profile;

    LedgerWebSupport web;

    @BeforeEach
    void seed() {
        web = new LedgerWebSupport(mvc, jdbc);
        if (jdbc.sql("SELECT COUNT(*) FROM family_income WHERE data_period = :p").param("p", P).query(Long.class).single() > 0) {
            return;
        }
        family("F7100001", 971001, 30_000);
        family("F7100002", 971002, 80_000);
        family("F7100003", 971003, 20_000);
    }

    /** A family of one resident in 菜园镇 with the person rows the policy facts are read from. */
    private void family(String key, long person, double di) {
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
        jdbc.sql("INSERT INTO person_period (data_period, person_key, registered, resident, floating, separated, "
                + "township_code) VALUES (:p, :k, TRUE, TRUE, FALSE, FALSE, :t)")
                .param("p", P).param("k", person).param("t", CAIYUAN).update();
        jdbc.sql("INSERT INTO family_member (data_period, family_key, person_key, role) VALUES (:p, :f, :k, 'HEAD')")
                .param("p", P).param("f", key).param("k", person).update();
    }

    @Test
    void aPastedReformCostsAndTheAnalystSeesTheFamiliesAudited() throws Exception {
        String page = web.page(get("/policies/simulate").session(web.login("analyst")));
        assertThat(page).contains("<h1>政策施行可预测</h1>", "id=\"nav-simulate\"", "value=\"old-age-150\"",
                "value=\"dibian-2-5\"", "value=\"fishery-income\"", "<option value=\"" + P + "\"");
        long views = web.audits("VIEW_PERSONAL_DATA", PolicySimulationController.AUDIT_FAMILIES, P);
        String html = web.page(post("/policies/simulate").with(csrf()).session(web.login("analyst")).param("period", P)
                .param("yaml", FAMILY_100));
        assertThat(html).contains("id=\"cost-change\">3,600<", "id=\"winners\">3<", "data-policy=\"FAMILY_100\"",
                "id=\"decile-chart\"", "id=\"decile-table\"", "data-measure=\"fgt0_dibian\"", "data-family=\"F7100001\"")
                .doesNotContain("??");
        assertThat(web.audits("VIEW_PERSONAL_DATA", PolicySimulationController.AUDIT_FAMILIES, P)).isEqualTo(views + 1);
    }

    @Test
    void thePolicyOfficerSeesTheAggregatesOnlyAndACadreIsRefused() throws Exception {
        String html = web.page(post("/policies/simulate").with(csrf()).session(web.login("policy")).param("period", P)
                .param("reform", "old-age-150").param("lang", "en"));
        assertThat(html).contains("id=\"policy-table\"", "data-policy=\"OLD_AGE_ALLOWANCE\"", "id=\"aggregates-only\"",
                "Policy simulation").doesNotContain("data-family=", "??");
        mvc.perform(get("/policies/simulate").session(web.login("cadre"))).andExpect(status().isForbidden());
    }

    /**
     * The policy editor's preview: a candidate version of 低边 aid paying 500 yuan a year to every family with a
     * resident reaches the three families (1,500 yuan a year); a rule that does not compile says why; a cadre is refused.
     */
    @Test
    void theEditorPreviewsACandidateVersionsBeneficiariesAndCost() throws Exception {
        String html = web.page(post("/policies/simulate/version").with(csrf()).session(web.login("policy"))
                .param("code", "DIBIAN_AID").param("period", P).param("eligible", "residents > 0").param("amount", "500.0"));
        assertThat(html).contains("id=\"preview-after\">3<", "id=\"preview-cost-after\">1,500<", "静态测算")
                .doesNotContain("??");
        String bad = web.page(post("/policies/simulate/version").with(csrf()).session(web.login("policy"))
                .param("code", "DIBIAN_AID").param("period", P).param("eligible", "residents > hobby").param("amount", "500.0"));
        assertThat(bad).contains("此版本无法测算").contains("hobby").doesNotContain("preview-after");
        mvc.perform(post("/policies/simulate/version").with(csrf()).session(web.login("cadre")).param("code", "DIBIAN_AID")
                .param("eligible", "residents > 0").param("amount", "500.0")).andExpect(status().isForbidden());
    }

    /** The subjects read for a period are kept until a new run of the period (its ledger_run) or a saved tag version. */
    @Test
    void theSubjectsAreKeptUntilTheNextRunOfThePeriod() throws Exception {
        PolicySimulations simulations = new PolicySimulations(profile);
        org.olive.period.Period p = org.olive.period.Period.parse(P);
        try (java.sql.Connection c = dataSource.getConnection()) {
            org.olive.pipeline.policy.PolicySimulation.Input first = simulations.read(c, p);
            assertThat(first.rows()).hasSizeGreaterThanOrEqualTo(3);
            org.olive.pipeline.policy.PolicySimulation.Input again = simulations.read(c, p);
            assertThat(again.persons()).isSameAs(first.persons());
            assertThat(again.families()).isSameAs(first.families());
            assertThat(again.readMillis()).isZero();
            jdbc.sql("INSERT INTO ledger_run (data_period, status, started_at, finished_at) VALUES (:p, 'SUCCEEDED', "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").param("p", P).update();
            org.olive.pipeline.policy.PolicySimulation.Input fresh = simulations.read(c, p);
            assertThat(fresh.families()).isNotSameAs(first.families()).hasSameSizeAs(first.families());
            assertThat(simulations.read(c, p).families()).isSameAs(fresh.families());
        }
    }

    @Test
    void aBadReformSaysItsLineAndReason() throws Exception {
        String bad = web.page(post("/policies/simulate").with(csrf()).session(web.login("analyst")).param("period", P)
                .param("yaml", "name: bad\nparameters:\n  old_age_75: 80.0\n"));
        assertThat(bad).contains("id=\"simulate-error\"", "line 3: parameters: unknown parameter &#39;old_age_75&#39;")
                .doesNotContain("id=\"result\"");
    }
}
