package org.olive.pipeline.policy;

import org.olive.policy.PolicyClassifier;
import org.olive.policy.PolicyDefinitions.Policy;
import org.olive.policy.PolicyDefinitions.Unit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matching (自动关联): eligibility against receipt, per policy and subject. Pure: the step and the simulator share it.
 */
public final class PolicyMatching {

    /** COVERED: eligible and receiving; MISSED: eligible, not receiving (push list); LEAKAGE: receiving, not eligible. */
    public enum Status { COVERED, MISSED, LEAKAGE }

    /** An eligible subject: the subject and its eligibility (policy, version, amount, evidence). */
    public record Hit(PolicySubjects.Subject subject, PolicyClassifier.Eligibility eligibility) {
    }

    /** Every eligible subject of the period, by policy code. */
    public record Eligible(Map<String, List<Hit>> byPolicy) {
        public List<Hit> of(String code) {
            return byPolicy.getOrDefault(code, List.of());
        }
    }

    /**
     * One row of the policy ledger.
     *
     * @param key      person key or family key, or {@code unmatched:<record>} for a payment to an unknown ID
     * @param family   the family key (a person's family), or null
     * @param version  the rule version that decided eligibility (for leakage: the version in force)
     * @param amount   the eligible amount a payment; NaN when not eligible or the formula failed
     * @param received the payments in the receipt window
     */
    public record Match(Policy policy, Status status, String kind, String key, String family, String township,
                        String version, double amount, double received, List<String> receipts, String evidence) {
    }

    private PolicyMatching() {
    }

    /** Evaluates every policy in force over every subject of its unit. */
    public static Eligible eligible(PolicyClassifier rules, PolicySubjects subjects) {
        List<Hit> hits = new ArrayList<>();
        boolean persons = rules.inForce().stream().anyMatch(p -> p.unit() == Unit.PERSON);
        boolean families = rules.inForce().stream().anyMatch(p -> p.unit() == Unit.FAMILY);
        if (persons) {
            subjects.persons(s -> rules.person(s.facts()).stream().map(e -> new Hit(s, e)).toList()).forEach(hits::addAll);
        }
        if (families) {
            subjects.families(s -> rules.family(s.facts()).stream().map(e -> new Hit(s, e)).toList()).forEach(hits::addAll);
        }
        return grouped(hits);
    }

    /**
     * Evaluates every policy in force over subjects built once (the policy simulation evaluates two libraries over the
     * same subjects, PolicySimulation).
     */
    public static Eligible eligible(PolicyClassifier rules, List<PolicySubjects.Subject> persons,
                                    List<PolicySubjects.Subject> families) {
        List<Hit> hits = new ArrayList<>();
        persons.parallelStream().map(s -> rules.person(s.facts()).stream().map(e -> new Hit(s, e)).toList()).toList()
                .forEach(hits::addAll);
        families.parallelStream().map(s -> rules.family(s.facts()).stream().map(e -> new Hit(s, e)).toList()).toList()
                .forEach(hits::addAll);
        return grouped(hits);
    }

    private static Eligible grouped(List<Hit> hits) {
        Map<String, List<Hit>> by = new HashMap<>();
        hits.forEach(h -> by.computeIfAbsent(h.eligibility().policy().code(), k -> new ArrayList<>()).add(h));
        return new Eligible(by);
    }

    /**
     * Whether a subject was found eligible for a policy in one of the months it was paid for (an earlier period's
     * ledger): such a payment is no leakage, though the subject is not eligible now (a yearly childcare subsidy paid in
     * March for a child who turned 3 in May).
     */
    @FunctionalInterface
    public interface EarlierEligibility {
        boolean eligibleWhenPaid(String code, String subject, java.util.Set<String> months);

        EarlierEligibility NONE = (code, subject, months) -> false;
    }

    /** Eligible subjects against receipts, without earlier eligibility (tests). */
    public static List<Match> match(List<Policy> policies, Eligible eligible, Receipts receipts, Map<String, String> versions) {
        return match(policies, eligible, receipts, versions, EarlierEligibility.NONE);
    }

    /**
     * Eligible subjects against receipts: one row per subject eligible now or receiving without having been eligible in
     * a month paid for, per policy, in a stable order.
     */
    public static List<Match> match(List<Policy> policies, Eligible eligible, Receipts receipts, Map<String, String> versions,
                                    EarlierEligibility earlier) {
        List<Match> out = new ArrayList<>();
        for (Policy p : policies) {
            Map<String, Receipts.Received> paid = receipts.of(p.code());
            Set<String> seen = new HashSet<>();
            for (Hit h : eligible.of(p.code())) {
                PolicySubjects.Subject s = h.subject();
                seen.add(s.key());
                Receipts.Received r = paid.get(s.key());
                out.add(new Match(p, r == null ? Status.MISSED : Status.COVERED, s.kind(), s.key(), s.family(),
                        s.township(), h.eligibility().version(), h.eligibility().amount(), r == null ? 0 : r.amount(),
                        r == null ? List.of() : r.records(), h.eligibility().evidence()));
            }
            for (Map.Entry<String, Receipts.Received> e : paid.entrySet()) {
                if (!seen.contains(e.getKey()) && !earlier.eligibleWhenPaid(p.code(), e.getKey(), e.getValue().months())) {
                    Receipts.Received r = e.getValue();
                    out.add(new Match(p, Status.LEAKAGE, p.unit().name(), e.getKey(), r.family(), r.township(),
                            versions.getOrDefault(p.code(), p.code()), Double.NaN, r.amount(), r.records(),
                            r.note()));
                }
            }
        }
        out.sort(Comparator.comparing((Match m) -> m.policy().code()).thenComparing(Match::kind).thenComparing(Match::key));
        return out;
    }
}
