package org.olive.policy;

import org.junit.jupiter.api.Test;
import org.olive.fact.PersonVariables;
import org.olive.period.Period;
import org.olive.rule.FactVariable;
import org.olive.rule.RuleFile;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyDefinitionsTest {

    private static final String FILE = """
            version: test-1
            parameters:
              - valid_from: 2023-01
                values: {old_age_80: 100.0, old_age_90: 200.0}
              - valid_from: 2024-07
                values: {old_age_80: 120.0, old_age_90: 240.0}
            policies:
              - code: OLD_AGE
                name_zh: 高龄津贴
                department: 县民政局
                kind: SAFETY_NET
                unit: PERSON
                frequency: MONTHLY
                target_groups: [hardship]
                areas: ["330922100"]
                versions:
                  - {version: "1", valid_from: 2023-01, eligible: "age >= 80", amount: "age >= 90 ? old_age_90 : old_age_80"}
              - code: TOPUP
                name_zh: 补差
                department: 县民政局
                kind: SAFETY_NET
                unit: FAMILY
                frequency: MONTHLY
                receipts: assistance:DIBAO
                versions:
                  - {version: "1", valid_from: 2023-01, valid_to: 2023-12, eligible: "di_per_capita < dibao_line",
                     amount: "(dibao_line - di_per_capita) * double(residents) / 12.0"}
            """;

    static PolicyDefinitions read(String yaml) {
        return PolicyDefinitions.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "policies.yaml");
    }

    static PolicyVariables.Facts facts(List<FactVariable> vars, Map<String, Object> given) {
        Map<String, Object> m = new HashMap<>();
        for (FactVariable v : vars) {
            m.put(v.name(), switch (v.type()) {
                case INT -> 0L;
                case DOUBLE -> 0.0;
                case STRING -> "";
                case BOOL -> false;
                case STRING_LIST, RECORD_LIST -> List.of();
            });
        }
        m.putAll(given);
        return new PolicyVariables.Facts(m, Map.of("age", List.of("hukou:h.csv:7")));
    }

    @Test
    void aPersonIsEligibleWithTheAmountOfTheParametersInForceAndTheEvidence() {
        PolicyDefinitions d = read(FILE);
        assertThat(d.codes()).containsExactly("OLD_AGE", "TOPUP");
        PolicyClassifier c = d.at(Period.parse("2024-08"));
        List<PolicyClassifier.Eligibility> e = c.person(facts(PolicyVariables.PERSON,
                Map.of("age", 91L, "township", "330922100")));
        assertThat(e).hasSize(1);
        assertThat(e.get(0).version()).isEqualTo("OLD_AGE@1");
        assertThat(e.get(0).amount()).isEqualTo(240.0);
        assertThat(e.get(0).evidence()).startsWith("age=91 [hukou:h.csv:7]").contains("old_age_90=240 [policies.yaml:");
        // before the parameters' second version: the first amount
        assertThat(d.at(Period.parse("2024-06")).person(facts(PolicyVariables.PERSON,
                Map.of("age", 85L, "township", "330922100"))).get(0).amount()).isEqualTo(100.0);
        // 79, or outside the policy's township: not eligible
        assertThat(c.person(facts(PolicyVariables.PERSON, Map.of("age", 79L, "township", "330922100")))).isEmpty();
        assertThat(c.person(facts(PolicyVariables.PERSON, Map.of("age", 85L, "township", "330922101")))).isEmpty();
    }

    @Test
    void aVersionEndsAtItsValidToAndANegativeAmountIsAFailureNotAPayment() {
        PolicyDefinitions d = read(FILE);
        PolicyVariables.Facts poor = facts(PolicyVariables.FAMILY, Map.of("di_per_capita", 6000.0, "dibao_line", 12000.0,
                "residents", 2L));
        List<PolicyClassifier.Eligibility> e = d.at(Period.parse("2023-06")).family(poor);
        assertThat(e).singleElement().satisfies(x -> assertThat(x.amount()).isEqualTo(1000.0));
        assertThat(d.at(Period.parse("2024-01")).family(poor)).isEmpty();
        assertThat(d.at(Period.parse("2024-01")).versions()).doesNotContainKey("TOPUP");
        // an absurd residents figure makes the formula negative: eligible, no amount, counted
        PolicyClassifier c = d.at(Period.parse("2023-06"));
        List<PolicyClassifier.Eligibility> odd = c.family(facts(PolicyVariables.FAMILY, Map.of("di_per_capita", 6000.0,
                "dibao_line", 12000.0, "residents", -1L)));
        assertThat(odd).singleElement().satisfies(x -> assertThat(x.amount()).isNaN());
        assertThat(c.failures()).containsEntry("TOPUP@1 amount", 1L);
        assertThat(c.firstFailures().get("TOPUP@1 amount")).contains("negative");
    }

    @Test
    void everyProblemIsReportedWithItsPolicyAndField() {
        String bad = FILE.replace("code: TOPUP", "code: topup").replace("unit: FAMILY", "unit: HOUSEHOLD")
                .replace("eligible: \"age >= 80\"", "eligible: \"age >= 80 && hobby == 'golf'\"")
                .replace("amount: \"age >= 90 ? old_age_90 : old_age_80\"", "amount: \"'lots'\"")
                .replace("receipts: assistance:DIBAO", "receipts: assistance:LOTTERY");
        assertThatThrownBy(() -> read(bad)).isInstanceOf(RuleFile.ProblemsException.class).satisfies(e -> {
            List<String> p = ((RuleFile.ProblemsException) e).problems();
            assertThat(p).anyMatch(x -> x.startsWith("policies[0] (OLD_AGE).versions[0].eligible: ")
                    && x.contains("hobby"));
            assertThat(p).anyMatch(x -> x.startsWith("policies[0] (OLD_AGE).versions[0].amount: ")
                    && x.contains("must be a number"));
            assertThat(p).anyMatch(x -> x.startsWith("policies[1] (topup).code: "));
            assertThat(p).anyMatch(x -> x.startsWith("policies[1] (topup).unit: 'HOUSEHOLD'"));
            assertThat(p).anyMatch(x -> x.startsWith("policies[1] (topup).receipts: 'assistance:LOTTERY'"));
        });
    }

    @Test
    void personFactsOfTheFamilySideAreBound() {
        PersonVariables.Values base = new PersonVariables.Values(new HashMap<>(Map.of("age", 2L)), Map.of());
        PolicyVariables.Facts f = PolicyVariables.person(base, List.of("minor"),
                new PolicyVariables.FamilySide(List.of("second_child"), List.of("DIBAO"), 2, 9000.0, 11000.0));
        assertThat(f.values()).containsEntry("family_child_members", 2L).containsEntry("family_dibao_line", 11000.0)
                .containsEntry("tags", List.of("minor")).containsEntry("family_assistance", List.of("DIBAO"));
    }
}
