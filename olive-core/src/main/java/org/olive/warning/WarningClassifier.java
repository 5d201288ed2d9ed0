package org.olive.warning;

import org.olive.period.Period;
import org.olive.rule.Rule;
import org.olive.rule.RuleCompiler;
import org.olive.warning.WarningDefinitions.Colour;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The warning rules in force at one period, compiled once, evaluated per family. The family is RED when a red rule
 * fires, else YELLOW when a yellow rule fires, else GREEN; a warning lists every rule that fired, each with the facts
 * it names, their values and their records. A rule that fails for one family is false for it and counted
 * ({@link #failures()}), never thrown.
 */
public final class WarningClassifier {

    /** A rule that fired: its id, version ({@code id@n}), colour and evidence. */
    public record Fired(String ruleId, String version, Colour colour, String evidence) {
    }

    /** A family's warning: its colour and every rule that fired (none when GREEN). */
    public record Warning(Colour colour, List<Fired> fired) {
        /** The fired versions as {@code ;id@n;id@n;}. */
        public String versions() {
            StringBuilder sb = new StringBuilder(";");
            fired.forEach(f -> sb.append(f.version()).append(';'));
            return sb.toString();
        }
    }

    private record Compiled(WarningDefinitions.WarningRule rule, Rule program) {
    }

    private final Period period;
    private final String parameterKey;
    private final Map<String, Object> parameters;
    private final List<Compiled> rules = new ArrayList<>();
    private final Map<String, AtomicLong> failures = new LinkedHashMap<>();
    private final Map<String, String> firstFailure = new LinkedHashMap<>();

    WarningClassifier(WarningDefinitions d, Period p) {
        this.period = p;
        org.olive.rule.DatedParameters.Version pv = d.parametersAt(p).orElseThrow(() -> new IllegalArgumentException(
                "no warning parameters in force at " + p + " in " + d.source() + " parameters (the first version "
                        + "applies from " + (d.parameters().isEmpty() ? "-" : d.parameters().get(0).validFrom())
                        + "); add a version there"));
        this.parameterKey = d.source().replaceAll(".*[/\\\\]", "") + ":" + pv.key();
        this.parameters = pv.values();
        RuleCompiler compiler = new RuleCompiler(d.variables());
        for (WarningDefinitions.WarningRule r : d.rules()) {
            r.at(p).ifPresent(v -> rules.add(new Compiled(r, compiler.compile(v.version(), v.when()))));
        }
    }

    public Period period() {
        return period;
    }

    /** The versions in force, in file order ({@code id@n}). */
    public List<String> versions() {
        return rules.stream().map(c -> c.program().name()).toList();
    }

    /** The family's colour and the rules that fired. */
    public Warning classify(WarningVariables.Facts facts) {
        Map<String, Object> values = new HashMap<>(facts.values());
        values.putAll(parameters);
        List<Fired> fired = new ArrayList<>(2);
        Colour colour = Colour.GREEN;
        for (Compiled c : rules) {
            Rule.Outcome o = c.program().test(values);
            if (o.failure() != null) {
                synchronized (failures) {
                    failures.computeIfAbsent(c.program().name(), k -> new AtomicLong()).incrementAndGet();
                    firstFailure.putIfAbsent(c.program().name(), o.failure());
                }
            }
            if (o.holds()) {
                fired.add(new Fired(c.rule().id(), c.program().name(), c.rule().colour(),
                        evidence(values, facts, c.program().facts())));
                colour = c.rule().colour() == Colour.RED || colour == Colour.RED ? Colour.RED : Colour.YELLOW;
            }
        }
        return new Warning(colour, List.copyOf(fired));
    }

    private String evidence(Map<String, Object> values, WarningVariables.Facts facts, List<String> names) {
        return org.olive.rule.Evidence.of(values, n -> parameters.containsKey(n) ? List.of(parameterKey) : facts.refs().get(n),
                names);
    }

    /** Run-time failures per rule version (each counted as false). */
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
