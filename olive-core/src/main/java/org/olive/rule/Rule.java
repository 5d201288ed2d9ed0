package org.olive.rule;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A compiled rule: evaluated many times over facts. A rule that fails at run time for one person (a missing value, a
 * type mismatch in a record's field, a division by zero) is false for that person and the failure is counted and
 * returned, never thrown (docs/person-facts.md, "When a rule fails"): one person's odd data does not stop a run.
 *
 * @param name       the rule's name for messages
 * @param expression its CEL text
 * @param facts      the facts it names, sorted (its evidence is these facts' values and records)
 */
public record Rule(String name, String expression, CelRuntime.Program program, List<String> facts) {

    /** What one evaluation gave: the rule held or not, or failed with a message (then it did not hold). */
    public record Outcome(boolean holds, String failure) {
        static final Outcome TRUE = new Outcome(true, null);
        static final Outcome FALSE = new Outcome(false, null);
    }

    /** Evaluates a value expression: its result as text ("" for an empty list), or null when it fails. */
    public String value(Map<String, ?> values) {
        try {
            Object r = program.eval(resolver(values));
            if (r instanceof java.util.Collection<?> c) {
                return String.join(",", c.stream().map(String::valueOf).toList());
            }
            return r == null ? null : String.valueOf(r);
        } catch (CelEvaluationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Evaluates an amount expression ({@link RuleCompiler#compileAmount}): the number, or NaN when it fails; a failure
     * or a negative result is {@code failure} (then {@code value} is NaN), never thrown.
     */
    public record Amount(double value, String failure) {
    }

    public Amount number(Map<String, ?> values) {
        try {
            Object r = program.eval(resolver(values));
            double d = r instanceof Number n ? n.doubleValue() : Double.NaN;
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return new Amount(Double.NaN, "the amount is not a finite number: " + r);
            }
            if (d < 0) {
                return new Amount(Double.NaN, "the amount is negative: " + d);
            }
            return new Amount(d, null);
        } catch (CelEvaluationException | RuntimeException e) {
            String m = e.getMessage();
            return new Amount(Double.NaN, m == null ? e.getClass().getSimpleName() : m);
        }
    }

    /** Evaluates the rule over one person's (or family's) facts; every declared fact must be bound. */
    public Outcome test(Map<String, ?> values) {
        try {
            Object r = program.eval(resolver(values));
            return Boolean.TRUE.equals(r) ? Outcome.TRUE : Outcome.FALSE;
        } catch (CelEvaluationException | RuntimeException e) {
            String m = e.getMessage();
            return new Outcome(false, m == null ? e.getClass().getSimpleName() : m);
        }
    }

    /**
     * The facts as a variable resolver: {@code Program.eval(Map)} copies the whole map into an immutable one at every
     * evaluation (50 facts, for each of some 50 rules a person), a lookup does not (RuleBenchmark, docs/benchmarks.md).
     * A null value is an unbound fact, as with the map.
     */
    private static CelVariableResolver resolver(Map<String, ?> values) {
        return name -> Optional.ofNullable(values.get(name));
    }
}
