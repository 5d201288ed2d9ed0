package org.olive.pipeline.ledger;

import org.olive.pipeline.figure.RunFigure;
import org.olive.pipeline.figure.RunFigures;
import org.olive.family.FamilyBuilder;
import org.olive.family.FamilyInput;
import org.olive.family.FamilyLedger;
import org.olive.period.Period;
import org.olive.pipeline.run.MonthlyStep;
import org.olive.pipeline.run.RunReport;
import org.olive.pipeline.run.StepContext;
import org.olive.pipeline.run.StepPlan;
import org.olive.pipeline.run.StepRunner;
import org.olive.pipeline.editing.EditingSettings;
import org.olive.pipeline.income.IncomeEstimation;
import org.olive.pipeline.income.IncomeSettings;
import org.olive.pipeline.income.estimate.EstimationSettings;
import org.olive.pipeline.income.estimate.SurveyEstimation;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Builds the population and family ledgers (人口一本账, 家庭一本账) of one period from the visible rows of the master
 * database: the person registry, record matching, presence and residence over the trailing window, the four lists,
 * the families with their conflicts, the income ledger ({@link IncomeStep}), the figures (pilot indicator 4) and the
 * indicators. docs/population.md documents every choice. The run reads no generator file: the accuracy against a
 * synthetic county's truth is a step that the command line adds ({@link #run(Period, java.util.Collection, List)}).
 *
 * <p>The run is registered in ledger_run (committed at once), then everything is written in one transaction: a
 * failed run leaves the period's previous ledgers untouched and is marked FAILED with its error. Re-running a
 * period replaces its rows; person keys and family keys stay the same.
 *
 * <p>The steps are classes of this package: {@link PersonRegistry}, {@link MatchedRowsStep}, {@link PresenceStep}
 * (over the {@link CrossingWindow}), {@link PopulationListsStep} and {@link FamilyStep} share a {@link LedgerWork};
 * {@link LedgerFigures} writes the figures ({@link RunFigures}). One LedgerRun keeps its {@link RunMemory} (crossings, villages, income facts), so running the
 * periods in order with the same instance reads only each new period's crossings; runs of one instance are
 * serialised.
 */
public final class LedgerRun {

    private final DataSource dataSource;
    private final LedgerSettings settings;
    private final Function<FamilyInput, FamilyLedger> familyBuilder;
    private final Consumer<String> progress;
    /** What the run keeps in memory for its next period: crossings, villages for matching, income facts. */
    private final RunMemory memory;
    private final IncomeSettings incomeSettings;
    /** The editing of amounts before the income step (docs/editing.md). */
    private final EditingSettings editingSettings;
    private final IncomeEstimation estimation;
    private final org.olive.geography.Divisions divisions;
    private final org.olive.indicator.registry.IndicatorRegistry registry;
    /** The occupation ledger's rules and the person facts' windows (occupation.yaml). */
    private final org.olive.occupation.OccupationRules occupation;
    /** The key groups' rules and tiers (groups.yaml); the built-in ones unless {@link #groups} sets a county's. */
    private org.olive.group.GroupDefinitions groups = org.olive.pipeline.group.GroupSettings.builtIn();
    /** The warning rules (warnings.yaml); the built-in ones unless {@link #warnings} sets a county's. */
    private org.olive.warning.WarningDefinitions warnings = org.olive.pipeline.warning.WarningSettings.builtIn();
    /** The tag system (tags.yaml); the built-in one unless {@link #tags} sets a county's. */
    private org.olive.tag.TagDefinitions tags = org.olive.pipeline.tag.TagSettings.builtIn();

    /** A run with the built-in settings and the real family builder. */
    public static LedgerRun withDefaults(DataSource dataSource, Consumer<String> progress) {
        return withSettings(dataSource, LedgerSettings.builtIn(), IncomeSettings.builtIn(), EditingSettings.builtIn(),
                org.olive.geography.Divisions.shengsi(), org.olive.indicator.registry.RegistryLoader.builtIn(),
                org.olive.pipeline.occupation.OccupationSettings.builtIn(), progress);
    }

