package org.olive.accuracy;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.period.Period;
import org.olive.pipeline.figure.RunFigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy ledger against the truth: right on a right ledger, and a wrong ledger scores lower (the check can fail). */
class PolicyTruthAccuracyTest {

    static final Period P = Period.parse("2024-06");

    @TempDir
    Path dir;

    Connection db(List<String[]> matches) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:policy-truth-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        Connection c = h2.getConnection();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO person (person_key, id_number, first_period, last_period) "
                + "VALUES (?, ?, '2024-01', '2024-06')")) {
            for (int i = 1; i <= 6; i++) {
                ps.setLong(1, i);
                ps.setString(2, "ID" + i);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO family_member (data_period, family_key, person_key, role) "
                + "VALUES ('2024-06', ?, ?, 'head')")) {
            for (int i = 1; i <= 6; i++) {
                ps.setString(1, "F" + i);
                ps.setLong(2, i);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO policy_match (data_period, policy_code, policy_version, "
                + "subject_kind, subject_key, status, received_amount) VALUES ('2024-06', ?, 'x@1', ?, ?, ?, 0)")) {
            for (String[] m : matches) {
                ps.setString(1, m[0]);
                ps.setString(2, m[1]);
                ps.setString(3, m[2]);
                ps.setString(4, m[3]);
                ps.executeUpdate();
            }
        }
        return c;
    }

    void truth() throws Exception {
        Path t = dir.resolve("truth");
        Files.createDirectories(t.resolve("2024-06"));
        // OLD: persons 1, 2, 3 truly eligible; person 4 paid although dead (ineligible); TOPUP: family of person 5
        Files.writeString(t.resolve("policy_eligibility.csv"), """
                period,policy_code,person_id,amount
                2024-06,OLD,ID1,100.00
                2024-06,OLD,ID2,100.00
                2024-06,OLD,ID3,100.00
                2024-06,TOPUP,ID5,300.00
                2024-05,OLD,ID6,100.00
                """);
        Files.writeString(t.resolve("policy_receipts.csv"), """
                period,policy_code,person_id,amount,eligible
                2024-06,OLD,ID1,100.00,true
                2024-06,OLD,ID4,100.00,false
                2024-06,OLD,ID9,100.00,false
                """);
    }

    static double value(List<RunFigure> f, String metric, String area) {
        return f.stream().filter(x -> x.metric().equals(metric) && x.areaCode().equals(area)).findFirst().orElseThrow().value();
    }

    @Test
    void aRightLedgerScoresFullAndAWrongOneLower() throws Exception {
        truth();
        Path period = dir.resolve("truth").resolve("2024-06");
        List<RunFigure> right;
        try (Connection c = db(List.of(
                new String[] {"OLD", "PERSON", "1", "COVERED"}, new String[] {"OLD", "PERSON", "2", "MISSED"},
                new String[] {"OLD", "PERSON", "3", "MISSED"}, new String[] {"OLD", "PERSON", "4", "LEAKAGE"},
                new String[] {"TOPUP", "FAMILY", "F5", "MISSED"}))) {
            right = PolicyTruthAccuracy.compare(c, P, period);
        }
        assertThat(value(right, PolicyTruthAccuracy.ELIGIBLE_PRECISION, "")).isEqualTo(1.0);
        assertThat(value(right, PolicyTruthAccuracy.ELIGIBLE_RECALL, "")).isEqualTo(1.0);
        assertThat(value(right, PolicyTruthAccuracy.LEAKAGE_PRECISION, "OLD")).isEqualTo(1.0);
        // ID9 is unknown to the registry: a truly ineligible payment Olive cannot flag as a known subject
        assertThat(value(right, PolicyTruthAccuracy.LEAKAGE_RECALL, "OLD")).isEqualTo(0.5);

        List<RunFigure> wrong;
        try (Connection c = db(List.of(
                new String[] {"OLD", "PERSON", "1", "COVERED"}, new String[] {"OLD", "PERSON", "6", "MISSED"},
                new String[] {"OLD", "PERSON", "2", "LEAKAGE"}, new String[] {"TOPUP", "FAMILY", "F4", "MISSED"}))) {
            wrong = PolicyTruthAccuracy.compare(c, P, period);
        }
        assertThat(value(wrong, PolicyTruthAccuracy.ELIGIBLE_PRECISION, "")).isEqualTo(1.0 / 3);
        assertThat(value(wrong, PolicyTruthAccuracy.ELIGIBLE_RECALL, "")).isEqualTo(1.0 / 4);
        assertThat(value(wrong, PolicyTruthAccuracy.LEAKAGE_PRECISION, "OLD")).isEqualTo(0.0);
        assertThat(value(wrong, PolicyTruthAccuracy.LEAKAGE_RECALL, "OLD")).isEqualTo(0.0);
        assertThat(PolicyTruthAccuracy.table(wrong)).contains("TOPUP").contains("33.3% (1/3)");
    }
}
