package org.olive.app.progress;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12: the bar draws on standard error only, and standard output keeps exactly what the command printed. */
class BarProgressTest {

    @Test
    void theBarGoesToStandardErrorAndStandardOutputIsUntouched() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            PrintStream capturedOut = new PrintStream(o, true, StandardCharsets.UTF_8);
            PrintStream capturedErr = new PrintStream(e, true, StandardCharsets.UTF_8);
            System.setOut(capturedOut);
            System.setErr(capturedErr);
            BarProgress bar = new BarProgress();
            bar.stage("ingest", 2);
            System.out.println("report of 2023-01");
            bar.step("2023-01");
            System.out.println("report of 2023-02");
            bar.step("2023-02");
            bar.done();
            assertThat(System.out).isSameAs(capturedOut);
            assertThat(System.err).isSameAs(capturedErr);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(o.toString(StandardCharsets.UTF_8)).isEqualTo("report of 2023-01\nreport of 2023-02\n");
        String drawn = e.toString(StandardCharsets.UTF_8);
        assertThat(drawn).contains("ingest").contains("2/2 months").endsWith("\n");
        assertThat(drawn.split("\n", -1)).hasSize(2); // redrawn in place with carriage returns: one line, ended at the end
    }
}
