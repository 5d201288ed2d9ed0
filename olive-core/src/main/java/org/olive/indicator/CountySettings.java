package org.olive.indicator;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the county indicators are computed with.
 *
 * @param indicators the distribution settings (scale, lines, brackets and their family-income basis)
 * @param ageGroups  the groups of {@link Breakdown#AGE_GROUP}
 * @param breakdowns the breakdowns computed; {@link Breakdown#COUNTY} is always included
 */
public record CountySettings(IndicatorSettings indicators, AgeGroups ageGroups, Set<Breakdown> breakdowns) {

    public CountySettings {
        if (indicators == null || ageGroups == null) {
            throw new IllegalArgumentException("indicator settings and age groups are required");
        }
        EnumSet<Breakdown> b = EnumSet.of(Breakdown.COUNTY);
        b.addAll(breakdowns);
        breakdowns = Set.copyOf(b);
    }

    /** The given indicator settings (see {@link IndicatorSettings#of}), the default age groups, every breakdown. */
    public static CountySettings of(IndicatorSettings indicators) {
        return new CountySettings(indicators, AgeGroups.defaults(), EnumSet.allOf(Breakdown.class));
    }

    public CountySettings withIndicators(IndicatorSettings value) {
        return new CountySettings(value, ageGroups, breakdowns);
    }

    public CountySettings withBreakdowns(Set<Breakdown> value) {
        return new CountySettings(indicators, ageGroups, value);
    }
}
