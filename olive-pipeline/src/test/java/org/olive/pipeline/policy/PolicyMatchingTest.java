package org.olive.pipeline.policy;

import org.junit.jupiter.api.Test;
import org.olive.period.Period;
import org.olive.pipeline.figure.RunFigure;
import org.olive.pipeline.group.GroupMembers;
import org.olive.policy.PolicyClassifier;
import org.olive.policy.PolicyDefinitions;
import org.olive.policy.PolicyVariables;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyMatchingTest {

    static final PolicyDefinitions DEFINITIONS = PolicyDefinitions.read(new ByteArrayInputStream("""
            version: t
            policies:
              - {code: SKILL, name_zh: 技能, department: 人社, kind: DEVELOPMENTAL, unit: PERSON, frequency: ONCE,
                 target_groups: [skilled_worker], versions: [{version: "1", valid_from: 2023-01, eligible: "true", amount: "1000.0"}]}
              - {code: TOPUP, name_zh: 补差, department: 民政, kind: SAFETY_NET, unit: FAMILY, frequency: MONTHLY,
                 target_groups: [hardship], versions: [{version: "2", valid_from: 2023-01, eligible: "true", amount: "300.0"}]}
            """.getBytes(StandardCharsets.UTF_8)), "policies.yaml");

    static PolicyDefinitions.Policy policy(String code) {
        return DEFINITIONS.policy(code).orElseThrow();
    }

    static PolicyMatching.Hit hit(String code, String kind, String key, String family, double amount) {
        PolicySubjects.Subject s = new PolicySubjects.Subject(kind, key, family, "330922100",
                new PolicyVariables.Facts(Map.of(), Map.of()));
        return new PolicyMatching.Hit(s, new PolicyClassifier.Eligibility(policy(code), code + "@1", amount, "age=40"));
    }

    @Test
    void eligibleAndPaidIsCoveredEligibleOnlyMissedPaidOnlyLeakage() {
        PolicyMatching.Eligible eligible = new PolicyMatching.Eligible(Map.of("SKILL",
                List.of(hit("SKILL", "PERSON", "1", "F1", 1000), hit("SKILL", "PERSON", "2", "F2", 1500))));
        Receipts receipts = receipts(Map.of("SKILL", Map.of(
                "1", new Receipts.Received(1000, List.of("subsidy_payment:a.csv:3"), "F1", "330922100", ""),
                "3", new Receipts.Received(1000, List.of("subsidy_payment:a.csv:4"), "F3", "330922101", ""),
                "unmatched:subsidy_payment:a.csv:9", new Receipts.Received(500, List.of("subsidy_payment:a.csv:9"), null, null,
                        "paid to an ID the person registry does not know"))));
        List<PolicyMatching.Match> m = PolicyMatching.match(List.of(policy("SKILL")), eligible, receipts,
                Map.of("SKILL", "SKILL@1"));
        assertThat(m).extracting(x -> x.key() + ":" + x.status()).containsExactly("1:COVERED", "2:MISSED", "3:LEAKAGE",
                "unmatched:subsidy_payment:a.csv:9:LEAKAGE");
        assertThat(m.get(0).receipts()).containsExactly("subsidy_payment:a.csv:3");
        assertThat(m.get(1).amount()).isEqualTo(1500);
        assertThat(m.get(2).amount()).isNaN();
        assertThat(m.get(3).evidence()).contains("does not know");
        List<RunFigure> f = PolicyStep.figures(List.of(policy("SKILL")), m);
        assertThat(f).filteredOn(x -> x.areaCode().isEmpty()).singleElement().satisfies(x -> {
            assertThat(x.numerator()).isEqualTo(1);
            assertThat(x.denominator()).isEqualTo(2);
            assertThat(x.note()).endsWith("leakage (receiving, not eligible): 2");
        });
    }

    @Test
    void aPaymentForAMonthTheSubjectWasEligibleInIsNoLeakage() {
        PolicyMatching.Eligible none = new PolicyMatching.Eligible(Map.of());
        Receipts receipts = receipts(Map.of("SKILL", Map.of(
                "5", new Receipts.Received(1000, List.of("subsidy_payment:a.csv:5"), "F5", "330922100", "",
                        java.util.Set.of("2024-01")),
                "6", new Receipts.Received(1000, List.of("subsidy_payment:a.csv:6"), "F6", "330922100", "",
                        java.util.Set.of("2024-02")))));
        List<PolicyMatching.Match> m = PolicyMatching.match(List.of(policy("SKILL")), none, receipts,
                Map.of("SKILL", "SKILL@1"), (code, subject, months) -> subject.equals("5") && months.contains("2024-01"));
        assertThat(m).extracting(x -> x.key() + ":" + x.status()).containsExactly("6:LEAKAGE");
    }

    @Test
    void indicatorSevenCountsMembersReceivingAPolicyOfTheirGroupOnceEach() {
        List<PolicyMatching.Match> m = List.of(
                match("SKILL", PolicyMatching.Status.COVERED, "PERSON", "1"),
                match("SKILL", PolicyMatching.Status.MISSED, "PERSON", "2"),
                match("TOPUP", PolicyMatching.Status.LEAKAGE, "FAMILY", "F3"),
                match("SKILL", PolicyMatching.Status.COVERED, "PERSON", "4"));
        GroupMembers members = new GroupMembers("2024-03", List.of("skilled_worker", "hardship", "graduate"), List.of(
                member(1, "skilled_worker", "F1", "330922100"), member(1, "hardship", "F1", "330922100"),
                member(2, "skilled_worker", "F2", "330922100"),
                member(3, "hardship", "F3", "330922101"),
                member(4, "hardship", "F4", "330922101"), // receives SKILL, which does not target hardship
                member(5, "graduate", "F5", "330922101")));
        List<RunFigure> f = PolicyStep.coverage(members, DEFINITIONS.policies(), m);
        RunFigure county = f.stream().filter(x -> x.metric().equals(PolicyStep.COVERAGE) && x.areaCode().isEmpty())
                .findFirst().orElseThrow();
        assertThat(county.numerator()).isEqualTo(2); // persons 1 and 3
        assertThat(county.denominator()).isEqualTo(5);
        assertThat(f).filteredOn(x -> x.metric().equals(PolicyStep.GROUP_METRIC + "graduate")).singleElement()
                .satisfies(x -> assertThat(x.note()).contains("no policy targets this group"));
        assertThat(f).filteredOn(x -> x.metric().equals(PolicyStep.GROUP_METRIC + "hardship")).singleElement()
                .satisfies(x -> assertThat(x.numerator()).isEqualTo(1));
    }

    static PolicyMatching.Match match(String code, PolicyMatching.Status s, String kind, String key) {
        return new PolicyMatching.Match(policy(code), s, kind, key, null, "330922100", code + "@1", 1, 1, List.of(), "");
    }

    static GroupMembers.Member member(long key, String group, String family, String town) {
        return new GroupMembers.Member(key, group, "RULE", group + "@1", null, family, town, "");
    }

    static org.olive.fact.PersonFact withAssistance(long key, String family, org.olive.fact.PersonFact.Assistance a) {
        return new org.olive.fact.PersonFact(key, family, "F", 50, true, true, false, "330922100", "330922100201", false,
                "70", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(a), 0);
    }

    static Receipts receipts(Map<String, Map<String, Receipts.Received>> by) {
        return Receipts.of(by);
    }

    @Test
    void assistanceSpellsOpenAtThePeriodsLastDayAreReceipts() {
        var src = new org.olive.fact.PersonFact.Source("assistance", "2024-03", "救助.csv", 5);
        org.olive.fact.PersonFact open = withAssistance(1, "F1",
                new org.olive.fact.PersonFact.Assistance("DIBAO", java.time.LocalDate.of(2023, 5, 1), null,
                        new java.math.BigDecimal("600"), src));
        org.olive.fact.PersonFact ended = withAssistance(2, "F2",
                new org.olive.fact.PersonFact.Assistance("DIBAO", java.time.LocalDate.of(2023, 5, 1),
                        java.time.LocalDate.of(2024, 2, 29), new java.math.BigDecimal("600"), src));
        Map<String, Receipts.Received> r = Receipts.assistance(
                PolicyDefinitions.read(new ByteArrayInputStream("""
                        version: t
                        policies:
                          - {code: DIBAO, name_zh: 低保, department: 民政, kind: SAFETY_NET, unit: FAMILY, frequency: MONTHLY,
                             receipts: "assistance:DIBAO", versions: [{version: "1", valid_from: 2023-01, eligible: "true", amount: "1.0"}]}
                        """.getBytes(StandardCharsets.UTF_8)), "p").policy("DIBAO").orElseThrow(),
                Period.parse("2024-03"), Map.of(1L, open, 2L, ended));
        assertThat(r).containsOnlyKeys("F1");
        assertThat(r.get("F1").amount()).isEqualTo(600);
        assertThat(r.get("F1").records()).containsExactly("assistance:救助.csv:5");
        // the money of the trailing 12 months (2023-04 … 2024-03): April is before the spell, 11 months × 600
        assertThat(PolicySubjects.received(open, Period.parse("2024-03"))).isEqualTo(6600);
        assertThat(PolicySubjects.received(ended, Period.parse("2024-03"))).isEqualTo(6000);
    }
}
