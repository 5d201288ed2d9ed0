package org.olive.app.cli;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code olive faults} on an H2 file database with one rejected and one missed absurd amount. */
class FaultsCommandTest {

    @TempDir
    static Path dir;

    static String url;

    private record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void fill() throws Exception {
        Files.createDirectories(dir.resolve("county/truth"));
        Files.writeString(dir.resolve("county/truth/faults.csv"), """
                fault_type,file,row,field,original_value,faulty_value
                ABSURD_AMOUNT,2025-06/个人所得税扣缴明细_202506.csv,3,已缴税额,85.66,-85.66
                ABSURD_AMOUNT,2025-06/个人所得税扣缴明细_202506.csv,5,收入额,13000.10,1300010.00
                ABSURD_AMOUNT,2025-07/个人所得税扣缴明细_202507.csv,5,收入额,13000.10,1300010.00
                """, StandardCharsets.UTF_8);
        DatabaseOptions db = new DatabaseOptions();
        url = "jdbc:h2:file:" + dir.resolve("olive") + ";AUTO_SERVER=FALSE";
        db.url = url;
        db.user = "sa";
        db.password = "";
        try (ConfigurableApplicationContext ctx = AccountCommand.context(db);
             Connection c = ctx.getBean(DataSource.class).getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO ingest_run (data_period, status, source_dir, started_at) VALUES ('2025-06', 'SUCCEEDED', "
                    + "'/x', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO ingest_file (run_id, data_period, file_name, dataset, encoding, bytes, rows_in, rows_loaded, "
                    + "rows_repaired, rows_rejected, blank_rows, millis) VALUES ((SELECT MIN(id) FROM ingest_run), '2025-06', "
                    + "'个人所得税扣缴明细_202506.csv', 'iit', 'GB18030', 1, 10, 9, 0, 1, 0, 1)");
            s.execute("INSERT INTO ingest_reject (run_id, data_period, dataset, file_name, source_row, field, raw_value, reason, "
                    + "category) VALUES ((SELECT MIN(id) FROM ingest_run), '2025-06', 'iit', '个人所得税扣缴明细_202506.csv', 4, "
                    + "'已缴税额', '-85.66', 'below the minimum 0', 'below the minimum #')");
        }
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
    void csvAndJsonGiveThePerTypeFiguresOfThePeriod() throws Exception {
        Run csv = run("faults", "--data", dir.resolve("county").toString(), "--period", "2025-06", "--format", "csv");
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.out()).startsWith("type,faults,detected,not_matched,rate\n").contains("ABSURD_AMOUNT,2,1,0,0.5000\n");
        Run json = run("faults", "--data", dir.resolve("county").toString(), "--from", "2025-06", "--to", "2025-07",
                "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode root = JsonMapper.builder().build().readTree(json.out());
        JsonNode absurd = root.path("types").findParents("type").stream()
                .filter(n -> n.path("type").asString().equals("ABSURD_AMOUNT")).findFirst().orElseThrow();
        assertThat(absurd.path("faults").asInt()).isEqualTo(3);
        assertThat(absurd.path("detected").asInt()).isEqualTo(1);
        assertThat(absurd.path("undetected").size()).isEqualTo(2);
    }

    @Test
    void textListsTheUndetected() {
        Run text = run("faults", "--data", dir.resolve("county").toString(), "--period", "2025-06");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("ABSURD_AMOUNT", "50.0%", "个人所得税扣缴明细_202506.csv:6 收入额 13000.10 → 1300010.00");
    }

    @Test
    void aFolderWithoutTruthIsADataError() {
        Run r = run("faults", "--data", dir.toString(), "--period", "2025-06");
        assertThat(r.exit()).isEqualTo(3);
    }
}
