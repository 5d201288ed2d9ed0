package org.olive.synth.fault;

/** The kinds of injected data-quality faults, as named in {@code truth/faults.csv}. */
public enum FaultType {
    INVALID_ID_CHECKSUM, LEGACY_ID_15, DUPLICATE_ROW, MISSING_CROSSING, STALE_ADDRESS, DEAD_STILL_IN_HUKOU,
    SPOUSE_CONFLICT, NAME_TYPO, ABSURD_AMOUNT, WRONG_ENCODING
}
