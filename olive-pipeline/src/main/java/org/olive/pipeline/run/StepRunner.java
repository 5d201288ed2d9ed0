package org.olive.pipeline.run;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/** Runs steps in order on one context, timing each (wall and CPU of the step's thread) into the run report. */
public final class StepRunner {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private StepRunner() {
    }

    /** @param progress told "PERIOD STEP" as each step begins */
    public static void run(List<MonthlyStep> steps, StepContext ctx, Consumer<String> progress) throws SQLException {
        for (MonthlyStep s : steps) {
            ctx.enter(s.name());
            long t = System.nanoTime();
            long cpu = CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() : -1;
            progress.accept(ctx.period() + " " + s.name());
            s.run(ctx);
            ctx.report().millis().put(s.name(), (System.nanoTime() - t) / 1_000_000);
            if (cpu >= 0) {
                // CPU time of the step's thread (the embedded H2 works on it too): the fair figure on a shared machine
                ctx.report().millis().put(s.name() + "_cpu", (CPU.getCurrentThreadCpuTime() - cpu) / 1_000_000);
            }
            KillPoint.reached("step:" + s.name());
        }
        ctx.enter("");
    }
}
