package org.olive.indicator.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded registry: its version, the evaluation settings and the target sets, with lookup by indicator id.
 * Immutable; load it with {@link RegistryLoader}.
 */
public final class IndicatorRegistry {

    private final String version;
    private final EvaluationSettings settings;
    private final List<IndicatorSet> sets;
    private final Map<String, Indicator> byId = new LinkedHashMap<>();

    public IndicatorRegistry(String version, EvaluationSettings settings, List<IndicatorSet> sets) {
        this.version = version;
        this.settings = settings;
        this.sets = List.copyOf(sets);
        for (IndicatorSet s : sets) {
            for (Indicator i : s.indicators()) {
                if (byId.putIfAbsent(i.id(), i) != null) {
                    throw new IllegalArgumentException("indicator id " + i.id() + " is used twice");
                }
            }
        }
    }

    /** The file's version, e.g. {@code shengsi-2021.1}. */
    public String version() {
        return version;
    }

    public EvaluationSettings settings() {
        return settings;
    }

    public List<IndicatorSet> sets() {
        return sets;
    }

    public Optional<IndicatorSet> set(String id) {
        return sets.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Indicator> indicator(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every indicator of every set, sets in file order. */
    public List<Indicator> indicators() {
        return List.copyOf(byId.values());
    }
}
