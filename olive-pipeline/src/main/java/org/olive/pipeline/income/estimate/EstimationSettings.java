package org.olive.pipeline.income.estimate;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.olive.income.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * The {@code estimation:} section of the configuration: whether to estimate, the learner and interval settings, how
 * training targets are cleaned, and per component whom the model's residual is applied to (income.yaml documents
 * every key; docs/income-estimation.md the method).
 * A component left out of {@code components} is not modelled when {@code components} is given; {@code below_months}
 * applies the estimate only to persons whose precise records of the component cover fewer months of the 12.
 *
 * @param baseline        the learner trained beside the chosen one for comparison; null: none
 * @param keepBetter      per component, apply the baseline instead of the learner when its held-out (out-of-fold)
 *                        absolute errors on the survey are lower by at least {@code keepBetterZ} standard errors
 *                        (paired by row, clustered by household); false: the baseline is only reported
 * @param keepBetterZ     how many standard errors the baseline's held-out MAE must beat the learner's by: a smaller
 *                        difference on a small survey is noise, and switching models on noise moved county a's
 *                        per-capita DI from +1.5% to +15% (2025-12)
 * @param absurdRatio     a training target whose size exceeds this many times max(|survey figure|, absurdFloor) is
 *                        excluded (a residual that large comes from a slip in the records, not from hidden income)
 * @param clipShare       share of training targets clipped at each tail (0: none)
 * @param trainOnApplied  train each component's model only on the survey persons its rule applies to (the population
 *                        the estimates are for), not on everyone of the rule's ages
 * @param diIntervals     calibrate the interval at the level of DI (the survey person's DI residual after the
 *                        estimates) and share it out over the person's estimated components; false: each component's
 *                        own interval (their sum over-covers or under-covers DI)
 * @param ageBands        lower bounds of the age bands of the Mondrian groups (the first band starts at 0)
 * @param groupByRecords  Mondrian groups also split by whether the person has records of the component (for DI: of
 *                        wages for all 12 months)
 */
public record EstimationSettings(boolean enabled, ResidualModel.Parameters parameters, int minTrainRows,
                                 int surveyYears, Map<Component, Rule> rules, ResidualModel.Learner baseline,
                                 double absurdRatio, double absurdFloor, double clipShare, boolean trainOnApplied,
                                 boolean diIntervals, List<Integer> ageBands, boolean groupByRecords,
                                 boolean keepBetter, double keepBetterZ) {

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
        ageBands = List.copyOf(ageBands);
        if (surveyYears < 1) {
            throw new IllegalArgumentException("estimation: survey_years must be at least 1");
        }
        if (!(absurdRatio > 0) || absurdFloor < 0) {
            throw new IllegalArgumentException("estimation: absurd_ratio must be positive and absurd_floor not negative");
        }
        if (clipShare < 0 || clipShare >= 0.5) {
            throw new IllegalArgumentException("estimation: clip_share must be in [0, 0.5), found " + clipShare);
        }
        for (int i = 1; i < ageBands.size(); i++) {
            if (ageBands.get(i) <= ageBands.get(i - 1)) {
                throw new IllegalArgumentException("estimation: group_age_bands must be increasing, found " + ageBands);
            }
        }
        for (Component c : rules.keySet()) {
            if (!MODELLED.contains(c)) {
                throw new IllegalArgumentException("estimation: component " + c + " cannot be modelled from the survey");
            }
        }
    }

    /** The age band label of an age: the largest band lower bound at or below it ("0" below the first). */
    public String ageBand(int age) {
        int band = 0;
        for (int b : ageBands) {
            if (age >= b) {
                band = b;
            }
        }
        return "age" + band;
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
        Set<String> known = Set.of("enabled", "learner", "baseline", "eta", "coverage", "trees", "max_depth",
                "min_child_weight", "feature_fraction", "folds", "min_group_rows", "min_stratum_rows", "mape_floor", "min_train_rows", "seed",
                "survey_years", "components", "absurd_ratio", "absurd_floor", "clip_share", "train_population",
                "interval_level", "group_age_bands", "group_by_records", "keep_better", "keep_better_z");
        for (String k : map.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("estimation: unknown setting '" + k + "'");
            }
        }
        ResidualModel.Parameters d = ResidualModel.Parameters.defaults();
        ResidualModel.Learner learner = map.get("learner") == null ? d.learner() : learner(map.get("learner"), "learner");
        ResidualModel.Learner baseline = map.containsKey("baseline")
                ? (map.get("baseline") == null || "none".equals(map.get("baseline")) ? null : learner(map.get("baseline"), "baseline"))
                : ResidualModel.Learner.GROUP_MEAN;
        ResidualModel.Parameters p = new ResidualModel.Parameters(learner,
                integer(map, "trees", d.trees()), integer(map, "max_depth", d.maxDepth()),
                (float) number(map, "min_child_weight", d.minChildWeight()),
                (float) number(map, "feature_fraction", d.featureFraction()), number(map, "eta", d.eta()),
                number(map, "coverage", d.coverage()), integer(map, "folds", d.folds()),
                integer(map, "min_group_rows", d.minGroupRows()), integer(map, "min_stratum_rows", d.minStratumRows()),
                number(map, "mape_floor", d.mapeFloor()),
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
        String population = String.valueOf(map.getOrDefault("train_population", "applied"));
        if (!Set.of("applied", "ages").contains(population)) {
            throw new IllegalArgumentException("estimation: train_population must be applied or ages, found " + population);
        }
        String level = String.valueOf(map.getOrDefault("interval_level", "di"));
        if (!Set.of("di", "component").contains(level)) {
            throw new IllegalArgumentException("estimation: interval_level must be di or component, found " + level);
        }
        List<Integer> bands = new java.util.ArrayList<>();
        Object b = map.getOrDefault("group_age_bands", List.of(16, 65));
        if (!(b instanceof List<?> list)) {
            throw new IllegalArgumentException("estimation: group_age_bands must be a list of ages, found " + b);
        }
        for (Object o : list) {
            if (!(o instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new IllegalArgumentException("estimation: group_age_bands must be whole ages, found " + o);
            }
            bands.add(n.intValue());
        }
        return new EstimationSettings(enabled, p, integer(map, "min_train_rows", 10), integer(map, "survey_years", 3),
                rules, baseline, number(map, "absurd_ratio", 3), number(map, "absurd_floor", 20_000),
                number(map, "clip_share", 0), "applied".equals(population), "di".equals(level), bands,
                !map.containsKey("group_by_records") || Boolean.TRUE.equals(map.get("group_by_records")),
                Boolean.TRUE.equals(map.get("keep_better")), number(map, "keep_better_z", 2));
    }

    private static ResidualModel.Learner learner(Object v, String key) {
        try {
            return ResidualModel.Learner.valueOf(String.valueOf(v).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("estimation: " + key
                    + " must be forest, xgboost, group_mean or group_median, found " + v);
        }
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
