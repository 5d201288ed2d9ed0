package org.olive.pipeline.policy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olive.pipeline.ledger.LedgerCounty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PolicyDesk on the V31 tables: a missed entry's handling appended (the latest row wins, in later periods too), its
 * history newest first, the status column the web filters by, and the refusals (unknown status, no reason for
 * NOT_ELIGIBLE, a subject that is covered, not missed).
 */
class PolicyDeskTest {

    DataSource ds;
    static final LocalDateTime AT = LocalDateTime.of(2025, 4, 2, 9, 30);

    @BeforeEach
    void database() throws SQLException {
        ds = LedgerCounty.h2Memory();
        try (Connection c = ds.getConnection()) {
            match(c, "2025-03", "DIBAO", "FAMILY", "F1", "MISSED");
            match(c, "2025-04", "DIBAO", "FAMILY", "F1", "MISSED");
            match(c, "2025-03", "DIBAO", "FAMILY", "F2", "COVERED");
        }
    }

    static void match(Connection c, String p, String code, String kind, String key, String status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO policy_match (data_period, policy_code, policy_version, "
                + "subject_kind, subject_key, family_key, township_code, status, eligible_amount, received_amount) "
                + "VALUES (?, ?, ?, ?, ?, ?, '330922100', ?, 100.00, 0)")) {
            ps.setString(1, p);
            ps.setString(2, code);
            ps.setString(3, code + "@1");
            ps.setString(4, kind);
            ps.setString(5, key);
            ps.setString(6, key);
            ps.setString(7, status);
            ps.executeUpdate();
        }
    }

    @Test
    void theLatestRowIsTheStatusAndTheHistoryIsKept() throws SQLException {
        try (Connection c = ds.getConnection()) {
            long first = PolicyDesk.handle(c, "DIBAO", "FAMILY", "F1", "2025-03", "todo", " 已联系 ", "officer", AT);
            long second = PolicyDesk.handle(c, "DIBAO", "FAMILY", "F1", "2025-04", "DONE", "已纳入低保", "officer",
                    AT.plusDays(20));
            assertThat(second).isGreaterThan(first);
            List<PolicyDesk.Handling> history = PolicyDesk.history(c, "DIBAO", "FAMILY", "F1");
            assertThat(history).extracting(PolicyDesk.Handling::status).containsExactly("DONE", "TODO");
            assertThat(history.get(1).note()).isEqualTo("已联系");
            assertThat(history.get(0).period()).isEqualTo("2025-04");
            assertThat(PolicyDesk.latest(c, "DIBAO", List.of("F1", "F2"))).containsOnlyKeys("FAMILY:F1")
                    .extractingByKey("FAMILY:F1").extracting(PolicyDesk.Handling::status).isEqualTo("DONE");
            // the status column: DONE for F1 in both periods, TODO for the unhandled
            try (var rs = c.createStatement().executeQuery("SELECT m.data_period, m.subject_key, "
                    + PolicyDesk.statusColumn("m") + " FROM policy_match m ORDER BY m.data_period, m.subject_key")) {
                StringBuilder sb = new StringBuilder();
                while (rs.next()) {
                    sb.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ').append(rs.getString(3))
                            .append(';');
                }
                assertThat(sb.toString()).isEqualTo("2025-03 F1 DONE;2025-03 F2 TODO;2025-04 F1 DONE;");
            }
        }
    }

    @Test
    void badChangesAreRefusedWithTheirReason() throws SQLException {
        try (Connection c = ds.getConnection()) {
            assertThatThrownBy(() -> PolicyDesk.handle(c, "DIBAO", "FAMILY", "F1", "2025-03", "CLOSED", null, "u", AT))
                    .isInstanceOf(PolicyDesk.HandlingException.class).hasMessageContaining("expected one of TODO");
            assertThatThrownBy(() -> PolicyDesk.handle(c, "DIBAO", "FAMILY", "F1", "2025-03", "NOT_ELIGIBLE", " ", "u", AT))
                    .hasMessageContaining("note: required");
            assertThatThrownBy(() -> PolicyDesk.handle(c, "DIBAO", "FAMILY", "F2", "2025-03", "DONE", null, "u", AT))
                    .hasMessageContaining("not on the push list");
            assertThatThrownBy(() -> PolicyDesk.handle(c, "DIBAO", "FAMILY", "F1", "2025-03", "DONE", "x".repeat(1001),
                    "u", AT)).hasMessageContaining("longer than 1000");
            assertThat(PolicyDesk.history(c, "DIBAO", "FAMILY", "F1")).isEmpty();
        }
    }
}
