package org.olive.pipeline.ledger;

import org.olive.family.FamilyInput;
import org.olive.family.FamilyLedger;
import org.olive.occupation.OccupationRules;
import org.olive.pipeline.editing.AmountEditingStep;
import org.olive.pipeline.fact.PersonFactsStep;
import org.olive.pipeline.occupation.OccupationSettings;
import org.olive.pipeline.occupation.OccupationStep;
import org.olive.pipeline.editing.EditingSettings;
import org.olive.pipeline.income.IncomeEstimation;
import org.olive.pipeline.income.IncomeSettings;
import org.olive.pipeline.income.IncomeStep;
import org.olive.pipeline.income.IndicatorsStep;
import org.olive.pipeline.run.MonthlyStep;
import org.olive.pipeline.run.StepPlan;

import java.util.List;
import java.util.function.Function;

/**
 * The standard monthly run, assembled in this one place: the steps in their order, each with its parameters. A new
 * step (key groups, tags, warnings, policies …) is one class implementing {@link MonthlyStep} and one line here;
 * {@link StepPlan} checks that every step comes after the steps it needs.
 *
 * <pre>
 * registry → matching → checks → presence → lists → no_trace → families → facts → occupations → editing → income
 *   → figures → vulnerability → warnings → cases → groups → tags → policies → indicators
 * </pre>
 */
public final class StandardRun {

    /** The parameters of the standard run's steps. */
    public record Settings(LedgerSettings ledger, IncomeSettings income, EditingSettings editing,
                           Function<FamilyInput, FamilyLedger> familyBuilder, IncomeEstimation estimation,
                           org.olive.geography.Divisions divisions, org.olive.indicator.registry.IndicatorRegistry registry,
                           OccupationRules occupation, org.olive.group.GroupDefinitions groups,
                           org.olive.tag.TagDefinitions tags, org.olive.warning.WarningDefinitions warnings,
                           org.olive.vulnerability.VulnerabilitySettings vulnerability,
                           org.olive.assistance.CaseDefinitions cases, org.olive.policy.PolicyDefinitions policies) {
    }

    private StandardRun() {
    }

    /**
     * The names of the standard run's steps, in order, without loading any settings (the CLI's help lists them);
     * {@code StepPlanTest} checks that they are the names of {@link #plan}'s steps.
     */
    public static List<String> stepNames() {
        return List.of("registry", "matching", "checks", "presence", "lists", "no_trace", "families", "facts", "occupations",
                "editing", "income", "figures", "vulnerability", "warnings", "cases", "groups", "tags",
                "policies", "indicators");
    }

    /** The names of the plan's steps, from the settings (loads the built-in profile's files). */
    static List<String> plannedStepNames() {
        Settings s = new Settings(LedgerSettings.builtIn(), IncomeSettings.builtIn(), EditingSettings.builtIn(), in -> null,
                IncomeEstimation.NONE, org.olive.geography.Divisions.shengsi(),
                org.olive.indicator.registry.RegistryLoader.builtIn(), OccupationSettings.builtIn(),
                org.olive.pipeline.group.GroupSettings.builtIn(), org.olive.pipeline.tag.TagSettings.builtIn(),
                org.olive.pipeline.warning.WarningSettings.builtIn(),
                org.olive.pipeline.vulnerability.VulnerabilitySettingsFile.builtIn(),
                org.olive.pipeline.assistance.CaseSettings.builtIn(), org.olive.pipeline.policy.PolicySettings.builtIn());
        return plan(s, new RunMemory(new CrossingWindow(365, 0))).names();
    }

    /**
     * The checked plan of one period's run. Steps are made afresh for each period; what the run keeps in memory across
     * its periods ({@link RunMemory}: crossings, villages, income facts) is the run's. The plan reads no generator
     * file: the accuracy against a synthetic county's truth is a step the command line adds to a run
     * ({@link LedgerRun#run(org.olive.period.Period, java.util.Collection, List)}).
     */
    static StepPlan plan(Settings s, RunMemory memory) {
        LedgerSettings l = s.ledger();
        PersonRegistry registry = new PersonRegistry(l.otherSources(), l.checks());
        List<MonthlyStep> steps = List.of(
                registry,
                new MatchedRowsStep(l.matching(), memory.villages()),
                new HukouChecks(l.checks()),
                new PresenceStep(l.residence(), memory.crossings(), registry, l.noCrossingsAwayAges()),
                new PopulationListsStep(l.residence()),
                new NoTraceCheck(l.checks(), memory.crossings(), l.residence().windowDays()),
                new FamilyStep(s.familyBuilder(), registry),
                new PersonFactsStep(s.occupation(), s.divisions()),
                new OccupationStep(s.occupation()),
                new AmountEditingStep(s.editing()),
                new IncomeStep(s.income(), s.estimation(), s.editing(), s.divisions()).heldFacts(memory.facts()),
                new LedgerFigures(),
                new org.olive.pipeline.vulnerability.VulnerabilityStep(s.vulnerability(), s.income())
                        .history(memory.families()),
                new org.olive.pipeline.warning.WarningStep(s.warnings(), s.income()),
                new org.olive.pipeline.assistance.CaseStep(s.cases()),
                new org.olive.pipeline.group.GroupStep(s.groups()),
                new org.olive.pipeline.tag.TagStep(s.tags()),
                new org.olive.pipeline.policy.PolicyStep(s.policies(), new org.olive.pipeline.policy.PolicySubjectsReader(
                        org.olive.pipeline.fact.PersonFactsReader.of(s.occupation(), s.divisions()), s.tags(),
                        s.income().family(), s.vulnerability()), s.groups()),
                new IndicatorsStep(s.income(), s.divisions(), s.registry(), s.groups()));
        return StepPlan.of(steps);
    }
}
