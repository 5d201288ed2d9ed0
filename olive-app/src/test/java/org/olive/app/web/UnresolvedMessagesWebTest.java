package org.olive.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olive.app.population.LedgerTestData.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.app.OliveWebTest;
import org.olive.app.income.IncomeTestData;
import org.olive.app.ingest.IngestTestData;
import org.olive.app.population.LedgerWebSupport;
import org.olive.app.population.PopulationList;
import org.olive.indicator.registry.Indicator;
import org.olive.indicator.registry.IndicatorRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 11 item 15: no page shows an unresolved message key ({@code ??income.method.PRECISE_zh_CN??}). Every GET page
 * of the controllers is rendered for each demo user in Chinese and English on the seeded test ledgers (population,
 * families, conflicts, matches, income) and a real ingest of a tiny county, and the HTML must hold no {@code ??…??}.
 * A GET route the test does not visit fails the test, so a new page is checked as soon as it exists.
 */
@OliveWebTest
class UnresolvedMessagesWebTest {

    /** What Thymeleaf prints for a key it cannot resolve: {@code ??key_locale??}. */
    static final Pattern UNRESOLVED = Pattern.compile("\\?\\?[^?\\s<>\"']+\\?\\?");

    /**
     * Routes that answer data, not a page (a file name ending .csv, .xlsx, .json or .{format:…}; /tags/export, a
     * tags.yaml download), and Spring Boot's
     * error endpoint (not reachable in MockMvc).
     */
    static final Pattern NOT_A_PAGE = Pattern.compile(".*\\.(csv|xlsx|json|\\{format:[^/]*\\})$|^/error$|^/tags/export$");

    static final List<String> USERS = List.of("admin", "analyst", "cadre", "policy");

    @TempDir
    static Path county;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    IndicatorRegistry registry;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    LedgerWebSupport web;

    @BeforeEach
    void seed() throws Exception {
        web = new LedgerWebSupport(mvc, jdbc);
        IncomeTestData.seed(jdbc);
        if (jdbc.sql("SELECT COUNT(*) FROM ingest_file").query(Long.class).single() == 0) {
            IngestTestData.seed(dataSource, county); // a real ingest: run, report, rejects, feedback
        }
    }

