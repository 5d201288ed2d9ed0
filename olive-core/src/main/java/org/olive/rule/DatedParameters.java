package org.olive.rule;

import org.olive.period.Period;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dated numeric parameters of a profile file ({@code parameters:} in warnings.yaml, vulnerability.yaml): a list of
 * versions {@code {valid_from: YYYY-MM, values: {name: number}}}, each in force from its {@code valid_from} until the
 * next one's. One parser for every file that has such a list; each problem names the key and the reason.
 */
public final class DatedParameters {

    /** The parameters in force from {@code validFrom} until the next version's; {@code key} names it in messages. */
    public record Version(Period validFrom, String key, Map<String, Object> values) {

        /** A number parameter as a double (whole numbers included); the caller checked that it is present. */
        public double number(String name) {
            Object v = values.get(name);
            if (!(v instanceof Number n)) {
                throw new IllegalArgumentException(key + ".values." + name + ": missing");
            }
            return n.doubleValue();
        }

        /** A whole-number parameter. */
        public long whole(String name) {
            Object v = values.get(name);
            if (!(v instanceof Long n)) {
                throw new IllegalArgumentException(key + ".values." + name + ": a whole number is required");
            }
            return n;
        }
    }

    private DatedParameters() {
    }

    /**
     * Parses the list; a whole number is a {@code Long}, a number with a decimal point a {@code Double}. Problems are
     * added to {@code problems} ("parameters[1].values.x: 'a' is not a number"). The versions are sorted oldest first.
     */
    public static List<Version> parse(Object ps, List<String> problems) {
        List<Version> out = new ArrayList<>();
        if (!(ps instanceof List<?> list) || list.isEmpty()) {
            problems.add("parameters: a list of dated parameter versions {valid_from, values} is required");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            String key = "parameters[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                problems.add(key + ": must be a mapping with valid_from and values");
                continue;
            }
            Period from = RuleFile.period(m.get("valid_from"), key + ".valid_from", problems);
            Map<String, Object> values = new LinkedHashMap<>();
            if (!(m.get("values") instanceof Map<?, ?> vs) || vs.isEmpty()) {
                problems.add(key + ".values: a mapping of parameter names to numbers is required");
            } else {
                vs.forEach((k, v) -> {
                    String name = String.valueOf(k);
                    if (!name.matches("[a-z][a-z0-9_]{0,39}")) {
                        problems.add(key + ".values." + name + ": a name of lower-case letters, digits or _");
                    } else if (v instanceof Integer || v instanceof Long) {
                        values.put(name, ((Number) v).longValue());
                    } else if (v instanceof Number n) {
                        values.put(name, n.doubleValue());
                    } else {
                        problems.add(key + ".values." + name + ": '" + v + "' is not a number");
                    }
                });
            }
            if (from != null) {
                out.add(new Version(from, key, Map.copyOf(values)));
            }
        }
        out.sort(Comparator.comparing(Version::validFrom));
        return out;
    }

    /**
     * The type of each parameter as rules see it (a whole number INT, a decimal DOUBLE), in first-seen order; adds a
     * problem for a parameter that is whole in one version and decimal in another, and for a version that lacks a
     * parameter another gives (every version gives every parameter). Shared by warnings.yaml and policies.yaml.
     */
    public static java.util.Map<String, FactVariable.Type> types(List<Version> versions, List<String> problems) {
        java.util.Map<String, FactVariable.Type> types = new java.util.LinkedHashMap<>();
        for (Version pv : versions) {
            pv.values().forEach((k, v) -> {
                FactVariable.Type t = v instanceof Long ? FactVariable.Type.INT : FactVariable.Type.DOUBLE;
                FactVariable.Type before = types.putIfAbsent(k, t);
                if (before != null && before != t) {
                    problems.add(pv.key() + "." + k + ": a whole number in one version and a decimal in another");
                }
            });
        }
        for (Version pv : versions) {
            for (String k : types.keySet()) {
                if (!pv.values().containsKey(k)) {
                    problems.add(pv.key() + ".values: missing " + k + " (every version gives every parameter)");
                }
            }
        }
        return types;
    }

    /** The version in force at {@code p}: the latest whose valid_from is not after it. */
    public static Optional<Version> at(List<Version> versions, Period p) {
        Version in = null;
        for (Version v : versions) {
            if (v.validFrom().compareTo(p) <= 0) {
                in = v;
            }
        }
        return Optional.ofNullable(in);
    }
}
