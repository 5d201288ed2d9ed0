package org.olive.tag;

import org.olive.fact.PersonVariables;
import org.olive.fact.TagVariables;
import org.olive.period.Period;
import org.olive.rule.Rule;
import org.olive.rule.RuleCompiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tag versions in force at one period, compiled once, evaluated per person or family. A rule or value that fails
 * for one subject gives no tag and is counted ({@link #failures()}), never thrown.
 */
public final class TagClassifier {

    /** A tag that holds: the version, its value (null for a plain tag) and the evidence (facts, values, records). */
    public record Hit(String tagId, String version, String value, String evidence) {
    }

    private record Compiled(TagDefinitions.Tag tag, Rule when, Rule value) {
    }

    private final List<Compiled> person = new ArrayList<>();
    private final List<Compiled> family = new ArrayList<>();
    private final Map<String, AtomicLong> failures = new LinkedHashMap<>();

    TagClassifier(TagDefinitions d, Period p) {
        RuleCompiler pc = new RuleCompiler(TagVariables.PERSON);
        RuleCompiler fc = new RuleCompiler(TagVariables.FAMILY);
        for (TagDefinitions.Tag t : d.tags()) {
            t.versionAt(p).ifPresent(v -> {
                RuleCompiler c = t.subject() == TagDefinitions.Subject.FAMILY ? fc : pc;
                Compiled x = new Compiled(t, c.compile(v.version(), v.when()),
                        v.value() == null ? null : c.compileValue(v.version() + ".value", v.value()));
                (t.subject() == TagDefinitions.Subject.FAMILY ? family : person).add(x);
            });
        }
    }

    /** The person tags in force. */
    public int personTags() {
        return person.size();
    }

    /** The family tags in force. */
    public int familyTags() {
        return family.size();
    }

    /** The person tags that hold for a person's tag facts ({@link TagVariables#person}). */
    public List<Hit> person(PersonVariables.Values v) {
        return classify(person, v);
    }

    /** The family tags that hold for a family's tag facts ({@link TagVariables#family}). */
    public List<Hit> family(PersonVariables.Values v) {
        return classify(family, v);
    }

    private List<Hit> classify(List<Compiled> rules, PersonVariables.Values v) {
        List<Hit> hits = new ArrayList<>(4);
        for (Compiled c : rules) {
            Rule.Outcome o = c.when().test(v.values());
            if (o.failure() != null) {
                fail(c.when().name());
                continue;
            }
            if (!o.holds()) {
                continue;
            }
            String value = null;
            if (c.value() != null) {
                value = c.value().value(v.values());
                if (value == null) {
                    fail(c.value().name());
                    continue;
                }
            }
            hits.add(new Hit(c.tag().id(), c.when().name(), value, PersonVariables.evidence(v, c.when().facts(), 900)));
        }
        return hits;
    }

    private void fail(String rule) {
        synchronized (failures) {
            failures.computeIfAbsent(rule, k -> new AtomicLong()).incrementAndGet();
        }
    }

    /** Run-time failures per rule (each gave no tag). */
    public Map<String, Long> failures() {
        synchronized (failures) {
            Map<String, Long> m = new LinkedHashMap<>();
            failures.forEach((k, n) -> m.put(k, n.get()));
            return m;
        }
    }
}
