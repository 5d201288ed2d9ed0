package org.olive.pipeline.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a monthly run reports besides its figures: counts (rows written, persons, cases …), timings in milliseconds
 * (wall and CPU per step, plus the sub-timings a step adds) and the steps or parts skipped with the reason. Kept with
 * the run (ledger_run.report) and printed by {@code olive run}.
 */
public final class RunReport {

    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, Long> millis = new LinkedHashMap<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();

    /** Counts by name, in the order the steps added them; steps put into it. */
    public Map<String, Long> counts() {
        return counts;
    }

    /** Timings in milliseconds by name; steps put their sub-timings into it. */
    public Map<String, Long> millis() {
        return millis;
    }

    /** What was skipped and why. */
    public Map<String, String> skipped() {
        return skipped;
    }
}
