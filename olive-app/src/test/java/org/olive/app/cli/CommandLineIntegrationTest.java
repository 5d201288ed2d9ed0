package org.olive.app.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands that start the application without its web server, end to end on an H2 file database. */
class CommandLineIntegrationTest {

    @TempDir
    static Path tmp;

    @BeforeAll
    static void generate() {
        int exit = OliveCommand.commandLine().execute("synth", "--out", tmp.resolve("county").toString(),
                "--persons", "600", "--from", "2023-12", "--to", "2023-12", "--tourists", "5000", "--seed", "11");
        assertThat(exit).isZero();
    }

    private static int run(String... args) {
        CommandLine cl = OliveCommand.commandLine();
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    @Test
    void ingestLoadsAPeriodAndWritesItsReport() throws Exception {
        Path dataDir = tmp.resolve("ingest-db");
        assertThat(run("ingest", "--data", tmp.resolve("county").toString(), "--period", "2023-12",
                "--data-dir", dataDir.toString())).isZero();
        assertThat(dataDir.resolve("reports/ingest-2023-12.json")).exists();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("olive").toAbsolutePath(), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM basic_hukou WHERE data_period = '2023-12'")) {
            rs.next();
            assertThat(rs.getLong(1)).isGreaterThan(500);
        }
    }

    @Test
    void missingPeriodFolderIsADataError() {
        assertThat(run("ingest", "--data", tmp.resolve("county").toString(), "--period", "2024-05",
                "--data-dir", tmp.resolve("db2").toString())).isEqualTo(OliveCommand.EXIT_DATA_ERROR);
        assertThat(run("ingest", "--data", tmp.resolve("county").toString(), "--period", "2024-13")).isEqualTo(2);
    }

    @Test
    void synthRefusesAFolderThatIsNotACounty() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("keep.txt"), "not Olive's");
        assertThat(run("synth", "--out", other.toString(), "--persons", "200")).isEqualTo(OliveCommand.EXIT_DATA_ERROR);
        assertThat(other.resolve("keep.txt")).exists();
    }
}
