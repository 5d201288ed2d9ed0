package org.olive.pipeline.income;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olive.editing.IitSchedule;
import org.olive.period.Period;
import org.olive.pipeline.editing.AmountEditingStep;
import org.olive.pipeline.editing.EditedTables;
import org.olive.pipeline.editing.EditingSettings;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The editing rules on hand-made master rows, and the income sources reading through the edits (window
 * 2025-01..2025-12, all twelve months delivered; docs/editing.md).
 */
class EditedSourcesTest {

    static final Period P = Period.of(2025, 12);
    static final String WAGE_SLIP = "330922198001010011";
    static final String HIGH_EARNER = "330922197502020022";
    static final String ASSISTED = "330922195003030033";
    static final String NEGATIVE_OOP = "330922196004040044";
    static final String OOP_SLIP = "330922196505050055";
    static final String SHORT_HISTORY = "330922199006060066";
    static final String NEW_CASE = "330922194807070077";
    static final IitSchedule SCHEDULE = new IitSchedule(5000, List.of(
            new IitSchedule.Bracket(36000, 0.03, 0), new IitSchedule.Bracket(144000, 0.10, 2520),
            new IitSchedule.Bracket(300000, 0.20, 16920), new IitSchedule.Bracket(420000, 0.25, 31920),
            new IitSchedule.Bracket(660000, 0.30, 52920), new IitSchedule.Bracket(960000, 0.35, 85920),
            new IitSchedule.Bracket(1e15, 0.45, 181920)));
    Connection c;
    int row = 2;

