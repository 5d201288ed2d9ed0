package org.olive.accuracy;

import org.olive.pipeline.figure.RunFigure;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.olive.accuracy.faults.FaultComparison;
import org.olive.accuracy.faults.FaultReport;
import org.olive.accuracy.faults.TruthFault;
import org.olive.ingest.mapping.BuiltInMappings;
import org.olive.ingest.mapping.DatasetMapping;
import org.olive.period.Period;
import org.olive.pipeline.editing.AmountEditingStep;
import org.olive.pipeline.editing.EditingSettings;
import org.olive.pipeline.income.IncomeSettings;
import org.olive.pipeline.income.IncomeStep;
import org.olive.pipeline.income.estimate.EstimationSettings;
import org.olive.pipeline.income.estimate.SurveyEstimation;
import org.olive.pipeline.ingest.MasterTables;
import org.olive.pipeline.ledger.LedgerResult;
import org.olive.pipeline.ledger.LedgerRun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the editing step on a copy of an ingested county database (not a test):
 * {@code EditingDevMeasure <h2 file path without .mv.db> <county dir> <period>}. Runs the ledger of the period (with
 * the editing step), then the income step again without edits (before) and with them (after), printing for each the
 * families with DI ≥ 1 million, the absurd amounts that reach incomes, per-capita DI and the income accuracy; then the
 * fault detection report of the period and of the income window's absurd amounts.
 */
public final class EditingDevMeasure {

