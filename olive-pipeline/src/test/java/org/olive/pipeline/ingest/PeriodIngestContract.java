package org.olive.pipeline.ingest;

import org.junit.jupiter.api.Test;
import org.olive.ingest.mapping.BuiltInMappings;
import org.olive.ingest.mapping.DatasetMapping;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What ingesting a period must do on every database; subclasses supply a migrated database. */
abstract class PeriodIngestContract {

    abstract DataSource database();

    static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Map<String, Long> tableCounts(DataSource ds, String period) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        for (DatasetMapping m : BuiltInMappings.all()) {
            counts.put(m.dataset(), count(ds, "SELECT COUNT(*) FROM " + MasterTables.tableName(m) + " WHERE data_period = '" + period
                    + "' AND " + MasterTables.VISIBLE));
        }
        return counts;
    }

    @Test
    void loadsEveryRowOrKeepsItsRejectAndAccountsForEveryFile() throws SQLException {
        DataSource ds = database();
        Path dir = SmallCounty.withFaults().resolve(SmallCounty.DECEMBER.toString());
        IngestReport report = PeriodIngest.withDefaults(ds).ingest(dir, SmallCounty.DECEMBER);

        assertThat(report.status()).isEqualTo("SUCCEEDED");
        assertThat(report.files()).allSatisfy(f -> {
            assertThat(f.dataset()).as(f.file() + " recognised").isNotNull();
            assertThat(f.error()).as(f.file() + " read to its end").isNull();
            assertThat(f.rowsIn()).as(f.file()).isEqualTo(f.loaded() + f.rejected());
        });
        assertThat(report.missing()).as("December carries every monthly and yearly dataset").isEmpty();
        // every loaded row is in its table, every rejected row in the rejects
        Map<String, Long> counts = tableCounts(ds, "2023-12");
        report.datasets().forEach((k, d) -> assertThat(counts.get(k)).as(k).isEqualTo(d.loaded()));
        assertThat(count(ds, "SELECT COUNT(*) FROM (SELECT DISTINCT file_name, source_row FROM ingest_reject WHERE data_period = '2023-12') x"))
                .isEqualTo(report.rejected());
        assertThat(report.rejected()).as("the default faults produce rejects").isPositive();
        assertThat(report.repaired()).as("15-digit IDs are repaired").isPositive();
        assertThat(report.dataItems().total()).isPositive();
        assertThat(report.dataItems().share()).isBetween(0.0, 1.0);
        // the data items collected while loading are the distinct item keys of the loaded rows (pilot indicator 8)
        for (String[] d : new String[][]{{"hukou", "basic_hukou", "person_id"}, {"social_insurance", "work_social_insurance",
                "person_id"}, {"market_entity", "work_market_entity", "uscc"}}) {
            assertThat(count(ds, "SELECT COUNT(*) FROM master_item WHERE run_id = " + report.runId() + " AND dataset = '"
                    + d[0] + "'")).as(d[0]).isPositive().isEqualTo(count(ds, "SELECT COUNT(DISTINCT " + d[2] + ") FROM " + d[1]
                    + " WHERE run_id = " + report.runId() + " AND " + d[2] + " IS NOT NULL"));
        }
        // the report is stored with the run
        assertThat(count(ds, "SELECT COUNT(*) FROM ingest_run WHERE id = " + report.runId() + " AND status = 'SUCCEEDED' AND report IS NOT NULL")).isEqualTo(1);
        assertThat(IngestReport.fromJson(report.toJson()).rowsIn()).isEqualTo(report.rowsIn());
    }

    @Test
    void reIngestingAPeriodReplacesItsDataWithoutDuplicates() throws SQLException {
        DataSource ds = database();
        Path dir = SmallCounty.clean().resolve(SmallCounty.NOVEMBER.toString());
        IngestReport first = PeriodIngest.withDefaults(ds).ingest(dir, SmallCounty.NOVEMBER);
        Map<String, Long> before = tableCounts(ds, "2023-11");
        IngestReport second = PeriodIngest.withDefaults(ds).ingest(dir, SmallCounty.NOVEMBER);
        assertThat(tableCounts(ds, "2023-11")).isEqualTo(before);
        assertThat(second.loaded()).isEqualTo(first.loaded());
        assertThat(first.rejected()).as("a clean county has nothing to reject").isZero();
        assertThat(count(ds, "SELECT COUNT(*) FROM ingest_run WHERE id = " + first.runId() + " AND status = 'SUPERSEDED'")).isEqualTo(1);
        // the superseded run's rows are purged: one run's rows remain
        assertThat(count(ds, "SELECT COUNT(DISTINCT run_id) FROM basic_hukou WHERE data_period = '2023-11'")).isEqualTo(1);
        assertThat(count(ds, "SELECT COUNT(*) FROM basic_hukou WHERE data_period = '2023-11'")).isEqualTo(before.get("hukou"));
    }

    @Test
    void aFailureHalfWayRollsBackAndKeepsThePreviousData() throws SQLException {
        DataSource ds = database();
        Path dir = SmallCounty.clean().resolve(SmallCounty.NOVEMBER.toString());
        PeriodIngest.withDefaults(ds).ingest(dir, SmallCounty.NOVEMBER);
        Map<String, Long> before = tableCounts(ds, "2023-11");
        long rejectsBefore = count(ds, "SELECT COUNT(*) FROM ingest_reject WHERE data_period = '2023-11'");

        DataSource failing = failAfterStatements(ds, 60);
        assertThatThrownBy(() -> new PeriodIngest(failing, BuiltInMappings.all(), DatasetSettings.builtIn(),
                org.olive.ingest.table.ReaderOptions.defaults(), Clock.systemDefaultZone()).chunkRows(200)
                .ingest(dir, SmallCounty.NOVEMBER))
                .isInstanceOf(IngestRunException.class).hasMessageContaining("keeps its previous data");

        assertThat(tableCounts(ds, "2023-11")).isEqualTo(before);
        assertThat(count(ds, "SELECT COUNT(*) FROM ingest_reject WHERE data_period = '2023-11'")).isEqualTo(rejectsBefore);
        // the failed run's rows were purged, not just hidden
        assertThat(count(ds, "SELECT COUNT(*) FROM basic_hukou WHERE data_period = '2023-11'")).isEqualTo(before.get("hukou"));
        assertThat(count(ds, "SELECT COUNT(*) FROM ingest_run WHERE data_period = '2023-11' AND status = 'FAILED'")).isEqualTo(1);
        assertThat(count(ds, "SELECT COUNT(*) FROM ingest_run WHERE data_period = '2023-11' AND status = 'SUCCEEDED'")).isEqualTo(1);
    }

    @Test
    void strayFilesAreReportedNotLostNorFatal(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException, SQLException {
        DataSource ds = database();
        Files.writeString(dir.resolve("说明.csv"), "序号,备注\n1,请查收\n", StandardCharsets.UTF_8);
        Files.write(dir.resolve("空文件.csv"), new byte[0]);
        Files.write(dir.resolve("坏表格.xlsx"), new byte[]{'P', 'K', 3, 4, 0, 0, 1});
        Path hukou = Files.list(SmallCounty.clean().resolve("2023-11")).filter(p -> p.getFileName().toString().startsWith("户籍人口"))
                .findFirst().orElseThrow();
        Files.copy(hukou, dir.resolve(hukou.getFileName()));
        IngestReport r = PeriodIngest.withDefaults(ds).ingest(dir, SmallCounty.NOVEMBER);
        assertThat(r.files()).hasSize(4);
        assertThat(r.files()).filteredOn(f -> f.file().equals("说明.csv")).singleElement()
                .satisfies(f -> assertThat(f.error()).contains("unknown column set").contains("序号"));
        assertThat(r.files()).filteredOn(f -> f.file().equals("空文件.csv")).singleElement()
                .satisfies(f -> assertThat(f.error()).isNotBlank());
        assertThat(r.files()).filteredOn(f -> f.file().equals("坏表格.xlsx")).singleElement()
                .satisfies(f -> assertThat(f.error()).isNotBlank());
        assertThat(r.datasets()).containsKey("hukou");
        assertThat(r.missing()).extracting(IngestReport.Missing::dataset).contains("crossings", "iit").doesNotContain("hukou", "survey");
        assertThat(count(ds, "SELECT COUNT(*) FROM ingest_file WHERE run_id = " + r.runId())).isEqualTo(4);
    }

    /** A data source whose (n+1)-th statement fails, once: a failure half-way through a run. */
    static DataSource failAfterStatements(DataSource ds, int n) {
        AtomicInteger prepared = new AtomicInteger();
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (p, m, a) -> {
                    Object r = m.invoke(ds, a);
                    if (!m.getName().equals("getConnection")) {
                        return r;
                    }
                    Connection real = (Connection) r;
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                            (cp, cm, ca) -> {
                                if ((cm.getName().equals("prepareStatement") || cm.getName().equals("createStatement"))
                                        && prepared.incrementAndGet() == n + 1) {
                                    throw new SQLException("injected failure after " + n + " statements");
                                }
                                try {
                                    return cm.invoke(real, ca);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
    }
}
