package org.olive.pipeline.income;

import org.olive.group.GroupDefinitions;
import org.olive.pipeline.group.GroupOutputs;
import org.olive.pipeline.run.LedgerOutputs;
import org.olive.pipeline.run.MonthlyStep;
import org.olive.pipeline.run.StepContext;

import java.sql.SQLException;
import java.util.List;

/**
 * Step "indicators": the period's county indicators (income_indicator) and the registry's computed values, from the
 * income ledger ({@link IncomeIndicatorStep}), with the breakdown by key group over the members step groups found.
 * Skipped, with the reason, when the run wrote no income ledger.
 */
public final class IndicatorsStep implements MonthlyStep {

    private final IncomeSettings income;
    private final org.olive.geography.Divisions divisions;
    private final org.olive.indicator.registry.IndicatorRegistry registry;
    private final GroupDefinitions groups;

    /**
     * @param income    the income step's settings: its lines and brackets (so that indicators and family flags read one
     *                  file) and the survey's small-cell rule
     * @param divisions the county's divisions
     * @param registry  the county's indicator registry, whose computed indicators are filled
     * @param groups    the county's key groups (groups.yaml): those enabled at the period are the groups of KEY_GROUP
     *                  when step groups did not run in this run
     */
    public IndicatorsStep(IncomeSettings income, org.olive.geography.Divisions divisions,
                          org.olive.indicator.registry.IndicatorRegistry registry, GroupDefinitions groups) {
        this.income = income;
        this.divisions = divisions;
        this.registry = registry;
        this.groups = groups;
    }

    @Override
    public String name() {
        return "indicators";
    }

    /** The income ledger, pilot indicator 4 of step figures, and the key groups' members. */
    @Override
    public List<String> needs() {
        return List.of("income", "figures", "groups");
    }

    @Override
    public void run(StepContext ctx) throws SQLException {
        boolean built = ctx.find(LedgerOutputs.INCOME_BUILT)
                .orElseGet(() -> IncomeStep.hasIncome(ctx.connection(), ctx.period())); // --steps without income: its tables
        if (!built) {
            ctx.report().skipped().put("indicators", "no income ledger this period");
            return;
        }
        // the members step groups published in this run, else (--steps indicators) those it stored for the period
        KeyGroupMembers members = KeyGroupMembers.of(GroupOutputs.members(ctx, groups));
        IncomeIndicatorStep.Report r = IncomeIndicatorStep.run(ctx.connection(), ctx.period(),
                IncomeIndicators.defaultSettings(ctx.period(), income), registry, java.time.Clock.systemUTC(), divisions,
                members);
        ctx.report().counts().put("indicator_rows", (long) r.rowsWritten());
        ctx.report().counts().put("indicator_registry_values_written", (long) r.registryWritten().size());
        if (!r.notes().isEmpty()) {
            ctx.report().skipped().put("indicator_notes", String.join("; ", r.notes()));
        }
    }
}
