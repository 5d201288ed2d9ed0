package org.olive.app.policy.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.olive.period.Period;
import org.olive.pipeline.county.CountyProfile;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy statistics report in Chinese, as XLSX and PDF with the Chinese font embedded. */
class PolicyStatisticsTest {

    static final Period P = Period.parse("2024-06");

    static Connection ledger() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:policy-stats-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        Connection c = h2.getConnection();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO policy_match (data_period, policy_code, policy_version, "
                + "subject_kind, subject_key, township_code, status, eligible_amount, received_amount) VALUES "
                + "('2024-06', ?, ?, 'PERSON', ?, ?, ?, ?, ?)")) {
            Object[][] rows = {
                    {"OLD_AGE_ALLOWANCE", "OLD_AGE_ALLOWANCE@1", "1", "330922100", "COVERED", 100.0, 100.0},
                    {"OLD_AGE_ALLOWANCE", "OLD_AGE_ALLOWANCE@1", "2", "330922100", "MISSED", 200.0, 0.0},
                    {"OLD_AGE_ALLOWANCE", "OLD_AGE_ALLOWANCE@1", "3", "330922101", "COVERED", 100.0, 100.0},
                    {"SKILL_BONUS", "SKILL_BONUS@1", "4", "330922101", "LEAKAGE", null, 1000.0}};
            for (Object[] r : rows) {
                for (int i = 0; i < r.length; i++) {
                    ps.setObject(i + 1, r[i]);
                }
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_figure (data_period, metric, area_code, numerator, "
                + "denominator, figure, note) VALUES ('2024-06', ?, ?, ?, ?, ?, 'n')")) {
            Object[][] rows = {{"key_group_policy_coverage", "", 30L, 40L, 0.75}, {"policy_group:hardship", "", 10L, 20L, 0.5},
                    {"policy:OLD_AGE_ALLOWANCE", "", 2L, 3L, 2.0 / 3}};
            for (Object[] r : rows) {
                for (int i = 0; i < r.length; i++) {
                    ps.setObject(i + 1, r[i]);
                }
                ps.executeUpdate();
            }
        }
        return c;
    }

    @Test
    void theReportInChineseAsAWorkbook() throws Exception {
        PolicyStatistics s;
        try (Connection c = ledger()) {
            s = PolicyStatistics.read(c, CountyProfile.builtIn(), P);
        }
        assertThat(s.stored()).isTrue();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(s.xlsx()))) {
            List<String> sheets = new ArrayList<>();
            wb.getSheets().forEach(x -> sheets.add(x.getName()));
            assertThat(sheets).containsExactly("总体情况", "分政策", "分乡镇", "重点群体覆盖");
            List<Row> summary = wb.getSheet(0).orElseThrow().read();
            assertThat(summary.get(0).getCellText(0)).isEqualTo("嵊泗县惠民政策落实情况统计报告（2024年6月）");
            assertThat(summary).anySatisfy(r -> {
                assertThat(r.getCellText(0)).isEqualTo("政策覆盖率");
                assertThat(r.getCellText(1)).isEqualTo("66.7%");
            });
            List<Row> policies = wb.getSheet(1).orElseThrow().read();
            assertThat(policies.get(0).getCellText(1)).isEqualTo("政策名称");
            Row old = policies.stream().filter(r -> "OLD_AGE_ALLOWANCE".equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(old.getCellText(1)).isEqualTo("高龄津贴");
            assertThat(old.getCellAsNumber(6).orElseThrow().intValue()).isEqualTo(3);
            assertThat(old.getCellAsNumber(8).orElseThrow().intValue()).isEqualTo(1);
            List<Row> towns = wb.getSheet(2).orElseThrow().read();
            assertThat(towns).anySatisfy(r -> assertThat(r.getCellText(0)).isEqualTo("菜园镇"));
        }
    }

    @Test
    void thePdfEmbedsTheChineseFontAndReadsBack() throws Exception {
        PolicyStatistics s;
        try (Connection c = ledger()) {
            s = PolicyStatistics.read(c, CountyProfile.builtIn(), P);
        }
        byte[] pdf;
        try {
            pdf = s.pdf();
        } catch (IllegalStateException e) {
            // a machine without a Chinese font: the message says how to get one; CI installs fonts-wqy-zenhei
            assertThat(System.getenv("CI")).as("no Chinese font under CI: " + e.getMessage()).isNull();
            assertThat(e.getMessage()).contains("fonts-wqy-zenhei");
            return;
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("嵊泗县惠民政策落实情况统计报告（2024年6月）").contains("高龄津贴").contains("75.0%");
            List<PDFont> fonts = new ArrayList<>();
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                fonts.add(doc.getPage(0).getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).isTrue());
        }
    }
}
