package org.olive.app.cli;

import org.olive.pipeline.income.IncomeIndicatorFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code olive indicators --period} on an H2 file database filled with IncomeIndicatorFixture. */
class IndicatorsPeriodCommandTest {

    @TempDir
    static Path dir;

    static String url;

    private record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void fill() throws Exception {
        DatabaseOptions db = new DatabaseOptions();
        url = "jdbc:h2:file:" + dir.resolve("olive") + ";AUTO_SERVER=FALSE";
        db.url = url;
        db.user = "sa";
        db.password = "";
        try (ConfigurableApplicationContext ctx = AccountCommand.context(db);
             Connection c = ctx.getBean(DataSource.class).getConnection()) {
            IncomeIndicatorFixture.fill(c);
            try (java.sql.Statement s = c.createStatement()) {
                // residents 1 (40 000 per capita) and 4 (30 000) in hardship; both are survey persons too
                s.executeUpdate("INSERT INTO group_member (data_period, person_key, group_id, origin, rule_version) VALUES "
                        + "('2025-12', 1, 'hardship', 'RULE', 'hardship@1'), ('2025-12', 4, 'hardship', 'RULE', 'hardship@1')");
                s.executeUpdate("INSERT INTO person (person_key, id_number, first_period, last_period) VALUES "
                        + "(1, '" + IncomeIndicatorFixture.id(1985, true) + "', '2025-01', '2025-12'), "
                        + "(4, '" + IncomeIndicatorFixture.id(1950, false) + "', '2025-01', '2025-12')");
            }
        }
    }

    @Test
    void byKeyGroupGivesEveryEnabledGroupOnBothBases() {
        Run csv = run("indicators", "--period", "2025-12", "--by", "key_group", "--format", "csv");
        assertThat(csv.exit()).as(csv.err()).isZero();
        // (40 000 + 30 000) / 2 on the population; (100 × 40 000 + 300 × 30 000) / 400 on the survey
        assertThat(csv.out()).contains("KEY_GROUP,hardship,per_capita_di,35000,32500,2500\n")
                .contains("KEY_GROUP,hardship,persons,2,400,-398\n")
                .contains("KEY_GROUP,hardship,reliable,,0,\n")
                .contains("KEY_GROUP,port_worker,persons,0,0,0\n"); // enabled, without members
        Run text = run("indicators", "--period", "2025-12", "--by", "key-group");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("KEY_GROUP hardship").contains("sample persons are unreliable")
                .containsPattern("reliable +– +no");
    }

    private static Run run(String... args) {
        CommandLine cl = OliveCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[]{"--db", url, "--db-user", "sa", "--db-password", ""}, 0, all, args.length, 6);
        return new Run(cl.execute(all), out.toString(), err.toString());
    }

    @Test
    void jsonGivesThePilotIndicatorsAndBothBasesWithTheGap() throws Exception {
        Run r = run("indicators", "--period", "2025-12", "--by", "urban-rural", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode root = JsonMapper.builder().build().readTree(r.out());
        assertThat(root.path("residents").asInt()).isEqualTo(6);
        assertThat(root.path("surveyYear").asInt()).isEqualTo(2025);
        assertThat(root.path("pilot").path("1").path("population").asDouble()).isCloseTo(2.0 / 3, within(1e-6));
        assertThat(root.path("pilot").path("1").path("survey").asDouble()).isCloseTo(4.0 / 3, within(1e-6));
        assertThat(root.path("pilot").path("2").path("population").asDouble()).isCloseTo(5.0 / 6, within(1e-6));
        assertThat(root.path("pilot").path("5").path("survey").isNull()).isTrue();
        assertThat(root.path("pilot").path("8").path("population").asDouble()).isCloseTo(0.75, within(1e-9));
        JsonNode county = root.path("groups").get(0);
        assertThat(county.path("breakdown").asString()).isEqualTo("COUNTY");
        JsonNode pc = county.path("metrics").path("per_capita_di");
        assertThat(pc.path("population").asDouble()).isEqualTo(50_000);
        assertThat(pc.path("survey").asDouble()).isEqualTo(34_000);
        assertThat(pc.path("gap").asDouble()).isEqualTo(16_000);
        assertThat(root.path("groups").findValuesAsString("group")).contains("URBAN", "RURAL");
    }

    @Test
    void csvAndTextWithAnotherScale() {
        Run csv = run("indicators", "--period", "2025-12", "--by", "sex", "--format", "csv", "--scale", "oecd");
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.out()).startsWith("breakdown,group,metric,population,survey,gap\n")
                .contains("COUNTY,,per_capita_di,50000,34000,16000\n", "SEX,F,persons,3,400,-397\n");
        Run text = run("indicators", "--period", "2025-12");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("County indicators of 2025-12", "Pilot indicators (county)", "data_items_updated");
    }

    /** Issue 11 item 17: the text report shows every figure with its unit and precision; CSV and JSON keep plain numbers. */
    @Test
    void textShowsEveryFigureWithItsUnit() {
        Run text = run("indicators", "--period", "2025-12");
        assertThat(text.exit()).as(text.err()).isZero();
        String pilot2 = text.out().lines().filter(l -> l.startsWith("2 ")).findFirst().orElseThrow();
        assertThat(pilot2).contains("share_10_50", "83.3%");
        String pilot1 = text.out().lines().filter(l -> l.startsWith("1 ")).findFirst().orElseThrow();
        assertThat(pilot1).contains("urban_rural_ratio", "0.67", "1.33");
        String perCapita = text.out().lines().filter(l -> l.strip().startsWith("per_capita_di")).findFirst().orElseThrow();
        assertThat(perCapita).contains("50,000 元", "34,000 元", "16,000 元");
        assertThat(text.out()).doesNotContain("0.8333", "0.6666", "1.3333");
    }

    @Test
    void usageErrors() {
        assertThat(run("indicators", "--period", "2025-12", "--by", "area").exit()).isEqualTo(2);
        assertThat(run("indicators", "--period", "2025-12", "--sample", dir.toString()).exit()).isEqualTo(2);
        assertThat(run("indicators", "--period", "2025-13").exit()).isEqualTo(2);
        assertThat(run("indicators", "--period", "2019-12").exit()).isNotZero(); // nothing delivered yet
    }
}
