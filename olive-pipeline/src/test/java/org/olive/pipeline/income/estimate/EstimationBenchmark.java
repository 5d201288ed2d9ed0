package org.olive.pipeline.income.estimate;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.olive.period.Period;
import org.olive.pipeline.income.EstimationResult;
import org.olive.pipeline.income.PreciseIncome;

/**
 * Accuracy of the estimation on an ingested and ledgered county (docs/income-estimation.md): migrates a COPY of the
 * database to the income-ledger schema, writes simple precise figures ({@link SimplePrecise}) for the survey period
 * and the period, trains and applies the estimation, and prints the models' held-out survey accuracy and the
 * county-wide comparison with the truth.
 *
 * <p>Usage: {@code java -cp <test classpath> org.olive.pipeline.income.estimate.EstimationBenchmark <copy of the H2 data
 * dir> <county dir with truth/> <period>...}, optionally {@code -Dolive.estimation='{survey_years: 3}'}.
 */
public final class EstimationBenchmark {

    public static void main(String[] args) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + Path.of(args[0]).toAbsolutePath().resolve("olive") + ";AUTO_SERVER=FALSE");
        ds.setUser("sa");
        // the app adds its own V1 (users, audit) in olive-app; only the pipeline migrations are on this classpath
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").ignoreMigrationPatterns("*:missing").load().migrate();
        Path truth = Path.of(args[1]).resolve("truth");
        // -Dolive.estimation='{survey_years: 3}': the estimation: section to measure (defaults otherwise)
        EstimationSettings settings = EstimationSettings.fromYaml(System.getProperty("olive.estimation", "{}"));
        for (int i = 2; i < args.length; i++) {
            Period p = Period.parse(args[i]);
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                long t0 = System.nanoTime();
                Integer year = SurveyEstimation.surveyYear(c, p);
                for (int y : SurveyEstimation.surveyYears(c, p, settings.surveyYears())) {
                    if (!Period.of(y, 12).equals(p)) {
                        SimplePrecise.write(c, Period.of(y, 12));
                    }
                }
                SimplePrecise.write(c, p);
                Map<Long, PreciseIncome> precise = SurveyEstimation.preciseItems(c, p);
                long t1 = System.nanoTime();
                EstimationResult r = new SurveyEstimation(settings).estimate(c, p, precise);
                long t2 = System.nanoTime();
                org.olive.pipeline.income.IncomeStep.writeModels(c, p.toString(), r.models());
                c.commit();
                System.out.printf(Locale.ROOT, "== %s (survey %s): simple precise %.1f s, estimation %.1f s%n", p, year,
                        (t1 - t0) / 1e9, (t2 - t1) / 1e9);
                r.notes().forEach(n -> System.out.println("note: " + n));
                System.out.printf(Locale.ROOT, "%-12s %6s %5s %9s %7s %9s %9s %8s %8s%n", "component", "train", "test",
                        "MAE", "MAPE", "coverage", "halfwidth", "baseMAE", "applied");
                for (EstimationResult.ModelReport m : r.models()) {
                    String base = m.details().replaceAll(".*\"baseline_mae\":([-0-9.Ee]+|null).*", "$1");
                    System.out.printf(Locale.ROOT, "%-12s %6d %5d %9.0f %6.0f%% %8.0f%% %9.0f %8s %8d%n", m.component(),
                            m.trainRows(), m.testRows(), m.mae(), 100 * m.mape(), 100 * m.coverage(),
                            m.intervalHalfWidth(), base.length() > 12 ? base.substring(0, 12) : base, m.appliedTo());
                }
                System.out.print(CountyAccuracy.measure(c, p, precise, r, truth).table());
            }
        }
    }
}
