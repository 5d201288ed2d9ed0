package org.olive.policy.reform;

import org.junit.jupiter.api.Test;
import org.olive.period.Period;
import org.olive.policy.PolicyDefinitions;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reform files: the changes read and laid over the library; every kind of mistake named with its line. */
class ReformLoaderTest {

    static final PolicyDefinitions LIBRARY = PolicyDefinitions.read(new ByteArrayInputStream("""
            version: t
            parameters:
              - valid_from: 2023-01
                values:
                  old_age_80: 100.0
                  months_back: 12
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
                    valid_to: 2024-12
                    eligible: age >= 85
                    amount: old_age_80
                  - version: "2"
                    valid_from: 2025-01
                    eligible: age >= 80
                    amount: old_age_80
            """.getBytes(StandardCharsets.UTF_8)), "policies.yaml");

    static Reform read(String yaml) {
        return ReformLoader.read(yaml, "r.yaml", "r", LIBRARY, Set.of("fishery_worker"), Set.of("330922100"));
    }

    static void rejected(String yaml, int line, String reason) {
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(ReformException.class)
                .satisfies(e -> {
                    ReformException r = (ReformException) e;
                    assertThat(r.file()).isEqualTo("r.yaml");
                    assertThat(r.line()).as(r.getMessage()).isEqualTo(line);
                    assertThat(r.reason()).contains(reason);
                });
    }

    @Test
    void parametersAreSetInEveryVersionKeepingTheirType() {
        Reform r = read("name: raise\ntitle: 提高\nparameters: {old_age_80: 150}\n");
        assertThat(r.name()).isEqualTo("raise");
        PolicyDefinitions d = r.apply(LIBRARY);
        assertThat(d.parametersAt(Period.of(2025, 6)).orElseThrow().values().get("old_age_80")).isEqualTo(150.0);
        assertThat(LIBRARY.parametersAt(Period.of(2025, 6)).orElseThrow().values().get("old_age_80")).isEqualTo(100.0);
        assertThat(r.changes()).containsExactly("parameter old_age_80 = 150");
    }

    @Test
    void aRuleIsReplacedFromItsMonthKeepingTheOtherPart() {
        Reform r = read("policies:\n  - code: OLD_AGE\n    eligible: age >= 75\n    valid_from: 2025-07\n");
        PolicyDefinitions.Policy p = r.apply(LIBRARY).policy("OLD_AGE").orElseThrow();
        assertThat(p.at(Period.of(2025, 6)).orElseThrow().version()).isEqualTo("OLD_AGE@2");
        assertThat(p.at(Period.of(2025, 6)).orElseThrow().validTo()).isEqualTo(Period.of(2025, 6));
        PolicyDefinitions.PolicyVersion v = p.at(Period.of(2025, 7)).orElseThrow();
        assertThat(v.version()).isEqualTo("OLD_AGE@reform");
        assertThat(v.eligible()).isEqualTo("age >= 75");
        assertThat(v.amount()).isEqualTo("old_age_80");
        // without a month, the rule is the policy's at every period
        PolicyDefinitions.Policy always = read("policies:\n  - code: OLD_AGE\n    amount: old_age_80 * 2.0\n")
                .apply(LIBRARY).policy("OLD_AGE").orElseThrow();
        assertThat(always.versions()).singleElement().satisfies(x -> {
            assertThat(x.validFrom()).isEqualTo(Period.of(2023, 1));
            assertThat(x.eligible()).isEqualTo("age >= 80");
        });
    }

    @Test
    void aNewPolicyIsReadAsTheLibraryWouldWithTheReformsParameters() {
        Reform r = read("""
                name: fishery
                new_parameters: {fishery_monthly: 200.0}
                policies:
                  - code: FISHERY_INCOME
                    name_zh: 渔民收入补贴
                    department: 县农业农村局
                    kind: DEVELOPMENTAL
                    unit: PERSON
                    frequency: MONTHLY
                    target_groups: [fishery_worker]
                    versions:
                      - version: "1"
                        valid_from: 2025-01
                        eligible: "'fishery_worker' in groups"
                        amount: fishery_monthly
                """);
        PolicyDefinitions d = r.apply(LIBRARY);
        assertThat(d.codes()).containsExactly("OLD_AGE", "FISHERY_INCOME");
        assertThat(d.at(Period.of(2025, 3)).inForce()).hasSize(2);
        assertThat(d.parametersAt(Period.of(2025, 3)).orElseThrow().values().get("fishery_monthly")).isEqualTo(200.0);
    }

    @Test
    void mistakesAreNamedWithTheirLine() {
        rejected("name: x\nparameters:\n  old_age_99: 1.0\n", 3, "unknown parameter 'old_age_99'");
        rejected("parameters:\n  old_age_80: lots\n", 2, "expected a number, found 'lots'");
        rejected("parameters:\n  months_back: 6.5\n", 2, "a whole number is required");
        rejected("title: t\npolicies:\n  - code: PIRATES\n    amount: 1.0\n", 3, "unknown policy code 'PIRATES'");
        rejected("policies:\n  - code: OLD_AGE\n    eligible: age >>= 75\n", 3, "OLD_AGE.eligible: does not compile");
        rejected("policies:\n  - code: OLD_AGE\n    eligible: age >= 75\n    amount: \"'lots'\"\n", 4,
                "the amount must be a number");
        rejected("policies:\n  - code: OLD_AGE\n    name_zh: x\n", 3, "replaces its rule");
        rejected("shocks: []\n", 1, "unknown key 'shocks'");
        rejected("policies:\n  - code: OLD_AGE\n    eligible: [1\n", 4, "not valid YAML");
        rejected("""
                policies:
                  - code: NEW_ONE
                    name_zh: 新政策
                    department: 局
                    kind: DEVELOPMENTAL
                    unit: FAMILY
                    frequency: YEARLY
                    versions:
                      - version: "1"
                        valid_from: 2025-01
                        eligible: residents > 0
                        amount: "residents > 0"
                """, 12, "amount");
        rejected("""
                policies:
                  - code: NEW_ONE
                    name_zh: 新政策
                    department: 局
                    kind: DEVELOPMENTAL
                    unit: PERSON
                    frequency: YEARLY
                    target_groups: [pirates]
                    versions:
                      - version: "1"
                        valid_from: 2025-01
                        eligible: age > 0
                        amount: 1.0
                """, 8, "'pirates' is not a group");
    }

    @Test
    void aReformWithoutChangesIsEmpty() {
        assertThat(read("name: nothing\n").isEmpty()).isTrue();
        assertThat(read("name: nothing\n").apply(LIBRARY).policies()).isEqualTo(LIBRARY.policies());
    }
}
