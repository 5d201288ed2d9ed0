package org.olive.accuracy;

import org.olive.pipeline.figure.RunFigure;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.olive.period.Period;
import org.olive.pipeline.income.IncomeEstimation;
import org.olive.pipeline.income.IncomeSettings;
import org.olive.pipeline.income.IncomeStep;
import org.olive.pipeline.ledger.LedgerResult;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures the precise-only income ledger against the truth on a copy of an ingested and ledgered county database
 * (not a test): {@code IncomeDevMeasure <h2 file path without .mv.db> <county dir> <period>}. Runs the income step
 * alone (with the period's ledgers as they are) and prints the counts and the accuracy figures.
 */
public final class IncomeDevMeasure {

    public static void main(String[] args) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + args[0] + ";AUTO_SERVER=FALSE");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                .ignoreMigrationPatterns("*:missing").load().migrate();
        Period p = Period.parse(args[2]);
        IncomeSettings settings = IncomeSettings.builtIn();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            Map<String, Long> keys = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id_number, person_key FROM person");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.put(rs.getString(1), rs.getLong(2));
                }
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            long t = System.nanoTime();
            new IncomeStep(settings, IncomeEstimation.NONE).run(c, p, keys, true, counts, new java.util.HashMap<>(), new java.util.HashMap<>());
            System.out.println("income step: " + (System.nanoTime() - t) / 1_000_000 + " ms");
            counts.forEach((k, v) -> System.out.println("  " + k + " = " + v));
            Path truth = Path.of(args[1]).resolve("truth").resolve(p.toString());
            for (RunFigure f : IncomeTruthAccuracy.compare(c, p.toString(), truth, settings.family())) {
                System.out.printf("  %s: %s (%d / %d)%n", f.metric(), f.value(), f.numerator(), f.denominator());
            }
            c.commit();
        }
    }
}
