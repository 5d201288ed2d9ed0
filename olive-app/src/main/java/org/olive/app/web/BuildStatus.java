package org.olive.app.web;

import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Whether the months of the county are still being built while the web app serves: {@code olive demo} starts
 * serving as soon as its first month is built and builds the others behind it (docs/cockpit.md, "The demo"), telling
 * this bean after each month. The shared layout shows a banner while it is {@link #building()}; the pages show the
 * latest month built, since a month's ledgers commit in one transaction. Outside the demo nothing is built behind the
 * web app and the bean stays idle.
 */
@Component
public class BuildStatus {

    /** What the banner shows: months built of the total, the latest built, and the estimated time left. */
    public record View(int built, int total, String latest, long minutesLeft) {
    }

    private volatile int total;
    private volatile int built;
    private volatile String latest;
    private volatile long startNanos;
    private volatile int builtAtStart;

    /** The build of {@code total} months begins, {@code built} of them already built (e.g. the first). */
    public void begin(int built, int total, String latest) {
        this.total = total;
        this.built = built;
        this.builtAtStart = built;
        this.latest = latest;
        this.startNanos = System.nanoTime();
    }

    /** One more month is built. */
    public void built(String period) {
        this.latest = period;
        this.built = built + 1;
    }

    /** The build ended, all months built or not (a failed month ends it too): the banner goes. */
    public void end() {
        this.total = 0;
    }

    public boolean building() {
        return total > 0 && built < total;
    }

    /** The banner's figures, or null when nothing is being built. */
    public View view() {
        if (!building()) {
            return null;
        }
        int done = built - builtAtStart;
        long left = -1;
        if (done > 0) {
            long perMonth = (System.nanoTime() - startNanos) / done;
            left = Math.max(1, Duration.ofNanos(perMonth * (total - built)).toMinutes());
        }
        return new View(built, total, latest, left);
    }
}