    /** Every GET page pattern with the URLs that render it on the test data. */
    Map<String, List<String>> pages() {
        long run = jdbc.sql("SELECT MAX(run_id) FROM ingest_file").query(Long.class).single();
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("/login", List.of("/login"));
        p.put("/", List.of("/"));
        p.put("/denied", List.of("/denied"));
        p.put("/{ledger:map}", List.of("/map"));
        org.olive.app.policy.PolicyTestData.seed(jdbc);
        p.put("/policies", List.of("/policies", "/policies?period=" + P1, "/policies?period=1999-01"));
        p.put("/policies/{code}", List.of("/policies/DIBAO", "/policies/DIBAO?status=COVERED",
                "/policies/SKILL_BONUS?status=LEAKAGE", "/policies/CHILDCARE?page=2", "/policies/DIBAO?handling=DONE",
                "/policies/DIBAO?period=1999-01"));
        p.put("/policies/{code}/handling", List.of("/policies/SKILL_BONUS/handling?period=" + P2 + "&kind=PERSON&key="
                + LI_NA));
        p.put("/warnings", List.of("/warnings", "/warnings?period=" + P1, "/warnings?colour=RED", "/warnings?period=1999-01"));
        p.put("/groups", List.of("/groups", "/groups?period=1999-01"));
        p.put("/groups/{id}", List.of("/groups/skilled_worker", "/groups/bnb_owner?period=" + P1));
        p.put("/tags", List.of("/tags"));
        p.put("/occupations", List.of("/occupations", "/occupations?period=1999-01"));
        p.put("/tags/{id}", List.of("/tags/elderly", "/tags/family_key_groups"));
        p.put("/cockpit", List.of("/cockpit", "/cockpit?period=" + P1, "/cockpit?period=1999-01"));
        List<String> population = new ArrayList<>(List.of("/population", "/population?period=" + P1,
                "/population?township=" + CAIYUAN, "/population?township=" + CAIYUAN + "&village=" + V_DONGHAI,
                "/population?sex=F", "/population?age=nonsense"));
        for (PopulationList l : PopulationList.values()) {
            population.add("/population?list=" + l.id());
        }
        p.put("/population", population);
        List<String> persons = new ArrayList<>(List.of("/persons", "/persons?q=张", "/persons?q=330922198001151019"));
        List<String> incomePersons = new ArrayList<>();
        for (long k : new long[] {ZHANG_WEI, LI_NA, ZHANG_MING, ZHANG_NAI, WANG_QIANG, ZHAO_MIN, CHEN_GANG}) {
            persons.add("/persons/" + k);
            persons.add("/persons/" + k + "?period=" + P1);
            incomePersons.add("/income/persons/" + k);
            incomePersons.add("/income/persons/" + k + "?period=" + P1);
        }
        p.put("/persons", persons.subList(0, 3));
        p.put("/persons/{key}", persons.subList(3, persons.size()));
        p.put("/families", List.of("/families", "/families?period=" + P1, "/families?q=张"));
        p.put("/families/{key}", List.of("/families/" + FAMILY_ZHANG, "/families/" + FAMILY_ZHANG + "?period=" + P1,
                "/families/" + FAMILY_WANG));
        List<String> income = new ArrayList<>(List.of("/income", "/income/families", "/income/families?bracket=middle_10_50",
                "/income/families?bracket=middle_20_60", "/income/families?urban=true", "/income/families?urban=false",
                "/income/families?township=" + CAIYUAN, "/income/families?min=0&max=100000",
                "/income/families?period=" + P1));
        for (String line : List.of("dibao", "tekun", "dibian", "assist", "safety_net")) {
            income.add("/income/families?line=" + line);
        }
        p.put("/income", income.subList(0, 1));
        p.put("/income/families", income.subList(1, income.size()));
        p.put("/income/persons/{key}", incomePersons);
        List<String> conflicts = new ArrayList<>(List.of("/conflicts", "/conflicts?status=nonsense",
                "/conflicts?township=" + SHENGSHAN));
        for (String s : List.of("OPEN", "RESOLVED", "CLEARED")) {
            conflicts.add("/conflicts?status=" + s);
        }
        p.put("/conflicts", conflicts);
        p.put("/conflicts/{id}", jdbc.sql("SELECT id FROM family_conflict ORDER BY id").query(Long.class).list()
                .stream().map(id -> "/conflicts/" + id).toList());
        List<String> matches = new ArrayList<>(List.of("/matches", "/matches?status=nonsense"));
        for (String s : List.of("REVIEW", "MATCHED", "NO_CANDIDATE", "CONFIRMED", "REJECTED")) {
            matches.add("/matches?status=" + s);
        }
        p.put("/matches", matches);
        p.put("/ledger", List.of("/ledger"));
        if (jdbc.sql("SELECT COUNT(*) FROM assistance_case WHERE family_key = 'F9000098'").query(Long.class).single() == 0) {
            long k = org.olive.app.assistance.CaseTestData.kase(jdbc, "F9000098", CAIYUAN, V_SHAHE, "RED", "ASSISTING",
                    "2025-04-15");
            jdbc.sql("INSERT INTO case_evaluation (case_id, months_after, data_period, assisted_period, per_capita_before, "
                    + "per_capita_after, colour_before, colour_after) VALUES (:c, 3, '2025-07', '2025-04', NULL, 100.00, "
                    + "'NONE', 'YELLOW')").param("c", k).update();
        }
        long kase = org.olive.app.assistance.CaseTestData.id(jdbc, "F9000098");
        p.put("/cases", List.of("/cases", "/cases?state=CLOSED", "/cases?colour=RED&township=" + CAIYUAN));
        p.put("/cases/{id}", List.of("/cases/" + kase));
        p.put("/indicators", List.of("/indicators", "/indicators?year=2021", "/indicators?year=2023", "/indicators?year=2025"));
        p.put("/indicators/{id}", registry.indicators().stream().map(Indicator::id).map(id -> "/indicators/" + id).toList());
        p.put("/ingest", List.of("/ingest"));
        p.put("/ingest/runs/{id}", List.of("/ingest/runs/" + run));
        p.put("/ingest/runs/{id}/rejects", List.of("/ingest/runs/" + run + "/rejects",
                "/ingest/runs/" + run + "/rejects?page=2"));
        p.put("/ingest/feedback", List.of("/ingest/feedback", "/ingest/feedback?period=" + IngestTestData.PERIOD));
        p.put("/admin/accounts", List.of("/admin/accounts"));
        p.put("/admin/audit", List.of("/admin/audit"));
        p.put("/whatif", List.of("/whatif"));
        p.put("/policies/simulate", List.of("/policies/simulate"));
        p.put("/whatif/compare", List.of("/whatif/compare?a=" + whatIfRun() + "&b=" + whatIfRun()));
        return p;
    }

