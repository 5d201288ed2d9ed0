package org.olive.app.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.pipeline.income.IncomeIndicatorFixture;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code olive whatif} on the six-resident fixture of 2025-12 (IncomeIndicatorFixture) with a fishery item: the JSON on
 * standard output parses whole and shows the shock's effect; a scenario file with an unknown source ends with exit 2
 * and a message naming the file, the line and the reason; saved runs list and compare.
 */
class WhatIfCommandTest {

    @TempDir
    static Path dir;

    static List<String> db;

    @BeforeAll
    static void fill() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("olive") + ";AUTO_SERVER=FALSE";
        DatabaseOptions o = new DatabaseOptions();
        o.url = url;
        o.user = "sa";
        o.password = "";
        try (ConfigurableApplicationContext ctx = AccountCommand.context(o);
             Connection c = ctx.getBean(DataSource.class).getConnection(); Statement s = c.createStatement()) {
            IncomeIndicatorFixture.fill(c);
            // person 1 lives on fishing: 40,000 of crew shares in the year
            s.execute("INSERT INTO income_item (data_period, person_key, component, source, dataset, method, amount, months, "
                    + "record_count, confidence) VALUES ('2025-12', 1, 'WAGE', 'fishery_crew', 'work_fishery_crew', 'PRECISE', "
                    + "40000, 12, 12, 1)");
        }
        db = List.of("--db", url, "--db-user", "sa", "--db-password", "");
    }

    record Run(int exit, String out, String err) {
    }

    static Run olive(String... args) {
        CommandLine cl = OliveCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(db);
        int exit = cl.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void jsonOnStandardOutputIsTheWholeOutcome() throws Exception {
        Path f = dir.resolve("fish.yaml");
        Files.writeString(f, """
                name: fish
                shocks:
                  - sources: [fishery_crew]
                    change: -50%
                """, StandardCharsets.UTF_8);
        Run r = olive("whatif", "--scenario", f.toString(), "--period", "2025-12", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JsonMapper.builder().build().readTree(r.out());
        assertThat(j.get("scenario").asString()).isEqualTo("fish");
        assertThat(j.get("affectedFamilies").asLong()).isEqualTo(1);
        // 40,000 × −50 % of the whole window
        assertThat(j.get("deltas").get("fishery_crew ×0.5").asDouble()).isEqualTo(-20_000.0);
        JsonNode county = j.get("rows").get(0);
        assertThat(county.get("breakdown").asString()).isEqualTo("county");
        // long decimals are data, not ID numbers: nothing masked in them (an 18-digit run once was)
        assertThat(r.out()).doesNotContain("*");
        assertThat(county.get("after").get("meanPerCapita").asDouble())
                .isLessThan(county.get("before").get("meanPerCapita").asDouble());
        Run csv = olive("whatif", "--scenario", f.toString(), "--period", "2025-12", "--format", "csv");
        assertThat(csv.exit()).isZero();
        assertThat(csv.out().lines().findFirst().orElseThrow()).isEqualTo("section,breakdown,code,name,measure,before,after,change");
        assertThat(csv.out()).contains("measures,county,,,gini,");
        Run text = olive("whatif", "--scenario", "typhoon", "--period", "2025-12");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("What-if typhoon", "gap cost at the 低保 standard");
    }

    @Test
    void aBadScenarioFileExitsWithTwoNamingTheFileAndTheLine() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, """
                name: bad
                shocks:
                  - sources: [fishery_crew]
                    groups: [pirates]
                    change: -30%
                """, StandardCharsets.UTF_8);
        Run r = olive("whatif", "--scenario", f.toString(), "--period", "2025-12", "--format", "json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(f + ":4:", "unknown group 'pirates'");
        Run unknown = olive("whatif", "--scenario", "no-such-scenario", "--period", "2025-12");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("neither a file nor an example", "moratorium");
    }

    @Test
    void savedRunsListAndCompare() throws Exception {
        Run a = olive("whatif", "--scenario", "moratorium", "--period", "2025-12", "--save", "--format", "json");
        Run b = olive("whatif", "--scenario", "dibao-raise", "--period", "2025-12", "--save", "--format", "json");
        assertThat(a.exit()).isZero();
        assertThat(b.exit()).isZero();
        long ia = Long.parseLong(a.err().replaceAll("(?s).*saved as what-if run (\\d+).*", "$1"));
        long ib = Long.parseLong(b.err().replaceAll("(?s).*saved as what-if run (\\d+).*", "$1"));
        Run list = olive("whatif", "--list", "--format", "json");
        assertThat(list.exit()).isZero();
        JsonNode runs = JsonMapper.builder().build().readTree(list.out());
        assertThat(runs.findValuesAsString("scenario")).contains("moratorium", "dibao-raise");
        Run cmp = olive("whatif", "--compare", ia + "," + ib);
        assertThat(cmp.exit()).as(cmp.err()).isZero();
        assertThat(cmp.out()).contains("moratorium 2025-12", "dibao-raise 2025-12", "gap_cost_dibao");
    }
}
