package org.olive.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.olive.app.OliveWebTest;
import org.olive.app.audit.AuditAction;
import org.olive.app.audit.AuditEvent;
import org.olive.app.audit.AuditLog;
import org.olive.pipeline.ingest.IngestReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The data-intake pages on a database seeded by a real ingest of a tiny synthetic county. */
@OliveWebTest
class IngestWebTest {

    // not after a decimal point: the digits of a fraction (a chart value such as 0.723456789012345678) are no ID
    /** An 18-character ID number standing alone (not the digits of a temporary folder such as /tmp/junit-760783732006940554). */
    static final Pattern FULL_ID = Pattern.compile("(?<![0-9.\\w-])[0-9]{17}[0-9Xx](?![0-9Xx])");

    @TempDir
    static Path county;

    static IngestReport report;

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void seedOnce() throws Exception {
        if (report == null) {
            report = IngestTestData.seed(dataSource, county);
        }
    }

    MockHttpSession login(String username) throws Exception {
        MvcResult r = mvc.perform(formLogin("/login").user(username).password(OliveWebTest.PASSWORD))
                .andExpect(authenticated().withUsername(username)).andReturn();
        return (MockHttpSession) r.getRequest().getSession(false);
    }

    String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** A GB18030 CSV file of the run that has rejected rows. */
    IngestReport.FileReport gb18030FileWithRejects() {
        return report.files().stream()
                .filter(f -> "GB18030".equals(f.encoding()) && f.rejected() > 0).findFirst().orElseThrow();
    }

    @Test
    void runsPageListsTheRunWithItsNumbersAndTheChart() throws Exception {
        String html = page(get("/ingest").session(login("analyst")));
        assertThat(html).contains("<h1>数据接入</h1>", "id=\"runs-table\"", "2023-12", "成功",
                "status-succeeded", "id=\"indicator-chart\"", "data-chart=\"indicator\"", "指标8",
                "/webjars/echarts/", "2023-12 数据质量反馈",
                "id=\"nav-ingest\" aria-current=\"page\" class=\"active\"");
        assertThat(html).contains(String.format("%,d", report.rowsIn()), String.format("%,d", report.loaded()));
        assertThat(html).contains("/ingest/runs/" + report.runId());
    }

    @Test
    void reportPageShowsFilesDatasetsMissingAndTheIndicator() throws Exception {
        String html = page(get("/ingest/runs/" + report.runId()).session(login("admin")));
        IngestReport.FileReport gb = gb18030FileWithRejects();
        assertThat(html).contains("2023-12 数据质量报告", "id=\"files-table\"", "id=\"datasets-table\"",
                "id=\"items-table\"", gb.file(), "GB18030", "UTF-8 byte-order mark", "户籍人口", "公安局",
                "总库数据项当月更新比例", "/ingest/runs/" + report.runId() + "/report.json", "缺报数据集",
                "/rejects.csv?file=");
        java.util.regex.Matcher id = FULL_ID.matcher(html);
        assertThat(id.find()).as("no unmasked ID number on the report page: %s",
                id.find(0) ? html.substring(Math.max(0, id.start() - 200), Math.min(html.length(), id.end() + 50)) : "")
                .isFalse();
    }

