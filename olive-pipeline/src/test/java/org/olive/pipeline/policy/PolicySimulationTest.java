package org.olive.pipeline.policy;

import org.junit.jupiter.api.Test;
import org.olive.period.Period;
import org.olive.pipeline.income.IncomeSettings;
import org.olive.pipeline.warning.WarningStep;
import org.olive.policy.PolicyDefinitions;
import org.olive.policy.PolicyVariables;
import org.olive.policy.reform.Reform;
import org.olive.policy.reform.ReformLoader;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/**
 * The simulation on hand-built subjects: costs, beneficiaries, deciles, winners and the moved per-capita DI computed by
 * hand; a reform that changes nothing gives no difference, one that raises an amount a positive cost change.
 */
class PolicySimulationTest {

    static final Period P = Period.of(2025, 3);
    static final String TOWN = "330922100";

    static final PolicyDefinitions LIBRARY = PolicyDefinitions.read(new ByteArrayInputStream("""
            version: t
            parameters:
              - valid_from: 2023-01
                values:
                  old_age_80: 100.0
                  topup_line: 20000.0
            policies:
              - code: OLD_AGE
                name_zh: 高龄津贴
                department: 民政局
                kind: SAFETY_NET
                unit: PERSON
                frequency: MONTHLY
                versions:
                  - version: "1"
                    valid_from: 2023-01
                    eligible: age >= 80
                    amount: old_age_80
              - code: TOPUP
                name_zh: 补助
                department: 民政局
                kind: SAFETY_NET
                unit: FAMILY
                frequency: YEARLY
                versions:
                  - version: "1"
                    valid_from: 2023-01
                    eligible: di_per_capita < topup_line
                    amount: 1000.0
            """.getBytes(StandardCharsets.UTF_8)), "policies.yaml");

    static PolicySubjects.Subject person(String key, String family, long age) {
        return new PolicySubjects.Subject("PERSON", key, family, TOWN, new PolicyVariables.Facts(
                Map.of("age", age, "township", TOWN, "groups", List.of("elderly_alone")), Map.of()));
    }

    static PolicySubjects.Subject family(String key, double perCapita) {
        return new PolicySubjects.Subject("FAMILY", key, key, TOWN, new PolicyVariables.Facts(
                Map.of("di_per_capita", perCapita, "township", TOWN), Map.of()));
    }

    static WarningStep.FamilyRow row(String key, int residents, double perCapita) {
        return new WarningStep.FamilyRow(key, TOWN, null, false, residents, perCapita * residents, perCapita, 0, 0);
    }

    static final PolicySimulation.Input INPUT = new PolicySimulation.Input(P,
            List.of(person("1", "F1", 85), person("2", "F2", 70), person("3", null, 90)),
            List.of(family("F1", 15_000), family("F2", 25_000), family("F3", 50_000)),
            List.of(row("F1", 2, 15_000), row("F2", 1, 25_000), row("F3", 3, 50_000)), Map.of(), 0);

    static PolicySimulation.Result simulate(String reform) {
        Reform r = ReformLoader.read(reform, "r.yaml", "r", LIBRARY, Set.of(), Set.of(TOWN));
        return new PolicySimulation(IncomeSettings.builtIn().family()).run(LIBRARY, r, INPUT, 10);
    }