    public static void main(String[] args) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + args[0] + ";AUTO_SERVER=FALSE;RETENTION_TIME=3600000");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                .ignoreMigrationPatterns("*:missing").load().migrate();
        Path county = Path.of(args[1]);
        Period p = Period.parse(args[2]);
        Period from = p.minusMonths(11);
        long t = System.nanoTime();
        LedgerResult r = LedgerRun.withDefaults(ds, m -> { }).run(p, null,
                TruthAccuracyStep.forPeriod(county.resolve("truth"), null, p, IncomeSettings.builtIn().family()));
        System.out.println("ledger run " + p + ": " + (System.nanoTime() - t) / 1_000_000_000 + " s; edit counts: "
                + r.counts().entrySet().stream().filter(e -> e.getKey().startsWith("edit") || e.getKey().contains("edited")
                || e.getKey().contains("implausible")).toList());
        IncomeSettings income = IncomeSettings.builtIn();
        EditingSettings editing = EditingSettings.builtIn();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            Map<String, Long> keys = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id_number, person_key FROM person");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.put(rs.getString(1), rs.getLong(2));
                }
            }
            for (String stage : List.of("before", "after")) {
                try (Statement s = c.createStatement()) {
                    s.execute("DELETE FROM amount_edit WHERE data_period BETWEEN '" + from + "' AND '" + p + "'");
                }
                Map<String, Long> counts = new LinkedHashMap<>();
                if (stage.equals("after")) {
                    new AmountEditingStep(editing).run(c, p, counts);
                }
                new IncomeStep(income, new SurveyEstimation(EstimationSettings.fromMap(income.estimation())), editing)
                        .run(c, p, keys, true, counts, new HashMap<>(), new HashMap<>());
                System.out.println("== " + stage + " editing, " + p);
                System.out.println("  edits: " + counts.entrySet().stream().filter(e -> e.getKey().startsWith("edit")
                        || e.getKey().contains("edited")).toList());
                query(c, "families with DI >= 1,000,000", "SELECT COUNT(*) FROM family_income WHERE data_period = '" + p
                        + "' AND disposable >= 1000000");
                query(c, "max family DI", "SELECT MAX(disposable) FROM family_income WHERE data_period = '" + p + "'");
                query(c, "families with after-rigid income < 0", "SELECT COUNT(*) FROM family_income WHERE data_period = '"
                        + p + "' AND after_rigid_monthly < 0");
                query(c, "per-capita DI (family DI / residents)", "SELECT SUM(disposable) / SUM(residents) FROM family_income "
                        + "WHERE data_period = '" + p + "'");
                query(c, "income items built from edited values", "SELECT COUNT(*) FROM income_item WHERE data_period = '" + p
                        + "' AND record_ref LIKE 'edited:%'");
                FaultReport window = new FaultComparison().compare(c, county, from.toString(), p.toString(), 0);
                System.out.println("  absurd amounts of the window's deliveries reaching incomes: "
                        + reaching(c, county, from, p, editing));
                System.out.println("  ABSURD_AMOUNT " + from + ".." + p + ": " + window.type("ABSURD_AMOUNT").detected()
                        + " of " + window.type("ABSURD_AMOUNT").total() + " detected " + window.type("ABSURD_AMOUNT").how());
                for (RunFigure f : IncomeTruthAccuracy.compare(c, p.toString(), county.resolve("truth").resolve(p.toString()),
                        income.family())) {
                    System.out.printf("  %s: %s (%d / %d)%n", f.metric(), f.value(), f.numerator(), f.denominator());
                }
            }
            c.commit();
            System.out.println(new FaultComparison().compare(c, county, p.toString(), p.toString(), 10).toText());
            System.out.println(new FaultComparison().compare(c, county, from.toString(), p.toString(), 30).toText());
        }
        Path truth = county.resolve("truth").resolve("county_by_period.csv");
        List<String> lines = Files.readAllLines(truth);
        System.out.println(lines.get(0));
        lines.stream().filter(l -> l.startsWith(p.toString())).forEach(System.out::println);
    }

    private static void query(Connection c, String what, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            System.out.println("  " + what + ": " + rs.getString(1));
        }
    }

    /**
     * ABSURD_AMOUNT faults of the window's deliveries in fields that feed incomes (editing.yaml feeds), loaded
     * (their row not rejected) and not edited, by field.
     */
    private static Map<String, Long> reaching(Connection c, Path county, Period from, Period p, EditingSettings s)
            throws Exception {
        Map<String, String> datasetOf = new HashMap<>();
        Map<String, Boolean> rejected = new HashMap<>();
        Map<String, Boolean> edited = new HashMap<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT data_period, file_name, dataset FROM ingest_file WHERE run_id IN "
                    + "(SELECT id FROM ingest_run WHERE status = 'SUCCEEDED')")) {
                while (rs.next()) {
                    datasetOf.put(rs.getString(1) + "|" + rs.getString(2), rs.getString(3));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT data_period, file_name, source_row FROM ingest_reject WHERE run_id IN "
                    + "(SELECT id FROM ingest_run WHERE status = 'SUCCEEDED')")) {
                while (rs.next()) {
                    rejected.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getLong(3), true);
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT data_period, source_file, source_row, field FROM amount_edit")) {
                while (rs.next()) {
                    edited.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getLong(3) + "|" + rs.getString(4), true);
                }
            }
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (TruthFault f : TruthFault.read(county.resolve("truth/faults.csv"), from.toString(), p.toString())) {
            String d = datasetOf.get(f.period() + "|" + f.file());
            if (!f.type().equals("ABSURD_AMOUNT") || d == null || rejected.containsKey(f.period() + "|" + f.file() + "|" + f.row())) {
                continue;
            }
            DatasetMapping m = BuiltInMappings.get(d);
            EditingSettings.Dataset ed = s.datasets().get(MasterTables.tableName(m));
            String field = m.fields().stream().filter(x -> x.headers().contains(f.field())).map(x -> MasterTables.columnName(x.name()))
                    .findFirst().orElse(null);
            boolean feeds = ed != null && field != null && ed.fields().containsKey(field)
                    && (!ed.fields().get(field).feeds().isEmpty());
            if (feeds && !edited.containsKey(f.period() + "|" + f.file() + "|" + f.row() + "|" + field)) {
                out.merge(d + "." + field, 1L, Long::sum);
            }
        }
        return out;
    }
}