    /** A saved what-if run (an empty outcome) to compare. */
    long whatIfRun() {
        org.olive.whatif.Measures m = new org.olive.whatif.Measures(0, 0, 0, 0, 0, 0, 0, 0, 0,
                Map.of("middle_10_50", 0.0), 0, 0, 0);
        org.olive.pipeline.whatif.WhatIfResult r = new org.olive.pipeline.whatif.WhatIfResult("moratorium", "t", P1,
                List.of(), List.of(), 0, 0, Map.of(), Map.of(), List.of(new org.olive.pipeline.whatif.WhatIfResult.Row(
                "county", "", "", m, m)), List.of(), 0, 0);
        try (java.sql.Connection c = dataSource.getConnection()) {
            return org.olive.pipeline.whatif.WhatIfRuns.save(c, "name: moratorium", r, "admin", java.time.Instant.now());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyGetPageOfTheControllersIsVisited() {
        Set<String> routes = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, ?> e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (!NOT_A_PAGE.matcher(pattern).matches()) {
                    routes.add(pattern);
                }
            }
        }
        assertThat(pages().keySet()).as("GET pages of the controllers, each to be rendered by this test")
                .containsAll(routes);
    }

    @Test
    void noPageShowsAnUnresolvedMessageKey() throws Exception {
        Map<String, List<String>> pages = pages();
        List<String> found = new ArrayList<>();
        int rendered = 0;
        for (String user : USERS) {
            MockHttpSession session = web.login(user);
            for (String lang : List.of("zh-CN", "en")) {
                for (List<String> urls : pages.values()) {
                    for (String url : urls) {
                        String u = url + (url.contains("?") ? "&" : "?") + "lang=" + lang;
                        MockHttpServletResponse r = mvc.perform(get(u).session(session)).andReturn().getResponse();
                        String html = r.getContentAsString(StandardCharsets.UTF_8);
                        Matcher m = UNRESOLVED.matcher(html);
                        while (m.find()) {
                            found.add(user + " " + u + " (" + r.getStatus() + "): " + m.group());
                        }
                        rendered += html.isEmpty() ? 0 : 1;
                    }
                }
            }
        }
        // the login page before logging in
        for (String lang : List.of("zh-CN", "en")) {
            String html = mvc.perform(get("/login?lang=" + lang)).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            Matcher m = UNRESOLVED.matcher(html);
            while (m.find()) {
                found.add("anonymous /login?lang=" + lang + ": " + m.group());
            }
        }
        assertThat(rendered).as("pages rendered").isGreaterThan(500);
        assertThat(found).as("unresolved message keys").isEmpty();
    }
}