    @Test
    void costsBeneficiariesAndWinnersAsComputedByHand() {
        PolicySimulation.Result r = simulate("""
                name: raise
                parameters: {old_age_80: 150.0, topup_line: 30000.0}
                """);
        PolicySimulation.PolicyRow old = r.policies().get(0);
        assertThat(old.code()).isEqualTo("OLD_AGE");
        // persons 1 and 3 (85, 90): 2 × 100 × 12 before, 2 × 150 × 12 after
        assertThat(old.beneficiariesBefore()).isEqualTo(2);
        assertThat(old.beneficiariesAfter()).isEqualTo(2);
        assertThat(old.costBefore()).isEqualTo(2_400.0);
        assertThat(old.costAfter()).isEqualTo(3_600.0);
        PolicySimulation.PolicyRow topup = r.policies().get(1);
        // F1 (15,000) before; F1 and F2 (25,000 < 30,000) after; 1,000 a year each
        assertThat(topup.beneficiariesBefore()).isEqualTo(1);
        assertThat(topup.beneficiariesAfter()).isEqualTo(2);
        assertThat(topup.costChange()).isEqualTo(1_000.0);
        assertThat(r.total().costChange()).isEqualTo(2_200.0);
        // F1: +600 (person 1's 50 × 12), F2: +1,000; person 3 has no family: +600 outside the families
        assertThat(r.winners()).isEqualTo(2);
        assertThat(r.losers()).isZero();
        assertThat(r.gains()).isEqualTo(1_600.0);
        assertThat(r.largestGains()).extracting(PolicySimulation.FamilyChange::familyKey).containsExactly("F2", "F1");
        PolicySimulation.FamilyChange f1 = r.largestGains().get(1);
        assertThat(f1.policyIncomeBefore()).isEqualTo(2_200.0);
        assertThat(f1.policyIncomeAfter()).isEqualTo(2_800.0);
        assertThat(f1.perCapitaAfter()).isEqualTo(15_300.0);
        assertThat(r.personsWithoutFamily()).isEqualTo(1);
        assertThat(r.outsideChange()).isEqualTo(600.0);
        // deciles, persons weighted (6 residents): F1's middle resident at 1/6 → D02, F2 at 2.5/6 → D05, F3 → D08
        assertThat(r.cells("OLD_AGE", "decile")).extracting(PolicySimulation.Cell::key, PolicySimulation.Cell::costAfter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("D02", 1_800.0),
                        org.assertj.core.groups.Tuple.tuple(PolicySimulation.NO_DECILE, 1_800.0));
        assertThat(r.cells("TOPUP", "decile")).extracting(PolicySimulation.Cell::key).containsExactly("D02", "D05");
        assertThat(r.cells("OLD_AGE", "group")).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("elderly_alone");
            assertThat(c.costChange()).isEqualTo(1_200.0);
        });
        assertThat(r.cells(PolicySimulation.ALL, "township")).singleElement()
                .satisfies(c -> assertThat(c.costChange()).isEqualTo(2_200.0));
        // the distribution: mean per-capita DI rises by the families' 1,600 over 6 residents
        assertThat(r.distribution().after().meanPerCapita() - r.distribution().before().meanPerCapita())
                .isCloseTo(1_600.0 / 6, offset(1e-6));
        assertThat(r.distribution().after().gini()).isLessThan(r.distribution().before().gini());
    }

    @Test
    void aReformThatChangesNothingGivesNoDifference() {
        PolicySimulation.Result r = simulate("name: same\nparameters: {old_age_80: 100.0}\n");
        assertThat(r.policies()).allSatisfy(p -> {
            assertThat(p.costChange()).isZero();
            assertThat(p.beneficiariesAfter()).isEqualTo(p.beneficiariesBefore());
        });
        assertThat(r.total().costBefore()).isPositive();
        assertThat(r.winners() + r.losers()).isZero();
        assertThat(r.distribution().after()).isEqualTo(r.distribution().before());
        assertThat(r.distribution().fgtDibianAfter()).containsExactly(r.distribution().fgtDibianBefore());
        // and the check can fail: a raise of the amount shows a positive cost change
        assertThat(simulate("parameters: {old_age_80: 100.5}\n").total().costChange()).isCloseTo(12.0, offset(1e-9)); // 0.5 × 12 × 2
    }

    @Test
    void onlyThePoliciesAReformTouchesAreEvaluatedAgain() {
        java.util.function.Function<String, Set<String>> changed = yaml -> {
            Reform r = ReformLoader.read(yaml, "r.yaml", "r", LIBRARY, Set.of(), Set.of(TOWN));
            return PolicySimulation.changed(LIBRARY, r.apply(LIBRARY), r, P);
        };
        assertThat(changed.apply("parameters: {old_age_80: 150.0}\n")).containsExactly("OLD_AGE");
        assertThat(changed.apply("parameters: {topup_line: 1.0}\n")).containsExactly("TOPUP");
        assertThat(changed.apply("policies:\n  - code: TOPUP\n    amount: 2000.0\n")).containsExactly("TOPUP");
        // a rule replaced only from a later month changes nothing at the period
        assertThat(changed.apply("policies:\n  - code: TOPUP\n    amount: 2000.0\n    valid_from: 2025-07\n")).isEmpty();
        assertThat(changed.apply("name: nothing\n")).isEmpty();
    }

    @Test
    void theBaselineOfUntouchedPoliciesIsWhatTheRunStoredWhenItsVersionIsInForce() {
        // the run stored F3 as eligible for TOPUP at 777 a year (its facts say otherwise: the stored row is the baseline)
        Map<String, List<PolicySubjectsReader.Stored>> stored = Map.of("TOPUP", List.of(
                new PolicySubjectsReader.Stored("TOPUP", "TOPUP@1", "FAMILY", "F3", "F3", TOWN, 777)));
        PolicySimulation.Input input = new PolicySimulation.Input(P, INPUT.persons(), INPUT.families(), INPUT.rows(),
                stored, 0);
        Reform r = ReformLoader.read("parameters: {old_age_80: 150.0}\n", "r.yaml", "r", LIBRARY, Set.of(), Set.of(TOWN));
        PolicySimulation sim = new PolicySimulation(IncomeSettings.builtIn().family());
        PolicySimulation.PolicyRow topup = sim.run(LIBRARY, r, input, 10).policies().get(1);
        assertThat(topup.costBefore()).isEqualTo(777.0);
        assertThat(topup.costAfter()).isEqualTo(777.0);
        // OLD_AGE had no stored row but is changed by the reform: evaluated
        assertThat(sim.run(LIBRARY, r, input, 10).policies().get(0).costBefore()).isEqualTo(2_400.0);
        // stored under another version: evaluated again
        Map<String, List<PolicySubjectsReader.Stored>> old = Map.of("TOPUP", List.of(
                new PolicySubjectsReader.Stored("TOPUP", "TOPUP@0", "FAMILY", "F3", "F3", TOWN, 777)));
        assertThat(sim.run(LIBRARY, r, new PolicySimulation.Input(P, INPUT.persons(), INPUT.families(), INPUT.rows(),
                old, 0), 10).policies().get(1).costBefore()).isEqualTo(1_000.0);
    }

    @Test
    void aNewPolicyCostsFromNothing() {
        PolicySimulation.Result r = simulate("""
                new_parameters: {fishery_monthly: 200.0}
                policies:
                  - code: FISHERY
                    name_zh: 渔民补贴
                    department: 农业农村局
                    kind: DEVELOPMENTAL
                    unit: PERSON
                    frequency: QUARTERLY
                    versions:
                      - version: "1"
                        valid_from: 2025-01
                        eligible: age < 80
                        amount: fishery_monthly * 3.0
                """);
        PolicySimulation.PolicyRow f = r.policies().stream().filter(p -> p.code().equals("FISHERY")).findFirst().orElseThrow();
        assertThat(f.inForceBefore()).isFalse();
        assertThat(f.beneficiariesAfter()).isEqualTo(1);
        assertThat(f.costAfter()).isEqualTo(2_400.0); // 600 a quarter × 4
        assertThat(r.largestGains()).singleElement().satisfies(c -> assertThat(c.familyKey()).isEqualTo("F2"));
    }
}
