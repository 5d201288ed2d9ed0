package org.olive.pipeline.policy;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.olive.period.Period;
import org.olive.pipeline.policy.PolicySettings;
import org.olive.policy.PolicyDefinitions;

import java.sql.Connection;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy editor's saved versions: checked, stored, laid over the profile's by later runs. */
class PolicyRuleVersionsTest {

    static Connection db() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:policy-versions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        return h2.getConnection();
    }

    @Test
    void aSavedVersionAppliesFromItsMonthAndABadOneIsRefusedWithItsFields() throws Exception {
        PolicyDefinitions profile = PolicySettings.builtIn();
        try (Connection c = db()) {
            var saved = PolicyRuleVersions.save(c, profile, "OLD_AGE_ALLOWANCE", Period.parse("2025-01"), null,
                    "age >= 75 && registered", "age >= 90 ? old_age_90 : old_age_80", "policy1", "从75岁起发放");
            assertThat(saved.version()).isEqualTo("OLD_AGE_ALLOWANCE@2");
            PolicyDefinitions now = PolicyRuleVersions.overlay(c, profile);
            assertThat(now.policy("OLD_AGE_ALLOWANCE").orElseThrow().at(Period.parse("2024-12")).orElseThrow().version())
                    .isEqualTo("OLD_AGE_ALLOWANCE@1");
            assertThat(now.policy("OLD_AGE_ALLOWANCE").orElseThrow().at(Period.parse("2025-01")).orElseThrow().eligible())
                    .isEqualTo("age >= 75 && registered");
            assertThat(now.at(Period.parse("2025-02")).versions()).containsEntry("OLD_AGE_ALLOWANCE", "OLD_AGE_ALLOWANCE@2");

            assertThatThrownBy(() -> PolicyRuleVersions.save(c, profile, "OLD_AGE_ALLOWANCE", Period.parse("2024-06"),
                    Period.parse("2024-01"), "age >= 75 && hobby", "'much'", "policy1", " "))
                    .isInstanceOf(PolicyRuleVersions.RefusedException.class)
                    .satisfies(e -> assertThat(((PolicyRuleVersions.RefusedException) e).problems())
                            .anyMatch(p -> p.startsWith("valid_from: 2024-06 is before the latest version's 2025-01"))
                            .anyMatch(p -> p.startsWith("valid_to: 2024-01 is before valid_from"))
                            .anyMatch(p -> p.startsWith("eligible: ") && p.contains("hobby"))
                            .anyMatch(p -> p.startsWith("amount: ") && p.contains("must be a number"))
                            .anyMatch(p -> p.startsWith("reason: ")));
            assertThat(PolicyRuleVersions.all(c)).hasSize(1);
            assertThatThrownBy(() -> PolicyRuleVersions.save(c, profile, "NO_SUCH", Period.parse("2025-01"), null,
                    "true", "1.0", "policy1", "x")).hasMessageContaining("is not a policy");
        }
    }
}