    /**
     * A run with a county's parameters, divisions and registry (a county profile's: {@code CountyProfile.ledgerRun}),
     * the real family builder and the survey estimation.
     */
    public static LedgerRun withSettings(DataSource dataSource, LedgerSettings s, IncomeSettings income,
                                         EditingSettings editing, org.olive.geography.Divisions divisions,
                                         org.olive.indicator.registry.IndicatorRegistry registry,
                                         org.olive.occupation.OccupationRules occupation, Consumer<String> progress) {
        return new LedgerRun(dataSource, s, new FamilyBuilder(s.family())::build, progress, income, editing,
                new SurveyEstimation(EstimationSettings.fromMap(income.estimation()), divisions), divisions, registry,
                occupation);
    }

    /**
     * @param familyBuilder builds the families of a period (normally {@link FamilyBuilder#build}); a parameter so that
     *                      the persistence can be tested with a simpler builder
     */
    public LedgerRun(DataSource dataSource, LedgerSettings settings, Function<FamilyInput, FamilyLedger> familyBuilder,
                     Consumer<String> progress) {
        this(dataSource, settings, familyBuilder, progress, IncomeSettings.builtIn(), IncomeEstimation.NONE);
    }

    /**
     * @param incomeSettings the income step's parameters ({@link IncomeSettings#builtIn()} or a county file)
     * @param estimation     the income estimation ({@link IncomeEstimation#NONE} for precise and declared figures only)
     */
    public LedgerRun(DataSource dataSource, LedgerSettings settings, Function<FamilyInput, FamilyLedger> familyBuilder,
                     Consumer<String> progress, IncomeSettings incomeSettings, IncomeEstimation estimation) {
        this(dataSource, settings, familyBuilder, progress, incomeSettings, EditingSettings.builtIn(), estimation,
                org.olive.geography.Divisions.shengsi(), org.olive.indicator.registry.RegistryLoader.builtIn());
    }

    /** The vulnerability model's parameters (vulnerability.yaml); the built-in ones unless {@link #vulnerability} sets a county's. */
    private org.olive.vulnerability.VulnerabilitySettings vulnerability =
            org.olive.pipeline.vulnerability.VulnerabilitySettingsFile.builtIn();

    /** The policy library (policies.yaml); the built-in one unless {@link #policies} sets a county's. */
    private org.olive.policy.PolicyDefinitions policies = org.olive.pipeline.policy.PolicySettings.builtIn();

    /** The county profile's policy library (policies.yaml) for the runs of this object; returns it. */
    public LedgerRun policies(org.olive.policy.PolicyDefinitions definitions) {
        this.policies = java.util.Objects.requireNonNull(definitions);
        return this;
    }

    /** The county profile's vulnerability parameters (vulnerability.yaml) for the runs of this object; returns it. */
    public LedgerRun vulnerability(org.olive.vulnerability.VulnerabilitySettings settings) {
        this.vulnerability = java.util.Objects.requireNonNull(settings);
        return this;
    }

    /** The assistance cases' parameters (warnings.yaml's cases:); the built-in ones unless {@link #cases} sets a county's. */
    private org.olive.assistance.CaseDefinitions cases = org.olive.pipeline.assistance.CaseSettings.builtIn();

    /** The county profile's parameters of the assistance cases for the runs of this object; returns it. */
    public LedgerRun cases(org.olive.assistance.CaseDefinitions definitions) {
        this.cases = java.util.Objects.requireNonNull(definitions);
        return this;
    }

    /** The county profile's warning rules (warnings.yaml) for the runs of this object; returns it. */
    public LedgerRun warnings(org.olive.warning.WarningDefinitions definitions) {
        this.warnings = java.util.Objects.requireNonNull(definitions);
        return this;
    }

    /** The county profile's tag system (tags.yaml) for the runs of this object; returns it. */
    public LedgerRun tags(org.olive.tag.TagDefinitions definitions) {
        this.tags = java.util.Objects.requireNonNull(definitions);
        return this;
    }

    /** The key groups' definitions the runs of this object use. */
    public org.olive.group.GroupDefinitions groupDefinitions() {
        return groups;
    }

    /** The county profile's key groups (groups.yaml) for the runs of this object; returns it. */
    public LedgerRun groups(org.olive.group.GroupDefinitions definitions) {
        this.groups = java.util.Objects.requireNonNull(definitions);
        return this;
    }

