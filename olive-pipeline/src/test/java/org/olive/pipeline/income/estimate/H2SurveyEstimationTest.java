package org.olive.pipeline.income.estimate;

import static org.assertj.core.api.Assertions.assertThat;

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
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.olive.income.Component;
import org.olive.period.Period;
import org.olive.pipeline.income.EstimationResult;
import org.olive.pipeline.income.PreciseIncome;
import org.olive.pipeline.ingest.PeriodIngest;
import org.olive.pipeline.ledger.LedgerRun;
import org.olive.synth.CountyGenerator;
import org.olive.synth.FaultRates;
import org.olive.synth.SynthOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The estimation on a generated county of about 3,000 persons, 2024-12 (the 2024 survey is delivered) and 2025-01,
 * ingested and ledgered on H2, with simple precise figures ({@link SimplePrecise}) standing in for the income step.
 * Only two months are ingested, so the precise figures cover one or two months of the twelve and the residuals are
 * large: this tests the mechanics and the direction of the correction, not the accuracy (EstimationBenchmark measures
 * that on a county with full years).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2SurveyEstimationTest {

    static final Period DECEMBER = Period.of(2024, 12), JANUARY = Period.of(2025, 1);

    Path dir;
    DataSource ds;
    Map<Long, PreciseIncome> precise;
    EstimationResult result;

    @BeforeAll
    void county() throws IOException, SQLException {
        dir = Files.createTempDirectory("olive-estimation");
        Path county = Files.createDirectories(dir.resolve("county"));
        new CountyGenerator(new SynthOptions(county, 29, 3000, DECEMBER, JANUARY, FaultRates.defaults(), 10_000)).generate();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:estimation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        ds = h2;
        PeriodIngest ingest = PeriodIngest.withDefaults(ds);
        LedgerRun ledger = LedgerRun.withDefaults(ds, m -> { });
        for (Period p : List.of(DECEMBER, JANUARY)) {
            ingest.ingest(county.resolve(p.toString()), p);
            ledger.run(p);
        }
        try (Connection c = ds.getConnection()) {
            SimplePrecise.write(c, DECEMBER);
            SimplePrecise.write(c, JANUARY);
            precise = SurveyEstimation.preciseItems(c, JANUARY);
            result = new SurveyEstimation(EstimationSettings.defaults()).estimate(c, JANUARY, precise);
        }
    }

    @AfterAll
    void close() throws SQLException {
        if (ds == null) {
            return;
        }
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("SHUTDOWN");
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans it eventually
        }
    }

    @Test
    void trainsOneModelPerComponentOnTheLatestSurvey() {
        assertThat(result.models()).extracting(EstimationResult.ModelReport::component)
                .containsExactly(Component.WAGE, Component.BUSINESS, Component.PROPERTY, Component.TRANSFER_IN);
        for (EstimationResult.ModelReport m : result.models()) {
            assertThat(m.surveyYear()).isEqualTo(2024);
            assertThat(m.trainRows()).isGreaterThanOrEqualTo(5);
            assertThat(m.testRows()).isEqualTo(m.trainRows()); // every row is held out once (cross-fitting)
            assertThat(m.mae()).isFinite().isNotNegative();
            assertThat(m.coverage()).isBetween(0.0, 1.0);
            assertThat(m.intervalHalfWidth()).isNotNegative();
            assertThat(m.appliedTo()).isPositive();
            assertThat(m.trainer()).startsWith("tribuo RandomForest");
        }
    }

    @Test
    void appliesOnlyToResidentsTheRulesCoverAndNeverBelowZero() throws SQLException {
        Map<Long, int[]> residents = new HashMap<>(); // age, resident
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT person_key, age, resident FROM person_period WHERE data_period = ?")) {
            ps.setString(1, JANUARY.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    residents.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getBoolean(3) ? 1 : 0});
                }
            }
        }
        assertThat(result.estimates()).isNotEmpty();
        Map<Component, Integer> counted = new HashMap<>();
        result.estimates().forEach((person, byComponent) -> {
            int[] r = residents.get(person);
            assertThat(r).as("person %d", person).isNotNull();
            assertThat(r[1]).as("resident").isEqualTo(1);
            byComponent.forEach((comp, e) -> {
                counted.merge(comp, 1, Integer::sum);
                EstimationSettings.Rule rule = EstimationSettings.defaults().rules().get(comp);
                PreciseIncome pi = precise.get(person);
                assertThat(rule.applies(r[0], pi == null ? 0 : pi.months(comp))).isTrue();
                assertThat(e.amount()).isNotNegative();
                // the DI interval shared out may reach below the records' figure: a low bound can be negative
                assertThat(e.low()).isLessThanOrEqualTo(e.amount());
                assertThat(e.high()).isGreaterThanOrEqualTo(e.amount());
            });
        });
        for (EstimationResult.ModelReport m : result.models()) {
            assertThat(counted.get(m.component())).isEqualTo(m.appliedTo());
        }
        // every resident adult gets a property and a transfer estimate
        long adults = residents.values().stream().filter(r -> r[1] == 1 && r[0] >= 18).count();
        assertThat(counted.get(Component.PROPERTY)).isEqualTo((int) adults);
    }

    @Test
    void isReproducible() throws SQLException {
        try (Connection c = ds.getConnection()) {
            EstimationResult again = new SurveyEstimation(EstimationSettings.defaults()).estimate(c, JANUARY, precise);
            assertThat(again.estimates()).isEqualTo(result.estimates());
            assertThat(again.models()).isEqualTo(result.models());
        }
    }

    @Test
    void closesMostOfTheGapBetweenRecordsAndTheTruth() throws SQLException {
        try (Connection c = ds.getConnection()) {
            // the generator writes its truth next to the periods
            CountyAccuracy a = CountyAccuracy.measure(c, JANUARY, precise, result, dir.resolve("county").resolve("truth"));
            System.out.print(a.table());
            assertThat(a.persons()).isGreaterThan(2000);
            // records miss informal wages, interest and remittances: precise-only DI falls short on average
            assertThat(a.diBias()[0]).isNegative();
            assertThat(Math.abs(a.diBias()[1])).isLessThan(Math.abs(a.diBias()[0]) / 2);
            // the DI interval against the truth for every resident compared (children without an estimate are points)
            System.out.println("DI interval coverage against the truth: " + a.diCoverage());
            assertThat(a.diCoverage()).isBetween(BOUND_COVERAGE_LOW, BOUND_COVERAGE_HIGH);
        }
    }

    /**
     * Measured 0.620 on this county (seed 29): the survey has 25 person-years (one year), and the precise figures cover
     * two of the twelve months, so DI residuals are ~55,000 yuan and 25 of them calibrate the interval loosely. The
     * calibration itself is measured on the 4,000–5,000-person counties (docs/income-estimation.md) and on known-noise
     * problems (ConformalCalibrationTest); here the bound guards against a broken interval (0 or 1).
     */
    static final double BOUND_COVERAGE_LOW = 0.55, BOUND_COVERAGE_HIGH = 0.95;

    @Test
    void reportsTheHeldOutDiCoverage() {
        String note = result.notes().stream().filter(n -> n.startsWith("DI of ")).findFirst().orElseThrow();
        System.out.println(note);
        double held = Double.parseDouble(note.replaceAll(".*held-out interval coverage ([0-9.]+)%.*", "$1")) / 100;
        // measured 0.840 on 25 survey person-years (held out by household fold, calibrated without the fold)
        assertThat(held).isBetween(0.64, 0.96);
    }

    /** The survey's sampling error of the estimates is reported per resident, and kept in every model's details. */
    @Test
    void reportsTheSamplingErrorOfTheEstimates() {
        String note = result.notes().stream().filter(n -> n.startsWith("sampling error of the estimates")).findFirst()
                .orElseThrow();
        double estimate = Double.parseDouble(note.replaceAll(".*: (-?[0-9]+) ± .*", "$1"));
        double se = Double.parseDouble(note.replaceAll(".* ± ([0-9]+) yuan.*", "$1"));
        assertThat(se).isPositive().isLessThan(Math.max(1000, Math.abs(estimate)));
        assertThat(result.models()).allSatisfy(m -> assertThat(m.details()).contains("\"estimate_se_per_resident\":"));
    }

    @Test
    void writesTheModelRowsOfThePeriod() throws SQLException {
        try (Connection c = ds.getConnection()) {
            org.olive.pipeline.income.IncomeStep.writeModels(c, JANUARY.toString(), result.models());
            org.olive.pipeline.income.IncomeStep.writeModels(c, JANUARY.toString(), result.models()); // a re-run replaces
            try (PreparedStatement ps = c.prepareStatement("SELECT component, survey_year, train_rows, applied_to, details "
                    + "FROM income_model WHERE data_period = ? ORDER BY component")) {
                ps.setString(1, JANUARY.toString());
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        n++;
                        assertThat(rs.getInt(2)).isEqualTo(2024);
                        JsonNode d = JsonMapper.builder().build().readTree(rs.getString(5));
                        assertThat(d.get("features").size()).isEqualTo(EstimationFeatures.NAMES.size());
                        assertThat(d.get("households").get("folds").asInt()).isPositive();
                    }
                }
                assertThat(n).isEqualTo(4);
            }
        }
    }

    @Test
    void noSurveyYetMeansNoModelAndSaysWhy() throws SQLException {
        try (Connection c = ds.getConnection()) {
            EstimationResult none = new SurveyEstimation(EstimationSettings.defaults()).estimate(c, Period.of(2024, 11), Map.of());
            assertThat(none.estimates()).isEmpty();
            assertThat(none.models()).isEmpty();
            assertThat(none.notes()).singleElement().asString().contains("no household survey");
            EstimationResult off = new SurveyEstimation(EstimationSettings.fromMap(Map.of("enabled", false)))
                    .estimate(c, JANUARY, precise);
            assertThat(off.estimates()).isEmpty();
            assertThat(off.notes()).singleElement().asString().contains("disabled");
        }
    }
}
