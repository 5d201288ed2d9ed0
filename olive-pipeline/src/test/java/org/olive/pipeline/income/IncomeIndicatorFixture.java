package org.olive.pipeline.income;

import org.olive.identity.IdNumber;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * A six-resident county for 2025-12 written straight into the V6 tables (plus a non-resident), with its survey, its
 * family ledger and its ingestion; the figures are those of the core CountyIndicatorsTest.
 *
 * <p>F1 urban (330922100001), DI 120 000, persons 1 (M 40), 2 (F 38), 3 (M 10); F2 rural (330922101207), DI 30 000,
 * person 4 (F 70, an open family conflict); F3 rural, DI 150 000, persons 5 (M 50), 6 (F 20). Monitored: 1, 2, 4, 5.
 * Survey 2025: S1 urban, two persons of weight 100, DI 80 000; S2 rural, one person of weight 300, DI 30 000.
 */
public final class IncomeIndicatorFixture {

    public static final String P = "2025-12";
    static final String T1 = "330922100";
    static final String T2 = "330922101";
    static final String V1 = "330922100001";
    static final String V2 = "330922101207";

    private IncomeIndicatorFixture() {
    }

    public static void fill(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO ingest_run (id, data_period, status, started_at, source_dir, items_total, items_updated) "
                    + "VALUES (1, '2025-12', 'SUCCEEDED', CURRENT_TIMESTAMP, 'x', 200, 150), "
                    + "(2, '2025-11', 'SUCCEEDED', CURRENT_TIMESTAMP, 'x', 100, 60), "
                    + "(3, '2024-12', 'SUCCEEDED', CURRENT_TIMESTAMP, 'x', 100, 50), "
                    + "(4, '2025-12', 'SUPERSEDED', CURRENT_TIMESTAMP, 'x', 100, 10)");
            person(s, 1, "F1", T1, V1, true, "M", 40, 100_000, true);
            person(s, 2, "F1", T1, V1, true, "F", 38, 20_000, true);
            person(s, 3, "F1", T1, V1, true, "M", 10, 0, false);
            person(s, 4, "F2", T2, V2, false, "F", 70, 30_000, true);
            person(s, 5, "F3", T2, V2, false, "M", 50, 160_000, true);
            person(s, 6, "F3", T2, V2, false, "F", 20, -10_000, false);
            s.executeUpdate("INSERT INTO person_income (data_period, person_key, family_key, resident, township_code, village_code, "
                    + "urban, sex, age, wage, business, property, transfer_in, transfer_out, disposable, precise_di, estimated, di_low, "
                    + "di_high, method, confidence, monitored) VALUES ('2025-12', 7, 'F1', FALSE, '" + T1 + "', '" + V1 + "', TRUE, "
                    + "'M', 30, 900000, 0, 0, 0, 0, 900000, 900000, 0, 900000, 900000, 'PRECISE', 1, TRUE)");
            family(s, "F1", T1, V1, true, 3, 120_000);
            family(s, "F2", T2, V2, false, 1, 30_000);
            family(s, "F3", T2, V2, false, 2, 150_000);
            for (int k = 1; k <= 6; k++) {
                s.executeUpdate("INSERT INTO person_period (data_period, person_key, registered, resident, floating, separated, "
                        + "township_code) VALUES ('2025-12', " + k + ", TRUE, TRUE, FALSE, FALSE, '" + (k <= 3 ? T1 : T2) + "')");
                s.executeUpdate("INSERT INTO family_member (data_period, family_key, person_key, role) VALUES ('2025-12', '"
                        + (k <= 3 ? "F1" : k == 4 ? "F2" : "F3") + "', " + k + ", 'MEMBER')");
            }
            s.executeUpdate("INSERT INTO family_conflict (id, conflict_key, kind, evidence, options, first_period, last_period, "
                    + "status) VALUES (1, 'k1', 'SPOUSE', 'e', 'o', '2025-12', '2025-12', 'OPEN')");
            s.executeUpdate("INSERT INTO family_conflict_person (conflict_id, person_key) VALUES (1, 4)");
            s.executeUpdate("INSERT INTO ledger_figure (data_period, metric, area_code, numerator, denominator, figure) "
                    + "VALUES ('2025-12', 'relationship_accuracy', '', 5, 6, 0.8333)");
            survey(s, 1, "2025-12", "S1", id(1985, true), V1, "URBAN", 100, 60_000, 0, 0, 0);
            survey(s, 1, "2025-12", "S1", id(1987, false), V1, "URBAN", 100, 20_000, 0, 0, 0);
            survey(s, 1, "2025-12", "S2", id(1950, false), V2, "RURAL", 300, 30_000, 5_000, 1_000, -6_000);
            // superseded delivery of the same year and an older year: neither is read for 2025-12
            survey(s, 4, "2025-12", "S9", id(1990, true), V1, "URBAN", 999, 1_000_000, 0, 0, 0);
            survey(s, 3, "2024-12", "S8", id(1990, true), V1, "URBAN", 50, 10_000, 0, 0, 0);
        }
    }

    public static String id(int year, boolean male) {
        return IdNumber.compose("330922", LocalDate.of(year, 6, 1), 11, male).value();
    }

    private static void person(Statement s, int key, String family, String township, String village, boolean urban, String sex,
                               int age, double di, boolean monitored) throws SQLException {
        s.executeUpdate("INSERT INTO person_income (data_period, person_key, family_key, resident, township_code, village_code, "
                + "urban, sex, age, wage, business, property, transfer_in, transfer_out, disposable, precise_di, estimated, di_low, "
                + "di_high, method, confidence, monitored) VALUES ('2025-12', " + key + ", '" + family + "', TRUE, '" + township
                + "', '" + village + "', " + urban + ", '" + sex + "', " + age + ", " + di + ", 0, 0, 0, 0, " + di + ", " + di
                + ", 0, " + di + ", " + di + ", 'PRECISE', 1, " + monitored + ")");
    }

    private static void family(Statement s, String key, String township, String village, boolean urban, int residents, double di)
            throws SQLException {
        double pc = di / residents;
        s.executeUpdate("INSERT INTO family_income (data_period, family_key, township_code, village_code, urban, residents, disposable, "
                + "di_low, di_high, per_capita, three_person, medical_oop, "
                + "after_rigid_monthly, method, monitored_members) VALUES ('2025-12', '" + key + "', '" + township + "', '"
                + village + "', " + urban + ", " + residents + ", " + di + ", " + di + ", " + di + ", " + pc + ", " + pc * 3
                + ", 0, 0, 'PRECISE', 0)");
    }

    private static void survey(Statement s, long run, String period, String household, String id, String village, String stratum,
                               double weight, double wage, double business, double property, double transfer) throws SQLException {
        s.executeUpdate("INSERT INTO income_survey (data_period, run_id, source_file, source_row, sample_household, person_id, "
                + "stratum, village_code, design_weight, wage, business, property, transfer_net, disposable_income) VALUES ('"
                + period + "', " + run + ", 'survey.xlsx', 1, '" + household + "', '" + id + "', '" + stratum + "', '" + village
                + "', " + weight + ", " + wage + ", " + business + ", " + property + ", " + transfer + ", "
                + (wage + business + property + transfer) + ")");
    }
}
