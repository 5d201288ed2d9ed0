package org.olive.accuracy.faults;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The truth comparison on a hand-made pipeline outcome, including one that missed faults (it must say so). */
class FaultComparisonTest {

    static final String IIT = "个人所得税扣缴明细_202506.csv";
    static final String SI = "社会保险缴费明细_202506.csv";
    Connection c;

    @BeforeEach
    void database() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:faults-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        c = ds.getConnection();
        sql("INSERT INTO ingest_run (data_period, status, source_dir, started_at) VALUES ('2025-06', 'SUCCEEDED', '/x', CURRENT_TIMESTAMP)",
                "INSERT INTO ingest_file (run_id, data_period, file_name, dataset, encoding, bytes, rows_in, rows_loaded, rows_repaired, "
                        + "rows_rejected, blank_rows, millis) VALUES ((SELECT MIN(id) FROM ingest_run), '2025-06', '" + IIT
                        + "', 'iit', 'GB18030', 1, 10, 9, 1, 1, 0, 1)",
                "INSERT INTO ingest_file (run_id, data_period, file_name, dataset, encoding, bytes, rows_in, rows_loaded, rows_repaired, "
                        + "rows_rejected, blank_rows, millis) VALUES ((SELECT MIN(id) FROM ingest_run), '2025-06', '" + SI
                        + "', 'social_insurance', 'UTF-8', 1, 10, 10, 0, 0, 0, 1)");
    }

    void sql(String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        }
    }

    /** Three absurd amounts (rows 3, 5, 7 as the log counts them), a legacy ID (row 8), a missing crossing. */
    static List<TruthFault> faults() {
        return List.of(
                new TruthFault("ABSURD_AMOUNT", "2025-06", IIT, 4, "收入额", "13000.10", "1300010.00"),
                new TruthFault("ABSURD_AMOUNT", "2025-06", IIT, 6, "已缴税额", "85.66", "-85.66"),
                new TruthFault("ABSURD_AMOUNT", "2025-06", SI, 8, "个人缴费金额", "24.69", "2469.00"),
                new TruthFault("LEGACY_ID_15", "2025-06", IIT, 9, "纳税人识别号", "31011219760310004X", "310112760310004"),
                new TruthFault("MISSING_CROSSING", "2025-06", "进出岛记录_202506.csv", 12, "*", "310112197603100041,x,出岛,2025-06-20 09:00:00,码头", ""),
                new TruthFault("DUPLICATE_ROW", "2025-06", SI, 11, "*", "", "duplicate of row 9"));
    }

    @Test
    void aPipelineThatMissedEverythingReportsZero() throws SQLException {
        FaultReport r = new FaultComparison().compare(c, faults(), "2025-06", "2025-06", 10);
        assertThat(r.type("ABSURD_AMOUNT").total()).isEqualTo(3);
        assertThat(r.type("ABSURD_AMOUNT").detected()).isZero();
        assertThat(r.type("ABSURD_AMOUNT").rate()).isZero();
        assertThat(r.type("ABSURD_AMOUNT").undetected()).hasSize(3);
        assertThat(r.type("LEGACY_ID_15").detected()).isZero();
        assertThat(r.toText()).contains("ABSURD_AMOUNT: 3 undetected");
    }

    @Test
    void rejectsRepairsAndEditsCountAsDetectedAndTheRestIsListed() throws SQLException {
        sql("INSERT INTO ingest_reject (run_id, data_period, dataset, file_name, source_row, field, raw_value, reason, category) "
                        + "VALUES ((SELECT MIN(id) FROM ingest_run), '2025-06', 'iit', '" + IIT + "', 6, '已缴税额', '-85.66', "
                        + "'below the minimum 0', 'below the minimum #')",
                "INSERT INTO ingest_repair (run_id, data_period, dataset, file_name, source_row, field, raw_value, note) VALUES "
                        + "((SELECT MIN(id) FROM ingest_run), '2025-06', 'iit', '" + IIT + "', 9, '纳税人识别号', '310112760310004', "
                        + "'upgraded 15-digit ID number to 18 digits')",
                "INSERT INTO amount_edit (data_period, dataset, source_file, source_row, field, original_value, edited_value, action, "
                        + "rule_id, rule_version, evidence, edited_in) VALUES ('2025-06', 'income_iit', '" + IIT + "', 4, 'income', "
                        + "1300010.00, 13000.10, 'CORRECTED', 'IIT-TAX', 1, 'x', '2025-12')",
                // an edit of another row does not count for the SI fault
                "INSERT INTO amount_edit (data_period, dataset, source_file, source_row, field, original_value, edited_value, action, "
                        + "rule_id, rule_version, evidence, edited_in) VALUES ('2025-06', 'work_social_insurance', '" + SI + "', 9, "
                        + "'personal_contribution', 2469.00, 24.69, 'CORRECTED', 'CONTRIB', 1, 'x', '2025-12')");
        sql("INSERT INTO ingest_reject (run_id, data_period, dataset, file_name, source_row, field, raw_value, reason, category) "
                + "VALUES ((SELECT MIN(id) FROM ingest_run), '2025-06', 'social_insurance', '" + SI + "', 11, '*', '', "
                + "'duplicate key (person_id, employer_uscc, month, insurance_type) of row 10', 'duplicate key')");
        FaultReport r = new FaultComparison().compare(c, faults(), "2025-06", "2025-06", 10);
        assertThat(r.type("DUPLICATE_ROW").detected()).isEqualTo(1);
        FaultReport.TypeLine a = r.type("ABSURD_AMOUNT");
        assertThat(a.detected()).isEqualTo(2);
        assertThat(a.how()).containsEntry("rejected", 1L).containsEntry("edited", 1L);
        assertThat(a.undetected()).singleElement().asString().contains(SI + ":8 个人缴费金额");
        assertThat(r.type("LEGACY_ID_15").rate()).isEqualTo(1.0);
        // no OUT inferred for the person: the missing crossing is missed, and counted as such
        FaultReport.TypeLine m = r.type("MISSING_CROSSING");
        assertThat(m.detected()).isZero();
        assertThat(m.undetected()).hasSize(1);
        assertThat(m.rate()).isZero();
    }

    @Test
    void aMissingCrossingIsDetectedByAnOutInferredAfterThePrecedingIn() throws SQLException {
        // an OUT inferred for another trip (anchored after the dropped crossing) does not count
        sql("INSERT INTO presence_imputation (data_period, person_id, pattern, direction, anchor_at, crossing_at, explanation) "
                + "VALUES ('2025-06', '310112197603100041', 'IN_IN', 'OUT', TIMESTAMP '2025-06-25 08:00:00', "
                + "TIMESTAMP '2025-06-27 08:00:00', 'x')");
        assertThat(new FaultComparison().compare(c, faults(), "2025-06", "2025-06", 10).type("MISSING_CROSSING").detected())
                .isZero();
        sql("INSERT INTO presence_imputation (data_period, person_id, pattern, direction, anchor_at, crossing_at, explanation) "
                + "VALUES ('2025-06', '310112197603100041', 'LAST_IN', 'OUT', TIMESTAMP '2025-06-18 08:00:00', "
                + "TIMESTAMP '2025-06-21 08:00:00', 'x')");
        FaultReport.TypeLine m = new FaultComparison().compare(c, faults(), "2025-06", "2025-06", 10).type("MISSING_CROSSING");
        assertThat(m.detected()).isEqualTo(1);
        assertThat(m.rate()).isEqualTo(1.0);
    }

    @Test
    void aVisitorsMisspeltNameOnACrossingIsNeutralisedAndARegisteredPersonsIsJudgedByTheRegistry() throws SQLException {
        String crossings = "进出岛记录_202506.csv";
        sql("INSERT INTO ingest_file (run_id, data_period, file_name, dataset, encoding, bytes, rows_in, rows_loaded, rows_repaired, "
                        + "rows_rejected, blank_rows, millis) VALUES ((SELECT MIN(id) FROM ingest_run), '2025-06', '" + crossings
                        + "', 'crossings', 'UTF-8', 1, 2, 2, 0, 0, 0, 1)",
                "INSERT INTO basic_crossings (data_period, run_id, source_file, source_row, person_id, name, direction, event_time, "
                        + "port) VALUES ('2025-06', (SELECT MIN(id) FROM ingest_run), '" + crossings + "', 2, '110105194806050068', "
                        + "'汪丽', '进岛', TIMESTAMP '2025-06-02 09:00:00', '码头')");
        List<TruthFault> typo = List.of(new TruthFault("NAME_TYPO", "2025-06", crossings, 2, "姓名", "王丽", "汪丽"));
        FaultReport.TypeLine visitor = new FaultComparison().compare(c, typo, "2025-06", "2025-06", 10).type("NAME_TYPO");
        assertThat(visitor.detected()).isEqualTo(1);
        // the same row of a person in the registry whose name is the misspelt one: the typo reached the ledger
        sql("INSERT INTO person (person_key, id_number, name, first_period, last_period) VALUES (7, '110105194806050068', '汪丽', '2025-06', "
                + "'2025-06')");
        FaultReport.TypeLine registered = new FaultComparison().compare(c, typo, "2025-06", "2025-06", 10).type("NAME_TYPO");
        assertThat(registered.detected()).isZero();
        assertThat(registered.undetected()).hasSize(1);
    }

    @Test
    void faultsOutsideThePeriodsAreLeftOut() throws SQLException {
        FaultReport r = new FaultComparison().compare(c, faults().stream().filter(f -> f.period().equals("2025-07")).toList(),
                "2025-07", "2025-07", 10);
        assertThat(r.types()).allMatch(t -> t.total() == 0);
    }
}
