package org.olive.policy.reform;

import org.olive.period.Period;
import org.olive.policy.PolicyDefinitions;
import org.olive.policy.PolicyDefinitions.Policy;
import org.olive.policy.PolicyDefinitions.Unit;
import org.olive.rule.FactVariable;
import org.olive.rule.FileLineException;
import org.olive.rule.RuleCompiler;
import org.olive.rule.RuleException;
import org.olive.rule.RuleFile;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a reform file (docs/policy-simulation.md) and checks it against the policy library it is for: unknown keys,
 * unknown policy codes, unknown parameters, parameters that are not numbers, rules that do not compile and amount
 * formulas that are not numbers are rejected with the file, the line (SnakeYAML's node marks) and the reason
 * ({@link ReformException}). A new policy is checked by the library's own loader ({@link PolicyDefinitions#read}), so a
 * reform accepts exactly the policies policies.yaml would.
 *
 * <pre>
 * name: old-age-150
 * title: 高龄津贴 80–89 岁提高到 150 元
 * parameters: {old_age_80: 150.0}          # existing parameters of policies.yaml
 * new_parameters: {fishery_monthly: 200.0} # optional: parameters the reform's rules may name
 * policies:
 *   - code: DIBIAN_AID                     # replace a policy's rule (eligible and/or amount), from a month or always
 *     eligible: ...
 *     valid_from: 2025-07
 *   - code: FISHERY_INCOME                 # or add a policy: the full form of policies.yaml
 *     name_zh: ...
 * </pre>
 */
public final class ReformLoader {

    private static final Set<String> TOP = Set.of("name", "title", "description", "parameters", "new_parameters",
            "policies");
    private static final Set<String> RULE = Set.of("code", "eligible", "amount", "valid_from");
    private static final Pattern ITEM = Pattern.compile("^policies\\[0\\](?: \\([A-Z0-9_]+\\))?\\.?([^:]*)");

    private ReformLoader() {
    }

    /**
     * @param groups     the key-group ids of the profile's groups.yaml (a new policy's target_groups)
     * @param townships  the 9-digit township codes of the profile (a new policy's areas)
     */
    public static Reform read(Path file, PolicyDefinitions base, Set<String> groups, Set<String> townships) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReformException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
        return read(text, file.toString(), file.getFileName().toString().replaceFirst("\\.ya?ml$", ""), base, groups,
                townships);
    }

    /**
     * @param file        the file's name, for messages
     * @param defaultName the reform's name when the file gives none (its file name without .yaml)
     */
    public static Reform read(String text, String file, String defaultName, PolicyDefinitions base, Set<String> groups,
                              Set<String> townships) {
        MappingNode top = FileLineException.mapping(text, file, "name, title and the changes (parameters, "
                + "new_parameters, policies)", ReformException::new);
        // the plain values of the file: a new policy goes to the library's loader as a mapping
        Map<?, ?> plain = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        String name = defaultName;
        String title = null;
        String description = "";
        Map<String, Number> parameters = new LinkedHashMap<>();
        Map<String, Number> newParameters = new LinkedHashMap<>();
        Map<String, Node> parameterNodes = new LinkedHashMap<>();
        Node policiesNode = null;
        for (NodeTuple t : top.getValue()) {
            String key = scalar(file, t.getKeyNode());
            Node v = t.getValueNode();
            switch (key) {
                case "name" -> {
                    name = scalar(file, v);
                    if (!name.matches("[A-Za-z0-9_.-]{1,60}")) {
                        throw new ReformException(file, line(v), "name: '" + name
                                + "' is not a name (letters, digits, _ . -, at most 60)");
                    }
                }
                case "title" -> title = scalar(file, v);
                case "description" -> description = scalar(file, v);
                case "parameters" -> numbers(file, v, "parameters", parameters, parameterNodes);
                case "new_parameters" -> numbers(file, v, "new_parameters", newParameters, parameterNodes);
                case "policies" -> policiesNode = v;
                default -> throw new ReformException(file, line(t.getKeyNode()), "unknown key '" + key
                        + "' (expected one of " + new TreeSet<>(TOP) + ")");
            }
        }
        Map<String, Object> known = base.parameters().isEmpty() ? Map.of() : base.parameters().get(0).values();
        for (Map.Entry<String, Number> e : parameters.entrySet()) {
            Node n = parameterNodes.get("parameters." + e.getKey());
            if (!known.containsKey(e.getKey())) {
                throw new ReformException(file, line(n), "parameters: unknown parameter '" + e.getKey()
                        + "' (not a parameter of " + base.source() + "; a parameter of the reform's own goes under "
                        + "new_parameters)");
            }
            if (known.get(e.getKey()) instanceof Long && !(e.getValue() instanceof Long)) {
                throw new ReformException(file, line(n), "parameters." + e.getKey() + ": a whole number is required "
                        + "(the rules use it as one), found " + e.getValue());
            }
        }
        for (Map.Entry<String, Number> e : newParameters.entrySet()) {
            Node n = parameterNodes.get("new_parameters." + e.getKey());
            if (known.containsKey(e.getKey())) {
                throw new ReformException(file, line(n), "new_parameters: '" + e.getKey() + "' is a parameter of "
                        + base.source() + " already (set it under parameters)");
            }
            if (!e.getKey().matches("[a-z][a-z0-9_]{0,39}")) {
                throw new ReformException(file, line(n), "new_parameters." + e.getKey()
                        + ": a name of lower-case letters, digits or _");
            }
        }
        Reform paramsOnly = new Reform(name, "", "", parameters, newParameters, List.of(), List.of(), text);
        PolicyDefinitions withParameters;
        try {
            withParameters = paramsOnly.apply(base);
            compiler(withParameters, Unit.PERSON);
        } catch (IllegalArgumentException e) {
            throw new ReformException(file, line(parameterNodes.values().stream().findFirst().orElse(top)),
                    "new_parameters: " + e.getMessage() + " (a parameter may not have the name of a fact)");
        }
        List<Reform.RuleChange> rules = new ArrayList<>();
        List<Policy> added = new ArrayList<>();
        if (policiesNode != null) {
            if (!(policiesNode instanceof SequenceNode seq)) {
                throw new ReformException(file, line(policiesNode), "policies: expected a list of policies");
            }
            List<?> plainPolicies = (List<?>) plain.get("policies");
            Set<String> codes = new HashSet<>(base.codes());
            for (int i = 0; i < seq.getValue().size(); i++) {
                Node n = seq.getValue().get(i);
                if (!(n instanceof MappingNode item)) {
                    throw new ReformException(file, line(n), "policies: each entry is a mapping with a code");
                }
                Map<String, Node> fields = fields(file, item);
                Node codeNode = fields.get("code");
                if (codeNode == null) {
                    throw new ReformException(file, line(item), "policies: an entry without a code");
                }
                String code = scalar(file, codeNode);
                Policy existing = base.policy(code).orElse(null);
                if (existing != null) {
                    for (Map.Entry<String, Node> f : fields.entrySet()) {
                        if (!RULE.contains(f.getKey())) {
                            throw new ReformException(file, line(f.getValue()), "policies: " + code + " is a policy of "
                                    + base.source() + ": a reform replaces its rule (" + new TreeSet<>(RULE)
                                    + "), not '" + f.getKey() + "'");
                        }
                    }
                    rules.add(ruleChange(file, fields, existing, withParameters));
                } else if (fields.keySet().stream().allMatch(RULE::contains)) {
                    throw new ReformException(file, line(codeNode), "policies: unknown policy code '" + code + "' (not a "
                            + "policy of " + base.source() + "; a new policy needs name_zh, department, kind, unit, "
                            + "frequency and versions)");
                } else {
                    if (!codes.add(code)) {
                        throw new ReformException(file, line(codeNode), "policies: duplicate new policy " + code);
                    }
                    added.add(newPolicy(file, item, plainPolicies.get(i), withParameters, groups, townships));
                }
            }
        }
        return new Reform(name, title == null ? name : title, description, parameters, newParameters, rules, added, text);
    }

    private static Reform.RuleChange ruleChange(String file, Map<String, Node> fields, Policy p,
                                                PolicyDefinitions library) {
        String eligible = fields.containsKey("eligible") ? scalar(file, fields.get("eligible")) : null;
        String amount = fields.containsKey("amount") ? scalar(file, fields.get("amount")) : null;
        Period from = null;
        if (fields.containsKey("valid_from")) {
            Node v = fields.get("valid_from");
            try {
                from = Period.parse(scalar(file, v).trim());
            } catch (RuntimeException e) {
                throw new ReformException(file, line(v), p.code() + ".valid_from: expected a month YYYY-MM, found '"
                        + scalar(file, v) + "'");
            }
        }
        if (eligible == null && amount == null) {
            throw new ReformException(file, line(fields.get("code")), "policies: " + p.code() + ": give eligible, amount "
                    + "or both (the rule that replaces the policy's)");
        }
        RuleCompiler rc = compiler(library, p.unit());
        if (eligible != null) {
            try {
                rc.compile(p.code() + ".eligible", eligible);
            } catch (RuleException e) {
                throw new ReformException(file, line(fields.get("eligible")), p.code() + ".eligible: does not compile: "
                        + String.join("; ", e.problems()));
            }
        }
        if (amount != null) {
            try {
                rc.compileAmount(p.code() + ".amount", amount);
            } catch (RuleException e) {
                throw new ReformException(file, line(fields.get("amount")), p.code() + ".amount: "
                        + String.join("; ", e.problems()));
            }
        }
        return new Reform.RuleChange(p.code(), eligible, amount, from);
    }

    /**
     * A new policy, read by the library's loader in a library of its own with the reform's parameters, so that it is
     * checked exactly as a policy of policies.yaml would be; a problem points at the line of the key it names.
     */
    private static Policy newPolicy(String file, MappingNode item, Object plain, PolicyDefinitions library,
                                    Set<String> groups, Set<String> townships) {
        List<Map<String, Object>> params = new ArrayList<>();
        library.parameters().forEach(v -> params.add(Map.of("valid_from", v.validFrom().toString(), "values", v.values())));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", "reform");
        if (!params.isEmpty()) {
            doc.put("parameters", params);
        }
        doc.put("policies", List.of(plain));
        Policy p;
        try {
            p = PolicyDefinitions.read(new ByteArrayInputStream(RuleFile.dump(doc).getBytes(StandardCharsets.UTF_8)),
                    "reform").policies().get(0);
        } catch (RuleFile.ProblemsException e) {
            String problem = e.problems().get(0);
            Matcher m = ITEM.matcher(problem);
            String path = m.find() ? m.group(1) : "";
            throw new ReformException(file, line(at(item, path)), "new policy: " + problem.replaceFirst("^policies\\[0\\] ",
                    ""));
        }
        for (String g : p.targetGroups()) {
            if (!groups.contains(g)) {
                throw new ReformException(file, line(at(item, "target_groups")), p.code() + ".target_groups: '" + g
                        + "' is not a group of groups.yaml");
            }
        }
        for (String a : p.areas()) {
            if (!townships.contains(a)) {
                throw new ReformException(file, line(at(item, "areas")), p.code() + ".areas: " + a
                        + " is not a township of divisions.csv");
            }
        }
        return p;
    }

    /** The node a loader's key path names inside a policy ({@code versions[0].amount}), or the deepest found. */
    private static Node at(MappingNode item, String path) {
        Node n = item;
        for (String part : path.split("\\.")) {
            if (part.isBlank()) {
                continue;
            }
            String key = part.replaceFirst("\\[.*$", "");
            Node next = null;
            if (n instanceof MappingNode mn) {
                for (NodeTuple t : mn.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                        next = t.getValueNode();
                    }
                }
            }
            if (next == null) {
                return n;
            }
            Matcher idx = Pattern.compile("\\[(\\d+)\\]").matcher(part);
            if (idx.find() && next instanceof SequenceNode sq && Integer.parseInt(idx.group(1)) < sq.getValue().size()) {
                next = sq.getValue().get(Integer.parseInt(idx.group(1)));
            }
            n = next;
        }
        return n;
    }

    private static RuleCompiler compiler(PolicyDefinitions library, Unit unit) {
        List<FactVariable> vars = library.variables(unit);
        return new RuleCompiler(vars);
    }

    private static void numbers(String file, Node v, String key, Map<String, Number> out, Map<String, Node> nodes) {
        if (!(v instanceof MappingNode m)) {
            throw new ReformException(file, line(v), key + ": expected a mapping of parameter names to numbers");
        }
        for (NodeTuple t : m.getValue()) {
            String name = scalar(file, t.getKeyNode());
            String s = scalar(file, t.getValueNode()).trim();
            Number n;
            try {
                if (s.matches("[+-]?\\d+")) {
                    n = Long.parseLong(s);
                } else {
                    double d = Double.parseDouble(s);
                    if (!Double.isFinite(d)) {
                        throw new NumberFormatException();
                    }
                    n = d;
                }
            } catch (NumberFormatException e) {
                throw new ReformException(file, line(t.getValueNode()), key + "." + name + ": expected a number, found '"
                        + s + "'");
            }
            if (out.put(name, n) != null) {
                throw new ReformException(file, line(t.getKeyNode()), key + "." + name + ": given twice");
            }
            nodes.put(key + "." + name, t.getKeyNode());
        }
    }

    private static Map<String, Node> fields(String file, MappingNode item) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : item.getValue()) {
            out.put(scalar(file, t.getKeyNode()), t.getValueNode());
        }
        return out;
    }

    private static String scalar(String file, Node v) {
        if (v instanceof ScalarNode s) {
            return s.getValue();
        }
        throw new ReformException(file, line(v), "expected a value, found a "
                + (v instanceof MappingNode ? "mapping" : "list"));
    }

    private static int line(Node n) {
        return FileLineException.line(n);
    }
}
