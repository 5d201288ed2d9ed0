package org.olive.pipeline.income;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.olive.family.FamilyBuilder;
import org.olive.period.Period;
import org.olive.pipeline.ingest.PeriodIngest;
import org.olive.pipeline.ledger.LedgerResult;
import org.olive.pipeline.ledger.LedgerRun;
import org.olive.pipeline.ledger.LedgerSettings;
import org.olive.synth.CountyGenerator;
import org.olive.synth.FaultRates;
import org.olive.synth.SynthOptions;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The income step inside the ledger run on a generated county of 3,000 persons, 2024-11..2025-01 (so December, with
 * the yearly deliveries, is inside): re-run idempotence and declarations (the accuracy against the truth of this
 * county: olive-accuracy's IncomeTruthAccuracyTest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncomeLedgerTest {

    static final Period NOVEMBER = Period.of(2024, 11);
    static final Period DECEMBER = Period.of(2024, 12);
    static final Period JANUARY = Period.of(2025, 1);

    Path dir;
    DataSource ds;
    LedgerRun ledger;
    final Map<Period, LedgerResult> results = new HashMap<>();

    @BeforeAll
    void generateIngestAndRun() throws IOException {
        dir = Files.createTempDirectory("olive-income-county");
        new CountyGenerator(new SynthOptions(dir, 23, 3000, NOVEMBER, JANUARY, FaultRates.defaults(), 5_000)).generate();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:income-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        ds = h2;
        PeriodIngest ingest = PeriodIngest.withDefaults(ds);
        LedgerSettings s = LedgerSettings.builtIn();
        ledger = new LedgerRun(ds, s, new FamilyBuilder(s.family())::build, m -> { });
        for (Period p : List.of(NOVEMBER, DECEMBER, JANUARY)) {
            ingest.ingest(dir.resolve(p.toString()), p);
            LedgerResult r = ledger.run(p);
            System.out.print(r.summary());
            results.put(p, r);
        }
    }

    @AfterAll
    void cleanUp() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** The accuracy against the truth of this county's December is olive-accuracy's IncomeTruthAccuracyTest. */
    /**
     * Rigid expenditure = medical out-of-pocket + education (学生缴费): each family's education_expense is the sum of
     * its members' fee rows delivered in the window (an exact repeat read once; members away included), and
     * after_rigid_monthly subtracts it.
     */
    @Test
    void educationFeesAreSummedOverTheWindowAndSubtracted() throws SQLException {
        double ledger;
        double rows;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT SUM(education_expense), COUNT(*) FROM family_income "
                    + "WHERE data_period = '" + JANUARY + "' AND education_expense > 0")) {
                rs.next();
                ledger = rs.getDouble(1);
                assertThat(rs.getLong(2)).as("families paying school fees").isGreaterThan(50);
            }
            try (ResultSet rs = s.executeQuery("SELECT SUM(COALESCE(tuition, 0) + COALESCE(accommodation, 0) + "
                    + "COALESCE(other_fees, 0)) FROM (SELECT DISTINCT e.data_period, e.person_id, e.school, e.month_period, "
                    + "e.tuition, e.accommodation, e.other_fees, e.paid_date FROM income_education_fee e JOIN person p ON "
                    + "p.id_number = e.person_id JOIN family_member m ON m.person_key = p.person_key AND m.data_period = '"
                    + JANUARY + "' JOIN family_income f ON f.data_period = m.data_period AND f.family_key = m.family_key "
                    + "WHERE e.month_period >= '" + JANUARY.minusMonths(11) + "' AND e.month_period <= '" + JANUARY + "') d")) {
                rs.next();
                rows = rs.getDouble(1);
            }
            assertThat(rows).isPositive();
            assertThat(ledger).isCloseTo(rows, org.assertj.core.data.Percentage.withPercentage(1));
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM family_income WHERE data_period = '" + JANUARY
                    + "' AND ABS(after_rigid_monthly - (disposable - medical_oop - education_expense) / residents / 12) > 0.01")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
        System.out.printf("education: ledger %.2f, delivered rows %.2f%n", ledger, rows);
    }

    /**
     * Policy payments of the 一卡通 (subsidy_payment) are transfer income: one item per payee with its dataset, the
     * payments of the window summed (a policy paid in every delivered month ×12 / the months delivered, like the other
     * monthly sources; yearly and one-off payments as paid) and the first row cited as file:row.
     */
    @Test
    void subsidyPaymentsAreTransferIncomeWithTheirRows() throws SQLException {
        Map<Long, Double> rows = new HashMap<>();
        Map<Long, Double> items = new HashMap<>();
        int delivered;
        int annualised = 0;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(DISTINCT data_period) FROM ingest_run WHERE status = 'SUCCEEDED' "
                    + "AND data_period BETWEEN '" + JANUARY.minusMonths(11) + "' AND '" + JANUARY + "'")) {
                rs.next();
                delivered = rs.getInt(1);
            }
            // per payee and policy: the rows' sum and months; a policy paid in every delivered month is annualised
            try (ResultSet rs = s.executeQuery("SELECT p.person_key, d.policy_code, SUM(d.amount), COUNT(DISTINCT "
                    + "d.month_period) FROM (SELECT DISTINCT person_id, policy_code, month_period, amount FROM "
                    + "income_subsidy_payment WHERE month_period >= '" + JANUARY.minusMonths(11) + "' AND month_period <= '"
                    + JANUARY + "') d JOIN person p ON p.id_number = d.person_id GROUP BY p.person_key, d.policy_code")) {
                while (rs.next()) {
                    int months = rs.getInt(4);
                    double factor = months >= 2 && months >= delivered ? 12.0 / delivered : 1;
                    rows.merge(rs.getLong(1), rs.getDouble(3) * factor, Double::sum);
                    if (factor > 1) {
                        annualised++;
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT person_key, amount, component, dataset, method, record_ref "
                    + "FROM income_item WHERE data_period = '" + JANUARY + "' AND source = 'subsidy_payment'")) {
                while (rs.next()) {
                    items.put(rs.getLong(1), rs.getDouble(2));
                    assertThat(rs.getString(3)).isEqualTo("TRANSFER_IN");
                    assertThat(rs.getString(4)).isEqualTo("income_subsidy_payment");
                    assertThat(rs.getString(5)).isEqualTo("PRECISE");
                    assertThat(rs.getString(6)).contains("惠民惠农补贴发放明细_").containsPattern("\\.csv:\\d+");
                }
            }
        }
        assertThat(items).as("payees with a policy item").hasSizeGreaterThan(50);
        assertThat(annualised).as("monthly allowances in a window of " + delivered + " months").isPositive();
        items.forEach((person, amount) -> assertThat(amount).as("item of person " + person)
                .isCloseTo(rows.getOrDefault(person, 0.0), org.assertj.core.data.Offset.offset(0.05)));
        System.out.printf("subsidy payments: %d payees (%d monthly allowances annualised), items %.2f%n", items.size(),
                annualised, items.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    @Test
    void everyResidentHasAnIncome() {
        assertThat(results.get(DECEMBER).millis()).containsKey("income");
        assertThat(results.get(DECEMBER).counts().get("income_residents")).isEqualTo(results.get(DECEMBER).counts().get("resident"));
    }

    long count(String sql, Period p) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void itemsAddUpToThePersonFigures() throws SQLException {
        assertThat(count("SELECT COUNT(*) FROM person_income pi WHERE pi.data_period = ? AND ABS(pi.wage - COALESCE((SELECT "
                + "SUM(amount) FROM income_item i WHERE i.data_period = pi.data_period AND i.person_key = pi.person_key "
                + "AND i.component = 'WAGE'), 0)) > 0.01", DECEMBER)).isZero();
        assertThat(count("SELECT COUNT(*) FROM person_income WHERE data_period = ? AND ABS(disposable - (wage + business "
                + "+ property + transfer_in - transfer_out)) > 0.01", DECEMBER)).isZero();
        // the December deliveries bring the village dividends and the business reports
        assertThat(count("SELECT COUNT(*) FROM income_item WHERE data_period = ? AND source = 'village_dividend'", DECEMBER)).isPositive();
        assertThat(count("SELECT COUNT(*) FROM income_item WHERE data_period = ? AND source = 'individual_business'", DECEMBER)).isPositive();
        assertThat(count("SELECT COUNT(*) FROM income_item WHERE data_period = ? AND source = 'vessel_owner'", DECEMBER)).isPositive();
        assertThat(count("SELECT COUNT(*) FROM family_income WHERE data_period = ?", DECEMBER)).isPositive();
    }

    @Test
    void reRunReplacesTheRowsAndAppliesDeclarations() throws SQLException {
        Map<String, Long> before = rowCounts(JANUARY);
        long person;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT MIN(person_key) FROM "
                + "person_income WHERE data_period = ? AND resident = TRUE AND wage > 0")) {
            ps.setString(1, JANUARY.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                person = rs.getLong(1);
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO income_declaration (person_key, component, amount, "
                    + "effective_from, reason, declared_by, declared_at) VALUES (?, 'WAGE', 12345.67, '2025-01', "
                    + "'village cadre visit', 'admin', CURRENT_TIMESTAMP)")) {
                ins.setLong(1, person);
                ins.executeUpdate();
            }
        }
        ledger.run(JANUARY);
        Map<String, Long> after = rowCounts(JANUARY);
        assertThat(after.get("person_income")).isEqualTo(before.get("person_income"));
        assertThat(after.get("family_income")).isEqualTo(before.get("family_income"));
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT wage, method FROM "
                + "person_income WHERE data_period = '2025-01' AND person_key = ?")) {
            ps.setLong(1, person);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("12345.67");
                assertThat(rs.getString(2)).isEqualTo("DECLARED");
            }
        }
        assertThat(count("SELECT COUNT(*) FROM income_item WHERE data_period = ? AND component = 'WAGE' AND method <> 'DECLARED' "
                + "AND person_key = " + person, JANUARY)).isZero();
        // withdrawn: the computed figure comes back, and the row counts are those of the first run
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE income_declaration SET "
                + "withdrawn_by = 'admin', withdrawn_at = CURRENT_TIMESTAMP")) {
            ps.executeUpdate();
        }
        ledger.run(JANUARY);
        assertThat(rowCounts(JANUARY)).isEqualTo(before);
    }

    @Test
    void familyFlagsAreRowsThatMatchTheFiguresAndARerunRewritesThemAlike() throws SQLException {
        // every flag row belongs to a family_income row; the bracket rows are the families whose three-person DI is in
        // the bracket (three_person is rounded to fen: families within a fen of a bound may go either way)
        assertThat(count("SELECT COUNT(*) FROM family_flag ff WHERE ff.data_period = ? AND NOT EXISTS (SELECT 1 FROM "
                + "family_income fi WHERE fi.data_period = ff.data_period AND fi.family_key = ff.family_key)", DECEMBER)).isZero();
        long flagged = count("SELECT COUNT(*) FROM family_flag WHERE data_period = ? AND kind = 'BRACKET' "
                + "AND flag_id = 'middle_10_50'", DECEMBER);
        assertThat(flagged).isPositive()
                .isBetween(count("SELECT COUNT(*) FROM family_income WHERE data_period = ? AND three_person >= 100000.01 "
                        + "AND three_person < 499999.99", DECEMBER), count("SELECT COUNT(*) FROM family_income WHERE "
                        + "data_period = ? AND three_person >= 99999.99 AND three_person < 500000.01", DECEMBER));
        assertThat(count("SELECT COUNT(*) FROM family_flag WHERE data_period = ? AND kind = 'LINE' AND flag_id = 'dibao'",
                DECEMBER)).isEqualTo(count("SELECT COUNT(*) FROM family_income WHERE data_period = ? AND per_capita < 11000",
                DECEMBER));
        // a safety-net family is also an assistance target
        assertThat(count("SELECT COUNT(*) FROM family_flag s WHERE s.data_period = ? AND s.flag_id = 'safety_net' AND NOT "
                + "EXISTS (SELECT 1 FROM family_flag a WHERE a.data_period = s.data_period AND a.family_key = s.family_key "
                + "AND a.flag_id = 'assist')", DECEMBER)).isZero();
        assertThat(results.get(DECEMBER).counts().get("income_family_flags"))
                .isEqualTo(count("SELECT COUNT(*) FROM family_flag WHERE data_period = ?", DECEMBER));
        List<String> before = rows("SELECT * FROM family_flag WHERE data_period = ? ORDER BY family_key, kind, flag_id",
                DECEMBER);
        ledger.run(DECEMBER, List.of("income"));
        assertThat(rows("SELECT * FROM family_flag WHERE data_period = ? ORDER BY family_key, kind, flag_id", DECEMBER))
                .isEqualTo(before);
    }

    @Test
    void aThirdBracketAndATownshipsLineAreNewFlagRowsWithoutAMigration() throws IOException, SQLException {
        String town;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT MIN(township_code) FROM "
                + "family_income WHERE data_period = ?")) {
            ps.setString(1, JANUARY.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                town = rs.getString(1);
            }
        }
        String text;
        try (var in = IncomeSettings.class.getResourceAsStream("income.yaml")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Path f = dir.resolve("income-third-bracket.yaml");
        Files.writeString(f, text.replace("brackets:\n", "brackets:\n  - {id: low_5_10, name_zh: 5-10万, name_en: "
                        + "50-100 thousand, basis: PER_CAPITA_TIMES_3, lower: 50000, upper: 100000}\n")
                .replace("    - {from: 2025, amount: 14000}", "    - {from: 2025, amount: 14000}\n"
                        + "    - {from: 2024-12, area: " + town + ", amount: 40000}"));
        LedgerRun edited = new LedgerRun(ds, LedgerSettings.builtIn(), new FamilyBuilder(LedgerSettings.builtIn().family())::build,
                m -> { }, IncomeSettings.load(f), IncomeEstimation.NONE);
        String dibaoIn = "SELECT COUNT(*) FROM family_income fi WHERE fi.data_period = ? AND %s AND EXISTS (SELECT 1 FROM "
                + "family_flag ff WHERE ff.data_period = fi.data_period AND ff.family_key = fi.family_key AND ff.kind = 'LINE' "
                + "AND ff.flag_id = 'dibao')";
        try {
            edited.run(JANUARY, List.of("income"));
            long low = count("SELECT COUNT(*) FROM family_flag WHERE data_period = ? AND kind = 'BRACKET' AND flag_id = 'low_5_10'",
                    JANUARY);
            assertThat(low).isPositive().isBetween(count("SELECT COUNT(*) FROM family_income WHERE data_period = ? AND "
                    + "three_person >= 50000.01 AND three_person < 99999.99", JANUARY), count("SELECT COUNT(*) FROM "
                    + "family_income WHERE data_period = ? AND three_person >= 49999.99 AND three_person < 100000.01", JANUARY));
            // the township's own 低保 (40,000) for its families, the county's (14,000) elsewhere
            assertThat(count(dibaoIn.formatted("fi.township_code = '" + town + "'"), JANUARY)).isPositive()
                    .isEqualTo(count("SELECT COUNT(*) FROM family_income WHERE data_period = ? AND township_code = '" + town
                            + "' AND per_capita < 40000", JANUARY));
            assertThat(count(dibaoIn.formatted("fi.township_code <> '" + town + "'"), JANUARY))
                    .isEqualTo(count("SELECT COUNT(*) FROM family_income WHERE data_period = ? AND township_code <> '" + town
                            + "' AND per_capita < 14000", JANUARY));
            assertThat(rows("SELECT evidence FROM family_flag WHERE data_period = ? AND flag_id = 'dibao' AND evidence "
                    + "LIKE '%40000.00%'", JANUARY)).isNotEmpty().allMatch(e -> e.contains("lines.dibao[4]"));
        } finally {
            ledger.run(JANUARY, List.of("income"));
        }
        assertThat(count("SELECT COUNT(*) FROM family_flag WHERE data_period = ? AND flag_id = 'low_5_10'", JANUARY)).isZero();
    }

    List<String> rows(String sql, Period p) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        b.append(rs.getString(i)).append('|');
                    }
                    out.add(b.toString());
                }
            }
        }
        return out;
    }

    Map<String, Long> rowCounts(Period p) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        for (String t : List.of("income_item", "person_income", "family_income", "family_flag")) {
            out.put(t, count("SELECT COUNT(*) FROM " + t + " WHERE data_period = ?", p));
        }
        return out;
    }
}
