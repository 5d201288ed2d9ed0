package org.olive.pipeline.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An ingest killed half-way (kill -9 of its JVM) leaves the period's previous data intact. */
class KillDuringIngestTest {

    @Test
    void killedRunLeavesThePreviousStateAndIsMarkedInterrupted(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("olive");
        Path dir = SmallCounty.clean().resolve(SmallCounty.NOVEMBER.toString());
        DataSource ds = Databases.migrate(Databases.h2File(db));
        IngestReport first = PeriodIngest.withDefaults(ds).ingest(dir, SmallCounty.NOVEMBER);
        Map<String, Long> before = PeriodIngestContract.tableCounts(ds, "2023-11");
        assertThat(before.get("hukou")).isPositive();
        // every connection of this JVM is closed here, so the child has the database to itself

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), IngestChild.class.getName(),
                db.toString(), dir.toString(), "2023-11").redirectErrorStream(true).start();
        int filesSeen = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("FILE ")) {
                    filesSeen++;
                    if (filesSeen == 6) {
                        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback by the child
                        break;
                    }
                }
                assertThat(line).as("the child must still be running when killed").isNotEqualTo("DONE");
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(filesSeen).isEqualTo(6);

        assertThat(PeriodIngestContract.tableCounts(ds, "2023-11")).isEqualTo(before);
        assertThat(PeriodIngestContract.count(ds, "SELECT COUNT(*) FROM ingest_run WHERE status = 'RUNNING'")).isEqualTo(1);
        assertThat(PeriodIngestContract.count(ds, "SELECT COUNT(*) FROM ingest_run WHERE id = " + first.runId() + " AND status = 'SUCCEEDED'")).isEqualTo(1);

        // the killed run left committed chunks behind, invisible
        assertThat(PeriodIngestContract.count(ds, "SELECT COUNT(*) FROM basic_hukou WHERE data_period = '2023-11'"))
                .isGreaterThanOrEqualTo(before.get("hukou"));

        IngestReport again = PeriodIngest.withDefaults(ds).ingest(dir, SmallCounty.NOVEMBER);
        assertThat(again.status()).isEqualTo("SUCCEEDED");
        assertThat(PeriodIngestContract.count(ds, "SELECT COUNT(*) FROM ingest_run WHERE status = 'INTERRUPTED'")).isEqualTo(1);
        assertThat(PeriodIngestContract.tableCounts(ds, "2023-11")).isEqualTo(before);
        // and the next run purged them with the superseded run's
        assertThat(PeriodIngestContract.count(ds, "SELECT COUNT(*) FROM basic_hukou WHERE data_period = '2023-11'"))
                .isEqualTo(before.get("hukou"));
    }
}
