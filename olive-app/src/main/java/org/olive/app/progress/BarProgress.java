package org.olive.app.progress;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.olive.progress.ProgressListener;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.time.temporal.ChronoUnit;

/**
 * Progress as a bar on a terminal, one per stage, drawn on standard error by me.tongfei:progressbar: the stage, months
 * done of total, elapsed time and ETA, the rate, and what the current month is busy with.
 *
 * <p>The commands keep printing their reports on standard output and Spring logs on standard error while the bar is
 * drawn: from the first stage to {@link #done()}, {@code System.out} and {@code System.err} go through a stream that
 * clears the bar's line before their text and draws it again after each of their lines, so that neither is
 * overwritten nor glued to the bar. Each finished stage stays on screen as one line.
 */
public final class BarProgress implements ProgressListener {

    private static final String CLEAR_LINE = "\r\u001b[K";

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    /** The current stage's line (a new one per stage: the library may close the previous one late). */
    private volatile Line line = new Line(err);
    private ProgressBar bar;
    private boolean redirected;

    @Override
    public synchronized void stage(String name, int total) {
        close();
        if (!redirected) {
            System.setOut(around(out));
            System.setErr(around(err));
            redirected = true;
        }
        line = new Line(err);
        bar = new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(total)
                .setUnit(" months", 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.MINUTES)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(line)
                .build();
    }

    @Override
    public synchronized void step(String label) {
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(" " + label);
        }
    }

    @Override
    public synchronized void detail(String text) {
        if (bar != null) {
            bar.setExtraMessage(" " + text);
        }
    }

    @Override
    public synchronized void done() {
        close();
        if (redirected) {
            System.out.flush();
            System.err.flush();
            System.setOut(out);
            System.setErr(err);
            redirected = false;
        }
    }

    private void close() {
        if (bar != null) {
            // the library draws the final state on its own thread and waits for it, unless this thread is interrupted
            boolean interrupted = Thread.interrupted();
            bar.close();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            line.close(); // ends the line now, whether or not the library closed it
            bar = null;
        }
    }

    private PrintStream around(PrintStream target) {
        String encoding = System.getProperty(target == out ? "sun.stdout.encoding" : "sun.stderr.encoding",
                Charset.defaultCharset().name());
        try {
            return new PrintStream(new AroundBar(target, this), true, encoding);
        } catch (UnsupportedEncodingException e) {
            return new PrintStream(new AroundBar(target, this), true, Charset.defaultCharset());
        }
    }

    /** The bar's line on standard error: drawn with a carriage return, cleared for other output, then drawn again. */
    static final class Line extends ConsoleProgressBarConsumer {
        private final PrintStream err;
        private String last;
        private boolean drawn;
        private boolean closed;

        Line(PrintStream err) {
            super(err);
            this.err = err;
        }

        @Override
        public synchronized void accept(String rendered) {
            if (closed) {
                return;
            }
            last = rendered;
            err.print(CLEAR_LINE + rendered);
            err.flush();
            drawn = true;
        }

        synchronized void erase() {
            if (drawn) {
                err.print(CLEAR_LINE);
                err.flush();
                drawn = false;
            }
        }

        synchronized void redraw() {
            if (last != null && !drawn && !closed) {
                accept(last);
            }
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            redraw(); // the stage's last state stays as a line
            closed = true;
            drawn = false;
            super.close(); // ends the line
        }
    }

    /** Another stream's output with the bar cleared before it and drawn again after each of its lines. */
    private static final class AroundBar extends OutputStream {
        private final PrintStream target;
        private final BarProgress progress;

        AroundBar(PrintStream target, BarProgress progress) {
            this.target = target;
            this.progress = progress;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len == 0) {
                return;
            }
            Line line = progress.line;
            synchronized (line) {
                line.erase();
                target.write(b, off, len);
                target.flush();
                if (b[off + len - 1] == '\n') {
                    line.redraw();
                }
            }
        }

        @Override
        public void flush() {
            target.flush();
        }
    }
}
