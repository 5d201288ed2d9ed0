package org.olive.pipeline.income;

import org.olive.income.FamilyIncomeRules;
import org.olive.pipeline.run.LedgerOutputs;
import org.olive.pipeline.run.MonthlyStep;
import org.olive.pipeline.run.StepContext;

import java.sql.SQLException;
import java.util.List;

/**
 * Step "indicators": the period's county indicators (income_indicator) and the registry's computed values, from the
 * income ledger ({@link IncomeIndicatorStep}). Skipped, with the reason, when the run wrote no income ledger.
 */
public final class IndicatorsStep implements MonthlyStep {

    private final FamilyIncomeRules rules;
    private final org.olive.geography.Divisions divisions;
    private final org.olive.indicator.registry.IndicatorRegistry registry;

    /**
     * @param rules     the lines and brackets of the income step, so that indicators and family flags read one file
     * @param divisions the county's divisions
     * @param registry  the county's indicator registry, whose computed indicators are filled
     */
    public IndicatorsStep(FamilyIncomeRules rules, org.olive.geography.Divisions divisions,
                          org.olive.indicator.registry.IndicatorRegistry registry) {
        this.rules = rules;
        this.divisions = divisions;
        this.registry = registry;
    }

    @Override
    public String name() {
        return "indicators";
    }

    /** The income ledger, and pilot indicator 4 of step figures. */
    @Override
    public List<String> needs() {
        return List.of("income", "figures");
    }

    @Override
    public void run(StepContext ctx) throws SQLException {
        boolean income = ctx.find(LedgerOutputs.INCOME_BUILT)
                .orElseGet(() -> IncomeStep.hasIncome(ctx.connection(), ctx.period())); // --steps without income: its tables
        if (!income) {
            ctx.report().skipped().put("indicators", "no income ledger this period");
            return;
        }
        IncomeIndicatorStep.Report r = IncomeIndicatorStep.run(ctx.connection(), ctx.period(),
                IncomeIndicators.defaultSettings(ctx.period(), rules), registry, java.time.Clock.systemUTC(), divisions);
        ctx.report().counts().put("indicator_rows", (long) r.rowsWritten());
        ctx.report().counts().put("indicator_registry_values_written", (long) r.registryWritten().size());
        if (!r.notes().isEmpty()) {
            ctx.report().skipped().put("indicator_notes", String.join("; ", r.notes()));
        }
    }
}
