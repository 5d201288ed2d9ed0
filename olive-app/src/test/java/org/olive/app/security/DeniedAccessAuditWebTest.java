package org.olive.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olive.app.population.LedgerTestData.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.olive.app.OliveWebTest;
import org.olive.app.income.IncomeTestData;
import org.olive.app.population.LedgerWebSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 11 item 10: every refused request leaves exactly one audit event ACCESS_DENIED (outcome FAILURE) with the user,
 * their role, the target (type and id), the reason and the address — whether a URL rule, a controller's scope or
 * role check, or the CSRF filter refused it. ID numbers in the request are masked in the event.
 */
@OliveWebTest
class DeniedAccessAuditWebTest {

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

    /**
     * The twelve refusals of a 菜园镇 cadre listed in the issue: method, path ({id}: 嵊山镇's conflict, {match}: a 嵊山镇
     * record match), form parameters, and the audited target type and id.
     */
    static Stream<Arguments> cadreRefusals() {
        return Stream.of(
                Arguments.of("another township's person", "GET", "/persons/" + WANG_QIANG, "", "PERSON",
                        "person " + WANG_QIANG),
                Arguments.of("another township's family", "GET", "/families/" + FAMILY_WANG, "", "FAMILY", FAMILY_WANG),
                Arguments.of("another township's income", "GET", "/income/persons/" + WANG_QIANG, "", "PERSON",
                        "person " + WANG_QIANG),
                Arguments.of("another township's conflict", "GET", "/conflicts/{id}", "", "FAMILY_CONFLICT", "{id}"),
                Arguments.of("data intake", "GET", "/ingest", "", "PAGE", "/ingest"),
                Arguments.of("audit log", "GET", "/admin/audit", "", "PAGE", "/admin/audit"),
                Arguments.of("unmask", "POST", "/persons/" + ZHANG_WEI + "/unmask", "", "PERSON", "person " + ZHANG_WEI),
                Arguments.of("resolve", "POST", "/conflicts/{id}/resolve", "decision=CONFIRM_DEATH", "FAMILY_CONFLICT",
                        "{id}"),
                Arguments.of("declare", "POST", "/income/persons/" + ZHANG_WEI + "/declarations",
                        "component=WAGE&amount=1&effectiveFrom=" + P2 + "&reason=x", "INCOME_DECLARATION",
                        "person " + ZHANG_WEI),
                Arguments.of("entry", "POST", "/indicators/C35/values", "year=2025&value=1", "INDICATOR", "C35"),
                Arguments.of("match queue", "GET", "/matches", "", "PERSON_MATCH", "queue"),
                Arguments.of("match decision", "POST", "/matches/{match}/reject", "", "PERSON_MATCH", "{match}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cadreRefusals")
    void everyRefusalOfTheCadreIsAudited(String name, String method, String path, String params, String type,
                                         String id) throws Exception {
        String conflict = String.valueOf(conflictId(jdbc, CONFLICT_SHENGSHAN));
        String match = String.valueOf(matchId(jdbc, 3));
        String uri = path.replace("{id}", conflict).replace("{match}", match);
        MockHttpServletRequestBuilder r = method.equals("POST") ? post(uri).with(csrf()) : get(uri);
        for (String kv : params.isEmpty() ? new String[0] : params.split("&")) {
            String[] p = kv.split("=", 2);
            r.param(p[0], p[1]);
        }
        long before = denied();
        mvc.perform(r.session(web.login("cadre"))).andExpect(status().isForbidden());
        assertThat(denied()).as("exactly one ACCESS_DENIED event").isEqualTo(before + 1);
        Map<String, Object> e = lastDenied();
        assertThat(e).containsEntry("ACTOR", "cadre").containsEntry("ACTOR_ROLE", "CADRE")
                .containsEntry("OUTCOME", "FAILURE").containsEntry("SUBJECT_TYPE", type)
                .containsEntry("SUBJECT_ID", id.replace("{id}", conflict).replace("{match}", match));
        assertThat((String) e.get("REMOTE_ADDR")).isNotBlank();
        String detail = (String) e.get("DETAIL");
        assertThat(detail).as("the reason and the request").isNotBlank().contains(method + " " + uri);
        assertThat(LedgerWebSupport.FULL_ID.matcher(detail).find()).as("no unmasked ID").isFalse();
    }

    @Test
    void aRefusalByTheCsrfFilterIsAuditedToo() throws Exception {
        MockHttpSession analyst = web.login("analyst");
        long before = denied();
        mvc.perform(post("/persons/" + ZHANG_WEI + "/unmask").session(analyst)).andExpect(status().isForbidden());
        assertThat(denied()).isEqualTo(before + 1);
        Map<String, Object> e = lastDenied();
        assertThat(e).containsEntry("ACTOR", "analyst").containsEntry("SUBJECT_TYPE", "PAGE")
                .containsEntry("SUBJECT_ID", "/persons/" + ZHANG_WEI + "/unmask");
        assertThat((String) e.get("DETAIL")).containsIgnoringCase("csrf");
    }

    @Test
    void idNumbersInTheRefusedRequestAreMaskedAndFreeTextLeftOut() throws Exception {
        MockHttpSession policy = web.login("policy");
        long before = denied();
        mvc.perform(get("/persons?q=" + ID_ZHANG_WEI + "&period=" + P2).session(policy))
                .andExpect(status().isForbidden());
        assertThat(denied()).isEqualTo(before + 1);
        Map<String, Object> e = lastDenied();
        assertThat(e).containsEntry("ACTOR", "policy").containsEntry("ACTOR_ROLE", "POLICY_OFFICER")
                .containsEntry("SUBJECT_TYPE", "PAGE").containsEntry("SUBJECT_ID", "/persons");
        // the search term is left out, the plain filter kept
        assertThat((String) e.get("DETAIL")).doesNotContain(ID_ZHANG_WEI).contains("GET /persons?q=…&period=" + P2);

        // an ID number typed into the path is masked in the target and the detail
        mvc.perform(get("/persons/" + ID_ZHANG_WEI).session(policy)).andExpect(status().isForbidden());
        e = lastDenied();
        String masked = org.olive.identity.IdNumber.mask(ID_ZHANG_WEI);
        assertThat(e).containsEntry("SUBJECT_ID", "/persons/" + masked);
        assertThat((String) e.get("DETAIL")).doesNotContain(ID_ZHANG_WEI).contains(masked);
    }

    @Test
    void theDeniedPageSaysWhyInChineseFirst() throws Exception {
        MockHttpSession cadre = web.login("cadre");
        AccessRefusal period = new AccessRefusal(AccessRefusal.Kind.PERIOD, "PERSON", "person " + SUN_LI, "test");
        assertThat(web.page(get("/denied").requestAttr(WebAttributes.ACCESS_DENIED_403, period).session(cadre)))
                .contains("无权访问", "该期间此人或此家庭不属于您负责的乡镇", "本次拒绝已记入审计日志");
        AccessRefusal area = new AccessRefusal(AccessRefusal.Kind.AREA, "FAMILY", FAMILY_WANG, "test");
        assertThat(web.page(get("/denied").param("lang", "en").requestAttr(WebAttributes.ACCESS_DENIED_403, area)
                .session(cadre))).contains("Access denied", "outside your township");
    }

    private long denied() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'ACCESS_DENIED'").query(Long.class).single();
    }

    private Map<String, Object> lastDenied() {
        return jdbc.sql("SELECT * FROM audit_event WHERE action = 'ACCESS_DENIED' ORDER BY id DESC LIMIT 1").query()
                .singleRow();
    }
}
