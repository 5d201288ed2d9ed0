package org.olive.indicator;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the county indicators are computed with.
 *
 * @param indicators       the distribution settings (scale, lines, brackets and their family-income basis)
 * @param ageGroups        the groups of {@link Breakdown#AGE_GROUP}
 * @param breakdowns       the breakdowns computed; {@link Breakdown#COUNTY} is always included
 * @param minSamplePersons the small-cell rule of a weighted sample (the survey): a group with fewer sample persons
 *                         (unweighted) than this has unreliable figures ({@link #reliable}); 0 for no rule. The county
 *                         profile gives it (income.yaml {@code indicators.survey_min_cell_persons})
 */
public record CountySettings(IndicatorSettings indicators, AgeGroups ageGroups, Set<Breakdown> breakdowns,
                             int minSamplePersons) {

    public CountySettings {
        if (indicators == null || ageGroups == null) {
            throw new IllegalArgumentException("indicator settings and age groups are required");
        }
        if (minSamplePersons < 0) {
            throw new IllegalArgumentException("the minimum sample persons of a group must not be negative: " + minSamplePersons);
        }
        EnumSet<Breakdown> b = EnumSet.of(Breakdown.COUNTY);
        b.addAll(breakdowns);
        breakdowns = Set.copyOf(b);
    }

    public CountySettings(IndicatorSettings indicators, AgeGroups ageGroups, Set<Breakdown> breakdowns) {
        this(indicators, ageGroups, breakdowns, 0);
    }

    /** The given indicator settings (see {@link IndicatorSettings#of}), the default age groups, every breakdown, no small-cell rule. */
    public static CountySettings of(IndicatorSettings indicators) {
        return new CountySettings(indicators, AgeGroups.defaults(), EnumSet.allOf(Breakdown.class), 0);
    }

    public CountySettings withIndicators(IndicatorSettings value) {
        return new CountySettings(value, ageGroups, breakdowns, minSamplePersons);
    }

    public CountySettings withBreakdowns(Set<Breakdown> value) {
        return new CountySettings(indicators, ageGroups, value, minSamplePersons);
    }

    public CountySettings withMinSamplePersons(int value) {
        return new CountySettings(indicators, ageGroups, breakdowns, value);
    }

    /** Whether a sample group has enough sample persons (unweighted) for its figures to be published as reliable. */
    public boolean reliable(GroupIndicators g) {
        return g.distribution().persons() >= minSamplePersons;
    }
}
