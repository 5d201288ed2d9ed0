package org.olive.pipeline.editing;

import org.olive.editing.AmountRules;
import org.olive.editing.IitSchedule;
import org.olive.editing.RuleRef;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of the editing step, from the versioned {@code editing.yaml} (docs/editing.md; the file documents
 * each one). A county file replaces the built-in one with {@link #load(Path)}.
 *
 * @param version          the settings' version string
 * @param enabled          whether amounts are edited at all
 * @param powers           the ×10ⁿ slips considered
 * @param powerTolerance   |log10(ratio) − n| that counts as ×10ⁿ against a median
 * @param editedConfidence confidence cap of an income item built from an edited value
 * @param rules            rule name (negative, iit_withholding, …) → its settings
 * @param datasets         master table → what is edited there and how
 */
public record EditingSettings(String version, boolean enabled, List<Integer> powers, double powerTolerance,
                              double editedConfidence, Map<String, Rule> rules, Map<String, Dataset> datasets) {

    static final List<String> RULES = List.of("negative", "iit_withholding", "iit_flat_rate", "contribution_rate",
            "identity", "history", "peers");

    /** A rule: its id and version, whether it is on, and its own parameters (the YAML map). */
    public record Rule(RuleRef ref, boolean enabled, Map<String, Object> params) {

        double number(String key) {
            Object v = params.get(key);
            if (v == null) {
                throw new IllegalArgumentException("rule " + ref.id() + ": missing parameter '" + key + "'");
            }
            return EditingSettings.number(v, ref.id() + "." + key);
        }
    }

    /** An edited field of a dataset. */
    public record Field(String name, boolean row, boolean history, boolean peers, boolean excludeSpikes,
                        List<String> feeds) {
    }

    /** A consistency check of a dataset's rows: the rule name and its column settings (the YAML map). */
    public record Check(String rule, Map<String, Object> params) {

        String column(String key) {
            Object v = params.get(key);
            return v == null ? null : String.valueOf(v);
        }
    }

    /** A dataset (master table) and its edited fields. */
    public record Dataset(String table, String person, String month, List<String> series, List<String> peers,
                          Map<String, Field> fields, List<Check> checks) {
    }

    public EditingSettings {
        for (String r : RULES) {
            if (!rules.containsKey(r)) {
                throw new IllegalArgumentException("rules." + r + " is missing");
            }
        }
        if (powers.isEmpty() || powers.stream().anyMatch(p -> p < 1)) {
            throw new IllegalArgumentException("powers must be a list of positive integers");
        }
        if (!(editedConfidence >= 0 && editedConfidence <= 1)) {
            throw new IllegalArgumentException("edited_confidence must be between 0 and 1");
        }
        powers = List.copyOf(powers);
        rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        datasets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(datasets));
    }

    public Rule rule(String name) {
        return rules.get(name);
    }

    /** The withholding rule's schedule and tolerances. */
    AmountRules.Withholding withholding() {
        Rule r = rule("iit_withholding");
        List<IitSchedule.Bracket> brackets = new ArrayList<>();
        if (!(r.params().get("schedule") instanceof List<?> rows)) {
            throw new IllegalArgumentException("rule IIT-TAX: schedule must be a list of [up to, rate, quick deduction]");
        }
        for (Object o : rows) {
            if (!(o instanceof List<?> b) || b.size() != 3) {
                throw new IllegalArgumentException("rule IIT-TAX: each schedule row is [up to, rate, quick deduction]");
            }
            brackets.add(new IitSchedule.Bracket(number(b.get(0), "schedule"), number(b.get(1), "schedule"),
                    number(b.get(2), "schedule")));
        }
        return new AmountRules.Withholding(new IitSchedule(r.number("monthly_deduction"), brackets),
                r.number("contribution_share"), r.number("tolerance_yuan"), powers);
    }

    AmountRules.Outlier outlier(String rule, boolean excludeSpikes) {
        Rule r = rule(rule);
        return new AmountRules.Outlier((int) r.number("min_others"), r.number("spike_ratio"), excludeSpikes, powers,
                powerTolerance);
    }

    /** The settings shipped with Olive. */
    public static EditingSettings builtIn() {
        InputStream in = Objects.requireNonNull(EditingSettings.class.getResourceAsStream("editing.yaml"), "editing.yaml");
        return load(in, "built-in editing.yaml");
    }

    /** A county's own settings file (replaces the built-in file as a whole). */
    public static EditingSettings load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The built-in settings with one rule switched on or off (tests, and counties that turn a rule off). */
    public EditingSettings withRule(String name, boolean on) {
        Map<String, Rule> r = new LinkedHashMap<>(rules);
        Rule old = r.get(name);
        r.put(name, new Rule(old.ref(), on, old.params()));
        return new EditingSettings(version, enabled, powers, powerTolerance, editedConfidence, r, datasets);
    }

    static EditingSettings load(InputStream in, String source) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(source + ": expected sections version, enabled, powers, rules, datasets");
        }
        try {
            List<Integer> powers = new ArrayList<>();
            for (Object o : list(map.get("powers"), "powers")) {
                powers.add((int) number(o, "powers"));
            }
            Map<String, Rule> rules = new LinkedHashMap<>();
            section(map, "rules").forEach((k, v) -> {
                if (!(v instanceof Map<?, ?> m)) {
                    throw new IllegalArgumentException("rules." + k + " must be a map with id, version, enabled");
                }
                Map<String, Object> params = new LinkedHashMap<>();
                m.forEach((pk, pv) -> params.put(String.valueOf(pk), pv));
                rules.put(String.valueOf(k), new Rule(new RuleRef(String.valueOf(required(m, "id")),
                        (int) number(required(m, "version"), k + ".version")),
                        Boolean.parseBoolean(String.valueOf(required(m, "enabled"))), params));
            });
            Map<String, Dataset> datasets = new LinkedHashMap<>();
            section(map, "datasets").forEach((k, v) -> {
                String table = String.valueOf(k);
                if (!table.matches("[a-z_]+") || !(v instanceof Map<?, ?> d)) {
                    throw new IllegalArgumentException("datasets." + k + " must be a master table name with a map");
                }
                Map<String, Field> fields = new LinkedHashMap<>();
                section(d, "fields").forEach((fk, fv) -> {
                    if (!(fv instanceof Map<?, ?> f)) {
                        throw new IllegalArgumentException("datasets." + k + ".fields." + fk + " must be a map");
                    }
                    fields.put(column(fk), new Field(column(fk), bool(f, "row"), bool(f, "history"), bool(f, "peers"),
                            bool(f, "exclude_spikes"), strings(f.get("feeds"))));
                });
                List<Check> checks = new ArrayList<>();
                for (Object o : list(d.get("consistency") == null ? List.of() : d.get("consistency"), k + ".consistency")) {
                    if (!(o instanceof Map<?, ?> c)) {
                        throw new IllegalArgumentException("datasets." + k + ".consistency: each check is a map");
                    }
                    Map<String, Object> params = new LinkedHashMap<>();
                    c.forEach((pk, pv) -> params.put(String.valueOf(pk), pv));
                    String rule = String.valueOf(required(c, "rule"));
                    if (!RULES.contains(rule)) {
                        throw new IllegalArgumentException("datasets." + k + ": unknown rule " + rule);
                    }
                    checks.add(new Check(rule, params));
                }
                datasets.put(table, new Dataset(table, column(required(d, "person")), column(required(d, "month")),
                        strings(d.get("series")).stream().map(EditingSettings::column).toList(),
                        strings(d.get("peers")).stream().map(EditingSettings::column).toList(), fields, checks));
            });
            return new EditingSettings(String.valueOf(required(map, "version")),
                    Boolean.parseBoolean(String.valueOf(required(map, "enabled"))), powers,
                    number(required(map, "power_tolerance"), "power_tolerance"),
                    number(required(map, "edited_confidence"), "edited_confidence"), rules, datasets);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static String column(Object o) {
        String s = String.valueOf(o);
        if (!s.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a column name: " + s);
        }
        return s;
    }

    private static boolean bool(Map<?, ?> m, String key) {
        return Boolean.parseBoolean(String.valueOf(m.get(key)));
    }

    private static Object required(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing setting '" + key + "'");
        }
        return v;
    }

    private static Map<?, ?> section(Map<?, ?> map, String name) {
        if (!(map.get(name) instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("missing section '" + name + "'");
        }
        return m;
    }

    private static List<?> list(Object v, String name) {
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException(name + " must be a list");
        }
        return l;
    }

    static List<String> strings(Object v) {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("expected a list, found " + v);
        }
        List<String> out = new ArrayList<>();
        l.forEach(o -> out.add(String.valueOf(o)));
        return out;
    }

    static double number(Object v, String name) {
        if (v == null) {
            throw new IllegalArgumentException("missing setting '" + name + "'");
        }
        try {
            return Double.parseDouble(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting '" + name + "' must be a number, found '" + v + "'");
        }
    }
}
