package org.olive.policy;

import org.olive.period.Period;
import org.olive.policy.PolicyDefinitions.Policy;
import org.olive.policy.PolicyDefinitions.Unit;
import org.olive.rule.DatedParameters;
import org.olive.rule.Rule;
import org.olive.rule.RuleCompiler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The policies in force at a period, compiled once: for a person or a family, which policies of its unit it is
 * eligible for, the amount of each payment and the evidence (the facts and parameters the rules named, with their
 * records). A rule that fails for one subject is not eligible for it and the failure is counted; an amount that fails
 * or is negative makes the subject eligible with no amount and is counted too (never thrown: one family's odd data does
 * not stop a run). Thread-safe once built.
 */
public final class PolicyClassifier {

    /**
     * A subject eligible for a policy: the policy, the rule version, the amount of a payment (NaN when the formula
     * failed), and the evidence of the eligibility rule and of the amount.
     */
    public record Eligibility(Policy policy, String version, double amount, String evidence) {
    }

    private record Compiled(Policy policy, Rule eligible, Rule amount) {
    }

    private final Period period;
    private final String parameterKey;
    private final Map<String, Object> parameters;
    private final List<Compiled> person = new ArrayList<>();
    private final List<Compiled> family = new ArrayList<>();
    private final Map<String, AtomicLong> failures = new LinkedHashMap<>();
    private final Map<String, String> firstFailure = new LinkedHashMap<>();

    PolicyClassifier(PolicyDefinitions d, Period p) {
        this.period = p;
        DatedParameters.Version pv = d.parametersAt(p).orElse(null);
        if (pv == null && !d.parameters().isEmpty()) {
            throw new IllegalArgumentException("no policy parameters in force at " + p + " in " + d.source()
                    + " (the first version applies from " + d.parameters().get(0).validFrom() + "); add a version there");
        }
        this.parameterKey = d.source().replaceAll(".*[/\\\\]", "") + ":" + (pv == null ? "" : pv.key());
        this.parameters = pv == null ? Map.of() : pv.values();
        RuleCompiler personRules = new RuleCompiler(d.variables(Unit.PERSON));
        RuleCompiler familyRules = new RuleCompiler(d.variables(Unit.FAMILY));
        for (Policy policy : d.policies()) {
            policy.at(p).ifPresent(v -> {
                RuleCompiler rc = policy.unit() == Unit.FAMILY ? familyRules : personRules;
                Compiled c = new Compiled(policy, rc.compile(v.version(), v.eligible()),
                        rc.compileAmount(v.version() + " amount", v.amount()));
                (policy.unit() == Unit.FAMILY ? family : person).add(c);
            });
        }
    }

    public Period period() {
        return period;
    }

    /** The policies in force at the period, in file order. */
    public List<Policy> inForce() {
        List<Policy> l = new ArrayList<>();
        person.forEach(c -> l.add(c.policy()));
        family.forEach(c -> l.add(c.policy()));
        return l;
    }

    /** The version in force of each policy ({@code CODE@n}). */
    public Map<String, String> versions() {
        Map<String, String> m = new LinkedHashMap<>();
        person.forEach(c -> m.put(c.policy().code(), c.eligible().name()));
        family.forEach(c -> m.put(c.policy().code(), c.eligible().name()));
        return m;
    }

    /** The person policies a person is eligible for (limited to the policies' townships). */
    public List<Eligibility> person(PolicyVariables.Facts facts) {
        return decide(person, facts);
    }

    /** The family policies a family is eligible for. */
    public List<Eligibility> family(PolicyVariables.Facts facts) {
        return decide(family, facts);
    }

    private List<Eligibility> decide(List<Compiled> rules, PolicyVariables.Facts facts) {
        if (rules.isEmpty()) {
            return List.of();
        }
        Map<String, Object> values = new HashMap<>(facts.values());
        values.putAll(parameters);
        String township = (String) values.get("township");
        List<Eligibility> out = new ArrayList<>(2);
        for (Compiled c : rules) {
            if (!c.policy().appliesIn(township)) {
                continue;
            }
            Rule.Outcome o = c.eligible().test(values);
            if (o.failure() != null) {
                fail(c.eligible().name(), o.failure());
            }
            if (!o.holds()) {
                continue;
            }
            Rule.Amount a = c.amount().number(values);
            if (a.failure() != null) {
                fail(c.amount().name(), a.failure());
            }
            String evidence = evidence(values, facts, c.eligible().facts());
            List<String> amountFacts = c.amount().facts().stream().filter(f -> !c.eligible().facts().contains(f)).toList();
            if (!amountFacts.isEmpty()) {
                evidence += " | amount: " + evidence(values, facts, amountFacts);
            }
            out.add(new Eligibility(c.policy(), c.eligible().name(), a.value(), evidence));
        }
        return out;
    }

    private void fail(String rule, String message) {
        synchronized (failures) {
            failures.computeIfAbsent(rule, k -> new AtomicLong()).incrementAndGet();
            firstFailure.putIfAbsent(rule, message);
        }
    }

    private String evidence(Map<String, Object> values, PolicyVariables.Facts facts, List<String> names) {
        return org.olive.rule.Evidence.of(values, n -> parameters.containsKey(n) ? List.of(parameterKey) : facts.refs().get(n),
                names);
    }

    /** Run-time failures per rule version (an eligibility failure counted as not eligible). */
    public Map<String, Long> failures() {
        Map<String, Long> m = new LinkedHashMap<>();
        synchronized (failures) {
            failures.forEach((k, n) -> m.put(k, n.get()));
        }
        return m;
    }

    /** The first failure message of each failing rule. */
    public Map<String, String> firstFailures() {
        synchronized (failures) {
            return Map.copyOf(firstFailure);
        }
    }
}
