package org.olive.pipeline.run;

import java.sql.SQLException;
import java.util.List;

/**
 * One step of the monthly run (docs/architecture.md, "The monthly run"). A step has a name, names the steps it needs,
 * and runs on a {@link StepContext}: the period, the run's connection (one transaction for the whole run), the run
 * report and the typed outputs that earlier steps published. A step writes only the tables it owns and publishes what
 * later steps need as typed {@link Output}s, never as shared mutable fields.
 *
 * <p>Adding a step: implement this interface in the feature's package and add it to the standard run
 * ({@code org.olive.pipeline.ledger.StandardRun}), the one place where the run is assembled; {@link StepPlan} checks
 * the order against the needs.
 */
public interface MonthlyStep {

    /** The step's name: lower case, unique in a run; used in the run report, the timings and {@code --steps}. */
    String name();

    /** The names of the steps whose outputs or tables this step reads; they run before it. */
    List<String> needs();

    /** Runs the step for {@code ctx.period()}. */
    void run(StepContext ctx) throws SQLException;
}
