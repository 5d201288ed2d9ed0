package org.olive.indicator;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The county indicators by breakdown and group.
 *
 * @param settings the settings used
 * @param groups   breakdown → group code → indicators; the COUNTY breakdown has one group, {@code ""}
 */
public record CountyReport(CountySettings settings, Map<Breakdown, Map<String, GroupIndicators>> groups) {

    public CountyReport {
        Map<Breakdown, Map<String, GroupIndicators>> copy = new EnumMap<>(Breakdown.class);
        groups.forEach((b, g) -> copy.put(b, Collections.unmodifiableMap(new java.util.LinkedHashMap<>(g))));
        groups = Collections.unmodifiableMap(copy);
    }

    /** The indicators over every person. */
    public GroupIndicators county() {
        return groups.get(Breakdown.COUNTY).get("");
    }

    /** The groups of a breakdown in order (empty when it was not computed). */
    public Map<String, GroupIndicators> of(Breakdown b) {
        return groups.getOrDefault(b, Map.of());
    }
}
