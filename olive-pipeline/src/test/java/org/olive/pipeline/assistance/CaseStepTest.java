package org.olive.pipeline.assistance;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olive.assistance.CaseDefinitions;
import org.olive.period.Period;
import org.olive.pipeline.ledger.LedgerCounty;
import org.olive.pipeline.run.RunReport;
import org.olive.pipeline.run.StepContext;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Step cases on a small hand-made ledger (family_income, family_warning and the warnings' county figure rows written
 * with SQL, as steps income and warnings leave them; the V27 tables from the migrations): cases opened from the
 * period's warnings with due dates by colour, a re-run that duplicates nothing and keeps the users' actions, the green
 * mark, a case reopened within the window and a new one after it, and the evaluations 3 and 6 months after the first
 * assistance. The users' actions go through {@link CaseDesk}, whose refusals are checked too.
 */
class CaseStepTest {

    static final String T1 = "330922100", T2 = "330922101";
    static final CaseDefinitions PARAMS = CaseDefinitions.read(new ByteArrayInputStream("""
            cases:
              - valid_from: 2021-01
                values: {due_days_red: 15, due_days_yellow: 30, evaluation_months: [3, 6], reopen_months: 2}
            """.getBytes(StandardCharsets.UTF_8)), "warnings.yaml");

    DataSource ds;

    @BeforeEach
    void database() {
        ds = LedgerCounty.h2Memory();
    }

    /** A family's income row and, unless GREEN, its warning at a period; the period's county figure row. */
    void family(String p, String key, String township, double perCapita, String colour) throws SQLException {
        try (Connection c = ds.getConnection()) {
            exec(c, "INSERT INTO family_income (data_period, family_key, township_code, village_code, urban, residents, "
                    + "disposable, di_low, di_high, per_capita, three_person, medical_oop, after_rigid_monthly, method, "
                    + "monitored_members) VALUES (?, ?, ?, ?, FALSE, 2, ?, 0, 0, ?, 0, 0, 0, 'PRECISE', 2)",
                    p, key, township, township + "001", perCapita * 2, perCapita);
            if (!colour.equals("GREEN")) {
                exec(c, "INSERT INTO family_warning (data_period, family_key, colour, township_code, rules, evidence) "
                        + "VALUES (?, ?, ?, ?, ';x@1;', 'x@1: test')", p, key, colour, township);
            }
            exec(c, "MERGE INTO ledger_figure (data_period, metric, area_code, numerator, denominator, figure, note) KEY "
                    + "(data_period, metric, area_code) VALUES (?, 'warning:RED', '', 0, 0, NULL, 'test')", p);
        }
    }

