package org.olive.app.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run killed half-way ({@code kill -9}) leaves the previous state intact, and a re-run completes it: an
 * {@code olive run} is started in its own JVM, paused inside its transaction (once while ingesting the period, once in
 * the middle of its ledgers: {@code OLIVE_PAUSE_AT}, see KillPoint) and killed with SIGKILL; the database then still
 * holds exactly what it held before, opens without repair, and the same command run again completes the period.
 */
class KillNineTest {

    @TempDir
    static Path tmp;
    static String county;
    static Path dataDir;
    static String url;

    @BeforeAll
    static void firstMonth() {
        county = tmp.resolve("county").toString();
        assertThat(olive("synth", "--out", county, "--persons", "600", "--from", "2023-11", "--to", "2023-12",
                "--tourists", "5000", "--seed", "7")).isZero();
        dataDir = tmp.resolve("data");
        url = "jdbc:h2:file:" + dataDir.resolve("olive").toAbsolutePath() + ";AUTO_SERVER=FALSE";
        assertThat(olive("run", "--period", "2023-11", "--no-earlier", "--source", county, "--data-dir", dataDir.toString()))
                .isZero();
    }

    private static int olive(String... args) {
        CommandLine cl = OliveCommand.commandLine();
        cl.setErr(new PrintWriter(new StringWriter()));
        PrintStream old = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return cl.execute(args);
        } finally {
            System.setOut(old);
        }
    }

    /** Starts olive in its own JVM, waits until it pauses at the point, kills it with SIGKILL; returns its stderr. */
    private static String killAt(String point, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OliveCommand.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OLIVE_PAUSE_AT", point);
        pb.environment().put("CI", "true");
        Process p = pb.start();
        StringBuilder err = new StringBuilder();
        CountDownLatch paused = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (err) {
                        err.append(line).append('\n');
                    }
                    if (line.startsWith("OLIVE_PAUSE_AT " + point)) {
                        paused.countDown();
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process was killed
            }
        });
        reader.start();
        boolean reached = paused.await(180, TimeUnit.SECONDS);
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback, no close
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        synchronized (err) {
            assertThat(reached).as("the run reached " + point + "; its stderr:\n" + err).isTrue();
            assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            return err.toString();
        }
    }

    private static String dump(String sql) throws Exception {
        return Rows.of(url, sql);
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(dump(sql).split("\\|")[0]);
    }

    /** What the first month's ledgers and the visible master rows hold. */
    private static String state() throws Exception {
        return dump("SELECT person_key, registered, resident, floating, separated, live_village FROM person_period "
                + "WHERE data_period = '2023-11' ORDER BY 1")
                + dump("SELECT data_period, person_key, family_key FROM family_member ORDER BY 1, 2")
                + dump("SELECT data_period, family_key, disposable FROM family_income ORDER BY 1, 2")
                + dump("SELECT r.data_period, COUNT(*) FROM basic_hukou h JOIN ingest_run r ON r.id = h.run_id "
                + "WHERE r.status = 'SUCCEEDED' GROUP BY r.data_period ORDER BY 1")
                + dump("SELECT data_period, status FROM ingest_run WHERE status = 'SUCCEEDED' ORDER BY 1")
                + dump("SELECT data_period, status FROM ledger_run WHERE status = 'SUCCEEDED' ORDER BY 1");
    }

    private static final String NOVEMBER = "SELECT pp.person_key, pp.registered, pp.resident, pp.floating, pp.separated, "
            + "pp.live_village, fm.family_key, fi.disposable FROM person_period pp LEFT JOIN family_member fm "
            + "ON fm.data_period = pp.data_period AND fm.person_key = pp.person_key LEFT JOIN family_income fi "
            + "ON fi.data_period = fm.data_period AND fi.family_key = fm.family_key WHERE pp.data_period = '2023-11' ORDER BY 1";

    @Test
    void aRunKilledInItsIngestionOrItsLedgersLeavesThePreviousStateAndARerunCompletesIt() throws Exception {
        String before = state();
        String november = dump(NOVEMBER);
        assertThat(before).contains("2023-11|SUCCEEDED").doesNotContain("2023-12|SUCCEEDED");
        assertThat(november.lines().count()).isGreaterThan(500);

        // 1. killed while ingesting December, after its hukou file is loaded into the period's transaction
        killAt("file:hukou", "run", "--period", "2023-12", "--source", county, "--data-dir", dataDir.toString());
        assertThat(state()).as("nothing of the killed ingestion is visible").isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM ingest_run WHERE data_period = '2023-12' AND status = 'SUCCEEDED'")).isZero();

        // 2. killed in the middle of December's ledgers, after step income wrote person_income in the run's transaction
        killAt("step:income", "run", "--period", "2023-12", "--source", county, "--data-dir", dataDir.toString());
        assertThat(count("SELECT COUNT(*) FROM ingest_run WHERE data_period = '2023-12' AND status = 'SUCCEEDED'"))
                .as("December's ingestion committed before its ledgers began").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM person_period WHERE data_period = '2023-12'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM person_income WHERE data_period = '2023-12'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM ledger_run WHERE data_period = '2023-12' AND status = 'RUNNING'")).isEqualTo(1);
        assertThat(dump(NOVEMBER)).as("November's ledgers untouched").isEqualTo(november);

        // 3. the same command again completes December and leaves November as it was
        assertThat(olive("run", "--period", "2023-12", "--source", county, "--data-dir", dataDir.toString())).isZero();
        assertThat(count("SELECT COUNT(*) FROM person_period WHERE data_period = '2023-12' AND resident = TRUE"))
                .isGreaterThan(400);
        assertThat(count("SELECT COUNT(*) FROM person_income WHERE data_period = '2023-12'")).isGreaterThan(400);
        assertThat(dump("SELECT status, COALESCE(error, '') FROM ledger_run WHERE data_period = '2023-12' ORDER BY id"))
                .startsWith("FAILED|interrupted").contains("SUCCEEDED|");
        assertThat(dump(NOVEMBER)).isEqualTo(november);
    }
}
