package org.olive.app.progress;

import org.olive.progress.ProgressListener;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress as plain lines, for standard error that is not a terminal (a log file, CI): no carriage returns, one line
 * at each stage change, then at most one line every {@code interval} and the stage's last month, e.g.
 * {@code ingest 2023-05: 5/36 months, 0.4 months/s, ETA 1m20s}. The rate is the stage's months done over the time
 * since it began, and the ETA the months left at that rate.
 */
public final class PlainProgress implements ProgressListener {

    private final PrintStream out;
    private final LongSupplier nanoClock;
    private final long intervalNanos;

    private String stage;
    private int total;
    private int done;
    private String label;
    private long stageStart;
    private long lastPrint;
    /** Whether the last step of the current stage has been printed. */
    private boolean printed = true;

    /** Lines to {@code out}, every {@code interval} at most, timed by {@code nanoClock} (e.g. {@link System#nanoTime}). */
    public PlainProgress(PrintStream out, LongSupplier nanoClock, Duration interval) {
        this.out = out;
        this.nanoClock = nanoClock;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public synchronized void stage(String name, int total) {
        flush();
        this.stage = name;
        this.total = total;
        this.done = 0;
        this.label = null;
        this.stageStart = nanoClock.getAsLong();
        this.lastPrint = stageStart;
        out.println(name + ": 0/" + total + " months");
        out.flush();
    }

    @Override
    public synchronized void step(String label) {
        if (stage == null) {
            return;
        }
        done++;
        this.label = label;
        printed = false;
        long now = nanoClock.getAsLong();
        if (now - lastPrint >= intervalNanos || done >= total) {
            print(now);
        }
    }

    @Override
    public synchronized void done() {
        flush();
        stage = null;
    }

    private void flush() {
        if (stage != null && !printed) {
            print(nanoClock.getAsLong());
        }
    }

    private void print(long now) {
        out.println(line(stage, label, done, total, now - stageStart));
        out.flush();
        lastPrint = now;
        printed = true;
    }

    /** One progress line: {@code STAGE LABEL: DONE/TOTAL months, RATE, ETA …} (or {@code took …} once all are done). */
    static String line(String stage, String label, int done, int total, long elapsedNanos) {
        StringBuilder b = new StringBuilder(stage);
        if (label != null) {
            b.append(' ').append(label);
        }
        b.append(": ").append(done).append('/').append(total).append(" months");
        double seconds = elapsedNanos / 1e9;
        if (done > 0 && seconds > 0) {
            double perSecond = done / seconds;
            b.append(", ").append(rate(perSecond));
            if (done >= total) {
                b.append(", took ").append(duration(seconds));
            } else {
                b.append(", ETA ").append(duration((total - done) / perSecond));
            }
        }
        return b.toString();
    }

    /** Months per second, or per minute or hour when fewer than 0.1 a second (ledgers take about a minute each). */
    static String rate(double perSecond) {
        if (perSecond >= 0.1) {
            return String.format(Locale.ROOT, "%.1f months/s", perSecond);
        }
        if (perSecond * 60 >= 0.1) {
            return String.format(Locale.ROOT, "%.1f months/min", perSecond * 60);
        }
        return String.format(Locale.ROOT, "%.1f months/h", perSecond * 3600);
    }

    /** {@code 45s}, {@code 1m20s}, {@code 2h05m}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        }
        return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }
}
