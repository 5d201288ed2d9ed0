package org.olive.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code olive occupations} in-process on a small stored ledger: 3 persons of 中类 4-03, 7 of 4-02 and 20 without an
 * occupation at 2025-12. The built-in profile's {@code publication.min_cell_persons} (5) hides the 3 in every format,
 * and the 7 with it (else 10 coded − 7 gives the 3 back); json and csv mark them suppressed, not as a number; xlsx is
 * written to --out and read back; the options are checked (exit 2).
 */
class OccupationsCommandTest {

    @TempDir
    static Path dir;

    static List<String> db;

    @BeforeAll
    static void fill() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("olive") + ";AUTO_SERVER=FALSE";
        DatabaseOptions options = new DatabaseOptions();
        options.url = url;
        options.user = "sa";
        options.password = "";
        db = List.of("--db", url, "--db-user", "sa", "--db-password", "");
        try (ConfigurableApplicationContext ctx = AccountCommand.context(options);
             Connection c = ctx.getBean(DataSource.class).getConnection(); Statement s = c.createStatement()) {
            int key = 1;
            for (Object[] g : List.of(new Object[] {3, "'4-03'", "'6210'", "'EMPLOYER'"},
                    new Object[] {7, "'4-02'", "'5530'", "'EMPLOYER'"}, new Object[] {20, "NULL", "NULL", "'NONE'"})) {
                for (int i = 0; i < (int) g[0]; i++) {
                    s.execute("INSERT INTO person_occupation (data_period, person_key, occupation_code, industry_code, "
                            + "source, confidence, rule_version, evidence) VALUES ('2025-12', " + key++ + ", " + g[1] + ", "
                            + g[2] + ", " + g[3] + ", 0.7, 'o-1', NULL)");
                }
            }
            org.olive.pipeline.occupation.OccupationTables.recount(c, org.olive.period.Period.parse("2025-12"));
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("occupations"));
        all.addAll(List.of(args));
        all.addAll(db);
        picocli.CommandLine cl = OliveCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = cl.execute(all.toArray(String[]::new));
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(old);
        }
    }


    @Test
    void theTextPrintsNoCountOfThreeAndSaysTheRule() {
        Run r = run("--period", "2025-12");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("working-age persons 30, with an occupation 10 (33.3 %)")
                .containsPattern("4-03\\s+<5\\s")
                .containsPattern("4-02\\s+<5\\s")
                .contains("<5: fewer than 5 persons, not published");
        assertThat(r.out().lines().filter(l -> l.contains("4-03") || l.contains("4-02")))
                .allSatisfy(l -> assertThat(l).doesNotContainPattern("\\s3\\s|\\s7\\s"));
    }

    @Test
    void jsonAndCsvMarkTheHiddenCountsAndHoldOnlyTheData() throws Exception {
        Run json = run("--period", "2025-12", "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode root = JsonMapper.builder().build().readTree(json.out());
        assertThat(root.get("minCellPersons").asInt()).isEqualTo(5);
        assertThat(root.get("persons").asLong()).isEqualTo(30);
        for (JsonNode o : root.get("occupations")) {
            assertThat(o.get("persons").isNull()).as(o.toString()).isTrue();
            assertThat(o.get("suppressed").toString()).contains("persons");
            // the townships of a hidden count add up to it: hidden too
            o.get("byTownship").forEach(n -> assertThat(n.isNull()).as(o.toString()).isTrue());
        }
        assertThat(json.out()).doesNotContainPattern("\" : [37]\\b");

        Run csv = run("--period", "2025-12", "--format", "csv");
        assertThat(csv.exit()).as(csv.err()).isZero();
        try (CSVParser p = CSVParser.parse(new StringReader(csv.out()),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(p.getHeaderNames()).containsExactly("period", "township", "classification", "code", "name",
                    "persons", "suppressed");
            List<CSVRecord> rows = p.getRecords();
            CSVRecord hotel = rows.stream().filter(x -> x.get("code").equals("4-03")).findFirst().orElseThrow();
            assertThat(hotel.get("persons")).isEmpty();
            assertThat(hotel.get("suppressed")).isEqualTo("true");
            assertThat(rows).noneMatch(x -> x.get("persons").equals("3"));
        }
    }

    @Test
    void xlsxIsWrittenToOutAndReadsBackWithChineseHeaders() throws Exception {
        Path file = dir.resolve("occupations.xlsx");
        Run r = run("--period", "2025-12", "--format", "xlsx", "--out", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        List<String> occupations = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(Files.newInputStream(file))) {
            for (Sheet s : wb.getSheets().toList()) {
                names.add(s.getName());
                if (s.getName().equals("职业中类")) {
                    for (Row row : s.read()) {
                        occupations.add(row.getCellText(0) + "|" + row.getCellText(1) + "|" + row.getCellText(2));
                    }
                }
            }
        }
        assertThat(names).containsExactly("概况", "来源", "职业中类", "行业大类", "乡镇分布", "期间趋势");
        assertThat(occupations).contains("代码|职业中类（GB/T 6565）|人数", "4-03|住宿和餐饮服务人员|<5")
                .noneMatch(x -> x.endsWith("|3") || x.endsWith("|7"));
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(run("--period", "2025-12", "--format", "yaml").exit()).isEqualTo(2);
        assertThat(run("--period", "2025-12", "--format", "xlsx").exit()).as("xlsx without --out").isEqualTo(2);
        assertThat(run("--period", "2025-12", "--out", dir.resolve("x.xlsx").toString()).exit()).isEqualTo(2);
        assertThat(run("--period", "2025-13").exit()).isEqualTo(2);
        assertThat(run("--period", "2025-12", "--township", "999999999").exit()).isEqualTo(2);
        assertThat(run("--period", "2024-01").exit()).as("no rows stored").isEqualTo(3);
        // olive groups parses --period and --format with the same options
        picocli.CommandLine groups = OliveCommand.commandLine();
        groups.setErr(new PrintWriter(new StringWriter()));
        List<String> args = new ArrayList<>(List.of("groups", "--period", "2025-12", "--format", "xlsx"));
        args.addAll(db);
        assertThat(groups.execute(args.toArray(String[]::new))).isEqualTo(2);
    }
}
