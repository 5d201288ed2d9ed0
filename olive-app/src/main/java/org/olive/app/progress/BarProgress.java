package org.olive.app.progress;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.olive.progress.ProgressListener;

import java.time.temporal.ChronoUnit;

/**
 * Progress as a bar on a terminal, one per stage, drawn on standard error by me.tongfei:progressbar: the stage, months
 * done of total, the rate, the elapsed time and the ETA, and what the current month is busy with.
 */
public final class BarProgress implements ProgressListener {

    private ProgressBar bar;

    @Override
    public synchronized void stage(String name, int total) {
        close();
        bar = new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(total)
                .setUnit(" months", 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.MINUTES)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .build(); // the default consumer draws on System.err
    }

    @Override
    public synchronized void step(String label) {
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(label);
        }
    }

    @Override
    public synchronized void detail(String text) {
        if (bar != null) {
            bar.setExtraMessage(text);
        }
    }

    @Override
    public synchronized void done() {
        close();
    }

    private void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
