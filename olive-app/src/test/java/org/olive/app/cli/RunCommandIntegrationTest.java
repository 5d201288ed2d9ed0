package org.olive.app.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code olive run} end to end on an H2 file database: ingest if needed, ledgers, figures printed. */
class RunCommandIntegrationTest {

    @TempDir
    static Path tmp;

    @BeforeAll
    static void generate() {
        int exit = OliveCommand.commandLine().execute("synth", "--out", tmp.resolve("county").toString(),
                "--persons", "600", "--from", "2023-11", "--to", "2023-12", "--tourists", "5000", "--seed", "5");
        assertThat(exit).isZero();
    }

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome run(String... args) {
        CommandLine cl = OliveCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = cl.execute(args);
            return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void runIngestsTheEarlierPeriodsOfTheSourceFirst() throws Exception {
        Path dataDir = tmp.resolve("run-earlier-db");
        Outcome o = run("run", "--period", "2023-12", "--source", tmp.resolve("county").toString(), "--data-dir",
                dataDir.toString());
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).contains("Ingesting first the earlier periods", "[2023-11]", "Ledgers of 2023-11",
                "Ledgers of 2023-12");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("olive").toAbsolutePath(), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT data_period FROM ledger_run WHERE status = 'SUCCEEDED' ORDER BY data_period")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("2023-11");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("2023-12");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void runIngestsThenBuildsTheLedgersAndPrintsTheFigures() throws Exception {
        Path dataDir = tmp.resolve("run-db");
        String county = tmp.resolve("county").toString();
        Outcome first = run("run", "--period", "2023-12", "--no-earlier", "--source", county, "--data-dir",
                dataDir.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("Ledgers of 2023-12", "lists: registered", "residence_precision",
                "residence_recall");
        assertThat(dataDir.resolve("reports/ingest-2023-12.json")).exists();
        assertThat(dataDir.resolve("reports/ledger-2023-12.json")).exists();
        // November is ingested later: running December again runs November's ledgers first
        assertThat(run("ingest", "--data", county, "--period", "2023-11", "--data-dir", dataDir.toString()).exit()).isZero();
        Outcome second = run("run", "--period", "2023-12", "--data-dir", dataDir.toString(), "--source", county);
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("Running first the ledgers of [2023-11]").doesNotContain("Ingest");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("olive").toAbsolutePath(), "sa", "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ingest_run WHERE data_period = '2023-12'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("December is not ingested twice").isEqualTo(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT data_period, COUNT(*) FROM ledger_run WHERE status = 'SUCCEEDED' "
                    + "GROUP BY data_period ORDER BY data_period")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("2023-11");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(2)).isEqualTo(2);
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(CASE WHEN resident THEN 1 ELSE 0 END) FROM person_period "
                    + "WHERE data_period = '2023-12'")) {
                rs.next();
                assertThat(rs.getLong(2)).isGreaterThan(400);
            }
            try (ResultSet rs = s.executeQuery("SELECT figure FROM ledger_figure WHERE data_period = '2023-12' "
                    + "AND metric = 'residence_recall'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getDouble(1)).isGreaterThan(0.95);
            }
        }
    }

    @Test
    void aPeriodNeitherIngestedNorDeliveredIsADataError() {
        Outcome o = run("run", "--period", "2024-05", "--source", tmp.resolve("county").toString(),
                "--data-dir", tmp.resolve("db-missing").toString());
        assertThat(o.exit()).isEqualTo(OliveCommand.EXIT_DATA_ERROR);
        assertThat(o.err()).contains("2024-05").contains("--source");
        assertThat(run("run", "--period", "2024-13").exit()).isEqualTo(2);
    }

    @Test
    void aRangeRunsAgainInOrderAndStepsRerunOnlyTheChosenStepsWithIdenticalResults() throws Exception {
        Path dataDir = tmp.resolve("run-range-db");
        String county = tmp.resolve("county").toString();
        Outcome first = run("run", "--from", "2023-11", "--to", "2023-12", "--source", county, "--data-dir", dataDir.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("Ledgers of 2023-11", "Ledgers of 2023-12");
        String url = "jdbc:h2:file:" + dataDir.resolve("olive").toAbsolutePath();
        String indicators = "SELECT basis, breakdown, group_code, metric, figure FROM income_indicator "
                + "WHERE data_period = '2023-12' ORDER BY 1, 2, 3, 4";
        String keys = "SELECT person_key, family_key FROM family_member WHERE data_period = '2023-12' ORDER BY 1";
        String before = dump(url, indicators) + dump(url, keys);
        long incomeRun;
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(id) FROM ledger_run")) {
            rs.next();
            incomeRun = rs.getLong(1);
        }

        Outcome again = run("run", "--from", "2023-11", "--to", "2023-12", "--steps", "indicators", "--source", county,
                "--data-dir", dataDir.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("only [indicators] were run (--steps)").doesNotContain("Ingest");
        assertThat(dump(url, indicators) + dump(url, keys)).as("indicators recomputed from the same ledgers").isEqualTo(before);
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT data_period, COUNT(*) FROM ledger_run WHERE status = 'SUCCEEDED' AND id > "
                     + incomeRun + " GROUP BY data_period ORDER BY 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("2023-11");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("2023-12");
        }

        Outcome income = run("run", "--period", "2023-12", "--steps", "editing,income", "--source", county, "--data-dir",
                dataDir.toString());
        assertThat(income.exit()).as(income.err()).isZero();
        // figures (pilot indicator 4) does not use the income ledger; the accuracy step added for the generated county
        // (it needs income) runs again with it and replaces its figures
        assertThat(income.out()).contains("only [editing, income, truth] were run (--steps)",
                "not run again though they use their results: [vulnerability, warnings, cases, groups, tags, policies, indicators]", "income_di_mape");
        assertThat(dump(url, keys)).isEqualTo(dump(url, keys));

        Outcome unknown = run("run", "--period", "2023-12", "--steps", "portraits", "--data-dir", dataDir.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no step named portraits", "registry", "warnings", "groups", "tags", "indicators");

        // olive groups: the run's key groups; json and csv hold only the data on stdout
        Outcome json = run("groups", "--period", "2023-12", "--format", "json", "--data-dir", dataDir.toString());
        assertThat(json.exit()).as(json.err()).isZero();
        var tree = tools.jackson.databind.json.JsonMapper.builder().build().readTree(json.out());
        assertThat(tree.get("period").asString()).isEqualTo("2023-12");
        assertThat(tree.get("groups")).hasSize(11);
        assertThat(tree.get("overall").get("members").asLong()).isPositive();
        long skilled = -1;
        for (var g : tree.get("groups")) {
            if (g.get("id").asString().equals("skilled_worker")) {
                skilled = g.get("members").asLong();
                assertThat(g.get("enabled").asBoolean()).isTrue();
            }
            if (g.get("id").asString().equals("tourism_worker")) {
                assertThat(g.get("enabled").asBoolean()).as("enabled from 2024-01").isFalse();
                assertThat(g.get("members").asLong()).isZero();
            }
        }
        assertThat(skilled).isPositive();
        Outcome csv = run("groups", "--period", "2023-12", "--format", "csv", "--data-dir", dataDir.toString());
        assertThat(csv.out().lines().toList()).hasSize(12).first().asString().startsWith("period,group_id,");
        assertThat(csv.out()).contains("2023-12,skilled_worker,技术工人,7,true,skilled_worker@1," + skilled + ",");
        Outcome text = run("groups", "--period", "2023-12", "--group", "hardship", "--data-dir", dataDir.toString());
        assertThat(text.out()).contains("hardship", "困难群体", "pilot indicator 6").doesNotContain("skilled_worker");
        assertThat(run("groups", "--period", "2023-12", "--group", "nobody", "--data-dir", dataDir.toString()).exit())
                .isEqualTo(2);
        Outcome none = run("groups", "--period", "2023-10", "--data-dir", dataDir.toString());
        assertThat(none.exit()).isEqualTo(3);
        assertThat(none.err()).contains("no key groups are stored for 2023-10");
        Outcome backwards = run("run", "--from", "2023-12", "--to", "2023-11", "--data-dir", dataDir.toString());
        assertThat(backwards.exit()).isEqualTo(2);
        assertThat(backwards.err()).contains("--from 2023-12 is after --to 2023-11");
    }

    private static String dump(String url, String sql) throws Exception {
        String rows = Rows.of(url, sql);
        assertThat(rows).isNotEmpty();
        return rows;
    }
}
