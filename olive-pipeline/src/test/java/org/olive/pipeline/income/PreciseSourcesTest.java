package org.olive.pipeline.income;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olive.period.Period;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Source rules on tiny fixtures (window 2025-01..2025-12, all twelve months delivered). */
class PreciseSourcesTest {

    static final Period P = Period.of(2025, 12);
    static final String A = "330922198001010011";
    Connection c;

    @BeforeEach
    void database() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:sources-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        c = ds.getConnection();
        try (Statement s = c.createStatement()) {
            for (int m = 1; m <= 12; m++) {
                s.execute("INSERT INTO ingest_run (data_period, status, source_dir, started_at) VALUES ('"
                        + Period.of(2025, m) + "', 'SUCCEEDED', '/x', CURRENT_TIMESTAMP)");
            }
        }
    }

    void sql(String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q.replace("$RUN", "(SELECT MIN(id) FROM ingest_run)"));
            }
        }
    }

    PreciseSources read() throws SQLException {
        PreciseSources s = new PreciseSources(c, P, IncomeSettings.builtIn());
        s.readAll();
        return s;
    }

    @Test
    void siBaseOnlyForMonthsWithoutIitWagesAndRepeatsCountOnce() throws SQLException {
        // IIT wages in March (twice the same row: a repeat) and April; SI base 110 with employer March..May
        sql("INSERT INTO income_iit (data_period, run_id, source_file, source_row, person_id, month_period, item, income, tax) "
                        + "VALUES ('2025-03', $RUN, 'iit.csv', 2, '" + A + "', '2025-03', 'WAGES', 6000, 30)",
                "INSERT INTO income_iit (data_period, run_id, source_file, source_row, person_id, month_period, item, income, tax) "
                        + "VALUES ('2025-03', $RUN, 'iit.csv', 3, '" + A + "', '2025-03', 'WAGES', 6000, 30)",
                "INSERT INTO income_iit (data_period, run_id, source_file, source_row, person_id, month_period, item, income, tax) "
                        + "VALUES ('2025-04', $RUN, 'iit.csv', 2, '" + A + "', '2025-04', 'WAGES', 6500, 45)");
        for (String m : new String[]{"03", "04", "05"}) {
            sql("INSERT INTO work_social_insurance (data_period, run_id, source_file, source_row, person_id, employer_uscc, "
                    + "month_period, insurance_type, contribution_base, personal_contribution, employer_contribution) VALUES ('2025-"
                    + m + "', $RUN, 'si.csv', 2, '" + A + "', '91330922MA0000000X', '2025-" + m + "', '110', 5000, 400, 800)");
        }
        PreciseSources s = read();
        var items = s.items.get(A);
        assertThat(items.get("iit_wages").amount).isEqualTo(12_500);
        assertThat(items.get("iit_wages").months()).isEqualTo(2);
        assertThat(items.get("si_base").amount).isEqualTo(5_000);        // May only
        assertThat(items.get("si_base").months()).isEqualTo(1);
        assertThat(items.get("si_personal").amount).isEqualTo(1_200);
        assertThat(items.get("iit_tax").amount).isEqualTo(75);
        assertThat(s.duplicates).containsEntry("income_iit", 1L);
    }

    @Test
    void anIitTaxAboveItsIncomeIsLeftOutAndCounted() throws SQLException {
        // March: tax 3,000 on 6,000 (kept); April: tax 450,000 on 6,500 (a ×10,000 slip: left out, income kept)
        sql("INSERT INTO income_iit (data_period, run_id, source_file, source_row, person_id, month_period, item, income, tax) "
                        + "VALUES ('2025-03', $RUN, 'iit.csv', 2, '" + A + "', '2025-03', 'WAGES', 6000, 3000)",
                "INSERT INTO income_iit (data_period, run_id, source_file, source_row, person_id, month_period, item, income, tax) "
                        + "VALUES ('2025-04', $RUN, 'iit.csv', 2, '" + A + "', '2025-04', 'WAGES', 6500, 450000)");
        PreciseSources s = read();
        var items = s.items.get(A);
        assertThat(items.get("iit_wages").amount).isEqualTo(12_500);
        assertThat(items.get("iit_tax").amount).isEqualTo(3_000);
        assertThat(items.get("iit_tax").months()).isEqualTo(1);
        assertThat(s.implausible).containsEntry("income_iit_tax_above_income", 1L);
    }

    @Test
    void vesselOwnerNetIsCatchTimesMarginLessCrewShares() throws SQLException {
        sql("INSERT INTO work_fishery_vessels (data_period, run_id, source_file, source_row, vessel_no, owner_id, month_period, "
                        + "catch_value) VALUES ('2025-06', $RUN, 'v.csv', 2, 'ZS1', '" + A + "', '2025-06', 100000)",
                "INSERT INTO work_fishery_crew (data_period, run_id, source_file, source_row, vessel_no, person_id, month_period, "
                        + "share) VALUES ('2025-06', $RUN, 'c.csv', 2, 'ZS1', '330922199001010012', '2025-06', 30000)",
                // July: no crew row, the crew-share rule applies
                "INSERT INTO work_fishery_vessels (data_period, run_id, source_file, source_row, vessel_no, owner_id, month_period, "
                        + "catch_value) VALUES ('2025-07', $RUN, 'v.csv', 2, 'ZS1', '" + A + "', '2025-07', 10000)");
        PreciseSources s = read();
        // June: 100,000 × 0.62 − 30,000 = 32,000; July: 10,000 × 0.62 − 10,000 × 0.45 = 1,700
        assertThat(s.items.get(A).get("vessel_owner").amount).isCloseTo(33_700, within(1e-6));
        assertThat(s.items.get("330922199001010012").get("fishery_crew").amount).isEqualTo(30_000);
    }

    @Test
    void rentalsCountTheMonthsActiveAndReplaceIitRentalIncome() throws SQLException {
        sql("INSERT INTO income_property_rentals (data_period, run_id, source_file, source_row, contract_no, landlord_id, "
                        + "monthly_rent, start_date, end_date) VALUES ('2024-10', $RUN, 'r.csv', 2, 'Z1', '" + A + "', 1500, "
                        + "DATE '2024-10-01', DATE '2025-04-15')",
                "INSERT INTO income_iit (data_period, run_id, source_file, source_row, person_id, month_period, item, income, tax) "
                        + "VALUES ('2025-02', $RUN, 'iit.csv', 5, '" + A + "', '2025-02', 'RENTAL', 1500, 60)");
        PreciseSources s = read();
        // active January..April 2025: 4 months × 1,500
        assertThat(s.items.get(A).get("rentals").amount).isEqualTo(6_000);
        assertThat(s.items.get(A)).doesNotContainKey("iit_rental");
        assertThat(s.items.get(A).get("iit_tax").amount).isEqualTo(60);
    }

    @Test
    void assistanceIsTheMonthlyAmountTimesTheMonthsActive() throws SQLException {
        for (int m = 9; m <= 12; m++) {
            sql("INSERT INTO income_assistance (data_period, run_id, source_file, source_row, person_id, type, monthly_amount, "
                    + "start_date) VALUES ('" + Period.of(2025, m) + "', $RUN, 'a.csv', 2, '" + A + "', 'DIBAO', 1100, DATE '2025-09-10')");
        }
        PreciseSources s = read();
        assertThat(s.items.get(A).get("assistance").amount).isEqualTo(4_400);
        assertThat(s.items.get(A).get("assistance").months()).isEqualTo(4);
    }

    @Test
    void aPartlyDeliveredWindowIsScaledToTwelveMonths() throws SQLException {
        sql("DELETE FROM ingest_run WHERE data_period < '2025-10'");
        PreciseSources s = read();
        assertThat(s.deliveredMonths).isEqualTo(3);
        assertThat(s.annualize()).isEqualTo(4.0);
    }
}
