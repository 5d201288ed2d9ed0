package org.olive.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olive.app.population.LedgerTestData.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.olive.app.OliveWebTest;
import org.olive.app.income.IncomeTestData;
import org.olive.app.population.LedgerWebSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 11 item 13, least privilege per role (docs/access.md): the policy officer works on the policy library and
 * county-wide aggregates, so it keeps the cockpit, the indicators and the aggregate population and income tables but
 * loses every page with personal rows — persons, families, a person's income, conflicts, matches, list members and
 * their CSV. The other roles keep what their work needs.
 */
@OliveWebTest
class RoleMatrixWebTest {

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

    @ParameterizedTest(name = "{0} GET {1} → {2}")
    @CsvSource({
            // the policy officer: aggregates yes, personal rows no
            "policy,  /cockpit,                          200",
            "policy,  /indicators,                       200",
            "policy,  /indicators/C35,                   200",
            "policy,  /ledger,                           200",
            "policy,  /population,                       200",
            "policy,  /income/families,                  200",
            "policy,  /policies,                         200",
            "policy,  /groups,                           200",
            "policy,  /occupations,                      200",
            "policy,  /groups/skilled_worker,            200",
            "policy,  /groups/skilled_worker/export.xlsx, 404",
            "policy,  /persons,                          403",
            "policy,  /persons?q=张,                      403",
            "policy,  /persons/900001,                   403",
            "policy,  /families,                         403",
            "policy,  /families/F9000001,                403",
            "policy,  /income/persons/900001,            403",
            "policy,  /conflicts,                        403",
            "policy,  /matches,                          403",
            "policy,  /population/members.csv,           403",
            "policy,  /ingest,                           403",
            "policy,  /admin/audit,                      403",
            "policy,  /whatif,                           200",
            "policy,  /policies/simulate,                200",
            // the cadre: their township's personal data, no intake, no matches, no administration
            "cadre,   /persons/900001,                   200",
            "cadre,   /families/F9000001,                200",
            "cadre,   /income/persons/900001,            200",
            "cadre,   /conflicts,                        200",
            "cadre,   /population/members.csv,           200",
            "cadre,   /groups,                           200",
            "cadre,   /occupations,                      200",
            "cadre,   /groups/skilled_worker,            200",
            "cadre,   /groups/skilled_worker?township=330922101, 403",
            "cadre,   /matches,                          403",
            "cadre,   /ingest,                           403",
            "cadre,   /admin/accounts,                   403",
            "cadre,   /whatif,                           403",
            "cadre,   /policies/simulate,                403",
            // the analyst: the county's data and intake, no administration
            "analyst, /persons/900005,                   200",
            "analyst, /matches,                          200",
            "analyst, /ingest,                           200",
            "analyst, /admin/audit,                      403",
            "analyst, /whatif,                           200",
            "analyst, /policies/simulate,                200",
            "analyst, /groups/skilled_worker?township=330922101, 200",
            "analyst, /groups/no_such_group,             404",
            // the administrator: everything
            "admin,   /admin/audit,                      200",
            "admin,   /persons/900005,                   200"})
    void pagesByRole(String user, String path, int expected) throws Exception {
        mvc.perform(get(path).session(web.login(user))).andExpect(status().is(expected));
    }

    @Test
    void policyOfficerSeesPopulationCountsWithoutPersons() throws Exception {
        long before = web.audits("VIEW_PERSONAL_DATA", "POPULATION_LIST", null);
        String html = web.page(get("/population").param("period", P2).param("list", "resident")
                .session(web.login("policy")));
        assertThat(html).contains("id=\"counts-table\"", "data-list=\"resident\">6<", "id=\"pyramid-chart\"",
                "<td>菜园镇</td>");
        assertThat(html).doesNotContain("id=\"members-table\"", "id=\"exits-table\"", "id=\"csv-link\"",
                "张伟", "孙丽", "/persons");
        assertThat(LedgerWebSupport.FULL_ID.matcher(html).find()).isFalse();
        assertThat(web.audits("VIEW_PERSONAL_DATA", "POPULATION_LIST", null)).as("no personal data shown")
                .isEqualTo(before);
    }

    @Test
    void policyOfficerSeesIncomeTotalsWithoutFamilies() throws Exception {
        MockHttpSession policy = web.login("policy");
        String html = web.page(get("/income/families").param("bracket", "middle_20_60").session(policy));
        assertThat(html).contains("id=\"families-count\"", "共 1 户，3 名常住人口");
        assertThat(html).doesNotContain("id=\"income-families-table\"", FAMILY_ZHANG, "张伟", "/families/");
        // the cockpit's drill-down links still lead somewhere
        assertThat(web.page(get("/cockpit").session(policy))).contains("/income/families");
    }

    @ParameterizedTest(name = "{0} POST {1} → {2}")
    @CsvSource({
            // hand decisions on key groups: DECIDE_GROUP (ADMIN, ANALYST, CADRE in their township), never the policy
            // officer; the cadre is refused 嵊山镇's 王强
            "policy,  /groups/decisions,          900003, 403",
            "cadre,   /groups/decisions,          900005, 403",
            "cadre,   /groups/decisions/999999/withdraw, 900003, 404",
            "policy,  /groups/decisions/999999/withdraw, 900003, 403"})
    void groupDecisionsByRole(String user, String path, long person, int expected) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("group", "skilled_worker").param("person", String.valueOf(person)).param("action", "ADD")
                        .param("reason", "test").session(web.login(user)))
                .andExpect(status().is(expected));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM group_decision").query(Long.class).single()).isZero();
    }

    @Test
    void policyOfficersMenuHasNoFamilyLedgerNorQueues() throws Exception {
        String html = web.page(get("/cockpit").session(web.login("policy")));
        assertThat(html).contains("id=\"nav-cockpit\"", "id=\"nav-population\"", "id=\"nav-income\"",
                "id=\"nav-policies\"", "id=\"nav-indicators\"", "id=\"nav-groups\"");
        assertThat(html).doesNotContain("id=\"nav-families\"", "id=\"nav-conflicts\"", "id=\"nav-matches\"",
                "id=\"nav-ingest\"");
    }
}
