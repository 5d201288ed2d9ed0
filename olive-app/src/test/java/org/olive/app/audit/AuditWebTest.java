package org.olive.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olive.app.OliveWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 11 item 14: {@code /admin/audit} showed only the latest 200 events, with no paging, filter or export. Each
 * test writes events under its own actor name so that the shared context's other events do not matter.
 */
@OliveWebTest
class AuditWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @Autowired
    ZoneId displayZone;

    private MockHttpSession admin;

    @BeforeEach
    void login() throws Exception {
        admin = (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password(OliveWebTest.PASSWORD))
                .andExpect(authenticated()).andReturn().getRequest().getSession(false);
    }

    private void record(String actor, AuditAction action, String subjectType, String subjectId, String detail) {
        audit.record(new AuditEvent(null, null, actor, "ANALYST", action, subjectType, subjectId,
                AuditEvent.Outcome.SUCCESS, "127.0.0.1", detail));
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.session(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static int rows(String html) {
        Matcher m = Pattern.compile("<tr(?: class=\"failure\")?>\\s*<td class=\"mono\">\\d{4}-").matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void anEventOlderThanTheLatestTwoHundredIsFoundByPagingAndByFilter() throws Exception {
        record("pager", AuditAction.VIEW_PERSONAL_DATA, "FAMILY", "F-NEEDLE", "the oldest");
        for (int i = 0; i < 259; i++) {
            record("pager", AuditAction.VIEW_PERSONAL_DATA, "PERSON", "P" + i, "view " + i);
        }
        String first = page(get("/admin/audit").param("actor", "pager"));
        assertThat(first).contains("共 260 条", "第 1 / 6 页", "view 258").doesNotContain("F-NEEDLE");
        assertThat(rows(first)).isEqualTo(50);
        String last = page(get("/admin/audit").param("actor", "pager").param("page", "6"));
        assertThat(last).contains("第 6 / 6 页", "FAMILY F-NEEDLE", "the oldest", "rel=\"prev\"")
                .doesNotContain("rel=\"next\"");
        assertThat(rows(last)).isEqualTo(10);
        // a page past the end shows the last one
        assertThat(page(get("/admin/audit").param("actor", "pager").param("page", "99"))).contains("第 6 / 6 页");
        String needle = page(get("/admin/audit").param("subjectType", "FAMILY").param("subjectId", "F-NEEDLE"));
        assertThat(needle).contains("共 1 条", "the oldest");
    }

    @Test
    void filtersByActionAndDate() throws Exception {
        record("filterer", AuditAction.LEDGER_DECISION, "CONFLICT", "C1", "decided");
        record("filterer", AuditAction.DATA_ENTERED, "INDICATOR", "I1", "entered");
        String decisions = page(get("/admin/audit").param("actor", "filterer").param("action", "LEDGER_DECISION"));
        assertThat(decisions).contains("共 1 条", "decided", "处理一本账案件").doesNotContain("entered");
        assertThat(decisions).contains("<option value=\"LEDGER_DECISION\" selected=\"selected\">");
        LocalDate today = LocalDate.now(displayZone);
        assertThat(page(get("/admin/audit").param("actor", "filterer").param("from", today.toString())
                .param("to", today.toString()))).contains("共 2 条");
        assertThat(page(get("/admin/audit").param("actor", "filterer").param("to", today.minusDays(1).toString())))
                .contains("共 0 条", "暂无记录");
        assertThat(page(get("/admin/audit").param("actor", "filterer").param("from", "2026-13-45")))
                .contains("日期格式应为 YYYY-MM-DD", "共 2 条");
        // the page offers every action and the subject types that occur, in Chinese
        assertThat(decisions).contains("登录锁定", "导出审计日志", "<option value=\"CONFLICT\">CONFLICT</option>");
    }

    @Test
    void csvExportIsFilteredFormulaSafeAndAudited() throws Exception {
        record("exporter", AuditAction.DATA_ENTERED, "INDICATOR", "=HYPERLINK(\"http://evil\")", "+1+1");
        record("exporter", AuditAction.DATA_ENTERED, "INDICATOR", "I2", "@SUM(A1)");
        record("exporter", AuditAction.DATA_ENTERED, "INDICATOR", "I3", "-2+3");
        record("exporter", AuditAction.DATA_ENTERED, "INDICATOR", "I4", "\tTab");
        record("exporter", AuditAction.LEDGER_DECISION, "CONFLICT", "C9", "not exported: other action");
        long exportsBefore = audit.count(AuditAction.AUDIT_EXPORTED);

        MockHttpServletResponse r = mvc.perform(get("/admin/audit/export.csv").param("actor", "exporter")
                .param("action", "DATA_ENTERED").session(admin)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(r.getContentType()).startsWith("text/csv");
        assertThat(r.getHeader("Content-Disposition")).startsWith("attachment").contains(".csv");
        byte[] body = r.getContentAsByteArray();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> csv = CSVFormat.DEFAULT.parse(new java.io.StringReader(
                new String(body, 3, body.length - 3, StandardCharsets.UTF_8))).getRecords();
        assertThat(csv.get(0).toList()).containsExactly("编号", "时间", "操作人", "角色", "操作", "操作代码", "对象类型",
                "对象编号", "结果", "来源地址", "说明");
        assertThat(csv).hasSize(5);
        // newest first: I4, I3, I2, the hyperlink
        assertThat(csv.get(1).get(10)).isEqualTo("'\tTab");
        assertThat(csv.get(2).get(10)).isEqualTo("'-2+3");
        assertThat(csv.get(3).get(10)).isEqualTo("'@SUM(A1)");
        assertThat(csv.get(4).get(7)).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(csv.get(4).get(10)).isEqualTo("'+1+1");
        assertThat(csv.get(4).get(2)).isEqualTo("exporter");
        assertThat(csv.get(4).get(4)).isEqualTo("录入数据");
        assertThat(csv.get(4).get(5)).isEqualTo("DATA_ENTERED");

        assertThat(audit.count(AuditAction.AUDIT_EXPORTED)).isEqualTo(exportsBefore + 1);
        AuditEvent export = audit.recent(AuditAction.AUDIT_EXPORTED, 1).get(0);
        assertThat(export.actor()).isEqualTo("admin");
        assertThat(export.actorRole()).isEqualTo("ADMIN");
        assertThat(export.subjectType()).isEqualTo("AUDIT_LOG");
        assertThat(export.detail()).isEqualTo("CSV, 4 events, actor=exporter action=DATA_ENTERED");
    }

    @Test
    void xlsxExportHasTheFilteredEvents() throws Exception {
        record("xlsx.exporter", AuditAction.VIEW_PERSONAL_DATA, "PERSON", "P1", "=1+1");
        record("xlsx.exporter", AuditAction.VIEW_PERSONAL_DATA, "PERSON", "P2", "second");
        byte[] body = mvc.perform(get("/admin/audit/export.xlsx").param("actor", "xlsx.exporter").session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(body))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).getCellText(2)).isEqualTo("操作人");
            assertThat(rows.get(1).getCellText(10)).isEqualTo("second");
            // a text cell, never a formula
            assertThat(rows.get(2).getCellText(10)).isEqualTo("=1+1");
            assertThat(rows.get(2).getCell(10).getFormula()).isNull();
        }
        assertThat(audit.recent(AuditAction.AUDIT_EXPORTED, 1).get(0).detail())
                .isEqualTo("XLSX, 2 events, actor=xlsx.exporter");
    }

    @Test
    void theExportLinksCarryTheFilter() throws Exception {
        record("linker", AuditAction.LOGOUT, "ACCOUNT", "linker", null);
        String html = page(get("/admin/audit").param("actor", "linker").param("action", "LOGOUT"));
        assertThat(html).contains("/admin/audit/export.csv?actor=linker&amp;action=LOGOUT",
                "/admin/audit/export.xlsx?actor=linker&amp;action=LOGOUT", "导出 CSV", "导出 Excel");
    }

    @Test
    void onlyAnAdminExports() throws Exception {
        MockHttpSession analyst = (MockHttpSession) mvc.perform(formLogin("/login").user("analyst")
                .password(OliveWebTest.PASSWORD)).andReturn().getRequest().getSession(false);
        mvc.perform(get("/admin/audit/export.csv").session(analyst)).andExpect(status().isForbidden());
    }
}
