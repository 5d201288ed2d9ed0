package org.olive.population;

import java.time.Duration;

/**
 * The configurable rules that turn crossings into presence and residence (domain.md §6). Defaults:
 * resident when present on ≥ 183 of the trailing 365 days; a crossing repeating the previous direction
 * within 6 hours is a duplicate; a day counts when any part of it is spent in the county.
 *
 * @param windowDays               length of the trailing window
 * @param residentDays             days present needed to be resident (常住)
 * @param duplicateWithin          a crossing in the same direction as the previous one within this time is a
 *                                 duplicate ticket check, not a second trip
 * @param dayRule                  what makes a day count as present
 * @param fallbackAwaySpell        assumed length of an unrecorded trip away when a person's own history has no
 *                                 complete trip to learn from
 * @param noCrossingsMeansPresent  a registered person with no crossings at all is present all year unless
 *                                 other traces say otherwise
 * @param unregisteredOpenStay     for a person not registered here (no hukou, no residence permit) with no complete
 *                                 stay of their own: the length of the stay assumed around a lost ticket (IN…IN,
 *                                 OUT…OUT, a first OUT, a last IN). A lost ticket of one of the county's many visitors
 *                                 is far likelier than an unregistered stay of half a year; zero turns the rules for
 *                                 unregistered persons off
 */
public record ResidenceRules(int windowDays, int residentDays, Duration duplicateWithin, DayRule dayRule,
                             Duration fallbackAwaySpell, boolean noCrossingsMeansPresent, Duration unregisteredOpenStay) {

    /** What makes a calendar day count as a day of presence. */
    public enum DayRule {
        /** Any part of the day spent in the county. */
        ANY_TIME,
        /** In the county at the end of the day (overnight). */
        OVERNIGHT
    }

    public ResidenceRules {
        if (windowDays <= 0 || residentDays <= 0 || residentDays > windowDays) {
            throw new IllegalArgumentException("need 0 < residentDays ≤ windowDays, found " + residentDays + " of " + windowDays);
        }
        if (duplicateWithin.isNegative() || fallbackAwaySpell.isNegative() || unregisteredOpenStay.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    /** The rules without the open-stay cap for unregistered persons (kept for callers of the first version). */
    public ResidenceRules(int windowDays, int residentDays, Duration duplicateWithin, DayRule dayRule,
                          Duration fallbackAwaySpell, boolean noCrossingsMeansPresent) {
        this(windowDays, residentDays, duplicateWithin, dayRule, fallbackAwaySpell, noCrossingsMeansPresent,
                DEFAULT_UNREGISTERED_OPEN_STAY);
    }

    /** Default cap on the open stay of an unregistered person: 30 days, far longer than a visit (1–7 days). */
    public static final Duration DEFAULT_UNREGISTERED_OPEN_STAY = Duration.ofDays(30);

    public static ResidenceRules defaults() {
        return new ResidenceRules(365, 183, Duration.ofHours(6), DayRule.ANY_TIME, Duration.ofDays(3), true,
                DEFAULT_UNREGISTERED_OPEN_STAY);
    }
}
