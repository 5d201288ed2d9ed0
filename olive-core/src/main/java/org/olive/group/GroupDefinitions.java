package org.olive.group;

import org.olive.fact.PersonVariables;
import org.olive.period.Period;
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

    public static GroupDefinitions read(Path file) {
        return RuleFile.read(file, GroupDefinitions::read);
    }

    /** Reads and checks a groups file: every rule is compiled, every problem reported at once. */
    public static GroupDefinitions read(InputStream in, String source) {
        Object root = RuleFile.yaml(in);
        List<String> problems = new ArrayList<>();
        if (!(root instanceof Map<?, ?> map)) {
            throw new RuleFile.ProblemsException(source, List.of("the file must be a mapping with version, groups and tiers"));
        }
        String version = RuleFile.text(map.get("version"));
        if (version.isEmpty()) {
            problems.add("version: missing");
        }
        RuleCompiler compiler = new RuleCompiler(PersonVariables.VARIABLES);
        String population = RuleFile.text(map.get("population"));
        RuleFile.check(compiler, "population", population, false, problems);
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
                String id = RuleFile.text(g.get("id"));
                key += id.isEmpty() ? "" : " (" + id + ")";
                if (!id.matches("[a-z][a-z0-9_]{0,39}")) {
                    problems.add(key + ".id: '" + id + "' must be 1–40 lower-case letters, digits or _");
                } else if (!ids.add(id)) {
                    problems.add(key + ".id: duplicate id " + id);
                }
                String family = RuleFile.text(g.get("family"));
                if (!family.equals("7") && !family.equals("4")) {
                    problems.add(key + ".family: '" + family + "' must be 7 or 4 (the 7+4 groups)");
                }
                Period enabled = RuleFile.period(g.get("enabled_from"), key + ".enabled_from", problems);
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
                        String v = RuleFile.text(r.get("version"));
                        if (v.isEmpty() || !versions.add(v)) {
                            problems.add(rk + ".version: missing or duplicate");
                        }
                        Period from = RuleFile.period(r.get("valid_from"), rk + ".valid_from", problems);
                        String when = RuleFile.text(r.get("when"));
                        RuleFile.check(compiler, rk + ".when", when, false, problems);
                        if (from != null) {
                            rules.add(new RuleVersion(id + "@" + v, from, when));
                        }
                    }
                    rules.sort(Comparator.comparing(RuleVersion::validFrom));
                }
                if (enabled != null) {
                    groups.add(new Group(id, RuleFile.text(g.get("name_zh")), RuleFile.text(g.get("name_en")), family, enabled,
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
                Period from = RuleFile.period(t.get("valid_from"), key + ".valid_from", problems);
                String unknown = RuleFile.text(t.get("unknown"));
                String stable = RuleFile.text(t.get("stable"));
                String vulnerable = RuleFile.text(t.get("vulnerable"));
                RuleFile.check(compiler, key + ".unknown", unknown, false, problems);
                RuleFile.check(compiler, key + ".stable", stable, false, problems);
                RuleFile.check(compiler, key + ".vulnerable", vulnerable, false, problems);
                if (from != null) {
                    tiers.add(new TierVersion("tiers@" + RuleFile.text(t.get("version")), from, unknown, stable, vulnerable));
                }
            }
            tiers.sort(Comparator.comparing(TierVersion::validFrom));
        }
        if (!problems.isEmpty()) {
            throw new RuleFile.ProblemsException(source, problems);
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

}
