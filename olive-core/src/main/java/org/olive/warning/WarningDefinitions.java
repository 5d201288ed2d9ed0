package org.olive.warning;

import org.olive.period.Period;
import org.olive.rule.DatedParameters;
import org.olive.rule.FactVariable;
import org.olive.rule.RuleCompiler;
import org.olive.rule.RuleFile;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The warning rules of a county profile ({@code warnings.yaml}; domain.md §5, docs/warnings.md): each rule a colour
 * (RED or YELLOW), names in Chinese and English and dated, versioned CEL expressions over the family facts of
 * {@link WarningVariables} and the file's own dated parameters (the thresholds: 20,000 yuan, 30 %, N months …). The
 * lines themselves are facts (income.yaml's, at the family's area), never parameters here. One loader;
 * {@link #at(Period)} gives the rules and parameters in force, compiled once.
 *
 * @param version    the file's version
 * @param source     the file's name for messages
 * @param parameters the parameters' versions, oldest first
 * @param rules      the rules, in file order
 */
public record WarningDefinitions(String version, String source, List<DatedParameters.Version> parameters, List<WarningRule> rules) {

    /** The colours a rule may give; GREEN is a family no rule fired for. */
    public enum Colour { RED, YELLOW, GREEN }

    /** One version of a rule: {@code version} is {@code id@n}. */
    public record RuleVersion(String version, Period validFrom, String when) {
    }

    /** A warning rule. */
    public record WarningRule(String id, Colour colour, String nameZh, String nameEn, List<RuleVersion> versions) {
        /** The version in force at {@code p}. */
        public Optional<RuleVersion> at(Period p) {
            RuleVersion in = null;
            for (RuleVersion v : versions) {
                if (v.validFrom().compareTo(p) <= 0) {
                    in = v;
                }
            }
            return Optional.ofNullable(in);
        }
    }

    public static WarningDefinitions read(Path file) {
        return RuleFile.read(file, WarningDefinitions::read);
    }

    /** Reads and checks a warnings file: every rule is compiled, every problem reported at once with its key. */
    public static WarningDefinitions read(InputStream in, String source) {
        Object root = RuleFile.yaml(in);
        List<String> problems = new ArrayList<>();
        if (!(root instanceof Map<?, ?> map)) {
            throw new RuleFile.ProblemsException(source, List.of("the file must be a mapping with version, parameters and rules"));
        }
        String version = RuleFile.text(map.get("version"));
        if (version.isEmpty()) {
            problems.add("version: missing");
        }
        List<DatedParameters.Version> parameters = DatedParameters.parse(map.get("parameters"), problems);
        Map<String, FactVariable.Type> types = DatedParameters.types(parameters, problems);
        List<FactVariable> vars = new ArrayList<>(WarningVariables.FAMILY);
        types.forEach((k, t) -> vars.add(new FactVariable(k, t, "parameter of warnings.yaml")));
        RuleCompiler compiler = null;
        try {
            compiler = new RuleCompiler(vars);
        } catch (IllegalArgumentException e) {
            problems.add("parameters: " + e.getMessage() + " (a parameter may not have the name of a family fact)");
        }
        List<WarningRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Object rs = map.get("rules");
        if (!(rs instanceof List<?> list) || list.isEmpty()) {
            problems.add("rules: a list of rules is required");
        } else {
            for (int i = 0; i < list.size(); i++) {
                String key = "rules[" + i + "]";
                if (!(list.get(i) instanceof Map<?, ?> r)) {
                    problems.add(key + ": must be a mapping");
                    continue;
                }
                String id = RuleFile.text(r.get("id"));
                key += id.isEmpty() ? "" : " (" + id + ")";
                if (!id.matches("[a-z][a-z0-9_]{0,39}")) {
                    problems.add(key + ".id: '" + id + "' must be 1–40 lower-case letters, digits or _");
                } else if (!ids.add(id)) {
                    problems.add(key + ".id: duplicate id " + id);
                }
                String c = RuleFile.text(r.get("colour"));
                Colour colour = null;
                if (c.equals("RED") || c.equals("YELLOW")) {
                    colour = Colour.valueOf(c);
                } else {
                    problems.add(key + ".colour: '" + c + "' must be RED or YELLOW");
                }
                String nameZh = RuleFile.text(r.get("name_zh"));
                if (nameZh.isEmpty()) {
                    problems.add(key + ".name_zh: missing");
                }
                List<RuleVersion> versions = new ArrayList<>();
                Object vs = r.get("versions");
                if (!(vs instanceof List<?> vl) || vl.isEmpty()) {
                    problems.add(key + ".versions: at least one version is required");
                } else {
                    Set<String> seen = new HashSet<>();
                    for (int j = 0; j < vl.size(); j++) {
                        String vk = key + ".versions[" + j + "]";
                        if (!(vl.get(j) instanceof Map<?, ?> v)) {
                            problems.add(vk + ": must be a mapping with version, valid_from and when");
                            continue;
                        }
                        String n = RuleFile.text(v.get("version"));
                        if (n.isEmpty() || !seen.add(n)) {
                            problems.add(vk + ".version: missing or duplicate");
                        }
                        Period from = RuleFile.period(v.get("valid_from"), vk + ".valid_from", problems);
                        String when = RuleFile.text(v.get("when"));
                        if (compiler != null) {
                            RuleFile.check(compiler, vk + ".when", when, false, problems);
                        }
                        if (from != null) {
                            versions.add(new RuleVersion(id + "@" + n, from, when));
                        }
                    }
                    versions.sort(Comparator.comparing(RuleVersion::validFrom));
                }
                if (colour != null) {
                    rules.add(new WarningRule(id, colour, nameZh, RuleFile.text(r.get("name_en")), List.copyOf(versions)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleFile.ProblemsException(source, problems);
        }
        return new WarningDefinitions(version, source, List.copyOf(parameters), List.copyOf(rules));
    }

    /** The parameters in force at {@code p}. */
    public Optional<DatedParameters.Version> parametersAt(Period p) {
        return DatedParameters.at(parameters, p);
    }

    /** A rule by id. */
    public Optional<WarningRule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The rules and parameters in force at {@code p}, compiled (once per run and period). */
    public WarningClassifier at(Period p) {
        return new WarningClassifier(this, p);
    }

    /** The variables rules are compiled over: the family facts and the parameters. */
    List<FactVariable> variables() {
        List<FactVariable> vars = new ArrayList<>(WarningVariables.FAMILY);
        if (!parameters.isEmpty()) {
            parameters.get(0).values().forEach((k, v) -> vars.add(new FactVariable(k,
                    v instanceof Long ? FactVariable.Type.INT : FactVariable.Type.DOUBLE, "parameter of warnings.yaml")));
        }
        return vars;
    }
}
