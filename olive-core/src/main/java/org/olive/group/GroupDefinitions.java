package org.olive.group;

import org.olive.fact.PersonVariables;
import org.olive.period.Period;
import org.olive.rule.RuleCompiler;
import org.olive.rule.RuleException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The key groups of a county profile ({@code groups.yaml}; domain.md §8, docs/groups.md): each group a dated,
 * versioned CEL rule over the person facts ({@link PersonVariables}), enabled from a month, and the tier rule
 * (基本盘 / 潜力股 / 薄弱点) with its versions. One loader; {@link #at(Period)} gives the rules in force at a period,
 * compiled once.
 *
 * @param version    the file's version (recorded with every membership)
 * @param population who the groups are drawn from: a CEL rule over the same facts (built in: the county's population,
 *                   registered, resident or floating; not, say, an investor from elsewhere who only represents a firm)
 * @param groups  the groups, in display order
 * @param tiers   the tier rule's versions, oldest first
 */
public record GroupDefinitions(String version, String population, List<Group> groups, List<TierVersion> tiers) {

    /** One rule version of a group: in force from {@code validFrom} until the next version's. */
    public record RuleVersion(String version, Period validFrom, String when) {
    }

    /**
     * A group.
     *
     * @param family      "7" (the seven groups) or "4" (the four industry groups)
     * @param enabledFrom the first period the group is identified (the seed rolls out 8 in 2023 and 3 in 2024)
     */
    public record Group(String id, String nameZh, String nameEn, String family, Period enabledFrom,
                        List<RuleVersion> rules) {
        /** The rule version in force at {@code p}, if the group is enabled then. */
        public Optional<RuleVersion> ruleAt(Period p) {
            if (p.compareTo(enabledFrom) < 0) {
                return Optional.empty();
            }
            RuleVersion in = null;
            for (RuleVersion r : rules) {
                if (r.validFrom().compareTo(p) <= 0) {
                    in = r;
                }
            }
            return Optional.ofNullable(in);
        }
    }

    /**
     * A version of the tier rule: a member is VULNERABLE (薄弱点) when {@code vulnerable} holds, else STABLE (基本盘)
     * when {@code stable} holds, else POTENTIAL (潜力股); no tier when {@code unknown} holds (no family income figure).
     */
    public record TierVersion(String version, Period validFrom, String unknown, String stable, String vulnerable) {
    }

    /** A profile file with problems: each names the key and the reason. */
    public static final class DefinitionsException extends IllegalArgumentException {
        private final List<String> problems;

        DefinitionsException(String source, List<String> problems) {
            super(source + ": " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    public static GroupDefinitions read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads and checks a groups file: every rule is compiled, every problem reported at once. */
    public static GroupDefinitions read(InputStream in, String source) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        List<String> problems = new ArrayList<>();
        if (!(root instanceof Map<?, ?> map)) {
            throw new DefinitionsException(source, List.of("the file must be a mapping with version, groups and tiers"));
        }
        String version = text(map.get("version"));
        if (version.isEmpty()) {
            problems.add("version: missing");
        }
        RuleCompiler compiler = new RuleCompiler(PersonVariables.VARIABLES);
        String population = text(map.get("population"));
        compile(compiler, "population", population, problems);
        List<Group> groups = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Object gs = map.get("groups");
        if (!(gs instanceof List<?> list) || list.isEmpty()) {
            problems.add("groups: a list of groups is required");
        } else {
            for (int i = 0; i < list.size(); i++) {
                String key = "groups[" + i + "]";
                if (!(list.get(i) instanceof Map<?, ?> g)) {
                    problems.add(key + ": must be a mapping");
                    continue;
                }
                String id = text(g.get("id"));
                key += id.isEmpty() ? "" : " (" + id + ")";
                if (!id.matches("[a-z][a-z0-9_]{0,39}")) {
                    problems.add(key + ".id: '" + id + "' must be 1–40 lower-case letters, digits or _");
                } else if (!ids.add(id)) {
                    problems.add(key + ".id: duplicate id " + id);
                }
                String family = text(g.get("family"));
                if (!family.equals("7") && !family.equals("4")) {
                    problems.add(key + ".family: '" + family + "' must be 7 or 4 (the 7+4 groups)");
                }
                Period enabled = period(g.get("enabled_from"), key + ".enabled_from", problems);
                List<RuleVersion> rules = new ArrayList<>();
                Object rs = g.get("rules");
                if (!(rs instanceof List<?> rl) || rl.isEmpty()) {
                    problems.add(key + ".rules: at least one rule version is required");
                } else {
                    Set<String> versions = new HashSet<>();
                    for (int j = 0; j < rl.size(); j++) {
                        String rk = key + ".rules[" + j + "]";
                        if (!(rl.get(j) instanceof Map<?, ?> r)) {
                            problems.add(rk + ": must be a mapping with version, valid_from and when");
                            continue;
                        }
                        String v = text(r.get("version"));
                        if (v.isEmpty() || !versions.add(v)) {
                            problems.add(rk + ".version: missing or duplicate");
                        }
                        Period from = period(r.get("valid_from"), rk + ".valid_from", problems);
                        String when = text(r.get("when"));
                        compile(compiler, rk + ".when", when, problems);
                        if (from != null) {
                            rules.add(new RuleVersion(id + "@" + v, from, when));
                        }
                    }
                    rules.sort(Comparator.comparing(RuleVersion::validFrom));
                }
                if (enabled != null) {
                    groups.add(new Group(id, text(g.get("name_zh")), text(g.get("name_en")), family, enabled,
                            List.copyOf(rules)));
                }
            }
        }
        List<TierVersion> tiers = new ArrayList<>();
        Object ts = map.get("tiers");
        if (!(ts instanceof List<?> tl) || tl.isEmpty()) {
            problems.add("tiers: a list of tier rule versions is required");
        } else {
            for (int i = 0; i < tl.size(); i++) {
                String key = "tiers[" + i + "]";
                if (!(tl.get(i) instanceof Map<?, ?> t)) {
                    problems.add(key + ": must be a mapping");
                    continue;
                }
                Period from = period(t.get("valid_from"), key + ".valid_from", problems);
                String unknown = text(t.get("unknown"));
                String stable = text(t.get("stable"));
                String vulnerable = text(t.get("vulnerable"));
                compile(compiler, key + ".unknown", unknown, problems);
                compile(compiler, key + ".stable", stable, problems);
                compile(compiler, key + ".vulnerable", vulnerable, problems);
                if (from != null) {
                    tiers.add(new TierVersion("tiers@" + text(t.get("version")), from, unknown, stable, vulnerable));
                }
            }
            tiers.sort(Comparator.comparing(TierVersion::validFrom));
        }
        if (!problems.isEmpty()) {
            throw new DefinitionsException(source, problems);
        }
        return new GroupDefinitions(version, population, List.copyOf(groups), List.copyOf(tiers));
    }

    /** The groups enabled at {@code p}, in file order. */
    public List<Group> enabledAt(Period p) {
        return groups.stream().filter(g -> g.ruleAt(p).isPresent()).toList();
    }

    /** A group by id. */
    public Optional<Group> group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** The rules in force at {@code p}, compiled (once per run and period). */
    public GroupClassifier at(Period p) {
        return new GroupClassifier(this, p);
    }

    Optional<TierVersion> tierAt(Period p) {
        TierVersion in = null;
        for (TierVersion t : tiers) {
            if (t.validFrom().compareTo(p) <= 0) {
                in = t;
            }
        }
        return Optional.ofNullable(in);
    }

    private static void compile(RuleCompiler compiler, String key, String when, List<String> problems) {
        try {
            compiler.compile(key, when);
        } catch (RuleException e) {
            for (String p : e.problems()) {
                problems.add(key + ": " + p);
            }
        }
    }

    private static Period period(Object o, String key, List<String> problems) {
        String s = text(o);
        try {
            return Period.parse(s.length() > 7 ? s.substring(0, 7) : s);
        } catch (RuntimeException e) {
            problems.add(key + ": '" + s + "' is not a month (YYYY-MM)");
            return null;
        }
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString().strip();
    }
}
