package org.olive.pipeline.income.estimate;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.olive.income.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * The {@code estimation:} section of the configuration: whether to estimate, the learner and interval settings, and
 * per component whom the model's residual is applied to.
 *
 * <pre>
 * estimation:
 *   enabled: true
 *   learner: forest          # forest (pure Java) or xgboost (native library; docs/income-estimation.md)
 *   coverage: 0.8            # prediction-interval coverage (split-conformal)
 *   trees: 200               # forest members, or XGBoost boosting rounds
 *   eta: 0.1                 # XGBoost learning rate
 *   max_depth: 6
 *   min_child_weight: 3
 *   feature_fraction: 0.5
 *   test_share: 0.2          # survey households held out for the accuracy
 *   calibration_share: 0.2   # survey households for the interval
 *   mape_floor: 1000         # MAPE counts targets of at least this many yuan
 *   min_train_rows: 10
 *   seed: 20250101
 *   survey_years: 3          # pool the latest n survey years of the panel (1: the latest year only)
 *   components:
 *     wage:        {min_age: 16, max_age: 64, below_months: 12, clamp_negative: true}
 *     business:    {min_age: 16, max_age: 64, below_months: 12, clamp_negative: true}
 *     property:    {min_age: 18, clamp_negative: true}
 *     transfer_in: {min_age: 18, clamp_negative: true}
 * </pre>
 * A component left out of {@code components} is not modelled when {@code components} is given; {@code below_months}
 * applies the estimate only to persons whose precise records of the component cover fewer months of the 12.
 */
public record EstimationSettings(boolean enabled, ResidualModel.Parameters parameters, int minTrainRows,
                                 int surveyYears, Map<Component, Rule> rules) {

    /** The components the survey lets us model: wage, business, property and transfer_in (= transfer_net residual). */
    public static final Set<Component> MODELLED = Set.of(Component.WAGE, Component.BUSINESS, Component.PROPERTY,
            Component.TRANSFER_IN);

    /** Whom a component's estimate applies to: residents aged minAge..maxAge with fewer than belowMonths months. */
    public record Rule(int minAge, int maxAge, int belowMonths, boolean clampNegative) {

        public boolean applies(int age, int monthsCovered) {
            return age >= minAge && age <= maxAge && monthsCovered < belowMonths;
        }
    }

    public EstimationSettings {
        rules = Map.copyOf(rules);
        if (surveyYears < 1) {
            throw new IllegalArgumentException("estimation: survey_years must be at least 1");
        }
        for (Component c : rules.keySet()) {
            if (!MODELLED.contains(c)) {
                throw new IllegalArgumentException("estimation: component " + c + " cannot be modelled from the survey");
            }
        }
    }

    public static EstimationSettings defaults() {
        return fromMap(Map.of());
    }

    /** Parses a YAML snippet holding an {@code estimation:} section (or its content). */
    public static EstimationSettings fromYaml(String yaml) {
        Object root = new Yaml().load(yaml);
        if (root == null) {
            return defaults();
        }
        if (!(root instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("estimation: expected a mapping");
        }
        Object section = m.containsKey("estimation") ? m.get("estimation") : m;
        return fromMap(section == null ? Map.of() : asMap(section, "estimation"));
    }

    /** Parses the content of the {@code estimation:} section; unknown keys are an error (a typo would be silent). */
    public static EstimationSettings fromMap(Map<String, Object> map) {
        Set<String> known = Set.of("enabled", "learner", "eta", "coverage", "trees", "max_depth", "min_child_weight", "feature_fraction",
                "test_share", "calibration_share", "mape_floor", "min_train_rows", "seed", "survey_years", "components");
        for (String k : map.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("estimation: unknown setting '" + k + "'");
            }
        }
        ResidualModel.Parameters d = ResidualModel.Parameters.defaults();
        ResidualModel.Learner learner = d.learner();
        if (map.get("learner") != null) {
            try {
                learner = ResidualModel.Learner.valueOf(String.valueOf(map.get("learner")).toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("estimation: learner must be forest or xgboost, found " + map.get("learner"));
            }
        }
        ResidualModel.Parameters p = new ResidualModel.Parameters(learner,
                integer(map, "trees", d.trees()), integer(map, "max_depth", d.maxDepth()),
                (float) number(map, "min_child_weight", d.minChildWeight()),
                (float) number(map, "feature_fraction", d.featureFraction()), number(map, "eta", d.eta()),
                number(map, "coverage", d.coverage()), number(map, "test_share", d.testShare()),
                number(map, "calibration_share", d.calibrationShare()), number(map, "mape_floor", d.mapeFloor()),
                (long) number(map, "seed", d.seed()));
        Map<Component, Rule> rules = new EnumMap<>(Component.class);
        Map<Component, Rule> defaults = defaultRules();
        if (map.containsKey("components")) {
            for (Map.Entry<String, Object> e : asMap(map.get("components"), "estimation.components").entrySet()) {
                Component c;
                try {
                    c = Component.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("estimation.components: unknown component '" + e.getKey() + "'");
                }
                Rule base = defaults.getOrDefault(c, new Rule(18, 200, Integer.MAX_VALUE, true));
                Map<String, Object> r = e.getValue() == null ? Map.of() : asMap(e.getValue(), "estimation.components." + e.getKey());
                for (String k : r.keySet()) {
                    if (!Set.of("min_age", "max_age", "below_months", "clamp_negative").contains(k)) {
                        throw new IllegalArgumentException("estimation.components." + e.getKey() + ": unknown setting '" + k + "'");
                    }
                }
                rules.put(c, new Rule(integer(r, "min_age", base.minAge()), integer(r, "max_age", base.maxAge()),
                        integer(r, "below_months", base.belowMonths()),
                        r.containsKey("clamp_negative") ? Boolean.TRUE.equals(r.get("clamp_negative")) : base.clampNegative()));
            }
        } else {
            rules.putAll(defaults);
        }
        boolean enabled = !map.containsKey("enabled") || Boolean.TRUE.equals(map.get("enabled"));
        return new EstimationSettings(enabled, p, integer(map, "min_train_rows", 10), integer(map, "survey_years", 3),
                rules);
    }

    static Map<Component, Rule> defaultRules() {
        Map<Component, Rule> m = new EnumMap<>(Component.class);
        m.put(Component.WAGE, new Rule(16, 64, 12, true));
        m.put(Component.BUSINESS, new Rule(16, 64, 12, true));
        m.put(Component.PROPERTY, new Rule(18, 200, Integer.MAX_VALUE, true));
        m.put(Component.TRANSFER_IN, new Rule(18, 200, Integer.MAX_VALUE, true));
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o, String where) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where + ": expected a mapping");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static double number(Map<String, Object> m, String key, double dflt) {
        Object v = m.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("estimation: " + key + " must be a number, found " + v);
    }

    private static int integer(Map<String, Object> m, String key, int dflt) {
        double v = number(m, key, dflt);
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException("estimation: " + key + " must be a whole number, found " + v);
        }
        return (int) v;
    }
}
