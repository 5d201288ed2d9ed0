package org.olive.rule;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The evidence of a rule that held, as stored with its result: {@code fact=value [record, …]; …} for the facts (and
 * parameters) the rule names, with at most three of each fact's records ({@code dataset:file:row}, a ledger row, or the
 * profile key of a parameter) and the count of the rest. Warnings and policy decisions write the same form.
 */
public final class Evidence {

    private Evidence() {
    }

    /**
     * @param values the values the rule was evaluated over (facts and parameters)
     * @param refs   the records behind a fact or parameter (null or empty: none)
     * @param names  the facts the rule names, in order
     */
    public static String of(Map<String, ?> values, Function<String, List<String>> refs, List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(name).append('=').append(show(values.get(name)));
            List<String> r = refs.apply(name);
            if (r != null && !r.isEmpty()) {
                sb.append(" [");
                for (int i = 0; i < Math.min(3, r.size()); i++) {
                    sb.append(i == 0 ? "" : ", ").append(r.get(i));
                }
                if (r.size() > 3) {
                    sb.append(", +").append(r.size() - 3);
                }
                sb.append(']');
            }
        }
        return sb.toString();
    }

    /** A value as evidence shows it: whole numbers without decimals, two decimals otherwise, lists in brackets. */
    public static String show(Object o) {
        if (o instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue())
                    : String.format(Locale.ROOT, "%.2f", d);
        }
        if (o instanceof List<?> l) {
            if (!l.isEmpty() && l.get(0) instanceof Map) {
                return "[" + l.size() + " records]";
            }
            return "[" + String.join(",", l.stream().map(String::valueOf).toList()) + "]";
        }
        return String.valueOf(o);
    }
}