    /** With the county profile's parameters but the built-in occupation rules. */
    public LedgerRun(DataSource dataSource, LedgerSettings settings, Function<FamilyInput, FamilyLedger> familyBuilder,
                     Consumer<String> progress, IncomeSettings incomeSettings, EditingSettings editingSettings,
                     IncomeEstimation estimation, org.olive.geography.Divisions divisions,
                     org.olive.indicator.registry.IndicatorRegistry registry) {
        this(dataSource, settings, familyBuilder, progress, incomeSettings, editingSettings, estimation, divisions, registry,
                org.olive.pipeline.occupation.OccupationSettings.builtIn());
    }

    /** With every parameter of the county profile. */
    public LedgerRun(DataSource dataSource, LedgerSettings settings, Function<FamilyInput, FamilyLedger> familyBuilder,
                     Consumer<String> progress, IncomeSettings incomeSettings, EditingSettings editingSettings,
                     IncomeEstimation estimation, org.olive.geography.Divisions divisions,
                     org.olive.indicator.registry.IndicatorRegistry registry,
                     org.olive.occupation.OccupationRules occupation) {
        this.occupation = occupation;
        this.editingSettings = editingSettings;
        this.divisions = divisions;
        this.registry = registry;
        this.incomeSettings = incomeSettings;
        this.estimation = estimation;
        this.dataSource = dataSource;
        this.settings = settings;
        this.familyBuilder = familyBuilder;
        this.progress = progress;
        this.memory = new RunMemory(new CrossingWindow(settings.residence().windowDays(), settings.lookbackDays()));
    }

    // ------------------------------------------------------------------------------------------------ API

