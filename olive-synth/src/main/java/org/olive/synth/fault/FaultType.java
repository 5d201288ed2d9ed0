package org.olive.synth.fault;

/**
 * The kinds of injected data-quality faults, as named in {@code truth/faults.csv}. UNKNOWN_CODE (a code cell holding a
 * local name no reference knows: the 一卡通's policy item) takes its rate from the dataset's options
 * ({@code SubsidyOptions.unknownCodeRate}), not from {@code FaultRates}.
 */
public enum FaultType {
    INVALID_ID_CHECKSUM, LEGACY_ID_15, DUPLICATE_ROW, MISSING_CROSSING, STALE_ADDRESS, DEAD_STILL_IN_HUKOU,
    SPOUSE_CONFLICT, NAME_TYPO, ABSURD_AMOUNT, WRONG_ENCODING, UNKNOWN_CODE
}
