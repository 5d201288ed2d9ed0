package org.olive.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: the long commands report their progress on standard error, as plain lines when it is not a terminal (as
 * here: the test's standard error is a buffer and there is no console), and never on standard output.
 */
class ProgressOutputTest {

    private static final Pattern PROGRESS = Pattern.compile("^[a-z -]+( \\d{4}-\\d{2})?: \\d+/\\d+ months.*");

    @TempDir
    Path tmp;

    private record Output(int exit, String out, String err) {
    }

    private static Output run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            exit = OliveCommand.commandLine().execute(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Output(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    private static List<String> progressLines(String text) {
        return text.lines().filter(l -> PROGRESS.matcher(l).matches()).toList();
    }

    @Test
    void synthAndIngestPrintPlainProgressLinesOnStandardErrorOnly() {
        Path county = tmp.resolve("county");
        Output synth = run("synth", "--out", county.toString(), "--persons", "300", "--from", "2023-12", "--to", "2024-01",
                "--tourists", "2000", "--seed", "12");
        assertThat(synth.exit()).isZero();
        assertThat(progressLines(synth.err())).startsWith("synth warm-up: 0/12 months")
                .contains("synth: 0/2 months")
                .anyMatch(l -> l.matches("synth warm-up 2023-11: 12/12 months, [0-9.]+ months/(s|min), took \\d+s"))
                .last().satisfies(l -> assertThat(l).matches("synth 2024-01: 2/2 months, [0-9.]+ months/(s|min), took \\d+s"));
        assertThat(synth.err()).doesNotContain("\r");
        assertThat(progressLines(synth.out())).isEmpty();
        assertThat(synth.out()).contains("2024-01 residents"); // the generator's own lines stay where they were

        Output ingest = run("ingest", "--data", county.toString(), "--from", "2023-12", "--to", "2024-01",
                "--data-dir", tmp.resolve("data").toString());
        assertThat(ingest.exit()).isZero();
        assertThat(progressLines(ingest.err())).startsWith("ingest: 0/2 months")
                .last().satisfies(l -> assertThat(l).matches("ingest 2024-01: 2/2 months, [0-9.]+ months/(s|min|h), took \\d+(s|m\\d\\ds)"));
        assertThat(ingest.err()).doesNotContain("\r");
        assertThat(progressLines(ingest.out())).isEmpty();
        assertThat(ingest.out()).doesNotContain("months/").doesNotContain("ETA");
    }
}
