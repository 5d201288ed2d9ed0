package org.olive.accuracy;

import org.olive.pipeline.figure.RunFigure;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.olive.family.FamilyBuilder;
import org.olive.period.Period;
import org.olive.pipeline.income.IncomeSettings;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The precise income ledger against the truth on a generated county of 3,000 persons, 2024-11..2025-01 (the county of
 * olive-pipeline's IncomeLedgerTest): November and December ingested and run, December (with the yearly deliveries) with
 * the accuracy step added to its run, as {@code olive run} adds it. A ledger with shifted incomes must show it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncomeTruthAccuracyTest {

    static final Period NOVEMBER = Period.of(2024, 11);
    static final Period DECEMBER = Period.of(2024, 12);
    static final Period JANUARY = Period.of(2025, 1);

    Path dir;
    DataSource ds;
    LedgerResult december;

    @BeforeAll
    void generateIngestAndRun() throws IOException {
        dir = Files.createTempDirectory("olive-income-county");
        new CountyGenerator(new SynthOptions(dir, 23, 3000, NOVEMBER, JANUARY, FaultRates.defaults(), 5_000)).generate();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:income-truth-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        ds = h2;
        PeriodIngest ingest = PeriodIngest.withDefaults(ds);
        LedgerSettings s = LedgerSettings.builtIn();
        LedgerRun ledger = new LedgerRun(ds, s, new FamilyBuilder(s.family())::build, m -> { });
        for (Period p : List.of(NOVEMBER, DECEMBER)) {
            ingest.ingest(dir.resolve(p.toString()), p);
        }
        ledger.run(NOVEMBER);
        december = ledger.run(DECEMBER, null, TruthAccuracyStep.forPeriod(null, ledger.ingestedFrom(DECEMBER), DECEMBER,
                IncomeSettings.builtIn().family()));
        System.out.print(TruthAccuracyStep.summary(december));
    }

    @AfterAll
    void cleanUp() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    double figure(List<RunFigure> figures, String metric) {
        return figures.stream().filter(f -> f.metric().equals(metric) && f.areaCode().isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("no figure " + metric)).value();
    }

    @Test
    void preciseIncomeIsCloseToTheTruth() {
        // measured on this county (seed 23): see docs/income.md; the bounds leave a margin
        assertThat(figure(december.figures(), "income_di_mape")).isLessThan(BOUND_MAPE);
        assertThat(figure(december.figures(), "income_bracket_agreement")).isGreaterThan(BOUND_BRACKETS);
        assertThat(december.millis()).containsKey(TruthAccuracyStep.NAME);
    }

    /**
     * Measured 0.354 on this module's move (0.337 when the bound was set; two months delivered, scaled to 12, December
     * bonuses ×6); see docs/income.md.
     */
    static final double BOUND_MAPE = 0.45;
    /** Measured 0.771 (0.766 when the bound was set). */
    static final double BOUND_BRACKETS = 0.70;

    /**
     * Education expenditure (学生缴费, rigid expenditure) against the fees the truth says each family's members paid in
     * the delivered months (November and December: meals and sundries; the September term fees are before the
     * window). Measured: see docs/income.md; the bound leaves a margin for the rows the faults take away.
     */
    @Test
    void educationExpenditureIsCloseToTheTruth() {
        assertThat(figure(december.figures(), "income_education_within_10pct")).isGreaterThan(BOUND_EDUCATION);
        assertThat(figure(december.figures(), "income_education_total_ratio")).isBetween(0.9, 1.1);
    }

    static final double BOUND_EDUCATION = 0.85;

    /** A ledger that drops education (or doubles it) fails the bound. */
    @Test
    void aWrongEducationLedgerFailsTheBound() throws SQLException {
        for (String wrong : List.of("0", "education_expense * 2")) {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE family_income SET education_expense = " + wrong + " WHERE data_period = '"
                            + DECEMBER + "'");
                }
                List<RunFigure> figures = TruthAccuracyStep.compare(c, DECEMBER,
                        dir.resolve("truth").resolve(DECEMBER.toString()), IncomeSettings.builtIn().family());
                assertThat(figure(figures, "income_education_within_10pct")).as(wrong).isLessThan(BOUND_EDUCATION);
                c.rollback();
            }
        }
    }

    /** The figures are those of the stored ledger: a ledger whose incomes are doubled fails the bound. */
    @Test
    void doubledIncomesFailTheBound() throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE person_income SET disposable = disposable * 2 WHERE data_period = '" + DECEMBER + "'");
            }
            List<RunFigure> wrong = TruthAccuracyStep.compare(c, DECEMBER,
                    dir.resolve("truth").resolve(DECEMBER.toString()), IncomeSettings.builtIn().family());
            assertThat(figure(wrong, "income_di_mape")).isGreaterThan(BOUND_MAPE);
            c.rollback();
        }
    }
}
