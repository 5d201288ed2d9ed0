package org.olive.pipeline.run;

import org.junit.jupiter.api.Test;
import org.olive.period.Period;
import org.olive.pipeline.ledger.StandardRun;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepPlanTest {

    private record Step(String name, List<String> needs, List<String> log) implements MonthlyStep {
        @Override
        public void run(StepContext ctx) {
            log.add(name);
        }
    }

    private static Step step(String name, List<String> log, String... needs) {
        return new Step(name, List.of(needs), log);
    }

    @Test
    void theStandardRunIsAValidPlanInItsDocumentedOrder() {
        assertThat(org.olive.pipeline.ledger.StandardRunAccess.plannedStepNames()).isEqualTo(StandardRun.stepNames());
        assertThat(StandardRun.stepNames()).containsExactly("registry", "matching", "checks", "presence", "lists",
                "no_trace", "families", "facts", "occupations", "editing", "income", "figures", "vulnerability", "warnings", "cases", "groups", "tags",
                "policies", "indicators");
    }

    @Test
    void refusesUnknownNeedsNeedsThatComeLaterAndDuplicateNames() {
        List<String> log = new ArrayList<>();
        assertThatThrownBy(() -> StepPlan.of(List.of(step("a", log, "z"))))
                .hasMessageContaining("step a needs step z, which is not in the run");
        assertThatThrownBy(() -> StepPlan.of(List.of(step("a", log, "b"), step("b", log))))
                .hasMessageContaining("step a needs step b, which comes after it");
        assertThatThrownBy(() -> StepPlan.of(List.of(step("a", log), step("a", log))))
                .hasMessageContaining("two steps are named a");
        assertThatThrownBy(() -> StepPlan.of(List.of(step("Groups", log))))
                .hasMessageContaining("not lower case");
    }

    @Test
    void aSelectionRunsTheChosenStepsInPlanOrderAndNamesTheStepsThatUseTheirResults() throws Exception {
        List<String> log = new ArrayList<>();
        StepPlan plan = StepPlan.of(List.of(step("a", log), step("b", log, "a"), step("c", log), step("d", log, "b"),
                step("e", log, "c")));
        List<MonthlyStep> chosen = plan.select(List.of("d", "a"));
        assertThat(chosen).extracting(MonthlyStep::name).containsExactly("a", "d");
        StepRunner.run(chosen, new StepContext(Period.parse("2024-05"), null, new RunReport()), s -> { });
        assertThat(log).containsExactly("a", "d");
        assertThat(plan.dependents(List.of("a"))).containsExactly("a", "b", "d");
        assertThat(plan.dependents(List.of("c"))).containsExactly("c", "e");
        assertThatThrownBy(() -> plan.select(List.of("groups")))
                .hasMessageContaining("no step named groups; the steps are [a, b, c, d, e]");
    }

    @Test
    void theRunnerTimesEveryStepIntoTheReport() throws Exception {
        List<String> log = new ArrayList<>();
        RunReport report = new RunReport();
        StepRunner.run(StepPlan.of(List.of(step("a", log), step("b", log, "a"))).steps(),
                new StepContext(Period.parse("2024-05"), null, report), s -> { });
        assertThat(report.millis()).containsKeys("a", "b");
    }

    @Test
    void outputsAreTypedPublishedOnceAndAMissingNeedNamesTheStep() throws Exception {
        Output<String> label = new Output<>("label", String.class);
        StepContext ctx = new StepContext(Period.parse("2024-05"), null, new RunReport());
        MonthlyStep publisher = new MonthlyStep() {
            public String name() {
                return "publisher";
            }

            public List<String> needs() {
                return List.of();
            }

            public void run(StepContext c) {
                c.publish(label, "x");
            }
        };
        MonthlyStep reader = new MonthlyStep() {
            public String name() {
                return "reader";
            }

            public List<String> needs() {
                return List.of();
            }

            public void run(StepContext c) {
                c.need(label);
            }
        };
        assertThatThrownBy(() -> StepRunner.run(List.of(reader), ctx, s -> { }))
                .hasMessageContaining("step reader needs label, which no earlier step of this run published");
        StepRunner.run(List.of(publisher, reader), ctx, s -> { });
        assertThat(ctx.need(label)).isEqualTo("x");
        assertThatThrownBy(() -> StepRunner.run(List.of(publisher), ctx, s -> { }))
                .hasMessageContaining("step publisher publishes label, already published by step publisher");
    }
}
