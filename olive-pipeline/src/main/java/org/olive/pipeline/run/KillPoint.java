package org.olive.pipeline.run;

/**
 * A seam for the test that kills a run half-way ({@code KillNineTest}): when the environment variable
 * {@code OLIVE_PAUSE_AT} names a point the run reaches ({@code step:income} after step income, {@code file:hukou}
 * after the period's hukou file is loaded), the run says so on stderr and waits there, in the middle of its
 * transaction, to be killed. Unset, it costs one environment lookup per point.
 */
public final class KillPoint {

    private static final String POINT = System.getenv("OLIVE_PAUSE_AT");

    private KillPoint() {
    }

    /** Pauses here if OLIVE_PAUSE_AT names this point. */
    public static void reached(String point) {
        if (POINT != null && POINT.equals(point)) {
            System.err.println("OLIVE_PAUSE_AT " + point + ": paused, waiting to be killed");
            System.err.flush();
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
