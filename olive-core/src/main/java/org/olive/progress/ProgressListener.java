package org.olive.progress;

/**
 * Progress of a long command, counted in units (months) per stage: the loops that generate, ingest and build
 * months report to it, and the application draws it (a progress bar on a terminal, plain lines otherwise, on
 * standard error). Framework-free on purpose: core, synth and the pipeline use it without any drawing library.
 */
public interface ProgressListener {

    /** Ignores everything: the default of every loop that reports progress. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void stage(String name, int total) {
        }

        @Override
        public void step(String label) {
        }

        @Override
        public void done() {
        }
    };

    /** A new stage of {@code total} units begins (e.g. {@code "ingest"}, 36 months); it ends the previous stage. */
    void stage(String name, int total);

    /** One more unit of the current stage is done; {@code label} names it (e.g. the month {@code "2023-05"}). */
    void step(String label);

    /** What the current unit is busy with (a ledger step, a file): shown by a bar, not by plain lines. */
    default void detail(String text) {
    }

    /** The command is done: ends the last stage. */
    void done();
}
