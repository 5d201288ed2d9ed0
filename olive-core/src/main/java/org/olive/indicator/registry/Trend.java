package org.olive.indicator.registry;

/** The direction a directional target (稳步下降, 保持稳定 …) asks for. Which words mean which is set in the registry file. */
public enum Trend {
    /** 稳步下降, 逐步下降: lower than the previous value. */
    DECLINE,
    /** 稳步提升, 逐步提高: higher than the previous value. */
    RISE,
    /** 保持稳定: within the configured relative tolerance of the previous value. */
    STABLE,
    /** 持续巩固: not worse than the baseline (in the indicator's better direction). */
    CONSOLIDATE,
    /** 维持在合理区间: within a range; evaluable only when the registry gives the indicator a range. */
    IN_RANGE
}
