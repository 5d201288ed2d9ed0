package org.olive.policy.reform;

import org.olive.period.Period;
import org.olive.policy.PolicyDefinitions;
import org.olive.policy.PolicyDefinitions.Policy;
import org.olive.policy.PolicyDefinitions.PolicyVersion;
import org.olive.rule.DatedParameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A policy reform to simulate ex ante (政策施行可预测, docs/policy-simulation.md): changes to the county's policy library
 * (policies.yaml) that {@link #apply} lays over it — parameters set to new values, a policy's rule replaced from a
 * month, new parameters and new policies. The library itself is never changed: the simulation compares the library as
 * it is with the library as the reform would make it. Built by {@link ReformLoader}, which checked every change against
 * the library it was loaded for.
 *
 * @param parameters    existing parameters of policies.yaml set to a new value (in every dated version: the simulation
 *                      is static, at one period)
 * @param newParameters parameters the reform adds (for its new policies' or new rules' formulas)
 * @param rules         policies whose rule the reform replaces
 * @param added         policies the reform adds
 * @param text          the file's text, as read
 */
public record Reform(String name, String title, String description, Map<String, Number> parameters,
                     Map<String, Number> newParameters, List<RuleChange> rules, List<Policy> added, String text) {

    /** The version label a reform's rules carry ({@code CODE@reform}): a match or evidence names where it came from. */
    public static final String VERSION = "reform";

    public Reform {
        // in the file's order, for the report
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        newParameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(newParameters));
        rules = List.copyOf(rules);
        added = List.copyOf(added);
    }

    /**
     * A policy's rule replaced: the eligibility rule and/or the amount formula (null: the replaced version's), in force
     * from {@code validFrom} (null: at every period, the policy's earlier versions dropped).
     */
    public record RuleChange(String code, String eligible, String amount, Period validFrom) {
    }

    /** The library with the reform laid over it; {@code base} is the library the reform was loaded for. */
    public PolicyDefinitions apply(PolicyDefinitions base) {
        List<DatedParameters.Version> params = new ArrayList<>();
        for (DatedParameters.Version v : base.parameters()) {
            Map<String, Object> values = new LinkedHashMap<>(v.values());
            // a parameter keeps its type: rules were compiled over a whole number or a decimal
            parameters.forEach((k, x) -> values.put(k, values.get(k) instanceof Long ? (Object) x.longValue()
                    : (Object) x.doubleValue()));
            newParameters.forEach((k, x) -> values.put(k, x instanceof Long ? (Object) x.longValue() : (Object) x.doubleValue()));
            params.add(new DatedParameters.Version(v.validFrom(), v.key(), Map.copyOf(values)));
        }
        if (base.parameters().isEmpty() && !newParameters.isEmpty()) {
            Map<String, Object> values = new LinkedHashMap<>();
            newParameters.forEach((k, x) -> values.put(k, x instanceof Long ? (Object) x.longValue() : (Object) x.doubleValue()));
            params.add(new DatedParameters.Version(Period.of(1900, 1), "reform " + name, Map.copyOf(values)));
        }
        List<Policy> policies = new ArrayList<>();
        for (Policy p : base.policies()) {
            Policy out = p;
            for (RuleChange r : rules) {
                if (r.code().equals(p.code())) {
                    out = replaced(out, r);
                }
            }
            policies.add(out);
        }
        policies.addAll(added);
        return new PolicyDefinitions(base.version() + "+" + name, base.source(), List.copyOf(params), List.copyOf(policies));
    }

    /** The policy with a rule change: the new version from its month, earlier ones ending the month before. */
    static Policy replaced(Policy p, RuleChange r) {
        List<PolicyVersion> versions = new ArrayList<>();
        PolicyVersion replaced = r.validFrom() == null ? p.versions().get(p.versions().size() - 1)
                : p.at(r.validFrom()).orElse(p.versions().get(p.versions().size() - 1));
        Period from = r.validFrom() == null ? p.versions().get(0).validFrom() : r.validFrom();
        if (r.validFrom() != null) {
            for (PolicyVersion v : p.versions()) {
                if (v.validFrom().compareTo(from) < 0) {
                    Period to = v.validTo() == null || v.validTo().compareTo(from) >= 0 ? from.minusMonths(1) : v.validTo();
                    versions.add(new PolicyVersion(v.version(), v.validFrom(), to, v.eligible(), v.amount()));
                }
            }
        }
        versions.add(new PolicyVersion(p.code() + "@" + VERSION, from, null,
                r.eligible() == null ? replaced.eligible() : r.eligible(),
                r.amount() == null ? replaced.amount() : r.amount()));
        return new Policy(p.code(), p.nameZh(), p.nameEn(), p.department(), p.kind(), p.unit(), p.frequency(),
                p.receiptMonths(), p.receipts(), p.targetGroups(), p.areas(), p.basis(), List.copyOf(versions));
    }

    /** Whether the reform changes anything at all (a file with only a name changes nothing). */
    public boolean isEmpty() {
        return parameters.isEmpty() && newParameters.isEmpty() && rules.isEmpty() && added.isEmpty();
    }

    /** The changes in words, one a line, for the report. */
    public List<String> changes() {
        List<String> out = new ArrayList<>();
        parameters.forEach((k, v) -> out.add("parameter " + k + " = " + v));
        newParameters.forEach((k, v) -> out.add("new parameter " + k + " = " + v));
        for (RuleChange r : rules) {
            out.add("rule of " + r.code() + (r.validFrom() == null ? "" : " from " + r.validFrom())
                    + (r.eligible() == null ? "" : ": eligible " + r.eligible())
                    + (r.amount() == null ? "" : "; amount " + r.amount()));
        }
        added.forEach(p -> out.add("new policy " + p.code() + " " + p.nameZh() + " (" + p.unit() + ", " + p.frequency() + ")"));
        return out;
    }
}
