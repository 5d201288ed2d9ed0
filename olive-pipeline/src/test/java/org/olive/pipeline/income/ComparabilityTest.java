package org.olive.pipeline.income;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olive.indicator.registry.RegistryLoader;
import org.olive.period.Period;

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

/** The comparability flag the indicator step stores with the period's POPULATION county figures. */
class ComparabilityTest {

    private JdbcDataSource ds;

    @BeforeEach
    void open() throws SQLException {
        ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:comparability-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        try (Connection c = ds.getConnection()) {
            IncomeIndicatorFixture.fill(c); // 2025-11 and 2025-12 ingested, no estimation model
        }
    }

    private IncomeIndicatorStep.Report run() throws SQLException {
        try (Connection c = ds.getConnection()) {
            Period p = Period.parse(IncomeIndicatorFixture.P);
            return IncomeIndicatorStep.run(c, p, IncomeIndicators.defaultSettings(p), RegistryLoader.builtIn(),
                    Clock.fixed(Instant.parse("2026-01-05T08:00:00Z"), ZoneOffset.UTC));
        }
    }

    private double[] metric(String metric) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT figure, numerator FROM "
                + "income_indicator WHERE data_period = '2025-12' AND basis = 'POPULATION' AND breakdown = 'COUNTY' "
                + "AND group_code = '' AND metric = ?")) {
            ps.setString(1, metric);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as(metric).isTrue();
                return new double[]{rs.getDouble(1), rs.getDouble(2)};
            }
        }
    }

    private void exec(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @Test
    void aPartialWindowWithoutEstimationIsMarkedWithBothReasons() throws SQLException {
        IncomeIndicatorStep.Report r = run();
        assertThat(metric(Comparability.COMPARABLE)[0]).isZero();
        assertThat(metric(Comparability.WINDOW_MONTHS)[1]).isEqualTo(2); // 2025-11 and 2025-12 (2024-12 is outside)
        assertThat(metric(Comparability.ESTIMATION_MODELS)[0]).isZero();
        assertThat(r.notes()).anyMatch(n -> n.contains("not comparable") && n.contains(Comparability.PARTIAL_WINDOW)
                && n.contains(Comparability.NO_ESTIMATION));
        // the SURVEY basis carries no flag: it is the period's own sample
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM income_indicator WHERE basis = 'SURVEY' AND metric = 'comparable'")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    void aFullWindowWithAnAppliedModelIsComparable() throws SQLException {
        for (int m = 1; m <= 10; m++) {
            exec("INSERT INTO ingest_run (id, data_period, status, started_at, source_dir) VALUES (" + (100 + m) + ", '"
                    + Period.of(2025, m) + "', 'SUCCEEDED', CURRENT_TIMESTAMP, 'x')");
        }
        exec("INSERT INTO income_model (data_period, component, survey_year, trainer, train_rows, test_rows, applied_to) "
                + "VALUES ('2025-12', 'WAGE', 2025, 't', 10, 5, 0)");
        run();
        assertThat(metric(Comparability.WINDOW_MONTHS)[0]).isEqualTo(1.0);
        // a model applied to nobody is no estimation
        assertThat(metric(Comparability.COMPARABLE)[0]).isZero();
        exec("UPDATE income_model SET applied_to = 3");
        IncomeIndicatorStep.Report r = run();
        assertThat(metric(Comparability.COMPARABLE)[0]).isEqualTo(1.0);
        assertThat(metric(Comparability.ESTIMATION_MODELS)[0]).isEqualTo(1.0);
        assertThat(r.notes()).noneMatch(n -> n.contains("not comparable"));
    }

    @Test
    void reasonsFollowTheStoredMetrics() {
        assertThat(Comparability.fromMetrics(12.0, 2.0).comparable()).isTrue();
        assertThat(Comparability.fromMetrics(11.0, 2.0).reasons()).containsExactly(Comparability.PARTIAL_WINDOW);
        assertThat(Comparability.fromMetrics(12.0, 0.0).reasons()).containsExactly(Comparability.NO_ESTIMATION);
        assertThat(Comparability.fromMetrics(null, 0.0)).isNull();
    }
}
