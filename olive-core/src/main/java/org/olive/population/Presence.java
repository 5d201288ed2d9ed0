package org.olive.population;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A person's reconstructed presence in the trailing window ending on {@code windowEnd}, with everything
 * needed to explain it.
 *
 * @param daysPresent        days in the window that count as present under the rules
 * @param resident           whether {@code daysPresent} reaches the threshold
 * @param basis              how presence was decided: from crossings, or assumed for lack of them
 * @param crossingsUsed      crossings in or before the window that shaped the presence
 * @param duplicates         crossings dropped as duplicate checks of the same trip (all that were read, also before
 *                           the window)
 * @param imputed            crossings that were missing and were inferred, with the pattern and the reason (all that
 *                           were inferred from the crossings read, also before the window)
 * @param notes              the other rules that shaped the outcome (presence counted from birth, a person not
 *                           registered here who has left, a death), in words
 */
public record Presence(LocalDate windowEnd, int daysPresent, boolean resident, Basis basis, int crossingsUsed,
                       List<Duplicate> duplicates, List<Imputed> imputed, List<String> notes) {

    /** The same presence, not resident for the given reason (for instance a death registered by the window's end). */
    public Presence notResident(String why) {
        List<String> n = new java.util.ArrayList<>(notes);
        n.add(why);
        return new Presence(windowEnd, daysPresent, false, basis, crossingsUsed, duplicates, imputed, List.copyOf(n));
    }

    public enum Basis { CROSSINGS, NO_CROSSINGS_ASSUMED_PRESENT, NO_CROSSINGS_ASSUMED_ABSENT }

    /** Where a crossing was found missing. */
    public enum Pattern {
        /** IN followed by IN: an OUT is missing between them. */
        IN_IN,
        /** OUT followed by OUT: an IN is missing between them. */
        OUT_OUT,
        /** The first crossing read is an OUT of a person not registered here: the IN before it is missing. */
        FIRST_OUT,
        /** The last crossing is an IN of a person not registered here, longer ago than their stays last: the OUT is missing. */
        LAST_IN
    }

    /** Crossings dropped as duplicate checks. */
    public int duplicatesIgnored() {
        return duplicates.size();
    }

    /**
     * A crossing that the sequence implies but the records lack.
     *
     * @param time      when it is assumed to have happened
     * @param pattern   the pattern of crossings that revealed it
     * @param anchor    the recorded crossing it pairs with: the IN that the missing OUT ends, or the OUT that the missing
     *                  IN precedes. The same missing crossing keeps its anchor as more crossings arrive (an open
     *                  {@link Pattern#LAST_IN} becomes {@link Pattern#IN_IN} when the person comes back), so the
     *                  person and the anchor identify it
     * @param reason    the explanation
     */
    public record Imputed(LocalDateTime time, Crossing.Direction direction, Pattern pattern, LocalDateTime anchor,
                          String reason) {
    }

    /** A crossing ignored as a second check of the crossing kept at {@code keptAt} in the same direction. */
    public record Duplicate(LocalDateTime time, Crossing.Direction direction, LocalDateTime keptAt) {
    }
}