    RunReport run(String p) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            RunReport report = new RunReport();
            new CaseStep(PARAMS).run(new StepContext(Period.parse(p), c, report));
            c.commit();
            return report;
        }
    }

    long act(long id, CaseDesk.Action a, LocalDate today) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return CaseDesk.act(c, id, a, "cadre", today, "2025-03");
        }
    }

    @Test
    void opensOneCasePerWarnedFamilyWithDueDatesByColourAndReRunsAddNothing() throws SQLException {
        family("2025-01", "F1", T1, 5000, "RED");
        family("2025-01", "F2", T2, 9000, "YELLOW");
        family("2025-01", "F3", T1, 40000, "GREEN");
        RunReport r = run("2025-01");
        assertThat(r.counts()).containsEntry("cases_opened", 2L).containsEntry("cases_open", 2L);
        assertThat(rows("SELECT family_key, township_code, village_code, colour, state, opened_period, due_on FROM "
                + "assistance_case ORDER BY family_key")).containsExactly(
                List.of("F1", T1, T1 + "001", "RED", "DISCOVERED", "2025-01", "2025-02-15"),
                List.of("F2", T2, T2 + "001", "YELLOW", "DISCOVERED", "2025-01", "2025-03-02"));
        long f1 = id("F1");
        act(f1, new CaseDesk.Action("VISIT", LocalDate.of(2025, 2, 3), "visited", null, null, null, null),
                LocalDate.of(2025, 2, 10));
        try (Connection c = ds.getConnection()) { // olive cases' read model: overdue on 2025-02-20 is the red one
            CaseReport report = CaseReport.read(c, Period.parse("2025-01"), null, LocalDate.of(2025, 2, 20));
            assertThat(report.stored()).isTrue();
            assertThat(report.opened()).containsEntry("RED", 1L).containsEntry("YELLOW", 1L);
            assertThat(report.overdue()).isEqualTo(1);
            assertThat(report.cases()).extracting(CaseReport.Row::familyKey).containsExactly("F1", "F2");
            assertThat(report.cases().get(0).actions()).isEqualTo(1);
            assertThat(CaseReport.read(c, Period.parse("2025-01"), T2, LocalDate.of(2025, 2, 20)).cases())
                    .extracting(CaseReport.Row::familyKey).containsExactly("F2");
            assertThat(report.toCsv()).startsWith("period,case_id,").contains(",F1,330922100,RED,DISCOVERED,");
        }
        // a re-run of the period: no new case, the user's visit kept
        assertThat(run("2025-01").counts()).containsEntry("cases_opened", 0L);
        assertThat(count("SELECT COUNT(*) FROM assistance_case")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM case_action WHERE kind = 'VISIT'")).isEqualTo(1);
        // the next month: still warned (an open case: none opened), F2 green (marked, not closed), F3 newly yellow
        family("2025-02", "F1", T1, 5000, "RED");
        family("2025-02", "F2", T2, 30000, "GREEN");
        family("2025-02", "F3", T1, 9000, "YELLOW");
        r = run("2025-02");
        assertThat(r.counts()).containsEntry("cases_opened", 1L).containsEntry("cases_green", 1L);
        assertThat(rows("SELECT family_key, state, green_period FROM assistance_case ORDER BY family_key")).containsExactly(
                List.of("F1", "DISCOVERED", "null"), List.of("F2", "DISCOVERED", "2025-02"),
                List.of("F3", "DISCOVERED", "null"));
        // a re-run on changed data: F3 no longer warned at 2025-02, its untouched case withdrawn; F1's kept
        try (Connection c = ds.getConnection()) {
            exec(c, "DELETE FROM family_warning WHERE data_period = '2025-02' AND family_key = 'F3'");
        }
        assertThat(run("2025-02").counts()).containsEntry("cases_withdrawn", 1L).containsEntry("cases_opened", 0L);
        assertThat(rows("SELECT family_key FROM assistance_case ORDER BY family_key"))
                .containsExactly(List.of("F1"), List.of("F2"));
    }

    @Test
    void aClosedCaseIsReopenedWithinTheWindowAndANewOneOpenedAfterIt() throws SQLException {
        family("2025-01", "F1", T1, 5000, "RED");
        family("2025-01", "F2", T1, 5000, "YELLOW");
        run("2025-01");
        LocalDate today = LocalDate.of(2025, 2, 1);
        assertThatThrownBy(() -> act(id("F1"), new CaseDesk.Action("STATE", null, " ", null, null, null, "CLOSED"), today))
                .isInstanceOf(CaseDesk.CaseException.class).hasMessage("reason: required to close a case");
        assertThatThrownBy(() -> act(id("F1"), new CaseDesk.Action("STATE", null, "x", null, null, null, "EVALUATING"),
                today)).hasMessageContaining("DISCOVERED cannot move to EVALUATING");
        for (String f : List.of("F1", "F2")) {
            try (Connection c = ds.getConnection()) {
                CaseDesk.act(c, id(f), new CaseDesk.Action("STATE", null, "moved away", null, null, null, "CLOSED"),
                        "cadre", today, "2025-01");
            }
        }
        assertThatThrownBy(() -> act(id("F1"), new CaseDesk.Action("VISIT", null, "x", null, null, null, null), today))
                .hasMessageContaining("is closed");
        // F1 red again 2 months after the closing period: reopened (same case); F2 3 months after: a new case
        family("2025-03", "F1", T1, 5000, "RED");
        RunReport r = run("2025-03");
        assertThat(r.counts()).containsEntry("cases_reopened", 1L).containsEntry("cases_opened", 0L);
        family("2025-04", "F1", T1, 5000, "RED");
        family("2025-04", "F2", T1, 5000, "YELLOW");
        r = run("2025-04");
        assertThat(r.counts()).containsEntry("cases_reopened", 0L).containsEntry("cases_opened", 1L);
        assertThat(rows("SELECT family_key, state, reopened_period, close_reason, due_on FROM assistance_case ORDER BY id"))
                .containsExactly(List.of("F1", "REOPENED", "2025-03", "null", "2025-04-15"),
                        List.of("F2", "CLOSED", "null", "moved away", "2025-03-02"),
                        List.of("F2", "DISCOVERED", "null", "null", "2025-05-30"));
        assertThat(rows("SELECT to_state, username FROM case_action WHERE case_id = " + id("F1") + " AND kind = 'STATE' "
                + "ORDER BY id")).containsExactly(List.of("DISCOVERED", "olive"), List.of("CLOSED", "cadre"),
                List.of("REOPENED", "olive"));
    }

    @Test
    void evaluatesThreeAndSixMonthsAfterTheFirstAssistance() throws SQLException {
        family("2025-01", "F1", T1, 5000, "RED");
        run("2025-01");
        long f1 = id("F1");
        assertThatThrownBy(() -> act(f1, new CaseDesk.Action("ASSISTANCE", null, null, " ", null, null, null),
                LocalDate.of(2025, 2, 1))).hasMessage("assistance: a policy or a one-off amount is required");
        assertThatThrownBy(() -> act(f1, new CaseDesk.Action("VISIT", LocalDate.of(2025, 3, 1), "x", null, null, null,
                null), LocalDate.of(2025, 2, 1))).hasMessageContaining("later than today");
        act(f1, new CaseDesk.Action("ASSISTANCE", LocalDate.of(2025, 2, 10), null, "临时救助", new BigDecimal("2000"), null,
                null), LocalDate.of(2025, 2, 10));
        assertThat(rows("SELECT state FROM assistance_case")).containsExactly(List.of("ASSISTING"));
        family("2025-02", "F1", T1, 5200, "RED");
        for (String p : List.of("2025-03", "2025-04")) {
            family(p, "F1", T1, 8000, "YELLOW");
        }
        run("2025-02");
        run("2025-03");
        assertThat(count("SELECT COUNT(*) FROM case_evaluation")).isZero();
        assertThat(run("2025-05").counts()).containsEntry("cases_evaluated", 1L); // F1 has no figure at 2025-05
        family("2025-05", "F1", T1, 12000, "GREEN");
        run("2025-05"); // the re-run replaces the evaluation
        assertThat(rows("SELECT months_after, data_period, assisted_period, per_capita_before, per_capita_after, "
                + "colour_before, colour_after FROM case_evaluation")).containsExactly(
                List.of("3", "2025-05", "2025-02", "5200.00", "12000.00", "RED", "GREEN"));
        assertThat(rows("SELECT state FROM assistance_case")).containsExactly(List.of("EVALUATING"));
        family("2025-08", "F1", T1, 9000, "YELLOW");
        run("2025-08");
        assertThat(rows("SELECT months_after, per_capita_after, colour_after FROM case_evaluation ORDER BY months_after"))
                .containsExactly(List.of("3", "12000.00", "GREEN"), List.of("6", "9000.00", "YELLOW"));
        assertThat(count("SELECT COUNT(*) FROM case_action WHERE to_state = 'EVALUATING'")).isEqualTo(1);
    }

    long id(String family) throws SQLException {
        return count("SELECT MAX(id) FROM assistance_case WHERE family_key = '" + family + "'");
    }

    long count(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<List<String>> rows(String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(String.valueOf(rs.getObject(i)));
                }
                out.add(row);
            }
        }
        return out;
    }

    static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
