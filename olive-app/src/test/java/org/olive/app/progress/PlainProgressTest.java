package org.olive.app.progress;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12: the plain progress lines, on a fake clock. */
class PlainProgressTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PlainProgress progress = new PlainProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8),
            clock::get, Duration.ofSeconds(5));

    private void advance(double seconds) {
        clock.addAndGet((long) (seconds * 1e9));
    }

    private String[] lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toArray(String[]::new);
    }

    @Test
    void printsAtEachStageChangeAndAtMostEveryInterval() {
        progress.stage("ingest", 36);
        advance(2);
        progress.step("2023-01"); // 2 s after the stage line: too soon
        advance(2);
        progress.step("2023-02");
        advance(2);
        progress.step("2023-03"); // 6 s: printed
        advance(2);
        progress.step("2023-04");
        advance(2);
        progress.step("2023-05"); // 4 s after the last line: not yet …
        progress.stage("ledgers", 2); // … but the stage change prints it first
        advance(60);
        progress.step("2023-01");
        progress.done(); // flushes nothing: the last step was printed (a minute after the stage line)
        progress.done();
        assertThat(lines()).containsExactly(
                "ingest: 0/36 months",
                "ingest 2023-03: 3/36 months, 0.5 months/s, ETA 1m06s",
                "ingest 2023-05: 5/36 months, 0.5 months/s, ETA 1m02s",
                "ledgers: 0/2 months",
                "ledgers 2023-01: 1/2 months, 1.0 months/min, ETA 1m00s");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\r");
    }

    @Test
    void theStageEndsWithItsLastMonthAndItsDuration() {
        progress.stage("synth", 3);
        advance(1);
        progress.step("2023-01");
        advance(1);
        progress.step("2023-02");
        advance(1);
        progress.step("2023-03");
        assertThat(lines()).containsExactly("synth: 0/3 months", "synth 2023-03: 3/3 months, 1.0 months/s, took 3s");
    }

    @Test
    void aStageChangeOrTheEndPrintsTheMonthsNotPrintedYet() {
        progress.stage("synth warm-up", 12);
        advance(1);
        progress.step("2022-01");
        advance(1);
        progress.step("2022-02");
        progress.stage("synth", 1);
        progress.done();
        assertThat(lines()).containsExactly("synth warm-up: 0/12 months",
                "synth warm-up 2022-02: 2/12 months, 1.0 months/s, ETA 10s", "synth: 0/1 months");
    }

    @Test
    void ratesAndDurations() {
        assertThat(PlainProgress.rate(0.4)).isEqualTo("0.4 months/s");
        assertThat(PlainProgress.rate(1 / 60.0)).isEqualTo("1.0 months/min");
        assertThat(PlainProgress.rate(1 / 7200.0)).isEqualTo("0.5 months/h");
        assertThat(PlainProgress.duration(45)).isEqualTo("45s");
        assertThat(PlainProgress.duration(80)).isEqualTo("1m20s");
        assertThat(PlainProgress.duration(7500)).isEqualTo("2h05m");
    }

    @Test
    void aBarOnlyOnATerminalOutsideCiThatIsNotDumb() {
        assertThat(Progress.interactive(Map.of("TERM", "xterm"), true)).isTrue();
        assertThat(Progress.interactive(Map.of("TERM", "xterm"), false)).isFalse();
        assertThat(Progress.interactive(Map.of("TERM", "dumb"), true)).isFalse();
        assertThat(Progress.interactive(Map.of("CI", "true"), true)).isFalse();
        assertThat(Progress.interactive(Map.of("CI", "false"), true)).isTrue();
    }
}
