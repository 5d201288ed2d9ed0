package org.olive.group;

import org.olive.fact.PersonVariables;
import org.olive.period.Period;
import org.olive.rule.Rule;
import org.olive.rule.RuleCompiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The group and tier rules in force at one period, compiled once, evaluated per person. A rule that fails for one
 * person is false for them; failures are counted per rule ({@link #failures()}) and reported by the run, never thrown.
 */
public final class GroupClassifier {

    /** The tiers within a group (施策对象, domain.md §5). */
    public enum Tier { STABLE, POTENTIAL, VULNERABLE }

    /** A person in a group by its rule: the rule version and the facts it named, with their values and records. */
    public record Hit(String groupId, String ruleVersion, String evidence) {
    }

    private final Period period;
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final Rule population;
    private final Rule unknown;
    private final Rule stable;
    private final Rule vulnerable;
    private final String tierVersion;
    private final Map<String, AtomicLong> failures = new LinkedHashMap<>();
    private final Map<String, String> firstFailure = new LinkedHashMap<>();

    GroupClassifier(GroupDefinitions d, Period p) {
        this.period = p;
        RuleCompiler compiler = new RuleCompiler(PersonVariables.VARIABLES);
        this.population = compiler.compile(d.version() + ".population", d.population());
        for (GroupDefinitions.Group g : d.groups()) {
            g.ruleAt(p).ifPresent(r -> rules.put(g.id(), compiler.compile(r.version(), r.when())));
        }
        GroupDefinitions.TierVersion t = d.tierAt(p).orElse(null);
        this.tierVersion = t == null ? null : t.version();
        this.unknown = t == null ? null : compiler.compile(t.version() + ".unknown", t.unknown());
        this.stable = t == null ? null : compiler.compile(t.version() + ".stable", t.stable());
        this.vulnerable = t == null ? null : compiler.compile(t.version() + ".vulnerable", t.vulnerable());
    }

    public Period period() {
        return period;
    }

    /** The ids of the groups enabled at the period, in file order. */
    public List<String> groupIds() {
        return List.copyOf(rules.keySet());
    }

    /** The rule version of an enabled group. */
    public String ruleVersion(String groupId) {
        Rule r = rules.get(groupId);
        return r == null ? null : r.name();
    }

    /** The facts an enabled group's rule names. */
    public List<String> facts(String groupId) {
        Rule r = rules.get(groupId);
        return r == null ? List.of() : r.facts();
    }

    /** Whether the person is one of those the groups are drawn from (the file's {@code population} rule). */
    public boolean inPopulation(PersonVariables.Values v) {
        return test(population, v);
    }

    /** The groups whose rule holds for a person. */
    public List<Hit> classify(PersonVariables.Values v) {
        List<Hit> hits = new ArrayList<>(2);
        for (Map.Entry<String, Rule> e : rules.entrySet()) {
            if (test(e.getValue(), v)) {
                hits.add(new Hit(e.getKey(), e.getValue().name(), PersonVariables.evidence(v, e.getValue().facts(), 1900)));
            }
        }
        return hits;
    }

    /** Whether one enabled group's rule holds (false for a group not enabled at the period). */
    public boolean holds(String groupId, PersonVariables.Values v) {
        Rule r = rules.get(groupId);
        return r != null && test(r, v);
    }

    /** The person's tier, or null when the tier rule says it is unknown (or no tier rule is in force). */
    public Tier tier(PersonVariables.Values v) {
        if (unknown == null || test(unknown, v)) {
            return null;
        }
        if (test(vulnerable, v)) {
            return Tier.VULNERABLE;
        }
        return test(stable, v) ? Tier.STABLE : Tier.POTENTIAL;
    }

    /** The tier rule's version in force, or null. */
    public String tierVersion() {
        return tierVersion;
    }

    /** Run-time failures per rule (each counted as false). */
    public Map<String, Long> failures() {
        Map<String, Long> m = new LinkedHashMap<>();
        failures.forEach((k, n) -> m.put(k, n.get()));
        return m;
    }

    /** The first failure message of each failing rule. */
    public Map<String, String> firstFailures() {
        return Map.copyOf(firstFailure);
    }

    private boolean test(Rule r, PersonVariables.Values v) {
        Rule.Outcome o = r.test(v.values());
        if (o.failure() != null) {
            synchronized (failures) {
                failures.computeIfAbsent(r.name(), k -> new AtomicLong()).incrementAndGet();
                firstFailure.putIfAbsent(r.name(), o.failure());
            }
        }
        return o.holds();
    }
}
