package org.olive.pipeline.income;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olive.indicator.registry.RegistryLoader;
import org.olive.period.Period;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The indicator step on H2 with rows written into the V6 tables by hand (IncomeIndicatorFixture). */
class IncomeIndicatorStepTest {

    private JdbcDataSource ds;
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-05T08:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void open() throws SQLException {
        ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:income-indicators-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        try (Connection c = ds.getConnection()) {
            IncomeIndicatorFixture.fill(c);
        }
    }

    private IncomeIndicatorStep.Report run(String period) throws SQLException {
        try (Connection c = ds.getConnection()) {
            Period p = Period.parse(period);
            return IncomeIndicatorStep.run(c, p, IncomeIndicators.defaultSettings(p), RegistryLoader.builtIn(), clock);
        }
    }

    private Double figure(String basis, String breakdown, String group, String metric) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT figure FROM income_indicator "
                + "WHERE data_period = '2025-12' AND basis = ? AND breakdown = ? AND group_code = ? AND metric = ?")) {
            ps.setString(1, basis);
            ps.setString(2, breakdown);
            ps.setString(3, group);
            ps.setString(4, metric);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getDouble(1) : null;
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private BigDecimal value(String id, String period) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT figure FROM indicator_value "
                + "WHERE indicator_id = ? AND period = ? AND source = 'COMPUTED' ORDER BY id DESC")) {
            ps.setString(1, id);
            ps.setString(2, period);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1) : null;
            }
        }
    }

    @Test
    void populationAndSurveyIndicatorsByHand() throws SQLException {
        IncomeIndicatorStep.Report r = run("2025-12");
        assertThat(r.residents()).isEqualTo(6); // the non-resident is left out
        assertThat(r.surveyYear()).isEqualTo(2025);
        assertThat(r.surveyPersons()).isEqualTo(3); // the superseded delivery is not read
        assertThat(figure("POPULATION", "COUNTY", "", "per_capita_di")).isCloseTo(50_000, within(1e-6));
        assertThat(figure("POPULATION", "COUNTY", "", "urban_rural_ratio")).isCloseTo(40_000.0 / 60_000, within(1e-9));
        assertThat(figure("POPULATION", "COUNTY", "", "share_10_50")).isCloseTo(5.0 / 6, within(1e-9));
        assertThat(figure("POPULATION", "COUNTY", "", "share_20_60")).isCloseTo(2.0 / 6, within(1e-9));
        assertThat(figure("POPULATION", "COUNTY", "", "relationship_accuracy")).isCloseTo(5.0 / 6, within(1e-9));
        assertThat(figure("POPULATION", "COUNTY", "", "monitoring_coverage")).isCloseTo(4.0 / 6, within(1e-9));
        assertThat(figure("POPULATION", "COUNTY", "", "data_items_updated")).isCloseTo(0.75, within(1e-9));
        assertThat(figure("POPULATION", "TOWNSHIP", IncomeIndicatorFixture.T2, "relationship_accuracy")).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(figure("POPULATION", "AGE_GROUP", "60+", "per_capita_di")).isCloseTo(30_000, within(1e-6));
        // survey: (2 × 100 × 40 000 + 300 × 30 000) / 500; urban 40 000 / rural 30 000
        assertThat(figure("SURVEY", "COUNTY", "", "per_capita_di")).isCloseTo(34_000, within(1e-6));
        assertThat(figure("SURVEY", "COUNTY", "", "urban_rural_ratio")).isCloseTo(4.0 / 3, within(1e-9));
        assertThat(figure("SURVEY", "VILLAGE", IncomeIndicatorFixture.V2, "persons")).isCloseTo(300, within(1e-9));
        assertThat(figure("SURVEY", "SEX", "F", "persons")).isCloseTo(400, within(1e-9)); // sex from the ID numbers
        assertThat(figure("SURVEY", "AGE_GROUP", "60+", "persons")).isCloseTo(300, within(1e-9)); // born 1950
        assertThat(figure("SURVEY", "COUNTY", "", "monitoring_coverage")).isNull();
        assertThat(figure("SURVEY", "COUNTY", "", "data_items_updated")).isNull();
        assertThat(count("SELECT COUNT(*) FROM income_indicator WHERE basis = 'SURVEY' AND metric IN "
                + "('relationship_accuracy', 'monitoring_coverage', 'data_items_updated')")).isZero();
    }

    @Test
    void theDecemberRunFillsTheRegistryOnceAndAReRunReplacesItsRows() throws SQLException {
        IncomeIndicatorStep.Report first = run("2025-12");
        assertThat(value("C08", "2025")).isEqualByComparingTo("50000.00");
        assertThat(value("P1", "2025")).isEqualByComparingTo("0.6667");
        assertThat(value("C14", "2025")).isEqualByComparingTo("0.6667");
        assertThat(value("P2", "2025")).isEqualByComparingTo("83.33");
        assertThat(value("C20a", "2025")).isEqualByComparingTo("83.33");
        assertThat(value("P3", "2025")).isEqualByComparingTo("33.33");
        assertThat(value("C21", "2025")).isEqualByComparingTo("0.1833"); // the Gini as a coefficient
        assertThat(value("P4", "2025")).isEqualByComparingTo("83.33");
        assertThat(value("P5", "2025")).isEqualByComparingTo("66.67");
        assertThat(value("P8", "2025-12")).isEqualByComparingTo("75.00");
        assertThat(first.registryWritten()).hasSize(11);
        long rows = count("SELECT COUNT(*) FROM income_indicator");
        long values = count("SELECT COUNT(*) FROM indicator_value");
        assertThat(rows).isEqualTo(first.rowsWritten());

        IncomeIndicatorStep.Report again = run("2025-12");
        assertThat(count("SELECT COUNT(*) FROM income_indicator")).isEqualTo(rows);
        assertThat(count("SELECT COUNT(*) FROM indicator_value")).isEqualTo(values);
        assertThat(again.registryWritten()).isEmpty();
        assertThat(again.registryUnchanged()).hasSize(11);

        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE family_income SET disposable = 60000 WHERE family_key = 'F2'");
        }
        IncomeIndicatorStep.Report changed = run("2025-12");
        assertThat(changed.registryWritten()).anyMatch(w -> w.startsWith("C08 2025 = 55000.00"));
        assertThat(count("SELECT COUNT(*) FROM indicator_value WHERE indicator_id = 'C08'")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM indicator_value WHERE indicator_id = 'P8'")).isEqualTo(1);
    }

    @Test
    void otherMonthsWriteOnlyTheMonthlyIndicatorAndSayWhatIsMissing() throws SQLException {
        IncomeIndicatorStep.Report r = run("2025-11");
        assertThat(r.residents()).isZero();
        assertThat(r.surveyYear()).isEqualTo(2024); // the latest survey delivered at or before 2025-11
        assertThat(r.registryWritten()).containsExactly("P8 2025-11 = 60.00");
        assertThat(r.notes()).anyMatch(n -> n.contains("person_income has no residents for 2025-11"));
        assertThat(count("SELECT COUNT(*) FROM indicator_value WHERE period_year = 2025 AND period = '2025'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM income_indicator WHERE data_period = '2025-11' AND basis = 'POPULATION'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM income_indicator WHERE data_period = '2025-11' AND basis = 'SURVEY'")).isPositive();
    }
    @Test
    void keyGroupsOnThePopulationAndOnTheSurveyWithTheSmallCellRule() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            // residents 1 (F1, 40 000 per capita) and 4 (F2, 30 000) in hardship, 4 also a graduate; the non-resident 7
            // is a member too but no resident
            s.executeUpdate("INSERT INTO group_member (data_period, person_key, group_id, origin, rule_version) VALUES "
                    + "('2025-12', 1, 'hardship', 'RULE', 'hardship@1'), ('2025-12', 4, 'hardship', 'RULE', 'hardship@1'), "
                    + "('2025-12', 4, 'graduate', 'RULE', 'graduate@1'), ('2025-12', 7, 'hardship', 'RULE', 'hardship@1'), "
                    + "('2025-11', 5, 'graduate', 'RULE', 'graduate@1')");
            // the survey's S1 man is person 1 and its S2 woman person 4 in the registry; the S1 woman is not registered
            s.executeUpdate("INSERT INTO person (person_key, id_number, first_period, last_period) VALUES "
                    + "(1, '" + IncomeIndicatorFixture.id(1985, true) + "', '2025-01', '2025-12'), "
                    + "(4, '" + IncomeIndicatorFixture.id(1950, false) + "', '2025-01', '2025-12')");
        }
        IncomeIndicatorStep.Report r = run("2025-12");
        assertThat(r.notes()).contains("1 of 3 survey persons not in the person registry: in no key group");
        assertThat(figure("POPULATION", "KEY_GROUP", "hardship", "persons")).isEqualTo(2.0);
        assertThat(figure("POPULATION", "KEY_GROUP", "hardship", "per_capita_di")).isCloseTo(35_000, within(1e-6));
        assertThat(figure("POPULATION", "KEY_GROUP", "hardship", "monitoring_coverage")).isCloseTo(1.0, within(1e-12));
        assertThat(figure("POPULATION", "KEY_GROUP", "graduate", "persons")).isEqualTo(1.0); // not 2025-11's member
        assertThat(figure("POPULATION", "KEY_GROUP", "graduate", "per_capita_di")).isCloseTo(30_000, within(1e-6));
        // survey: (100 × 40 000 + 300 × 30 000) / 400, design weights
        assertThat(figure("SURVEY", "KEY_GROUP", "hardship", "persons")).isCloseTo(400, within(1e-9));
        assertThat(figure("SURVEY", "KEY_GROUP", "hardship", "per_capita_di")).isCloseTo(32_500, within(1e-6));
        assertThat(figure("SURVEY", "KEY_GROUP", "graduate", "per_capita_di")).isCloseTo(30_000, within(1e-6));
        // two sample persons, fewer than income.yaml's indicators.survey_min_cell_persons: unreliable, kept
        int min = IncomeSettings.builtIn().surveyMinCellPersons();
        assertThat(min).isGreaterThan(3);
        assertThat(figure("SURVEY", "KEY_GROUP", "hardship", "reliable")).isZero();
        assertThat(count("SELECT COUNT(*) FROM income_indicator WHERE basis = 'SURVEY' AND breakdown = 'KEY_GROUP' AND "
                + "group_code = 'hardship' AND metric = 'reliable' AND numerator = 2 AND denominator = " + min)).isOne();
        assertThat(figure("SURVEY", "COUNTY", "", "reliable")).isZero(); // three sample persons
        assertThat(count("SELECT COUNT(*) FROM income_indicator WHERE basis = 'POPULATION' AND metric = 'reliable'")).isZero();
    }

    @Test
    void aSurveyCellWithEnoughSamplePersonsIsReliable() throws SQLException {
        try (Connection c = ds.getConnection()) {
            Period p = Period.parse("2025-12");
            IncomeIndicatorStep.run(c, p, IncomeIndicators.defaultSettings(p).withMinSamplePersons(2), RegistryLoader.builtIn(),
                    clock);
        }
        assertThat(figure("SURVEY", "COUNTY", "", "reliable")).isEqualTo(1.0);
        assertThat(figure("SURVEY", "VILLAGE", IncomeIndicatorFixture.V1, "reliable")).isEqualTo(1.0);
        assertThat(figure("SURVEY", "VILLAGE", IncomeIndicatorFixture.V2, "reliable")).isZero();
    }
}
