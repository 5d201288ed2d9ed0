package org.olive.app.population;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.olive.app.OliveWebTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** What the ledger web tests share: logging in as a demo user, reading a page, counting audit events. */
public final class LedgerWebSupport {

    /** An unmasked 18-character ID number anywhere in a page. */
    public static final Pattern FULL_ID = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9Xx])");

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    public LedgerWebSupport(MockMvc mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        LedgerTestData.seed(jdbc);
    }

    public MockHttpSession login(String username) throws Exception {
        MvcResult r = mvc.perform(formLogin("/login").user(username).password(OliveWebTest.PASSWORD))
                .andExpect(authenticated().withUsername(username)).andReturn();
        return (MockHttpSession) r.getRequest().getSession(false);
    }

    public String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** Audit events of an action on a subject type (and subject id, when given). */
    public long audits(String action, String subjectType, String subjectId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = :a AND subject_type = :t"
                        + (subjectId == null ? "" : " AND subject_id = :s"))
                .param("a", action).param("t", subjectType)
                .params(subjectId == null ? java.util.Map.of() : java.util.Map.of("s", subjectId))
                .query(Long.class).single();
    }

    /** The detail of the newest audit event of a subject type. */
    public String lastDetail(String subjectType) {
        return jdbc.sql("SELECT detail FROM audit_event WHERE subject_type = :t ORDER BY id DESC LIMIT 1")
                .param("t", subjectType).query(String.class).single();
    }

    /** The cell texts of the row of a table with an attribute value, e.g. {@code data-code="330922100"}. */
    public static List<String> row(String html, String table, String attribute) {
        Matcher t = Pattern.compile("<table[^>]*id=\"" + table + "\".*?</table>", Pattern.DOTALL).matcher(html);
        org.assertj.core.api.Assertions.assertThat(t.find()).as("table " + table).isTrue();
        Matcher r = Pattern.compile("<tr[^>]*" + Pattern.quote(attribute) + "[^>]*>(.*?)</tr>", Pattern.DOTALL)
                .matcher(t.group());
        org.assertj.core.api.Assertions.assertThat(r.find()).as(attribute + " in " + table).isTrue();
        List<String> cells = new ArrayList<>();
        Matcher c = Pattern.compile("<t[dh][^>]*>(.*?)</t[dh]>", Pattern.DOTALL).matcher(r.group(1));
        while (c.find()) {
            cells.add(c.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
        }
        return cells;
    }
}