    @BeforeEach
    void database() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:edited-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        c = ds.getConnection();
        try (Statement s = c.createStatement()) {
            for (int m = 1; m <= 12; m++) {
                s.execute("INSERT INTO ingest_run (data_period, status, source_dir, started_at) VALUES ('"
                        + Period.of(2025, m) + "', 'SUCCEEDED', '/x', CURRENT_TIMESTAMP)");
            }
        }
        // a ×100 wage in June with its normal tax; 13,000.10 in the other months
        for (int m = 1; m <= 12; m++) {
            double tax = SCHEDULE.annual(m * 6500.0) - SCHEDULE.annual((m - 1) * 6500.0);
            iit(WAGE_SLIP, m, m == 6 ? 1_300_010.00 : 13_000.10, tax);
        }
        // a high earner, 80,000 a month and a 300,000 bonus in December, every month taxed as it should be
        double cumulative = 0;
        for (int m = 1; m <= 12; m++) {
            double pay = m == 12 ? 380_000 : 80_000;
            double before = SCHEDULE.annual(cumulative);
            cumulative += pay - 5000 - 3000;
            iit(HIGH_EARNER, m, pay, SCHEDULE.annual(cumulative) - before);
        }
        // assistance 988.67 a month, the December listing written ×100
        for (int m = 1; m <= 12; m++) {
            assistance(ASSISTED, m, "低保", m == 12 ? 98_867.00 : 988.67, "2024-06-01");
        }
        // a new 特困 case in December written ×100, among six cases paid 1,200
        for (int i = 0; i < 6; i++) {
            assistance("33092219400101" + String.format(Locale.ROOT, "%04d", 100 + i), 12, "特困", 1200.00, "2025-12-01");
        }
        assistance(NEW_CASE, 12, "特困", 120_000.00, "2025-12-01");
        // medical: a negative self-pay; a self-pay ×100 (total = fund + self-pay tells which)
        medical(NEGATIVE_OOP, 3, 500.00, 317.31, -182.69);
        medical(OOP_SLIP, 4, 583.89, 401.20, 18_269.00);
        medical(OOP_SLIP, 5, 583.89, 401.20, 182.69);
        // platform pay: two months only, one of them ×100
        platform(SHORT_HISTORY, 11, 3000.00);
        platform(SHORT_HISTORY, 12, 300_000.00);
    }

    private void iit(String id, int month, double income, double tax) throws SQLException {
        Period m = Period.of(2025, month);
        sql("INSERT INTO income_iit (data_period, run_id, source_file, source_row, person_id, month_period, item, income, tax, "
                + "withholder_uscc) VALUES ('" + m + "', " + run(m) + ", 'iit_" + m + ".csv', " + row++ + ", '" + id + "', '" + m
                + "', 'WAGES', " + money(income) + ", " + money(tax) + ", '91330922MA2A00000X')");
    }

    private void assistance(String id, int month, String type, double amount, String start) throws SQLException {
        Period m = Period.of(2025, month);
        sql("INSERT INTO income_assistance (data_period, run_id, source_file, source_row, person_id, type, monthly_amount, "
                + "start_date) VALUES ('" + m + "', " + run(m) + ", 'assistance_" + m + ".csv', " + row++ + ", '" + id + "', '"
                + type + "', " + money(amount) + ", DATE '" + start + "')");
    }

    private void medical(String id, int month, double total, double fund, double oop) throws SQLException {
        Period m = Period.of(2025, month);
        sql("INSERT INTO income_medical (data_period, run_id, source_file, source_row, person_id, month_period, total_cost, "
                + "fund_paid, out_of_pocket) VALUES ('" + m + "', " + run(m) + ", 'medical_" + m + ".csv', " + row++ + ", '" + id
                + "', '" + m + "', " + money(total) + ", " + money(fund) + ", " + money(oop) + ")");
    }

    private void platform(String id, int month, double income) throws SQLException {
        Period m = Period.of(2025, month);
        sql("INSERT INTO work_platform_work (data_period, run_id, source_file, source_row, person_id, platform, kind, "
                + "month_period, orders, income) VALUES ('" + m + "', " + run(m) + ", 'platform_" + m + ".csv', " + row++ + ", '"
                + id + "', '美团', 'DELIVERY', '" + m + "', 100, " + money(income) + ")");
    }

    private static String run(Period m) {
        return "(SELECT id FROM ingest_run WHERE data_period = '" + m + "')";
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private void sql(String q) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(q);
        }
    }

    List<AmountEditingStep.Edit> edit(EditingSettings settings) throws SQLException {
        return new AmountEditingStep(settings).run(c, P, new HashMap<>());
    }

    PreciseSources read() throws SQLException {
        PreciseSources s = new PreciseSources(c, P, IncomeSettings.builtIn());
        s.edits = EditedTables.load(c, P.minusMonths(11), P, EditingSettings.builtIn());
        s.readAll();
        return s;
    }

    private static AmountEditingStep.Edit only(List<AmountEditingStep.Edit> edits, String id) {
        List<AmountEditingStep.Edit> mine = edits.stream().filter(e -> id.equals(e.personId())).toList();
        assertThat(mine).as("edits of " + id).hasSize(1);
        return mine.get(0);
    }

    @Test
    void hundredfoldWageWithNormalTaxIsDividedBackAndTheWageLedgerUsesIt() throws SQLException {
        List<AmountEditingStep.Edit> edits = edit(EditingSettings.builtIn());
        AmountEditingStep.Edit e = only(edits, WAGE_SLIP);
        assertThat(e.field()).isEqualTo("income");
        assertThat(e.original()).isEqualTo(1_300_010.00);
        assertThat(e.edited()).isEqualTo(13_000.10);
        assertThat(e.rule().id()).isEqualTo("IIT-TAX");
        assertThat(e.evidence()).contains("confirmed by history");
        PreciseSources s = read();
        assertThat(s.items.get(WAGE_SLIP).get("iit_wages").amount).isEqualTo(12 * 13_000.10, within(0.01));
        assertThat(s.edits.notes(WAGE_SLIP, "income_iit", "iit_wages")).hasSize(1);
        assertThat(s.edits.notes(WAGE_SLIP, "income_iit", "iit_tax")).isEmpty();
    }

    @Test
    void highEarnerWithConsistentTaxAndABonusIsNotEdited() throws SQLException {
        assertThat(edit(EditingSettings.builtIn())).noneMatch(e -> HIGH_EARNER.equals(e.personId()));
        assertThat(read().items.get(HIGH_EARNER).get("iit_wages").amount).isEqualTo(11 * 80_000 + 380_000, within(0.01));
    }

    @Test
    void hundredfoldAssistanceIsDividedBackByHistoryAndANewCaseByPeers() throws SQLException {
        List<AmountEditingStep.Edit> edits = edit(EditingSettings.builtIn());
        AmountEditingStep.Edit e = only(edits, ASSISTED);
        assertThat(e.rule().id()).isEqualTo("HIST");
        assertThat(e.edited()).isEqualTo(988.67);
        AmountEditingStep.Edit p = only(edits, NEW_CASE);
        assertThat(p.rule().id()).isEqualTo("PEER");
        assertThat(p.edited()).isEqualTo(1200.00);
        PreciseSources s = read();
        assertThat(s.items.get(ASSISTED).get("assistance").amount).isEqualTo(12 * 988.67, within(0.01));
        assertThat(s.items.get(NEW_CASE).get("assistance").amount).isEqualTo(1200.00, within(0.01));
    }

    @Test
    void negativeSelfPayIsExcludedAndAHundredfoldOneDividedBack() throws SQLException {
        List<AmountEditingStep.Edit> edits = edit(EditingSettings.builtIn());
        AmountEditingStep.Edit neg = only(edits, NEGATIVE_OOP);
        assertThat(neg.rule().id()).isEqualTo("NEG");
        assertThat(neg.edited()).isNull();
        AmountEditingStep.Edit slip = only(edits, OOP_SLIP);
        assertThat(slip.rule().id()).isEqualTo("IDENTITY");
        assertThat(slip.field()).isEqualTo("out_of_pocket");
        assertThat(slip.edited()).isEqualTo(182.69);
        PreciseSources s = read();
        assertThat(s.medical.get(OOP_SLIP)).isEqualTo(2 * 182.69, within(0.01));
        assertThat(s.medical.getOrDefault(NEGATIVE_OOP, 0.0)).isZero();
    }

    @Test
    void tooLittleHistoryIsNotEdited() throws SQLException {
        assertThat(edit(EditingSettings.builtIn())).noneMatch(e -> SHORT_HISTORY.equals(e.personId()));
    }

    @Test
    void rulesSwitchedOffInTheSettingsEditNothingAndTheSourcesReadTheRecords() throws SQLException {
        EditingSettings off = EditingSettings.builtIn();
        for (String r : List.of("negative", "iit_withholding", "iit_flat_rate", "contribution_rate", "identity", "history",
                "peers")) {
            off = off.withRule(r, false);
        }
        assertThat(edit(off)).isEmpty();
        assertThat(read().items.get(WAGE_SLIP).get("iit_wages").amount).isEqualTo(11 * 13_000.10 + 1_300_010.00, within(0.01));
        // the withholding rule alone still catches the wage, without the history to confirm it
        List<AmountEditingStep.Edit> edits = edit(off.withRule("iit_withholding", true));
        assertThat(only(edits, WAGE_SLIP).edited()).isEqualTo(13_000.10);
    }

    // ------------------------------------------------------------------------------------------------ monthly facts

    private long count(String sql) throws SQLException {
        try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void eachDeliveryIsReducedOnceAndAgainOnlyWhenItOrItsHistoryIsReingested() throws SQLException {
        java.util.Map<String, Long> counts = new HashMap<>();
        new AmountEditingStep(EditingSettings.builtIn()).run(c, P, counts);
        assertThat(counts.get("edit_deliveries_edited")).isEqualTo(12);
        PreciseSources first = read();
        assertThat(first.factDeliveriesBuilt).isEqualTo(12);
        double wage = first.items.get(WAGE_SLIP).get("iit_wages").amount;

        // a second run of the period reads the facts as they are
        counts.clear();
        new AmountEditingStep(EditingSettings.builtIn()).run(c, P, counts);
        assertThat(counts.get("edit_deliveries_edited")).isZero();
        assertThat(read().factDeliveriesBuilt).isZero();
        long edits = count("SELECT COUNT(*) FROM amount_edit");

        // June is ingested again (same rows, a new run): June and the deliveries whose history holds it are rebuilt
        sql("INSERT INTO ingest_run (data_period, status, source_dir, started_at) VALUES ('2025-06', 'SUCCEEDED', '/y', "
                + "CURRENT_TIMESTAMP)");
        long newRun = count("SELECT MAX(id) FROM ingest_run WHERE data_period = '2025-06'");
        sql("UPDATE ingest_run SET status = 'SUPERSEDED' WHERE data_period = '2025-06' AND id <> " + newRun);
        for (String t : List.of("income_iit", "income_assistance", "income_medical", "work_platform_work")) {
            sql("UPDATE " + t + " SET run_id = " + newRun + " WHERE data_period = '2025-06'");
        }
        counts.clear();
        new AmountEditingStep(EditingSettings.builtIn()).run(c, P, counts);
        assertThat(counts.get("edit_deliveries_edited")).isEqualTo(7);   // 2025-06..2025-12
        assertThat(counts.get("edit_history_deliveries_built")).isEqualTo(1);
        PreciseSources again = read();
        assertThat(again.factDeliveriesBuilt).isEqualTo(7);
        assertThat(again.items.get(WAGE_SLIP).get("iit_wages").amount).isEqualTo(wage);
        assertThat(count("SELECT COUNT(*) FROM amount_edit")).isEqualTo(edits);

        // other editing settings re-edit every delivery of the window, and the facts follow
        counts.clear();
        new AmountEditingStep(EditingSettings.builtIn().withRule("history", false)).run(c, P, counts);
        assertThat(counts.get("edit_deliveries_edited")).isEqualTo(12);
    }

    @Test
    void aMonthDeliveredAgainInALaterDeliveryIsReadOnce() throws SQLException {
        // the November row of the high earner, delivered again with December's extract
        Period nov = Period.of(2025, 11);
        double before = SCHEDULE.annual(10 * 72_000.0);
        double tax = SCHEDULE.annual(11 * 72_000.0) - before;
        sql("INSERT INTO income_iit (data_period, run_id, source_file, source_row, person_id, month_period, item, income, tax, "
                + "withholder_uscc) VALUES ('" + P + "', " + run(P) + ", 'iit_" + P + ".csv', " + row++ + ", '" + HIGH_EARNER
                + "', '" + nov + "', 'WAGES', 80000.00, " + money(tax) + ", '91330922MA2A00000X')");
        edit(EditingSettings.builtIn());
        PreciseSources s = read();
        assertThat(s.items.get(HIGH_EARNER).get("iit_wages").amount).isEqualTo(11 * 80_000 + 380_000, within(0.01));
        assertThat(s.duplicates.get("income_iit")).isEqualTo(1L);
    }

    /** A window as text: every fact with every field, in the window's order. */
    private static String text(java.util.Map<String, List<IncomeFacts.Fact>> w) {
        StringBuilder b = new StringBuilder();
        w.forEach((r, facts) -> facts.forEach(f -> b.append(r).append(' ').append(f.person).append(' ').append(f.detail)
                .append(' ').append(f.month).append(' ').append(f.amount).append(' ').append(f.amount2).append(' ')
                .append(f.records).append(' ').append(f.copies).append(' ').append(f.ref).append('\n')));
        return b.toString();
    }

    @Test
    void factsHeldBetweenPeriodsGiveTheColdWindowAndFollowARebuiltDelivery() throws SQLException {
        // December's November row delivered again, so that the fold of repeated facts is part of what is compared
        sql("INSERT INTO income_iit (data_period, run_id, source_file, source_row, person_id, month_period, item, income, tax, "
                + "withholder_uscc) VALUES ('" + P + "', " + run(P) + ", 'iit_" + P + ".csv', " + row++ + ", '" + HIGH_EARNER
                + "', '2025-11', 'WAGES', 80000.00, 1000.00, '91330922MA2A00000X')");
        edit(EditingSettings.builtIn());
        read();
        IncomeFacts.Held held = new IncomeFacts.Held();
        Period nov = P.minusMonths(1);
        assertThat(text(IncomeFacts.window(c, nov.minusMonths(11), nov, held)))
                .isEqualTo(text(IncomeFacts.window(c, nov.minusMonths(11), nov)));
        String cold = text(IncomeFacts.window(c, P.minusMonths(11), P));
        assertThat(cold).contains("2025-11");
        assertThat(text(IncomeFacts.window(c, P.minusMonths(11), P, held))).isEqualTo(cold);
        assertThat(text(IncomeFacts.window(c, P.minusMonths(11), P, held))).isEqualTo(cold);

        // June delivered again with another wage: its facts are rebuilt under a new stamp, and the held window follows
        sql("INSERT INTO ingest_run (data_period, status, source_dir, started_at) VALUES ('2025-06', 'SUCCEEDED', '/y', "
                + "CURRENT_TIMESTAMP)");
        long newRun = count("SELECT MAX(id) FROM ingest_run WHERE data_period = '2025-06'");
        sql("UPDATE ingest_run SET status = 'SUPERSEDED' WHERE data_period = '2025-06' AND id <> " + newRun);
        sql("UPDATE income_iit SET run_id = " + newRun + ", income = 14000.00 WHERE data_period = '2025-06' AND person_id = '"
                + HIGH_EARNER + "'");
        for (String t : List.of("income_assistance", "income_medical", "work_platform_work")) {
            sql("UPDATE " + t + " SET run_id = " + newRun + " WHERE data_period = '2025-06'");
        }
        sql("UPDATE income_iit SET run_id = " + newRun + " WHERE data_period = '2025-06'");
        edit(EditingSettings.builtIn());
        read();
        String rebuilt = text(IncomeFacts.window(c, P.minusMonths(11), P));
        assertThat(rebuilt).isNotEqualTo(cold).contains("14000.0");
        assertThat(text(IncomeFacts.window(c, P.minusMonths(11), P, held))).isEqualTo(rebuilt);
    }
}
