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

    Map<String, Long> rowCounts(Period p) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        for (String t : List.of("income_item", "person_income", "family_income")) {
            out.put(t, count("SELECT COUNT(*) FROM " + t + " WHERE data_period = ?", p));
        }
        return out;
    }
}
