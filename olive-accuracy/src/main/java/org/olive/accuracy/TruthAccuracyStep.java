package org.olive.accuracy;

import org.olive.pipeline.figure.RunFigure;
import org.olive.income.FamilyIncomeRules;
import org.olive.period.Period;
import org.olive.pipeline.income.IncomeStep;
import org.olive.pipeline.ledger.LedgerResult;
import org.olive.pipeline.figure.RunFigures;
import org.olive.pipeline.ledger.StandardRun;
import org.olive.pipeline.run.MonthlyStep;
import org.olive.pipeline.run.StepContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Step "truth": the accuracy of a period's stored ledgers against the synthetic county's truth, added to a run by the
 * command line after the standard steps ({@code LedgerRun.run(period, steps, added)}), so that its figures are written
 * to ledger_figure and the run's report in the run's transaction: residence and families ({@link TruthAccuracy}), and,
 * when the period has an income ledger, income ({@link IncomeTruthAccuracy}) and the headline figures
 * ({@link HeadlineTruthAccuracy}); when the period has an occupation ledger (person_occupation rows), occupations
 * ({@link OccupationTruthAccuracy}); when it has a key-group ledger (group_member rows), the groups
 * ({@link GroupTruthAccuracy}) enabled at the period: the distinct group ids of group_member plus the groups the step
 * is constructed with (a group enabled but with no member in the ledger is then measured too: recall 0). It reads the
 * ledger back from the tables the steps wrote (person_period, family_member, person_income, family_income,
 * income_item, person_occupation, group_member), never the steps' working state.
 *
 * <p>Its needs are the standard steps it compares, plus {@code occupations} and {@code groups} when the standard run
 * has such steps ({@link StandardRun#stepNames()}): the step works before those exist, and runs after them once they do.
 */
public final class TruthAccuracyStep implements MonthlyStep {

    public static final String NAME = "truth";

    private final Path truthDir;
    private final String missing;
    private final FamilyIncomeRules rules;
    private final Set<String> enabledGroups;

    /** The steps of issue 13 whose ledgers this step compares, needed when the standard run has them. */
    static final List<String> OPTIONAL_NEEDS = List.of("occupations", "groups", "policies");

    /**
     * @param truthDir      the truth folder of the period (holding residence.csv), or null when there is none
     * @param missing       why there is none (reported as skipped), when truthDir is null
     * @param rules         the county's family rules (brackets of the income figures)
     * @param enabledGroups groups enabled at the period beside those with members in group_member
     */
    private TruthAccuracyStep(Path truthDir, String missing, FamilyIncomeRules rules, Set<String> enabledGroups) {
        this.truthDir = truthDir;
        this.missing = missing;
        this.rules = rules;
        this.enabledGroups = Set.copyOf(enabledGroups);
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
        return forPeriod(explicit, ingestedFrom, period, rules, Set.of());
    }

    /**
     * The same, measuring also the groups of {@code enabledGroups} (the groups the county's profile enables at the period)
     * besides those with members in group_member.
     */
    public static List<MonthlyStep> forPeriod(Path explicit, String ingestedFrom, Period period, FamilyIncomeRules rules,
                                              Set<String> enabledGroups) {
        Path countyDir = ingestedFrom == null ? null : Path.of(ingestedFrom).getParent();
        Path truth = TruthAccuracy.locate(explicit, countyDir, period);
        if (truth != null) {
            return List.of(new TruthAccuracyStep(truth, null, rules, enabledGroups));
        }
        return explicit == null ? List.of()
                : List.of(new TruthAccuracyStep(null, "no truth for " + period + " under " + explicit, rules, enabledGroups));
    }

    @Override
    public String name() {
        return NAME;
    }

    /** After the ledgers it compares and after step figures, which replaces the period's ledger_figure rows. */
    @Override
    public List<String> needs() {
        List<String> needs = new ArrayList<>(List.of("lists", "families", "income", "figures"));
        List<String> standard = StandardRun.stepNames();
        OPTIONAL_NEEDS.stream().filter(standard::contains).forEach(needs::add);
        return needs;
    }

    @Override
    public void run(StepContext ctx) throws SQLException {
        if (truthDir == null) {
            ctx.report().skipped().put(NAME, missing);
            return;
        }
        RunFigures.add(ctx, compare(ctx.connection(), ctx.period(), truthDir, rules, enabledGroups));
    }

    /** The figures of the period's stored ledgers against its truth folder. */
    public static List<RunFigure> compare(Connection c, Period period, Path truthDir, FamilyIncomeRules rules)
            throws SQLException {
        return compare(c, period, truthDir, rules, Set.of());
    }

    /**
     * The figures of the period's stored ledgers against its truth folder, the groups measured being those of
     * group_member at the period and {@code enabledGroups}.
     */
    public static List<RunFigure> compare(Connection c, Period period, Path truthDir, FamilyIncomeRules rules,
                                                    Set<String> enabledGroups) throws SQLException {
        String p = period.toString();
        List<RunFigure> out = new ArrayList<>(TruthAccuracy.compare(c, p, truthDir));
        if (IncomeStep.hasIncome(c, period)) {
            out.addAll(IncomeTruthAccuracy.compare(c, p, truthDir, rules));
            out.addAll(HeadlineTruthAccuracy.compare(c, period, truthDir, rules));
        }
        if (OccupationTruthAccuracy.hasLedger(c, p)) {
            out.addAll(OccupationTruthAccuracy.compare(c, p, truthDir));
        }
        if (GroupTruthAccuracy.hasLedger(c, p)) {
            Set<String> groups = new TreeSet<>(GroupTruthAccuracy.ledgerGroups(c, p));
            groups.addAll(enabledGroups);
            out.addAll(GroupTruthAccuracy.compare(c, p, truthDir, groups));
        }
        out.addAll(VulnerabilityBacktest.compare(c, period, truthDir, rules));
        out.addAll(PolicyTruthAccuracy.compare(c, period, truthDir));
        return out;
    }

    /** Whether a ledger table has rows for the period. */
    static boolean hasRows(Connection c, String table, String period) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE data_period = ? FETCH FIRST 1 ROWS ONLY")) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * The run's console summary: its figures one a line, the headline figures as a table (Olive | truth | error), the
     * occupation precision by source and the groups' precision, recall and size as tables.
     */
    public static String summary(LedgerResult r) {
        return r.summary(f -> !f.metric().startsWith(HeadlineTruthAccuracy.PREFIX)
                        && !(f.metric().startsWith("policy_eligible_") || f.metric().startsWith("policy_leakage_"))
                        || f.areaCode().isEmpty() && !f.metric().startsWith(HeadlineTruthAccuracy.PREFIX),
                HeadlineTruthAccuracy.table(r.figures()) + sourceTable(r.figures()) + groupTable(r.figures())
                        + VulnerabilityBacktest.table(r.figures()) + PolicyTruthAccuracy.table(r.figures()));
    }

    /** The occupation precision per source, one a line. */
    static String sourceTable(List<RunFigure> figures) {
        StringBuilder b = new StringBuilder();
        for (RunFigure f : figures) {
            if (f.metric().equals(OccupationTruthAccuracy.PRECISION) && !f.areaCode().isEmpty()) {
                if (b.isEmpty()) {
                    b.append("  occupation 中类 precision by source:\n");
                }
                b.append(String.format(Locale.ROOT, "    %-12s %8s (%d / %d)%n", f.areaCode(), share(f.value()),
                        f.numerator(), f.denominator()));
            }
        }
        return b.toString();
    }

    /** The key groups against the truth: one line per group, precision, recall, size in the ledger / in the truth. */
    static String groupTable(List<RunFigure> figures) {
        java.util.Map<String, java.util.Map<String, RunFigure>> byGroup = new java.util.TreeMap<>();
        for (RunFigure f : figures) {
            if (f.metric().startsWith("group_") && !f.areaCode().isEmpty()) {
                byGroup.computeIfAbsent(f.areaCode(), k -> new java.util.HashMap<>()).put(f.metric(), f);
            }
        }
        if (byGroup.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  key groups against the truth:%n    %-20s %10s %10s %15s %10s%n",
                "group", "precision", "recall", "ledger / truth", "manual"));
        byGroup.forEach((g, m) -> {
            RunFigure size = m.get(GroupTruthAccuracy.SIZE);
            RunFigure manual = m.get(GroupTruthAccuracy.MANUAL_PRECISION);
            b.append(String.format(Locale.ROOT, "    %-20s %10s %10s %15s %10s%n", g,
                    share(m.get(GroupTruthAccuracy.PRECISION)), share(m.get(GroupTruthAccuracy.RECALL)),
                    size == null ? "–" : size.numerator() + " / " + size.denominator(),
                    manual == null ? "–" : share(manual)));
        });
        return b.toString();
    }

    private static String share(RunFigure f) {
        return f == null ? "–" : share(f.value());
    }

    private static String share(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }
}
