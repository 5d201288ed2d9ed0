package org.olive.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 11 item 16: a database that refuses the connection (here an H2 file database created with one password and
 * opened with another) ends every command that opens the database with one line naming the URL and the user — never
 * the password, no stack trace — and exit code 2.
 */
class DatabaseConnectionTest {

    static final String RIGHT = "Right-pass-1";
    static final String WRONG = "Wr0ng-Secret-9";

    @TempDir
    static Path dir;

    static String url;

    /** What the user sees: exit code, and everything written to standard output and standard error. */
    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeAll
    static void createDatabase() throws Exception {
        url = "jdbc:h2:file:" + dir.resolve("olive") + ";AUTO_SERVER=FALSE";
        try (Connection c = DriverManager.getConnection(url, "sa", RIGHT)) {
            c.createStatement().execute("CREATE TABLE t (x INT)");
        }
        Files.createDirectories(dir.resolve("county/truth"));
        Files.writeString(dir.resolve("county/truth/faults.csv"), "fault_type,file,row,field,original_value,faulty_value\n");
        Files.createDirectories(dir.resolve("county/2023-12"));
    }

    /** Runs the command in-process with System.out and System.err captured too (where logging and stack traces go). */
    static synchronized Run run(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream sysOut = new ByteArrayOutputStream();
        ByteArrayOutputStream sysErr = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try {
            System.setOut(new PrintStream(sysOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(sysErr, true, StandardCharsets.UTF_8));
            CommandLine cl = OliveCommand.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            exit = cl.execute(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        return new Run(exit, sysOut.toString(StandardCharsets.UTF_8) + out,
                sysErr.toString(StandardCharsets.UTF_8) + err);
    }

    static String[] with(List<String> command, String dbUrl, String user, String password) {
        List<String> all = new java.util.ArrayList<>(command);
        all.addAll(List.of("--db", dbUrl, "--db-user", user, "--db-password", password));
        return all.toArray(String[]::new);
    }

    static void assertOneLine(Run r, String dbUrl, String user, String password) {
        assertThat(r.exit()).as(r.all()).isEqualTo(2);
        assertThat(r.out()).as("nothing on standard output").isEmpty();
        assertThat(r.err().strip().lines().count()).as("one line: " + r.err()).isEqualTo(1);
        assertThat(r.err()).contains(dbUrl, "用户 " + user, "as user " + user, "无法连接数据库", "Cannot connect")
                .doesNotContain(password, "Exception", "\tat ", "Usage:");
    }

    @Test
    void aWrongH2PasswordIsOneLineAndExitTwoInEveryCommand() {
        List<List<String>> commands = List.of(
                List.of("indicators", "--period", "2025-12"),
                List.of("indicators", "--period", "2025-12", "--format", "json"),
                List.of("faults", "--data", dir.resolve("county").toString(), "--period", "2025-06", "--format", "csv"),
                List.of("ingest", "--data", dir.resolve("county").toString(), "--period", "2023-12",
                        "--data-dir", dir.resolve("data").toString()),
                List.of("run", "--period", "2023-12", "--source", dir.resolve("county").toString(),
                        "--data-dir", dir.resolve("data").toString()),
                List.of("account", "list"),
                List.of("serve", "--port", "0"),
                List.of("demo", "--no-serve", "--persons", "100", "--data-dir", dir.resolve("demo").toString()));
        for (List<String> command : commands) {
            resetH2WrongPasswordDelay();
            Run r = run(with(command, url, "sa", WRONG));
            assertThat(r.err()).as(String.join(" ", command)).contains("用户名或密码错误", "wrong user name or password");
            assertOneLine(r, url, "sa", WRONG);
        }
        assertThat(dir.resolve("demo/county")).as("the demo stops before generating").doesNotExist();
    }

    /** H2 doubles a delay after each wrong password (up to 4 s) until the next right one. */
    static void resetH2WrongPasswordDelay() {
        try (Connection c = DriverManager.getConnection(url, "sa", RIGHT)) {
            c.isValid(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPasswordInTheUrlIsNotPrinted() {
        resetH2WrongPasswordDelay();
        String withPassword = url + ";PASSWORD=" + WRONG;
        Run r = run(with(List.of("account", "list"), withPassword, "sa", WRONG));
        assertOneLine(r, url + ";PASSWORD=***", "sa", WRONG);
    }

    @Test
    void anUnknownPostgresqlUserIsOneLineToo() {
        Assumptions.assumeTrue(reachable("127.0.0.1", 5432), "no PostgreSQL on 127.0.0.1:5432");
        String pg = "jdbc:postgresql://127.0.0.1:5432/test";
        Run r = run(with(List.of("indicators", "--period", "2025-12", "--format", "json"), pg, "olive_no_such_role", WRONG));
        assertOneLine(r, pg, "olive_no_such_role", WRONG);
    }

    static boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
