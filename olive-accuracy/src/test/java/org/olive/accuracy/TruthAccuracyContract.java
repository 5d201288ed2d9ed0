package org.olive.accuracy;

import org.olive.pipeline.figure.RunFigure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.olive.family.FamilyBuilder;
import org.olive.income.FamilyIncomeRules;
import org.olive.period.Period;
import org.olive.pipeline.income.IncomeSettings;
import org.olive.pipeline.ingest.PeriodIngest;
import org.olive.pipeline.ledger.LedgerCounty;
import org.olive.pipeline.ledger.LedgerResult;
import org.olive.pipeline.ledger.LedgerRun;
import org.olive.pipeline.ledger.LedgerSettings;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The accuracy step added to the ledger runs of olive-pipeline's generated test county (three months, the real family
 * builder), as {@code olive run} adds it; the same contract on H2 and PostgreSQL. March is also run without the step
 * first: that run has only the production figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TruthAccuracyContract {

    abstract DataSource database();

    static final FamilyIncomeRules RULES = IncomeSettings.builtIn().family();
    DataSource ds;
    LedgerRun ledger;
    final Map<Period, LedgerResult> results = new HashMap<>();
    LedgerResult production;
    List<String> productionRows;

    @BeforeAll
    void ingestAndRun() throws SQLException {
        ds = database();
        PeriodIngest ingest = PeriodIngest.withDefaults(ds);
        for (Period p : LedgerCounty.MONTHS) {
            ingest.ingest(LedgerCounty.generated().resolve(p.toString()), p);
        }
        LedgerSettings s = LedgerSettings.builtIn();
        ledger = new LedgerRun(ds, s, new FamilyBuilder(s.family())::build, m -> { });
        for (Period p : LedgerCounty.MONTHS) {
            if (p.equals(LedgerCounty.MARCH)) {
                production = ledger.run(p);
                productionRows = rows(p);
            }
            LedgerResult r = ledger.run(p, null, TruthAccuracyStep.forPeriod(null, ledger.ingestedFrom(p), p, RULES));
            System.out.print(TruthAccuracyStep.summary(r));
            results.put(p, r);
        }
    }

    static Map<String, RunFigure> figures(LedgerResult r) {
        Map<String, RunFigure> out = new HashMap<>();
        r.figures().stream().filter(f -> f.areaCode().isEmpty()).forEach(f -> out.put(f.metric(), f));
        return out;
    }

    Path truth(Period p) {
        return LedgerCounty.generated().resolve("truth").resolve(p.toString());
    }

    @Test
    void residenceMatchesTheTruth() {
        for (Period p : LedgerCounty.MONTHS) {
            Map<String, RunFigure> f = figures(results.get(p));
            System.out.printf("%s residence precision %.4f (%d/%d) recall %.4f (%d/%d)%n", p,
                    f.get("residence_precision").value(), f.get("residence_precision").numerator(),
                    f.get("residence_precision").denominator(), f.get("residence_recall").value(),
                    f.get("residence_recall").numerator(), f.get("residence_recall").denominator());
            assertThat(f.get("residence_precision").value()).isGreaterThanOrEqualTo(0.98);
            assertThat(f.get("residence_recall").value()).isGreaterThanOrEqualTo(0.98);
            assertThat(f.get("residence_precision").denominator()).isEqualTo(results.get(p).counts().get("resident"));
        }
    }

    /** Olive's side of the headline figures is the indicators step's own POPULATION county figure. */
    @Test
    void headlineFiguresSitBesideTheIndicatorsAndTheTruth() throws SQLException {
        LedgerResult r = results.get(LedgerCounty.MARCH);
        Map<String, RunFigure> f = figures(r);
        System.out.print(HeadlineTruthAccuracy.table(r.figures()));
        for (String m : List.of("per_capita_di", "share_10_50", "share_20_60", "gini", "urban_rural_ratio")) {
            double indicator;
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT figure FROM "
                    + "income_indicator WHERE data_period = ? AND basis = 'POPULATION' AND breakdown = 'COUNTY' AND metric = ?")) {
                ps.setString(1, LedgerCounty.MARCH.toString());
                ps.setString(2, m);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).as(m).isTrue();
                    indicator = rs.getDouble(1);
                }
            }
            assertThat(f.get("headline_" + m + "_olive").value()).as(m).isCloseTo(indicator, within(1e-6 * Math.abs(indicator)));
            assertThat(f.get("headline_" + m + "_truth").value()).as(m).isNotNull();
            assertThat(f.get("headline_" + m + "_error").value()).as(m).isNotNull();
        }
        assertThat(f.get("headline_residents_olive").value()).isEqualTo((double) r.counts().get("resident"));
        assertThat(TruthAccuracyStep.summary(r)).contains("headline figures against the truth")
                .doesNotContain("headline_gini_olive");
    }

    @Test
    void realFamilyBuilderReproducesTheTruth() {
        Map<String, RunFigure> f = figures(results.get(LedgerCounty.MARCH));
        System.out.println("real family builder: family_exact " + f.get("family_exact"));
        assertThat(f.get("family_exact").value()).isGreaterThanOrEqualTo(0.99);
        assertThat(f.get("family_pair_precision").value()).isGreaterThanOrEqualTo(0.99);
    }

    /** The figures are stored with the run: ledger_figure and ledger_run.report hold every one of them. */
    @Test
    void theFiguresAreStoredWithTheRun() throws SQLException {
        for (Period p : LedgerCounty.MONTHS) {
            LedgerResult r = results.get(p);
            assertThat(r.millis()).containsKey(TruthAccuracyStep.NAME);
            List<String> expected = new ArrayList<>();
            r.figures().forEach(f -> expected.add(f.metric() + "|" + f.areaCode() + "|" + f.numerator() + "|" + f.denominator()));
            assertThat(rows(p)).containsExactlyInAnyOrderElementsOf(expected);
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT report FROM ledger_run WHERE id = ?")) {
                ps.setLong(1, r.runId());
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).contains("residence_precision", "income_di_mape", "headline_gini_error");
                }
            }
        }
    }

    /**
     * The metrics of production's figures: pilot indicator 4 (step figures), the warned families by colour (step
     * warnings) and pilot indicator 6 (step groups).
     */
    static final String PRODUCTION = "relationship_accuracy|key_group_monitoring|group:[a-z_]+|warning:(RED|YELLOW)"
            + "|vulnerability_expected|policy:[A-Z0-9_]+|key_group_policy_coverage|policy_group:[a-z_]+";

    /**
     * A run without the step has exactly the production figures: pilot indicators 4 and 6 (per group too), the same as
     * beside the truth.
     */
    @Test
    void aRunWithoutTheTruthHasOnlyTheProductionFigures() {
        assertThat(production.figures()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.metric()).matches(PRODUCTION));
        assertThat(production.millis()).doesNotContainKey(TruthAccuracyStep.NAME);
        assertThat(production.skipped()).doesNotContainKey(TruthAccuracyStep.NAME);
        assertThat(productionRows).hasSize(production.figures().size());
        assertThat(results.get(LedgerCounty.MARCH).figures()).filteredOn(f -> f.metric().matches(PRODUCTION))
                .containsExactlyInAnyOrderElementsOf(production.figures());
        assertThat(TruthAccuracyStep.forPeriod(null, null, LedgerCounty.MARCH, RULES)).isEmpty();
    }

    /**
     * The step compares the ledger stored in the tables: a stored ledger that lists every non-resident as resident
     * (phantoms) shows in precision and the resident count.
     */
    @Test
    void phantomResidentsInTheStoredLedgerLowerPrecision() throws SQLException {
        Period p = LedgerCounty.MARCH;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE person_period SET resident = TRUE WHERE data_period = '" + p + "' AND resident = FALSE");
            }
            Map<String, RunFigure> f = new HashMap<>();
            TruthAccuracyStep.compare(c, p, truth(p), RULES).forEach(x -> f.put(x.metric(), x));
            c.rollback();
            assertThat(f.get("residence_precision").value()).isLessThan(0.95);
            assertThat(f.get("resident_count").value()).isGreaterThan(1.05);
            assertThat(f.get("residence_recall").value()).isEqualTo(1.0);
        }
        assertThat(figures(results.get(p)).get("residence_precision").value()).isGreaterThanOrEqualTo(0.98);
    }

    /** An explicit truth folder without the period: the step says so and adds nothing. */
    @Test
    void anExplicitFolderWithoutThePeriodIsReportedAsSkipped(@org.junit.jupiter.api.io.TempDir Path empty) {
        LedgerResult r = ledger.run(LedgerCounty.FEBRUARY, null, TruthAccuracyStep.forPeriod(empty, null,
                LedgerCounty.FEBRUARY, RULES));
        try {
            assertThat(r.skipped().get(TruthAccuracyStep.NAME)).contains("no truth for 2025-02 under " + empty);
            assertThat(r.figures()).allSatisfy(f -> assertThat(f.metric()).matches(PRODUCTION));
        } finally {
            Period p = LedgerCounty.FEBRUARY;
            results.put(p, ledger.run(p, null, TruthAccuracyStep.forPeriod(null, ledger.ingestedFrom(p), p, RULES)));
        }
    }

    private List<String> rows(Period p) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT metric, area_code, numerator, denominator FROM ledger_figure WHERE data_period = ?")) {
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getLong(3) + "|" + rs.getLong(4));
                }
            }
        }
        return out;
    }
}
