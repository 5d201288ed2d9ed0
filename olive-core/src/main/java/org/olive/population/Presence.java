package org.olive.population;

import java.time.LocalDate;
import java.util.List;

/**
 * A person's reconstructed presence in the trailing window ending on {@code windowEnd}, with everything
 * needed to explain it.
 *
 * @param daysPresent        days in the window that count as present under the rules
 * @param resident           whether {@code daysPresent} reaches the threshold
 * @param basis              how presence was decided: from crossings, or assumed for lack of them
 * @param crossingsUsed      crossings in or before the window that shaped the presence
 * @param duplicatesIgnored  crossings dropped as duplicate checks of the same trip
 * @param imputed            crossings that were missing and were inferred, with the reason
 */
public record Presence(LocalDate windowEnd, int daysPresent, boolean resident, Basis basis, int crossingsUsed,
                       int duplicatesIgnored, List<Imputed> imputed) {

    public enum Basis { CROSSINGS, NO_CROSSINGS_ASSUMED_PRESENT, NO_CROSSINGS_ASSUMED_ABSENT }

    /** A crossing that the sequence implies but the records lack. */
    public record Imputed(java.time.LocalDateTime time, Crossing.Direction direction, String reason) {
    }
}
