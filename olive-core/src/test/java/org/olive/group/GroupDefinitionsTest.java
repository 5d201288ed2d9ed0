package org.olive.group;

import org.junit.jupiter.api.Test;
import org.olive.fact.PersonFact;
import org.olive.fact.PersonVariables;
import org.olive.period.Period;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupDefinitionsTest {

    static final String FILE = """
            version: test-1
            population: registered || resident || floating
            groups:
              - id: skilled_worker
                name_zh: 技术工人
                family: "7"
                enabled_from: 2023-01
                rules:
                  - version: "1"
                    valid_from: 2023-01
                    when: cert_best_level > 0
                  - version: "2"
                    valid_from: 2023-07
                    when: cert_best_level > 0 && cert_best_level <= 3
              - id: new_form_worker
                family: "7"
                enabled_from: 2024-01
                rules:
                  - version: "1"
                    valid_from: 2023-01
                    when: platform_months >= 3
              - id: sme_owner
                family: "7"
                enabled_from: 2023-01
                rules:
                  - version: "1"
                    valid_from: 2023-01
                    when: businesses.exists(b, b.open && b.employees < 1000)
            tiers:
              - version: "1"
                valid_from: 2023-01
                unknown: family_typical_di < 0.0
                vulnerable: "'dibian' in family_lines"
                stable: "'middle_10_50' in family_brackets || family_typical_di >= 500000.0"
            """;

    static GroupDefinitions read(String text) {
        return GroupDefinitions.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "groups.yaml");
    }

    static PersonFact.Source src(String dataset, long row) {
        return new PersonFact.Source(dataset, "2023-01", dataset + ".csv", row);
    }

    static PersonFact person(int certLevel, int platformMonths, List<PersonFact.Business> businesses) {
        List<PersonFact.Certificate> certs = certLevel == 0 ? List.of()
                : List.of(new PersonFact.Certificate("6-18-01-01", certLevel, LocalDate.of(2020, 5, 1), src("skill_cert", 17)));
        List<PersonFact.PlatformWork> work = new java.util.ArrayList<>();
        for (int i = 0; i < platformMonths; i++) {
            work.add(new PersonFact.PlatformWork(Period.of(2023, 12).minusMonths(i).toString(), "美团", "DELIVERY",
                    new BigDecimal("3000"), src("platform_work", 100 + i)));
        }
        return new PersonFact(1L, "F0000001", "M", 35, true, true, false, "330922100", "330922100201", false, "30",
                certs, List.of(), businesses, work, List.of(), List.of(), List.of(), List.of(), List.of(), 0);
    }

    static PersonVariables.Values values(PersonFact f, PersonVariables.Family family, Period p) {
        return PersonVariables.of(f, PersonVariables.Work.NONE, family, p);
    }

    @Test
    void rulesAreDatedAndGroupsEnabledFromTheirMonth() {
        GroupDefinitions d = read(FILE);
        assertThat(d.at(Period.of(2023, 6)).groupIds()).containsExactly("skilled_worker", "sme_owner");
        assertThat(d.at(Period.of(2024, 1)).groupIds()).containsExactly("skilled_worker", "new_form_worker", "sme_owner");
        assertThat(d.at(Period.of(2022, 12)).groupIds()).isEmpty();

        PersonVariables.Values level4 = values(person(4, 5, List.of()), PersonVariables.Family.NONE, Period.of(2023, 12));
        assertThat(d.at(Period.of(2023, 6)).classify(level4)).extracting(GroupClassifier.Hit::groupId)
                .containsExactly("skilled_worker");
        // version 2 (from 2023-07) asks for level 3 or better
        assertThat(d.at(Period.of(2023, 7)).classify(level4)).isEmpty();
        assertThat(d.at(Period.of(2024, 1)).classify(level4)).extracting(GroupClassifier.Hit::groupId)
                .containsExactly("new_form_worker");
        assertThat(d.at(Period.of(2023, 7)).ruleVersion("skilled_worker")).isEqualTo("skilled_worker@2");
    }

    @Test
    void evidenceNamesTheFactsTheirValuesAndRecords() {
        GroupDefinitions d = read(FILE);
        PersonVariables.Values v = values(person(2, 0, List.of()), PersonVariables.Family.NONE, Period.of(2023, 12));
        GroupClassifier.Hit hit = d.at(Period.of(2023, 12)).classify(v).get(0);
        assertThat(hit.ruleVersion()).isEqualTo("skilled_worker@2");
        assertThat(hit.evidence()).isEqualTo("cert_best_level=2 [skill_cert:skill_cert.csv:17]");
    }

    @Test
    void tiersFollowTheFamily() {
        GroupClassifier c = read(FILE).at(Period.of(2023, 12));
        PersonFact f = person(2, 0, List.of());
        assertThat(c.tier(values(f, PersonVariables.Family.NONE, Period.of(2023, 12)))).isNull();
        assertThat(c.tier(values(f, new PersonVariables.Family(List.of(), List.of("dibao", "dibian"), 20_000, 3),
                Period.of(2023, 12)))).isEqualTo(GroupClassifier.Tier.VULNERABLE);
        assertThat(c.tier(values(f, new PersonVariables.Family(List.of("middle_10_50"), List.of(), 150_000, 3),
                Period.of(2023, 12)))).isEqualTo(GroupClassifier.Tier.STABLE);
        assertThat(c.tier(values(f, new PersonVariables.Family(List.of(), List.of(), 600_000, 3),
                Period.of(2023, 12)))).isEqualTo(GroupClassifier.Tier.STABLE);
        assertThat(c.tier(values(f, new PersonVariables.Family(List.of(), List.of(), 80_000, 3),
                Period.of(2023, 12)))).isEqualTo(GroupClassifier.Tier.POTENTIAL);
    }

    @Test
    void badRulesAreRefusedWithKeyAndPosition() {
        String bad = FILE.replace("when: platform_months >= 3", "when: platform_month >= 3")
                .replace("when: cert_best_level > 0\n", "when: cert_best_level >\n")
                .replace("id: sme_owner", "id: skilled_worker")
                .replace("enabled_from: 2024-01", "enabled_from: next year");
        assertThatThrownBy(() -> read(bad)).isInstanceOfSatisfying(org.olive.rule.RuleFile.ProblemsException.class, e -> {
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("groups[1] (new_form_worker).rules[0].when: "
                    + "line 1, column 1: undeclared reference to 'platform_month'"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("groups[0] (skilled_worker).rules[0].when: line 1"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("duplicate id skilled_worker"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                    .isEqualTo("groups[1] (new_form_worker).enabled_from: 'next year' is not a month (YYYY-MM)"));
            assertThat(e.getMessage()).startsWith("groups.yaml: ");
        });
        assertThatThrownBy(() -> read(FILE.replace("when: platform_months >= 3", "when: platform_months + 1")))
                .hasMessageContaining("groups[1] (new_form_worker).rules[0].when");
    }

    @Test
    void aRuleFailingForOnePersonIsFalseAndCounted() {
        GroupDefinitions d = read(FILE.replace("b.open && b.employees < 1000", "b.open && b.staff < 1000"));
        GroupClassifier c = d.at(Period.of(2023, 12));
        PersonFact owner = person(0, 0, List.of(new PersonFact.Business("91330922MA2A0000X1", "LLC", "5212", 12,
                null, true, src("market_entity", 5))));
        assertThat(c.classify(values(owner, PersonVariables.Family.NONE, Period.of(2023, 12)))).isEmpty();
        assertThat(c.classify(values(person(0, 0, List.of()), PersonVariables.Family.NONE, Period.of(2023, 12)))).isEmpty();
        assertThat(c.failures()).containsEntry("sme_owner@1", 1L);
        assertThat(c.firstFailures().get("sme_owner@1")).contains("staff");
    }

    @Test
    void smeRuleUsesRecordFields() {
        GroupClassifier c = read(FILE).at(Period.of(2023, 12));
        PersonFact small = person(0, 0, List.of(new PersonFact.Business("91330922MA2A0000X1", "LLC", "5212", 12,
                null, true, src("market_entity", 5))));
        PersonFact closed = person(0, 0, List.of(new PersonFact.Business("91330922MA2A0000X1", "LLC", "5212", 12,
                null, false, src("market_entity", 5))));
        assertThat(c.holds("sme_owner", values(small, PersonVariables.Family.NONE, Period.of(2023, 12)))).isTrue();
        assertThat(c.holds("sme_owner", values(closed, PersonVariables.Family.NONE, Period.of(2023, 12)))).isFalse();
        assertThat(c.failures()).isEmpty();
    }
}
