package org.olive.indicator.registry;

/** Where a year's value stands against the target. */
public enum ProgressStatus {
    /** The year has a target of its own and the value meets it. */
    MET,
    /** The year lies between milestones; the value is on or ahead of the path to the next one. */
    ON_TRACK,
    /** The value misses the year's target, or is behind the path to the next milestone. */
    NOT_MET,
    /** No verdict is possible: no value, no target, a quota not in the registry, no previous value … */
    NOT_EVALUABLE
}
