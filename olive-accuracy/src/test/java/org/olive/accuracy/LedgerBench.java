package org.olive.accuracy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.olive.family.FamilyBuilder;
import org.olive.period.Period;
import org.olive.pipeline.income.IncomeSettings;
import org.olive.pipeline.income.estimate.EstimationSettings;
import org.olive.pipeline.income.estimate.SurveyEstimation;
import org.olive.pipeline.ledger.LedgerResult;
import org.olive.pipeline.ledger.LedgerRun;
import org.olive.pipeline.ledger.LedgerSettings;
import org.yaml.snakeyaml.Yaml;

/**
 * Measurement harness (test code): builds the ledgers of the given periods only (e.g. the survey Decembers) on a
 * COPY of an ingested data dir, with the built-in settings and the estimation: section overridden by
 * -Dolive.estimation='{...}', and prints each period's summary with the income accuracy against the truth.
 * Usage: LedgerBench DATA_DIR TRUTH_DIR PERIOD...
 */
public final class LedgerBench {

    public static void main(String[] args) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + Path.of(args[0]).toAbsolutePath().resolve("olive") + ";AUTO_SERVER=FALSE;RETENTION_TIME=3600000");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").ignoreMigrationPatterns("*:missing").load().migrate();
        Path truth = Path.of(args[1]);
        LedgerSettings s = LedgerSettings.builtIn();
        IncomeSettings income = IncomeSettings.builtIn();
        Map<String, Object> est = new LinkedHashMap<>(income.estimation());
        Object over = new Yaml().load(System.getProperty("olive.estimation", "{}"));
        if (over instanceof Map<?, ?> m) {
            m.forEach((k, v) -> est.put(String.valueOf(k), v));
        }
        System.out.println("estimation settings: " + est);
        LedgerRun run = new LedgerRun(ds, s, new FamilyBuilder(s.family())::build, m -> { }, income,
                new SurveyEstimation(EstimationSettings.fromMap(est)));
        for (int i = 2; i < args.length; i++) {
            long t0 = System.nanoTime();
            Period p = Period.parse(args[i]);
            LedgerResult r = run.run(p, null, TruthAccuracyStep.forPeriod(truth, null, p, income.family()));
            System.out.printf("== %s  %.0f s%n", args[i], (System.nanoTime() - t0) / 1e9);
            System.out.print(TruthAccuracyStep.summary(r));
            System.out.println(r.toJson());
        }
    }
}