    @Test
    void reportJsonIsTheStoredReport() throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/ingest/runs/" + report.runId() + "/report.json")
                .session(login("analyst"))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(r.getContentType()).startsWith("application/json");
        IngestReport parsed = IngestReport.fromJson(r.getContentAsString(StandardCharsets.UTF_8));
        assertThat(parsed.runId()).isEqualTo(report.runId());
        assertThat(parsed.rejected()).isEqualTo(report.rejected());
        assertThat(parsed.dataItems().total()).isEqualTo(report.dataItems().total());
    }

    @Test
    void rejectsPageMasksIdNumbersAndIsAudited() throws Exception {
        MockHttpSession session = login("analyst");
        long before = audit.count(AuditAction.VIEW_PERSONAL_DATA);
        String html = page(get("/ingest/runs/" + report.runId() + "/rejects").session(session));
        assertThat(html).contains("拒绝明细", "id=\"rejects-table\"", "hx-boost=\"true\"", "第 1 / ");
        assertThat(html).contains("********");
        assertThat(FULL_ID.matcher(html).find()).as("no unmasked ID number on the rejects page").isFalse();
        assertThat(audit.count(AuditAction.VIEW_PERSONAL_DATA)).isEqualTo(before + 1);
        AuditEvent e = audit.recent(AuditAction.VIEW_PERSONAL_DATA, 1).get(0);
        assertThat(e.actor()).isEqualTo("analyst");
        assertThat(e.subjectType()).isEqualTo("INGEST_REJECTS");
        assertThat(e.subjectId()).isEqualTo("run " + report.runId());

        // page 2 and a filter: one more audit event each
        String second = page(get("/ingest/runs/" + report.runId() + "/rejects").param("page", "2").session(session));
        assertThat(second).contains("第 2 / ");
        assertThat(FULL_ID.matcher(second).find()).isFalse();
        IngestReport.FileReport gb = gb18030FileWithRejects();
        String filtered = page(get("/ingest/runs/" + report.runId() + "/rejects").param("file", gb.file())
                .session(session));
        assertThat(filtered).contains("rejects.csv?file=", "rejects.xlsx?file=");
        assertThat(FULL_ID.matcher(filtered).find()).isFalse();
        assertThat(audit.count(AuditAction.VIEW_PERSONAL_DATA)).isEqualTo(before + 3);
    }

    @Test
    void csvDownloadOfAGb18030FileIsGb18030WithHeaderAndReasons() throws Exception {
        IngestReport.FileReport gb = gb18030FileWithRejects();
        long before = audit.count(AuditAction.EXPORT_PERSONAL_DATA);
        MockHttpServletResponse r = mvc.perform(get("/ingest/runs/" + report.runId() + "/rejects.csv")
                        .param("file", gb.file()).session(login("analyst")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(r.getContentType()).contains("text/csv").containsIgnoringCase("GB18030");
        assertThat(r.getHeader("Content-Disposition")).contains("attachment", "filename*=UTF-8''");
        byte[] body = r.getContentAsByteArray();
        assertThat(body[0]).as("no byte-order mark for GB18030").isNotEqualTo((byte) 0xEF);
        Charset gb18030 = Charset.forName("GB18030");
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new InputStreamReader(new ByteArrayInputStream(body), gb18030))
                .getRecords();
        List<String> header = records.get(0).toList();
        assertThat(header).endsWith("原行号", "拒绝原因");
        assertThat(header.get(0)).doesNotStartWith("列");
        assertThat(header).doesNotContain("列1");
        long distinctRows = jdbc.sql("SELECT COUNT(DISTINCT source_row) FROM ingest_reject WHERE run_id = :r AND file_name = :f")
                .param("r", report.runId()).param("f", gb.file()).query(Long.class).single();
        assertThat(records).hasSize((int) distinctRows + 1);
        for (CSVRecord rec : records.subList(1, records.size())) {
            assertThat(rec.size()).isEqualTo(header.size());
            assertThat(rec.get(header.size() - 1)).isNotBlank();
        }
        // issue 11, item 8: a plain GET is masked
        assertThat(Masking.holdsId(new String(body, gb18030))).isFalse();
        assertThat(audit.count(AuditAction.EXPORT_PERSONAL_DATA)).isEqualTo(before + 1);

        // unmasked for the department that must correct its rows: a POST with a reason, audited with it
        mvc.perform(post("/ingest/runs/" + report.runId() + "/rejects.csv").with(csrf()).param("file", gb.file())
                .session(login("analyst"))).andExpect(status().isBadRequest());
        byte[] full = mvc.perform(post("/ingest/runs/" + report.runId() + "/rejects.csv").with(csrf())
                        .param("file", gb.file()).param("reason", "退回公安局更正").session(login("analyst")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(full, gb18030)).doesNotContain("********");
        assertThat(audit.count(AuditAction.EXPORT_PERSONAL_DATA)).isEqualTo(before + 2);
        assertThat(jdbc.sql("SELECT detail FROM audit_event ORDER BY id DESC LIMIT 1").query(String.class).single())
                .contains("UNMASKED", "退回公安局更正");
        byte[] xlsx = mvc.perform(post("/ingest/runs/" + report.runId() + "/rejects.xlsx").with(csrf())
                        .param("file", gb.file()).param("reason", "退回公安局更正").session(login("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(xlsx).startsWith((byte) 'P', (byte) 'K');
    }

    @Test
    void xlsxDownloadOpens() throws Exception {
        IngestReport.FileReport gb = gb18030FileWithRejects();
        MockHttpServletResponse r = mvc.perform(get("/ingest/runs/" + report.runId() + "/rejects.xlsx")
                        .param("file", gb.file()).session(login("admin")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(r.getContentType()).isEqualTo(IngestController.XLSX.toString());
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            Sheet sheet = wb.getFirstSheet();
            List<Row> rows = sheet.read();
            assertThat(rows.get(0).getCellText(rows.get(0).getCellCount() - 1)).isEqualTo("拒绝原因");
            assertThat(rows.get(0).getCellText(rows.get(0).getCellCount() - 2)).isEqualTo("原行号");
            assertThat(rows).hasSizeGreaterThan(1);
        }
    }

    @Test
    void failedAndRunningRunsShowTheirStatusAndError() throws Exception {
        long failed = jdbc.sql("INSERT INTO ingest_run (data_period, status, started_at, finished_at, source_dir, error) "
                        + "VALUES ('2023-11', 'FAILED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '/nowhere', "
                        + "'disk full while loading')")
                .update() == 1 ? jdbc.sql("SELECT MAX(id) FROM ingest_run").query(Long.class).single() : -1;
        jdbc.sql("INSERT INTO ingest_run (data_period, status, started_at, source_dir) "
                + "VALUES ('2023-10', 'RUNNING', CURRENT_TIMESTAMP, '/nowhere')").update();
        MockHttpSession session = login("analyst");
        String list = page(get("/ingest").session(session));
        assertThat(list).contains("status-failed", ">失败<", "status-running", ">进行中<");
        String html = page(get("/ingest/runs/" + failed).session(session));
        assertThat(html).contains("本次运行失败，已全部回滚：disk full while loading", "status-failed");
        assertThat(html).doesNotContain("report.json");
        mvc.perform(get("/ingest/runs/" + failed + "/report.json").session(session)).andExpect(status().isNotFound());
    }

    @Test
    void unknownRunOrFileIsNotFound() throws Exception {
        MockHttpSession session = login("analyst");
        mvc.perform(get("/ingest/runs/99999").session(session)).andExpect(status().isNotFound());
        mvc.perform(get("/ingest/runs/" + report.runId() + "/rejects.csv").param("file", "../../etc/passwd")
                .session(session)).andExpect(status().isNotFound());
    }

    @Test
    void feedbackListsDepartmentsWithReasonsMissingAndDownloads() throws Exception {
        String html = page(get("/ingest/feedback").param("period", "2023-12").session(login("analyst")));
        assertThat(html).contains("2023-12 数据质量反馈", "公安局", "人力社保局", "拒绝原因", "退回文件",
                "rejects.csv?file=", "人口一本账建成后");
        assertThat(FULL_ID.matcher(html).find()).isFalse();
    }

    @Test
    void feedbackListsTheEditedAmountsOfTheDepartment() throws Exception {
        IngestReport.FileReport iit = report.files().stream().filter(f -> "iit".equals(f.dataset())).findFirst().orElseThrow();
        jdbc.sql("INSERT INTO amount_edit (data_period, dataset, source_file, source_row, field, person_id, month_period, "
                + "original_value, edited_value, action, rule_id, rule_version, evidence, edited_in) VALUES ('2023-12', "
                + "'income_iit', :f, 7, 'income', '330922198001010011', '2023-12', 1300010.00, 13000.10, 'CORRECTED', "
                + "'IIT-TAX', 1, 'income 1,300,010.00 with tax 152.25', '2023-12')").param("f", iit.file()).update();
        try {
            String html = page(get("/ingest/feedback").param("period", "2023-12").session(login("analyst")));
            assertThat(html).contains("数据审核修改的金额（1）", "1300010.00", "13000.10", "IIT-TAX v1",
                    "income 1,300,010.00 with tax 152.25");
            assertThat(html).doesNotContain("330922198001010011");
        } finally {
            jdbc.sql("DELETE FROM amount_edit WHERE data_period = '2023-12'").update();
        }
    }

    @Test
    void englishWithLangEn() throws Exception {
        MockHttpSession session = login("analyst");
        assertThat(page(get("/ingest").param("lang", "en").session(session)))
                .contains("<html lang=\"en\"", "<h1>Data intake</h1>", ">Data intake</a>", "Succeeded",
                        "Indicator 8: master-database data items updated this month");
        assertThat(page(get("/ingest/runs/" + report.runId()).param("lang", "en").session(session)))
                .contains("2023-12 data-quality report", "Missing deliveries", "Encoding");
        assertThat(page(get("/ingest/feedback").param("lang", "en").session(session)))
                .contains("Data-quality feedback, 2023-12", "Reject reasons");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cadre", "policy"})
    void cadresAndPolicyOfficersAreForbidden(String username) throws Exception {
        MockHttpSession session = login(username);
        for (String path : List.of("/ingest", "/ingest/runs/" + report.runId(),
                "/ingest/runs/" + report.runId() + "/report.json", "/ingest/runs/" + report.runId() + "/rejects",
                "/ingest/runs/" + report.runId() + "/rejects.csv?file=x", "/ingest/feedback")) {
            mvc.perform(get(path).session(session)).andExpect(status().isForbidden());
        }
        assertThat(page(get("/cockpit").session(session))).doesNotContain("id=\"nav-ingest\"");
    }
}
