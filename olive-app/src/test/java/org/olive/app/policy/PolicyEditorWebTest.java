package org.olive.app.policy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olive.app.OliveWebTest;
import org.olive.app.population.LedgerWebSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The policy editor (政策工具) on the policy page: the syntax check names each problem's field; the policy officer saves a
 * new version (audited RULE_CHANGED, shown with who saved it and why, used by later runs); a bad version is refused with
 * its problems and the draft kept; an analyst's save is refused with 403 and audited. Shares PolicyWebTest's context
 * (and removes the versions it saved).
 */
@OliveWebTest
@TestPropertySource(properties = "olive.test.context=policies")
class PolicyEditorWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    LedgerWebSupport web;

    @BeforeEach
    void seed() {
        web = new LedgerWebSupport(mvc, jdbc);
        PolicyTestData.seed(jdbc);
        jdbc.sql("DELETE FROM policy_rule_version").update();
    }

    @org.junit.jupiter.api.AfterEach
    void removeSavedVersions() {
        jdbc.sql("DELETE FROM policy_rule_version").update();
    }

    @Test
    void thePolicyOfficerChecksAndSavesAVersionAndAnAnalystCannot() throws Exception {
        MockHttpSession officer = web.login("policy");
        String page = web.page(get("/policies/OLD_AGE_ALLOWANCE").session(officer));
        assertThat(page).contains("id=\"policy-form\"", "新增版本 OLD_AGE_ALLOWANCE@2", "policy-check-button");
        assertThat(web.page(get("/policies/OLD_AGE_ALLOWANCE").session(web.login("analyst")))).doesNotContain("id=\"policy-form\"");

        String check = mvc.perform(post("/policies/OLD_AGE_ALLOWANCE/check").with(csrf()).session(officer)
                        .param("validFrom", "2025-01").param("eligible", "age >= 75 && hobby").param("amount", "'lots'"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(check).contains("eligible: ").contains("hobby").contains("amount: ").contains("must be a number");
        String ok = mvc.perform(post("/policies/OLD_AGE_ALLOWANCE/check").with(csrf()).session(officer)
                        .param("validFrom", "2025-01").param("eligible", "age >= 75").param("amount", "old_age_80"))
                .andReturn().getResponse().getContentAsString();
        assertThat(ok).contains("资格规则与金额公式均可编译");

        long changes = web.audits("RULE_CHANGED", PolicyController.AUDIT_RULE, "OLD_AGE_ALLOWANCE@2");
        mvc.perform(post("/policies/OLD_AGE_ALLOWANCE/versions").with(csrf()).session(officer).param("validFrom", "2025-01")
                .param("eligible", "age >= 75 && registered").param("amount", "old_age_80").param("reason", "扩大到75岁"))
                .andExpect(status().is3xxRedirection());
        assertThat(web.audits("RULE_CHANGED", PolicyController.AUDIT_RULE, "OLD_AGE_ALLOWANCE@2")).isEqualTo(changes + 1);
        String after = web.page(get("/policies/OLD_AGE_ALLOWANCE").session(officer));
        assertThat(after).contains("data-version=\"OLD_AGE_ALLOWANCE@2\"", "age &gt;= 75 &amp;&amp; registered", "扩大到75岁",
                "新增版本 OLD_AGE_ALLOWANCE@3");

        // a version before the latest one's month: refused with its field, nothing stored
        mvc.perform(post("/policies/OLD_AGE_ALLOWANCE/versions").with(csrf()).session(officer).param("validFrom", "2024-01")
                .param("eligible", "age >= 70").param("amount", "old_age_80").param("reason", "更早"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM policy_rule_version").query(Long.class).single()).isEqualTo(1L);

        // an analyst may not save: 403, audited
        long denied = web.audits("ACCESS_DENIED", PolicyController.AUDIT_RULE, "OLD_AGE_ALLOWANCE");
        mvc.perform(post("/policies/OLD_AGE_ALLOWANCE/versions").with(csrf()).session(web.login("analyst"))
                .param("validFrom", "2026-01").param("eligible", "age >= 70").param("amount", "old_age_80")
                .param("reason", "x")).andExpect(status().isForbidden());
        assertThat(web.audits("ACCESS_DENIED", PolicyController.AUDIT_RULE, "OLD_AGE_ALLOWANCE")).isEqualTo(denied + 1);
    }
}
