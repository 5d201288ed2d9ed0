package org.olive.app.progress;

import org.olive.progress.ProgressListener;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The progress of the long commands ({@code synth}, {@code ingest}, {@code run}, {@code demo}) on standard error,
 * never on standard output: a bar ({@link BarProgress}) when standard error is a terminal, plain lines
 * ({@link PlainProgress}, every 5 s at most and at each stage change) when it is not, when {@code CI} is set or
 * {@code TERM=dumb}.
 */
public final class Progress {

    /** How often plain lines are printed at most, between stage changes. */
    public static final Duration PLAIN_INTERVAL = Duration.ofSeconds(5);

    private Progress() {
    }

    /** The listener for this process's standard error. */
    public static ProgressListener toStandardError() {
        return toStandardError(System.err);
    }

    /** As {@link #toStandardError()}, plain lines going to {@code err} (the bar always draws on {@code System.err}). */
    public static ProgressListener toStandardError(PrintStream err) {
        boolean terminal = System.console() != null && stderrIsTerminal();
        return interactive(System.getenv(), terminal) ? new BarProgress()
                : new PlainProgress(err, System::nanoTime, PLAIN_INTERVAL);
    }

    /** Whether to draw a bar: a terminal, not CI, and a terminal that can move its cursor. */
    static boolean interactive(Map<String, String> env, boolean terminal) {
        String ci = env.get("CI");
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            return false;
        }
        if ("dumb".equals(env.get("TERM"))) {
            return false;
        }
        return terminal;
    }

    /**
     * Whether standard error is a terminal. {@link System#console()} tells only about standard input and output
     * ({@code olive ingest … 2> log} keeps it); on Linux, file descriptor 2 names the device. Elsewhere: assumed yes.
     */
    private static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (!Files.isSymbolicLink(fd)) {
                return true;
            }
            String target = Files.readSymbolicLink(fd).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return true;
        }
    }
}
