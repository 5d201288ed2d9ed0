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
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code olive simulate} on the six-resident fixture of 2025-12 (IncomeIndicatorFixture): the JSON on standard output
 * parses whole and a new family policy costs 1,200 a year per family; a bad reform file ends with exit 2 naming the
 * file, the line and the reason; a built-in reform runs as text.
 */
class SimulateCommandTest {

    @TempDir
    static Path dir;

    static List<String> db;
    static long families;

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
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM family_income WHERE data_period = '2025-12' "
                    + "AND residents > 0")) {
                rs.next();
                families = rs.getLong(1);
            }
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
        Path f = dir.resolve("family100.yaml");
        Files.writeString(f, """
                name: family100
                new_parameters: {family_monthly: 100.0}
                policies:
                  - code: FAMILY_100
                    name_zh: 家庭补贴
                    department: 县民政局
                    kind: SAFETY_NET
                    unit: FAMILY
                    frequency: MONTHLY
                    versions:
                      - version: "1"
                        valid_from: 2025-01
                        eligible: residents > 0
                        amount: family_monthly
                """, StandardCharsets.UTF_8);
        Run r = olive("simulate", "--reform", f.toString(), "--period", "2025-12", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("simulation family100 at 2025-12");
        JsonNode j = JsonMapper.builder().build().readTree(r.out());
        assertThat(j.get("period").asString()).isEqualTo("2025-12");
        assertThat(families).isPositive();
        JsonNode row = null;
        for (JsonNode p : j.get("policies")) {
            if (p.get("code").asString().equals("FAMILY_100")) {
                row = p;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("beneficiariesAfter").asLong()).isEqualTo(families);
        assertThat(row.get("costAfter").asDouble()).isEqualTo(families * 1_200.0);
        assertThat(j.get("winners").asLong()).isEqualTo(families);
    }

    @Test
    void aBadReformEndsWithExitTwoNamingFileAndLine() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "name: bad\npolicies:\n  - code: PIRATE_AID\n    amount: 1.0\n", StandardCharsets.UTF_8);
        Run r = olive("simulate", "--reform", f.toString(), "--period", "2025-12");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Error: reform " + f + ":3: policies: unknown policy code 'PIRATE_AID'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aBuiltInReformRunsAsText() {
        Run r = olive("simulate", "--reform", "old-age-150", "--period", "2025-12");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Policy simulation old-age-150", "OLD_AGE_ALLOWANCE", "fgt0_dibian",
                "By decile of per-capita DI");
    }
}
