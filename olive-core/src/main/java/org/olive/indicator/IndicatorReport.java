package org.olive.indicator;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Distribution indicators of a household sample: for all persons and, when asked, for each area.
 *
 * @param settings the settings used, so the report explains itself
 * @param all      the indicators over every person
 * @param byArea   the indicators per area, in area order; empty when no breakdown was asked for
 */
public record IndicatorReport(IndicatorSettings settings, IndicatorSet all, Map<String, IndicatorSet> byArea) {

    public IndicatorReport {
        byArea = Collections.unmodifiableMap(new TreeMap<>(byArea));
    }
}
