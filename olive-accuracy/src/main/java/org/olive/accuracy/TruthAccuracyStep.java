package org.olive.accuracy;

import org.olive.income.FamilyIncomeRules;
import org.olive.period.Period;
import org.olive.pipeline.income.IncomeStep;
import org.olive.pipeline.ledger.LedgerResult;
import org.olive.pipeline.ledger.RunFigures;
import org.olive.pipeline.run.MonthlyStep;
import org.olive.pipeline.run.StepContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Step "truth": the accuracy of a period's stored ledgers against the synthetic county's truth, added to a run by the
 * command line after the standard steps ({@code LedgerRun.run(period, steps, added)}), so that its figures are written
 * to ledger_figure and the run's report in the run's transaction: residence and families ({@link TruthAccuracy}), and,
 * when the period has an income ledger, income ({@link IncomeTruthAccuracy}) and the headline figures
 * ({@link HeadlineTruthAccuracy}). It reads the ledger back from the tables the steps wrote (person_period,
 * family_member, person_income, family_income, income_item), never the steps' working state.
 */
public final class TruthAccuracyStep implements MonthlyStep {

    public static final String NAME = "truth";

    private final Path truthDir;
    private final String missing;
    private final FamilyIncomeRules rules;

    /**
     * @param truthDir the truth folder of the period (holding residence.csv), or null when there is none
     * @param missing  why there is none (reported as skipped), when truthDir is null
     * @param rules    the county's family rules (brackets of the income figures)
     */
    private TruthAccuracyStep(Path truthDir, String missing, FamilyIncomeRules rules) {
        this.truthDir = truthDir;
        this.missing = missing;
        this.rules = rules;
    }

    /**
     * The steps to add to a period's run: this step when there is a truth to compare with: the period's folder under {@code explicit}
     * ({@code explicit/P}, {@code explicit/truth/P} or {@code explicit} itself), or, without an explicit folder, the
     * {@code truth/P} folder next to the period folder the data was ingested from. None without an explicit folder and
     * with no truth next to the data (a real county's run: only the production figures); with an explicit folder that
     * has no truth for the period, a step that reports it as skipped.
     *
     * @param explicit     the folder given with {@code --truth}, or null
     * @param ingestedFrom the folder the period was ingested from ({@code LedgerRun.ingestedFrom}), or null
     */
    public static List<MonthlyStep> forPeriod(Path explicit, String ingestedFrom, Period period, FamilyIncomeRules rules) {
        Path countyDir = ingestedFrom == null ? null : Path.of(ingestedFrom).getParent();
        Path truth = TruthAccuracy.locate(explicit, countyDir, period);
        if (truth != null) {
            return List.of(new TruthAccuracyStep(truth, null, rules));
        }
        return explicit == null ? List.of()
                : List.of(new TruthAccuracyStep(null, "no truth for " + period + " under " + explicit, rules));
    }

    @Override
    public String name() {
        return NAME;
    }

    /** After the ledgers it compares and after step figures, which replaces the period's ledger_figure rows. */
    @Override
    public List<String> needs() {
        return List.of("lists", "families", "income", "figures");
    }

    @Override
    public void run(StepContext ctx) throws SQLException {
        if (truthDir == null) {
            ctx.report().skipped().put(NAME, missing);
            return;
        }
        RunFigures.add(ctx, compare(ctx.connection(), ctx.period(), truthDir, rules));
    }

    /** The figures of the period's stored ledgers against its truth folder. */
    public static List<LedgerResult.Figure> compare(Connection c, Period period, Path truthDir, FamilyIncomeRules rules)
            throws SQLException {
        String p = period.toString();
        List<LedgerResult.Figure> out = new ArrayList<>(TruthAccuracy.compare(c, p, truthDir));
        if (IncomeStep.hasIncome(c, period)) {
            out.addAll(IncomeTruthAccuracy.compare(c, p, truthDir, rules));
            out.addAll(HeadlineTruthAccuracy.compare(c, period, truthDir, rules));
        }
        return out;
    }

    /** The run's console summary: its figures one a line, the headline figures as a table (Olive | truth | error). */
    public static String summary(LedgerResult r) {
        return r.summary(f -> !f.metric().startsWith(HeadlineTruthAccuracy.PREFIX), HeadlineTruthAccuracy.table(r.figures()));
    }
}
