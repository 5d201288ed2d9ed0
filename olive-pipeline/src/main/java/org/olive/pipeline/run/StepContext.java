package org.olive.pipeline.run;

import org.olive.period.Period;

import java.sql.Connection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link MonthlyStep} receives: the period, the run's connection (auto-commit off: the whole run is one
 * transaction, committed by the runner after the last step, rolled back on any failure), the run report and the
 * outputs published by the steps that ran before.
 */
public final class StepContext {

    private final Period period;
    private final Connection connection;
    private final RunReport report;
    private final Map<Output<?>, Object> outputs = new IdentityHashMap<>();
    private final Map<Output<?>, String> publishers = new IdentityHashMap<>();
    private String current = "";

    public StepContext(Period period, Connection connection, RunReport report) {
        this.period = period;
        this.connection = connection;
        this.report = report;
    }

    public Period period() {
        return period;
    }

    public Connection connection() {
        return connection;
    }

    public RunReport report() {
        return report;
    }

    /** Publishes an output of the running step; an output is published once per run. */
    public <T> void publish(Output<T> output, T value) {
        if (outputs.containsKey(output)) {
            throw new IllegalStateException("step " + current + " publishes " + output.name() + ", already published by step "
                    + publishers.get(output));
        }
        outputs.put(output, output.type().cast(value));
        publishers.put(output, current);
    }

    /** An output an earlier step published; fails with the step's name when none did (a missing need). */
    public <T> T need(Output<T> output) {
        Object v = outputs.get(output);
        if (v == null) {
            throw new IllegalStateException("step " + current + " needs " + output.name()
                    + ", which no earlier step of this run published: add the publishing step to its needs");
        }
        return output.type().cast(v);
    }

    /** An output when an earlier step published it. */
    public <T> Optional<T> find(Output<T> output) {
        return Optional.ofNullable(outputs.get(output)).map(output.type()::cast);
    }

    /** Called by the runner before each step. */
    void enter(String step) {
        current = step;
    }
}
