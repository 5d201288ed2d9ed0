package org.olive.indicator.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a registry YAML file (format described at the top of {@code shengsi-2021.yaml}). Every scalar is read as text
 * (no YAML number or date guessing); unknown keys are errors, so a typo never silently drops a field. Each fault is
 * reported as a {@link RegistryException} naming the file, the indicator, the field and the reason.
 */
public final class RegistryLoader {

    /** The built-in registry in the classpath. */
    public static final String BUILT_IN = "org/olive/indicator/registry/shengsi-2021.yaml";

    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,31}");
    private static final Pattern METRIC = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern YEARS = Pattern.compile("(\\d{4})(?:-(\\d{4}))?");
    private static final Set<String> TOP_KEYS = Set.of("version", "evaluation", "baseline_markers", "quota_phrases",
            "bound_suffixes", "directions", "sets");
    private static final Set<String> SET_KEYS = Set.of("id", "title", "source", "baseline_year", "sections");
    private static final Set<String> SECTION_KEYS = Set.of("name", "name_en", "indicators");
    private static final Set<String> INDICATOR_KEYS = Set.of("id", "number", "name", "name_en", "unit", "baseline",
            "targets", "attribute", "better", "departments", "computed_by", "frequency", "definition", "range");

    private RegistryLoader() {
    }

    /** Loads the built-in Shengsi registry ({@value #BUILT_IN}). */
    public static IndicatorRegistry builtIn() {
        InputStream in = RegistryLoader.class.getClassLoader().getResourceAsStream(BUILT_IN);
        if (in == null) {
            throw new IllegalStateException("built-in indicator registry " + BUILT_IN + " is not on the classpath");
        }
        try (in) {
            return load(in, "shengsi-2021.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a registry file from disk. */
    public static IndicatorRegistry load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.getFileName().toString());
        }
    }

    /**
     * Loads a registry from UTF-8 YAML.
     *
     * @param file the name used in error messages
     */
    public static IndicatorRegistry load(InputStream in, String file) {
        Object doc;
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            doc = yaml().load(r);
        } catch (YAMLException e) {
            throw new RegistryException(file, null, "(document)", "not valid YAML: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Reading(file).registry(doc);
    }

    /** One file being read; knows its name and the current indicator for error messages. */
    private static final class Reading {
        private final String file;
        private String indicator;
        private TargetVocabulary vocabulary;

        Reading(String file) {
            this.file = file;
        }

        IndicatorRegistry registry(Object doc) {
            Map<String, Object> top = map(doc, "(document)");
            keys(top, TOP_KEYS, "");
            String version = text(top.get("version"), "version", true);
            Map<String, Object> evaluation = map(top.get("evaluation"), "evaluation");
            keys(evaluation, Set.of("stable_relative_tolerance"), "evaluation.");
            BigDecimal tolerance = number(evaluation.get("stable_relative_tolerance"),
                    "evaluation.stable_relative_tolerance");
            if (tolerance.signum() < 0 || tolerance.compareTo(BigDecimal.ONE) >= 0) {
                throw fault("evaluation.stable_relative_tolerance", "must be at least 0 and below 1, not " + tolerance);
            }
            vocabulary = vocabulary(top);
            List<Object> setNodes = list(top.get("sets"), "sets");
            List<IndicatorSet> sets = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            Set<String> setIds = new HashSet<>();
            for (int i = 0; i < setNodes.size(); i++) {
                IndicatorSet s = set(map(setNodes.get(i), "sets[" + i + "]"), "sets[" + i + "].", ids);
                if (!setIds.add(s.id())) {
                    throw fault("sets[" + i + "].id", "set id '" + s.id() + "' is used twice");
                }
                sets.add(s);
            }
            return new IndicatorRegistry(version, new EvaluationSettings(tolerance), sets);
        }

        private TargetVocabulary vocabulary(Map<String, Object> top) {
            Map<String, Trend> directions = new LinkedHashMap<>();
            map(top.get("directions"), "directions").forEach((word, value) -> {
                String v = text(value, "directions." + word, true);
                directions.put(word, enumValue(Trend.class, v, "directions." + word));
            });
            Map<String, Comparison> suffixes = new LinkedHashMap<>();
            map(top.get("bound_suffixes"), "bound_suffixes").forEach((word, value) -> {
                String v = text(value, "bound_suffixes." + word, true);
                suffixes.put(word, enumValue(Comparison.class, v, "bound_suffixes." + word));
            });
            List<String> quota = texts(top.get("quota_phrases"), "quota_phrases");
            Map<String, Object> markers = map(top.get("baseline_markers"), "baseline_markers");
            keys(markers, Set.of("estimate_prefixes", "missing"), "baseline_markers.");
            return new TargetVocabulary(directions, quota, suffixes,
                    texts(markers.get("estimate_prefixes"), "baseline_markers.estimate_prefixes"),
                    texts(markers.get("missing"), "baseline_markers.missing"));
        }

        private IndicatorSet set(Map<String, Object> m, String path, Set<String> ids) {
            indicator = null;
            keys(m, SET_KEYS, path);
            String id = text(m.get("id"), path + "id", true);
            if (!ID.matcher(id).matches()) {
                throw fault(path + "id", "'" + id + "' must be letters, digits, - or _ and start with a letter");
            }
            String title = text(m.get("title"), path + "title", true);
            String source = text(m.get("source"), path + "source", true);
            int baselineYear = year(text(m.get("baseline_year"), path + "baseline_year", true), path + "baseline_year");
            List<Object> sectionNodes = list(m.get("sections"), path + "sections");
            List<Section> sections = new ArrayList<>();
            for (int i = 0; i < sectionNodes.size(); i++) {
                String sp = path + "sections[" + i + "].";
                indicator = null;
                Map<String, Object> s = map(sectionNodes.get(i), sp.substring(0, sp.length() - 1));
                keys(s, SECTION_KEYS, sp);
                String name = text(s.get("name"), sp + "name", true);
                String nameEn = text(s.get("name_en"), sp + "name_en", false);
                List<Object> rows = list(s.get("indicators"), sp + "indicators");
                List<Indicator> indicators = new ArrayList<>();
                for (int r = 0; r < rows.size(); r++) {
                    indicators.add(indicator(map(rows.get(r), sp + "indicators[" + r + "]"), id, name, baselineYear,
                            sp + "indicators[" + r + "].", ids));
                }
                sections.add(new Section(name, nameEn, indicators));
            }
            indicator = null;
            return new IndicatorSet(id, title, source, baselineYear, sections);
        }

        private Indicator indicator(Map<String, Object> m, String setId, String section, int baselineYear, String path,
                                    Set<String> ids) {
            indicator = null;
            String id = text(m.get("id"), path + "id", true);
            if (!ID.matcher(id).matches()) {
                throw fault(path + "id", "'" + id + "' must be letters, digits, - or _ and start with a letter");
            }
            if (!ids.add(id)) {
                throw fault(path + "id", "indicator id '" + id + "' is used twice");
            }
            indicator = id;
            keys(m, INDICATOR_KEYS, "");
            String number = text(m.get("number"), "number", true);
            String name = text(m.get("name"), "name", true);
            String nameEn = text(m.get("name_en"), "name_en", true);
            if (!m.containsKey("unit")) {
                throw fault("unit", "is missing (write unit: \"\" for a ratio or coefficient)");
            }
            String unit = text(m.get("unit"), "unit", false);
            Baseline baseline;
            String baselineText = text(m.get("baseline"), "baseline", true);
            try {
                baseline = vocabulary.baseline(baselineYear, baselineText);
            } catch (IllegalArgumentException e) {
                throw fault("baseline", e.getMessage());
            }
            List<TargetSpan> targets = targets(m.get("targets"));
            String attributeText = text(m.get("attribute"), "attribute", false);
            Attribute attribute = attributeText == null ? null : Attribute.parse(attributeText).orElseThrow(
                    () -> fault("attribute", "'" + attributeText + "' is neither 评价指标 nor 观察指标"));
            Better better = enumValue(Better.class, text(m.get("better"), "better", true), "better");
            List<String> departments = m.containsKey("departments") ? texts(m.get("departments"), "departments")
                    : List.of();
            String computedBy = text(m.get("computed_by"), "computed_by", false);
            if (computedBy != null && !METRIC.matcher(computedBy).matches()) {
                throw fault("computed_by", "'" + computedBy + "' is not a metric id (lower case letters, digits, _)");
            }
            ValueRange range = null;
            if (m.get("range") != null) {
                List<String> r = texts(m.get("range"), "range");
                if (r.size() != 2) {
                    throw fault("range", "must be [low, high], has " + r.size() + " values");
                }
                BigDecimal low = number(r.get(0), "range[0]");
                BigDecimal high = number(r.get(1), "range[1]");
                if (low.compareTo(high) > 0) {
                    throw fault("range", "low " + low + " is above high " + high);
                }
                range = new ValueRange(low, high);
            }
            return new Indicator(id, setId, number, section, name, nameEn, unit, baseline, targets, attribute, better,
                    departments, computedBy, text(m.get("frequency"), "frequency", false),
                    text(m.get("definition"), "definition", false), range);
        }

        private List<TargetSpan> targets(Object node) {
            Map<String, Object> m = map(node, "targets");
            List<TargetSpan> spans = new ArrayList<>();
            for (Map.Entry<String, Object> e : m.entrySet()) {
                String field = "targets." + e.getKey();
                Matcher y = YEARS.matcher(e.getKey().strip());
                if (!y.matches()) {
                    throw fault(field, "'" + e.getKey() + "' is not a year (2022) or a year span (2022-2025)");
                }
                int from = year(y.group(1), field);
                int to = y.group(2) == null ? from : year(y.group(2), field);
                if (to < from) {
                    throw fault(field, "the span ends before it starts");
                }
                String cell = text(e.getValue(), field, true);
                if (vocabulary.isMissing(cell)) {
                    continue; // the source sets no target for these years
                }
                Target target;
                try {
                    target = vocabulary.target(cell);
                } catch (IllegalArgumentException ex) {
                    throw fault(field, ex.getMessage());
                }
                for (TargetSpan other : spans) {
                    if (from <= other.toYear() && to >= other.fromYear()) {
                        throw fault(field, "overlaps targets." + other.years());
                    }
                }
                spans.add(new TargetSpan(from, to, target));
            }
            if (spans.isEmpty()) {
                throw fault("targets", "no year has a target");
            }
            return spans;
        }

        private int year(String text, String field) {
            try {
                int y = Integer.parseInt(text.strip());
                if (y < 1990 || y > 2100) {
                    throw fault(field, "year " + y + " is outside 1990-2100");
                }
                return y;
            } catch (NumberFormatException e) {
                throw fault(field, "'" + text + "' is not a year");
            }
        }

        private <E extends Enum<E>> E enumValue(Class<E> type, String text, String field) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(text.strip())) {
                    return e;
                }
            }
            List<String> names = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                names.add(e.name().toLowerCase(java.util.Locale.ROOT));
            }
            throw fault(field, "'" + text + "' is not one of " + names);
        }

        private BigDecimal number(Object node, String field) {
            String t = text(node, field, true);
            try {
                return new BigDecimal(t.strip());
            } catch (NumberFormatException e) {
                throw fault(field, "'" + t + "' is not a number");
            }
        }

        private String text(Object node, String field, boolean required) {
            if (node == null) {
                if (required) {
                    throw fault(field, "is missing");
                }
                return null;
            }
            if (!(node instanceof String s)) {
                throw fault(field, "must be text, not a " + (node instanceof Map ? "mapping" : "list"));
            }
            if (required && s.isBlank()) {
                throw fault(field, "is empty");
            }
            return s.isBlank() && !required ? (field.equals("unit") ? "" : null) : s.strip();
        }

        private List<String> texts(Object node, String field) {
            List<Object> l = list(node, field);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                out.add(text(l.get(i), field + "[" + i + "]", true));
            }
            return out;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> map(Object node, String field) {
            if (!(node instanceof Map<?, ?> m)) {
                throw fault(field, node == null ? "is missing" : "must be a mapping (key: value)");
            }
            return (Map<String, Object>) m;
        }

        @SuppressWarnings("unchecked")
        private List<Object> list(Object node, String field) {
            if (!(node instanceof List<?> l)) {
                throw fault(field, node == null ? "is missing" : "must be a list");
            }
            return (List<Object>) l;
        }

        private void keys(Map<String, Object> m, Set<String> allowed, String prefix) {
            for (String k : m.keySet()) {
                if (!allowed.contains(k)) {
                    throw fault(prefix + k, "unknown field; known fields: " + allowed.stream().sorted().toList());
                }
            }
        }

        private RegistryException fault(String field, String reason) {
            return new RegistryException(file, indicator, field, reason);
        }
    }

    private static Yaml yaml() {
        LoaderOptions lo = new LoaderOptions();
        lo.setAllowDuplicateKeys(false);
        DumperOptions dumper = new DumperOptions();
        Resolver textOnly = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                // no implicit types: every plain scalar is text
            }
        };
        return new Yaml(new SafeConstructor(lo), new Representer(dumper), dumper, lo, textOnly);
    }
}