    /**
     * The earlier periods that were ingested but have no successful ledger run, back from the period before
     * {@code period} to the first gap in ingestion; oldest first. Run them before {@code period} for stable keys.
     */
    public List<Period> missingEarlier(Period period) {
        List<Period> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            Period p = period.minusMonths(1);
            while (ingested(c, p) && !ledgered(c, p)) {
                out.add(0, p);
                p = p.minusMonths(1);
            }
        } catch (SQLException e) {
            throw new LedgerRunException("cannot read the runs: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Whether the period's income ledger exists (person_income rows): a database whose ledgers were built before the
     * income step existed has successful runs without it, and its periods need running again.
     */
    public boolean hasIncome(Period period) {
        try (Connection c = dataSource.getConnection()) {
            return org.olive.pipeline.income.IncomeStep.hasIncome(c, period);
        } catch (SQLException | IllegalStateException e) {
            throw new LedgerRunException("cannot read the income ledger: " + e.getMessage(), e);
        }
    }

    /** Whether the period has a successful ledger run. */
    public boolean done(Period period) {
        try (Connection c = dataSource.getConnection()) {
            return ledgered(c, period);
        } catch (SQLException e) {
            throw new LedgerRunException("cannot read the ledger runs: " + e.getMessage(), e);
        }
    }

    /** Builds the ledgers of the period: every step of the standard run. */
    public synchronized LedgerResult run(Period period) {
        return run(period, null, List.of());
    }

    /**
     * Builds the ledgers of the period with a selection of the standard run's steps (exactly those, on the tables the
     * period's last run left: {@link StepPlan#select}); null or empty for all of them.
     */
    public synchronized LedgerResult run(Period period, java.util.Collection<String> selected) {
        return run(period, selected, List.of());
    }

    /**
     * Builds the ledgers of the period with steps added after the standard run's, in the same transaction: a caller's
     * step that is no part of production (the command line adds the accuracy against a synthetic county's truth,
     * olive-accuracy). The plan checks the added steps' needs like the others'. With a selection, an added step runs
     * when the selection holds one of the steps it needs.
     *
     * @param selected the standard steps to run, null or empty for all of them
     * @param added    steps run after the standard ones; they write through the owners' APIs (e.g. {@link RunFigures#add})
     */
    public synchronized LedgerResult run(Period period, java.util.Collection<String> selected, List<MonthlyStep> added) {
        long t0 = System.nanoTime();
        StepPlan standard = StandardRun.plan(new StandardRun.Settings(settings, incomeSettings, editingSettings, familyBuilder,
                estimation, divisions, registry, occupation, groups, tags, warnings, vulnerability, cases, policies), memory);
        List<MonthlyStep> all = new ArrayList<>(standard.steps());
        all.addAll(added);
        StepPlan plan = StepPlan.of(all);
        List<MonthlyStep> steps;
        if (selected == null || selected.isEmpty()) {
            steps = plan.steps();
        } else {
            java.util.Set<String> names = new java.util.LinkedHashSet<>(standard.select(selected).stream()
                    .map(MonthlyStep::name).toList());
            for (MonthlyStep a : added) {
                if (a.needs().stream().anyMatch(selected::contains)) {
                    names.add(a.name());
                }
            }
            steps = plan.select(names);
        }
        long runId;
        try (Connection c = dataSource.getConnection()) {
            if (ingestSource(c, period) == null) {
                throw new LedgerRunException("period " + period + " has no succeeded ingest run; ingest it first");
            }
            runId = register(c, period);
        } catch (SQLException e) {
            throw new LedgerRunException("cannot register the ledger run of " + period + ": " + e.getMessage(), e);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                RunReport report = new RunReport();
                StepContext ctx = new StepContext(period, c, report);
                List<RunFigure> figures = new ArrayList<>();
                ctx.publish(RunFigures.OUTPUT, figures);
                if (steps.size() == plan.steps().size()) {
                    // a whole run writes every figure of the period again (steps add theirs through RunFigures), so
                    // none of an earlier run (e.g. the truth step's) outlives it; a run of chosen steps replaces theirs
                    RunFigures.clear(c, period.toString());
                }
                StepRunner.run(steps, ctx, progress);
                report.millis().put("total", (System.nanoTime() - t0) / 1_000_000);
                if (steps.size() < plan.steps().size()) {
                    List<String> ran = steps.stream().map(MonthlyStep::name).toList();
                    List<String> stale = plan.dependents(ran).stream().filter(n -> !ran.contains(n)).toList();
                    report.skipped().put("steps", "only " + ran + " were run (--steps)"
                            + (stale.isEmpty() ? "" : "; not run again though they use their results: " + stale));
                }
                LedgerResult result = new LedgerResult(runId, period.toString(), report.counts(), report.millis(), figures,
                        report.skipped());
                try (PreparedStatement ps = c.prepareStatement("UPDATE ledger_run SET status = 'SUCCEEDED', finished_at = ?, "
                        + "report = ? WHERE id = ?")) {
                    ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                    ps.setString(2, result.toJson());
                    ps.setLong(3, runId);
                    ps.executeUpdate();
                }
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            String msg = e.getClass().getSimpleName() + ": " + e.getMessage();
            markFailed(runId, msg);
            throw e instanceof LedgerRunException lre ? lre
                    : new LedgerRunException("ledger run of " + period + " failed; the period keeps its previous ledgers: "
                    + msg, e);
        }
    }

    /** The folder the period was last ingested from (ingest_run.source_dir of its last succeeded run), or null. */
    public String ingestedFrom(Period period) {
        try (Connection c = dataSource.getConnection()) {
            return ingestSource(c, period);
        } catch (SQLException e) {
            throw new LedgerRunException("cannot read the ingest runs: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------------------------------------ runs

    private static String ingestSource(Connection c, Period p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT source_dir FROM ingest_run WHERE data_period = ? "
                + "AND status = 'SUCCEEDED' ORDER BY id DESC")) {
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static boolean ingested(Connection c, Period p) throws SQLException {
        return ingestSource(c, p) != null;
    }

    private static boolean ledgered(Connection c, Period p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM ledger_run WHERE data_period = ? "
                + "AND status = 'SUCCEEDED'")) {
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static long register(Connection c, Period p) throws SQLException {
        c.setAutoCommit(true);
        // a run killed half-way stays RUNNING; its transaction was never committed, so only the row is left
        try (PreparedStatement ps = c.prepareStatement("UPDATE ledger_run SET status = 'FAILED', error = ? "
                + "WHERE data_period = ? AND status = 'RUNNING'")) {
            ps.setString(1, "interrupted: a later run of the period found it still running");
            ps.setString(2, p.toString());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_run (data_period, status, started_at) "
                + "VALUES (?, 'RUNNING', ?)", new String[]{"id"})) {
            ps.setString(1, p.toString());
            ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void markFailed(long runId, String msg) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE ledger_run SET status = 'FAILED', finished_at = ?, error = ? "
                     + "WHERE id = ?")) {
            c.setAutoCommit(true);
            ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setString(2, LedgerWork.clip(msg, 2000));
            ps.setLong(3, runId);
            ps.executeUpdate();
        } catch (SQLException ignored) {
            // the run stays RUNNING; the next run of the period marks it failed
        }
    }
}
