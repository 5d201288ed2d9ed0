package org.olive.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.olive.period.Period;
import org.olive.pipeline.income.IncomeIndicatorFixture;
import org.olive.pipeline.tag.TagRuleVersions;
import org.olive.pipeline.tag.TagSettings;
import org.olive.tag.SavedTagVersion;
import org.olive.tag.TagDefinitions;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11 item 18: with {@code --format json|csv} standard output carries only the data, in every command that has a
 * machine-readable format; logs and warnings (Spring, Flyway's "Using H2 … newer than the version Flyway has been
 * verified with") go to standard error. Each command runs as {@code olive} runs, in its own JVM through
 * {@link OliveCommand#main} with the application's logging configuration, and its standard output must parse whole.
 */
class MachineReadableOutputTest {

    @TempDir
    static Path dir;

    static String url;

    @BeforeAll
    static void fill() throws Exception {
        url = "jdbc:h2:file:" + dir.resolve("olive") + ";AUTO_SERVER=FALSE";
        DatabaseOptions db = new DatabaseOptions();
        db.url = url;
        db.user = "sa";
        db.password = "";
        try (ConfigurableApplicationContext ctx = AccountCommand.context(db);
             Connection c = ctx.getBean(DataSource.class).getConnection(); Statement s = c.createStatement()) {
            IncomeIndicatorFixture.fill(c);
            s.execute("INSERT INTO ingest_run (id, data_period, status, source_dir, started_at) VALUES (1000, '2025-06', 'SUCCEEDED', "
                    + "'/x', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO ingest_file (run_id, data_period, file_name, dataset, encoding, bytes, rows_in, rows_loaded, "
                    + "rows_repaired, rows_rejected, blank_rows, millis) VALUES (1000, '2025-06', "
                    + "'个人所得税扣缴明细_202506.csv', 'iit', 'GB18030', 1, 10, 9, 0, 1, 0, 1)");
            s.execute("INSERT INTO ingest_reject (run_id, data_period, dataset, file_name, source_row, field, raw_value, reason, "
                    + "category) VALUES (1000, '2025-06', 'iit', '个人所得税扣缴明细_202506.csv', 4, "
                    + "'已缴税额', '-85.66', 'below the minimum 0', 'below the minimum #')");
            s.execute("INSERT INTO person_occupation (data_period, person_key, occupation_code, industry_code, source, "
                    + "confidence, rule_version, evidence) VALUES ('2025-12', 1, '4-03', '6210', 'EMPLOYER', 0.7, 'o-1', "
                    + "'employer_industries=[6210]'), ('2025-12', 2, NULL, NULL, 'NONE', 0, 'o-1', NULL)");
            org.olive.pipeline.occupation.OccupationTables.recount(c, Period.parse("2025-12"));
            // a stored warning (step warnings): one red family of two, its evidence naming an ID number
            s.execute("INSERT INTO ledger_figure (data_period, metric, area_code, numerator, denominator, figure, note) "
                    + "VALUES ('2025-12', 'warning:RED', '', 1, 2, 0.5, 'n'), ('2025-12', 'warning:YELLOW', '', 0, 2, 0.0, 'n')");
            s.execute("INSERT INTO family_warning (data_period, family_key, colour, township_code, rules, evidence) VALUES "
                    + "('2025-12', 'F0000042', 'RED', '330922100', ';safety_net@1;', 'safety_net@1: after_rigid_monthly=300 "
                    + "[family_income:2025-12:F0000042]; head 33092219800101123X')");
            s.execute("INSERT INTO warning_event (data_period, family_key, changed_on, from_colour, to_colour, township_code, "
                    + "reason) VALUES ('2025-12', 'F0000042', DATE '2025-12-31', 'GREEN', 'RED', '330922100', 'fired: safety_net@1')");
            // an assistance case the run opened for it (step cases)
            s.execute("INSERT INTO assistance_case (family_key, township_code, colour, state, opened_period, opened_on, due_on, "
                    + "last_changed) VALUES ('F0000042', '330922100', 'RED', 'DISCOVERED', '2025-12', DATE '2025-12-31', "
                    + "DATE '2026-01-15', CURRENT_TIMESTAMP)");
            TagRuleVersions.save(c, TagSettings.builtIn(), SavedTagVersion.of("elderly", 2, Period.of(2025, 4),
                    "age >= 65", null), "admin", "按新口径统计", Instant.parse("2026-01-05T08:00:00Z"));
        }
        Files.createDirectories(dir.resolve("county/truth"));
        Files.writeString(dir.resolve("county/truth/faults.csv"), """
                fault_type,file,row,field,original_value,faulty_value
                ABSURD_AMOUNT,2025-06/个人所得税扣缴明细_202506.csv,3,已缴税额,85.66,-85.66
                ABSURD_AMOUNT,2025-06/个人所得税扣缴明细_202506.csv,5,收入额,13000.10,1300010.00
                """, StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("sample"));
        Files.writeString(dir.resolve("sample/persons.csv"), """
                household_id,person_id,age,sex,area,weight
                H1,P1,40,1,城关镇,1
                H1,P2,38,2,城关镇,1
                H2,P4,70,2,海岛乡,2
                H3,P5,30,1,海岛乡,1
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("sample/incomes.csv"), """
                household_id,person_id,component,amount
                H1,P1,wage,50000
                H2,P4,transfer_in,6000
                H3,P5,wage,30000
                """, StandardCharsets.UTF_8);
        // every command of the tests below, started now, two at a time (each JVM starts Spring alone: about half of a
        // core; the commands are independent), each on its own copy of the folder (H2's file lock is per process)
        List<List<String>> all = new ArrayList<>();
        commands().forEach(a -> all.add(castArgs(a.get()[1])));
        all.addAll(OTHERS);
        pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        for (List<String> args : all) {
            started.putIfAbsent(args, pool.submit(() -> run(args, copyOfDir())));
        }
        pool.shutdown();
    }

    /** The commands of the single tests, started with the others. */
    static final List<List<String>> OTHERS = List.of(
            List.of("tags", "export", "--data-dir", "%DIR%"),
            List.of("warnings", "--period", "2025-12", "--township", "330922100", "--data-dir", "%DIR%"),
            List.of("warnings", "--period", "2025-12", "--township", "330922999", "--data-dir", "%DIR%"));

    static java.util.concurrent.ExecutorService pool;
    static final java.util.Map<List<String>, java.util.concurrent.Future<Output>> started =
            new java.util.concurrent.ConcurrentHashMap<>();
    static final java.util.concurrent.atomic.AtomicInteger copies = new java.util.concurrent.atomic.AtomicInteger();

    @SuppressWarnings("unchecked")
    private static List<String> castArgs(Object o) {
        return (List<String>) o;
    }

    /** A copy of the filled folder (database, sample, county) for one command. */
    private static Path copyOfDir() throws IOException {
        Path copy = dir.resolve("run-" + copies.incrementAndGet());
        for (String name : List.of("olive.mv.db", "sample", "county")) {
            Path from = dir.resolve(name);
            if (!Files.exists(from)) {
                continue;
            }
            try (var files = Files.walk(from)) {
                for (Path f : files.toList()) {
                    Path to = copy.resolve(dir.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else {
                        Files.createDirectories(to.getParent());
                        Files.copy(f, to);
                    }
                }
            }
        }
        return copy;
    }

    /** Every command with a machine-readable format, in each of its formats. */
    static List<Arguments> commands() {
        List<String> db = List.of("--db", "jdbc:h2:file:" + "%DIR%/olive;AUTO_SERVER=FALSE", "--db-user", "sa",
                "--db-password", "");
        List<Arguments> out = new ArrayList<>();
        for (String format : List.of("json", "csv")) {
            out.add(Arguments.of(format, concat(List.of("indicators", "--period", "2025-12", "--format", format), db)));
            out.add(Arguments.of(format, concat(List.of("indicators", "--period", "2025-12", "--by", "township",
                    "--format", format), db)));
            out.add(Arguments.of(format, List.of("indicators", "--sample", "%DIR%/sample", "--by", "area", "--format", format)));
            out.add(Arguments.of(format, concat(List.of("occupations", "--period", "2025-12", "--format", format), db)));
            out.add(Arguments.of(format, concat(List.of("warnings", "--period", "2025-12", "--format", format), db)));
            out.add(Arguments.of(format, concat(List.of("whatif", "--scenario", "moratorium", "--period", "2025-12",
                    "--format", format), db)));
            out.add(Arguments.of(format, concat(List.of("cases", "--period", "2025-12", "--format", format), db)));
            out.add(Arguments.of(format, concat(List.of("faults", "--data", "%DIR%/county", "--period", "2025-06",
                    "--format", format), db)));
        }
        // the policy simulation has json only
        out.add(Arguments.of("json", concat(List.of("simulate", "--reform", "old-age-150", "--period", "2025-12",
                "--format", "json"), db)));
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    record Output(int exit, String out, String err) {
    }

    /** {@code olive ARGS} in a new JVM (started by {@link #fill}), standard output and standard error kept apart. */
    static Output olive(List<String> args) throws Exception {
        java.util.concurrent.Future<Output> f = started.get(args);
        return f != null ? f.get(10, TimeUnit.MINUTES) : run(args, copyOfDir());
    }

    /** {@code olive ARGS} in a new JVM, %DIR% being {@code dir}. */
    static Output run(List<String> args, Path dir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), OliveCommand.class.getName()));
        args.forEach(a -> command.add(a.replace("%DIR%", dir.toString())));
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("olive " + args + " did not end within 180 s");
        }
        return new Output(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** {@code olive tags export}: standard output is the effective tags.yaml (UTF-8), with the saved version. */
    @Test
    void tagsExportPrintsOnlyTheEffectiveTagsYaml() throws Exception {
        Output o = olive(List.of("tags", "export", "--data-dir", "%DIR%"));
        assertThat(o.exit()).as("exit code; stderr: " + o.err()).isZero();
        TagDefinitions exported = TagDefinitions.read(new ByteArrayInputStream(o.out().getBytes(StandardCharsets.UTF_8)),
                "tags.yaml");
        assertThat(exported).isEqualTo(TagSettings.builtIn().withVersions(List.of(SavedTagVersion.of("elderly", 2,
                Period.of(2025, 4), "age >= 65", null))));
        assertThat(exported.tag("elderly").orElseThrow().versions()).hasSize(2);
        assertThat(o.out()).contains("老年人（60岁及以上）");
        assertThat(o.err()).contains("41 tags", "of which 1 saved from the web");
    }

    /** {@code olive warnings}: the warned families with their rules and evidence, ID numbers masked. */
    @Test
    void warningsPrintTheWarnedFamiliesWithIdNumbersMasked() throws Exception {
        Output o = olive(List.of("warnings", "--period", "2025-12", "--township", "330922100", "--data-dir", "%DIR%"));
        assertThat(o.exit()).as("exit code; stderr: " + o.err()).isZero();
        assertThat(o.out()).contains("red 1 (", "GREEN→RED 1", "safety_net@1", "F0000042",
                "[family_income:2025-12:F0000042]", "330922********123X").doesNotContain("33092219800101123X");
        Output unknown = olive(List.of("warnings", "--period", "2025-12", "--township", "330922999", "--data-dir", "%DIR%"));
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("--township 330922999 is not a township");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("commands")
    void standardOutputIsOnlyTheData(String format, List<String> args) throws Exception {
        Output o = olive(args);
        assertThat(o.exit()).as("exit code; stderr: " + o.err()).isZero();
        assertThat(o.out()).as("standard output").isNotBlank();
        if (format.equals("json")) {
            JsonNode root = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build()
                    .readTree(o.out());
            assertThat(root.isObject()).as(o.out()).isTrue();
        } else {
            String header = o.out().lines().findFirst().orElseThrow();
            assertThat(header).as("the first line is the CSV header").matches("[a-z_0-9]+(,[a-z_0-9]+)+");
            try (CSVParser csv = CSVParser.parse(new StringReader(o.out()),
                    CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
                List<CSVRecord> records = csv.getRecords();
                assertThat(records).isNotEmpty();
                int columns = csv.getHeaderNames().size();
                for (CSVRecord r : records) {
                    assertThat(r.size()).as("line " + r.getRecordNumber() + " of " + header + ": " + r).isEqualTo(columns);
                }
            }
        }
    }
}
