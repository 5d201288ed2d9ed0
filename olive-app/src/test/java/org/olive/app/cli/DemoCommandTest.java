package org.olive.app.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code olive demo} builds the county month by month and serves the web app as soon as the first month is built, the
 * other months being built behind it; a second start builds nothing and serves at once.
 */
class DemoCommandTest {

    @TempDir
    Path dir;

    @AfterEach
    void stopServer() {
        ServeCommand.stop();
    }

    private record Run(int exit, String out) {
    }

    private Run demo(String to, String... extra) {
        List<String> args = new ArrayList<>(List.of("demo", "--persons", "300", "--tourists", "500", "--from", "2024-01",
                "--to", to, "--data-dir", dir.resolve("data").toString(), "--port", "0"));
        args.addAll(List.of(extra));
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = OliveCommand.commandLine().execute(args.toArray(String[]::new));
            return new Run(exit, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void servesOnceTheFirstMonthIsBuiltAndBuildsTheOthersBehindIt() throws Exception {
        Run r = demo("2024-03");
        assertThat(r.exit()).isZero();
        String out = r.out();
        int serving = out.indexOf("Olive is serving at http://127.0.0.1:");
        assertThat(serving).as(out).isPositive();
        assertThat(out.indexOf("Serving while the other 2 months are built")).isGreaterThan(serving);
        // the web app started after the first month's ledgers and before the second month's
        assertThat(out.indexOf("Ledgers of 2024-01")).isBetween(0, serving);
        assertThat(out.indexOf("Ledgers of 2024-02")).isGreaterThan(serving);
        assertThat(out.indexOf("Ledgers of 2024-03")).isGreaterThan(out.indexOf("Ledgers of 2024-02"));
        assertThat(out).contains("Built 3 months in", "All 3 months are built");
        assertThat(ServeCommand.serverRunning()).isTrue();
        String port = out.substring(serving + "Olive is serving at http://127.0.0.1:".length()).split("/", 2)[0];
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("登录").doesNotContain("build-banner");
        ServeCommand.stop();

        assertThat(ledgerPeriods()).containsExactly("2024-01", "2024-02", "2024-03");

        Run again = demo("2024-03");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("already generated", "All 3 months are already ingested and their ledgers built",
                "Olive is serving at").doesNotContain("Building ");
    }

    @Test
    void withoutServingItBuildsEveryMonthAndReturns() throws Exception {
        Run r = demo("2024-02", "--no-serve");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Building 2 months", "Built 2 months in").doesNotContain("Olive is serving");
        assertThat(ServeCommand.serverRunning()).isFalse();
        assertThat(ledgerPeriods()).containsExactly("2024-01", "2024-02");
    }

    private List<String> ledgerPeriods() throws Exception {
        assertThat(Files.exists(dir.resolve("data/olive.mv.db"))).isTrue();
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/olive"), "sa", "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT data_period FROM family_income ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
