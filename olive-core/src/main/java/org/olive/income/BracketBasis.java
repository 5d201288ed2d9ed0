package org.olive.income;

/** What the middle-income brackets are tested on (domain.md §5). */
public enum BracketBasis {
    /** Per-capita DI × 3, the national convention of the typical family of three (三口之家); the default. */
    PER_CAPITA_TIMES_3,
    /** The family's own DI. */
    FAMILY_DI
}
