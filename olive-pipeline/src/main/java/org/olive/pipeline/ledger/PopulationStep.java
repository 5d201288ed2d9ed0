package org.olive.pipeline.ledger;

import org.olive.pipeline.run.MonthlyStep;
import org.olive.pipeline.run.StepContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** A step of the population and family ledgers: works on the period's {@link LedgerWork}, which step registry publishes. */
abstract class PopulationStep implements MonthlyStep {

    private final String name;
    private final List<String> needs;

    PopulationStep(String name, List<String> needs) {
        this.name = name;
        this.needs = List.copyOf(needs);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> needs() {
        return needs;
    }

    @Override
    public void run(StepContext ctx) throws SQLException {
        run(ctx.connection(), ctx.need(LedgerWork.OUTPUT));
    }

    abstract void run(Connection c, LedgerWork w) throws SQLException;
}
