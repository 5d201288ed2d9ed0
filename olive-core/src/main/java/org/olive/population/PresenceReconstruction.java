package org.olive.population;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reconstructs a person's presence in the county from the sequence of their crossings (domain.md §6).
 *
 * <p>The choices, each explainable in the {@link Presence} it returns:
 * <ol>
 *   <li><b>Order and duplicates.</b> Crossings are sorted by time. A crossing in the same direction as the one
 *   before it within {@link ResidenceRules#duplicateWithin()} is a duplicate check of the same trip and is
 *   ignored.</li>
 *   <li><b>Missing crossings.</b> Two crossings in the same direction further apart than that mean one in the
 *   other direction is missing: IN, IN means an unrecorded OUT; OUT, OUT an unrecorded IN. The missing crossing
 *   splits the gap into a stay and a trip away, and the spell whose length is unknown takes the person's typical
 *   length (never more than half the gap when that is shorter):
 *   <ul>
 *     <li>for a person <b>not registered here</b> (no hukou, no residence permit), the stay: their median complete
 *     stay (IN→OUT pairs), else {@link ResidenceRules#unregisteredOpenStay()}. A visitor whose OUT ticket is lost
 *     and who comes back a year later made two visits, not a year-long stay;</li>
 *     <li>for a registered person whose own record shows visits (complete stays shorter than their complete trips
 *     away, or stays and no trip away: someone living elsewhere who visits), the stay too: their median stay;</li>
 *     <li>for any other registered person, the trip away: their median complete trip away (OUT→IN pairs), else
 *     {@link ResidenceRules#fallbackAwaySpell()}.</li>
 *   </ul></li>
 *   <li><b>Before the first crossing.</b> If the first known crossing is an OUT, a registered person was in the
 *   county before it; if it is an IN, they were away. This uses crossings before the window too, so a history load
 *   gives the right start.</li>
 *   <li><b>Open ends of unregistered persons.</b> When a person who is not registered here last crossed IN longer ago
 *   than their typical stay (as above: their median stay, else the open-stay cap) with no OUT since, an OUT is assumed
 *   at the end of that stay; likewise, when their first known crossing is an OUT, an IN is assumed that long before
 *   it (instead of presence since before the window): among the county's many visitors a lost ticket is far likelier
 *   than an unregistered stay of months. A zero cap turns the rules for unregistered persons off.</li>
 *   <li><b>Left.</b> A person not registered here whose last crossing (recorded or inferred) is an OUT has left
 *   and does not live here now: not resident, whatever the days (a visitor, a migrant whose registration ended and
 *   who went home). Residence by the day count is for persons who still live here.</li>
 *   <li><b>Presumed presence has a start.</b> Presence that no crossing shows (no crossings at all, or before a
 *   first OUT) is counted from the {@code presumedFrom} day only: the birth date, or the start of the registration
 *   that makes a migrant presumed present.</li>
 *   <li><b>No crossings.</b> A registered person with no crossings at all is present all year
 *   ({@link ResidenceRules#noCrossingsMeansPresent()}); anyone else is absent.</li>
 *   <li><b>Days.</b> A day is present under {@link ResidenceRules.DayRule#ANY_TIME} if any moment of it is
 *   spent in the county, under {@link ResidenceRules.DayRule#OVERNIGHT} if the person is in the county at
 *   the end of it.</li>
 * </ol>
 * Every inferred crossing is returned with its pattern, the recorded crossing it pairs with and the reason
 * ({@link Presence.Imputed}). The class is stateless and thread-safe.
 */
public final class PresenceReconstruction {

    private final ResidenceRules rules;

    public PresenceReconstruction(ResidenceRules rules) {
        this.rules = rules;
    }

    /**
     * Presence in the window of {@link ResidenceRules#windowDays()} days ending on {@code windowEnd} (inclusive).
     *
     * @param crossings  the person's crossings in any order, up to at least {@code windowEnd}; later ones are ignored
     * @param registered whether the person is registered here (户籍, or a residence permit), which decides the
     *                   no-crossing case and the open stay of an unregistered person
     */
    public Presence reconstruct(List<Crossing> crossings, LocalDate windowEnd, boolean registered) {
        return reconstruct(crossings, windowEnd, registered, null);
    }

    /**
     * As {@link #reconstruct(List, LocalDate, boolean)}, with the first day on which presence can be presumed.
     *
     * @param presumedFrom the first day presence without a crossing to show it (no crossings at all, or before a first
     *                     OUT) can count: the birth date, or for a migrant the start of the residence registration that
     *                     makes them presumed present; null for no bound
     */
    public Presence reconstruct(List<Crossing> crossings, LocalDate windowEnd, boolean registered, LocalDate presumedFrom) {
        LocalDate windowStart = windowEnd.minusDays(rules.windowDays() - 1L);
        LocalDate presumedStart = presumedFrom != null && presumedFrom.isAfter(windowStart) ? presumedFrom : windowStart;
        List<String> notes = new ArrayList<>();
        LocalDateTime endExclusive = windowEnd.plusDays(1).atStartOfDay();
        Crossing[] sorted = crossings.stream()
                .filter(c -> c.time().isBefore(endExclusive))
                .sorted(Comparator.comparing(Crossing::time))
                .toArray(Crossing[]::new);
        if (sorted.length == 0) {
            boolean present = registered && rules.noCrossingsMeansPresent();
            int days = !present || presumedStart.isAfter(windowEnd) ? 0
                    : (int) ChronoUnit.DAYS.between(presumedStart, windowEnd) + 1;
            if (present && presumedStart.isAfter(windowStart)) {
                notes.add("presumed present from " + presumedStart + " (birth or registration)");
            }
            return new Presence(windowEnd, days, days >= rules.residentDays(),
                    present ? Presence.Basis.NO_CROSSINGS_ASSUMED_PRESENT : Presence.Basis.NO_CROSSINGS_ASSUMED_ABSENT,
                    0, List.of(), List.of(), List.copyOf(notes));
        }

        // 1. drop duplicate checks
        List<Crossing> events = new ArrayList<>(sorted.length);
        List<Presence.Duplicate> duplicates = new ArrayList<>();
        for (Crossing c : sorted) {
            if (!events.isEmpty()) {
                Crossing prev = events.get(events.size() - 1);
                if (prev.direction() == c.direction()
                        && Duration.between(prev.time(), c.time()).compareTo(rules.duplicateWithin()) <= 0) {
                    duplicates.add(new Presence.Duplicate(c.time(), c.direction(), prev.time()));
                    continue;
                }
            }
            events.add(c);
        }

        // 2. fill missing crossings: in a gap, the spell of unknown length takes the person's typical length
        Duration cap = rules.unregisteredOpenStay();
        // the presence of a person not registered here is bounded: a visit, not a stay of months
        boolean bounded = !registered && !cap.isZero();
        Duration typicalAway = medianSpell(events, Crossing.Direction.OUT);
        Duration typicalStay = medianSpell(events, Crossing.Direction.IN);
        Duration stay = typicalStay != null ? typicalStay : cap;
        String stayWhy = typicalStay != null ? "their median complete stay (IN to OUT)"
                : "the open-stay cap of a person not registered here";
        // which spell of a gap is uncertain: the stay for the unregistered and for anyone whose own stays are
        // shorter than their trips away (a registered person living elsewhere who visits); the trip away otherwise
        boolean stayUncertain = bounded
                || (typicalStay != null && (typicalAway == null || typicalStay.compareTo(typicalAway) < 0));
        String who = bounded ? "not registered here (no hukou, no residence permit)"
                : "their own record shows visits (stays shorter than their trips away, or only stays)";
        Duration away = typicalAway != null ? typicalAway : rules.fallbackAwaySpell();
        String awayWhy = typicalAway != null ? "their median complete trip away" : "the fallback trip away";
        List<Presence.Imputed> imputed = new ArrayList<>();
        List<LocalDateTime> times = new ArrayList<>(events.size() * 2);
        List<Crossing.Direction> dirs = new ArrayList<>(events.size() * 2);
        for (int i = 0; i < events.size(); i++) {
            Crossing c = events.get(i);
            if (i > 0 && events.get(i - 1).direction() == c.direction()) {
                LocalDateTime prev = events.get(i - 1).time();
                Duration gap = Duration.between(prev, c.time());
                boolean in = c.direction() == Crossing.Direction.IN;
                String head = (in ? "IN" : "OUT") + " at " + prev + " and " + (in ? "IN" : "OUT") + " at " + c.time()
                        + " with no " + (in ? "OUT" : "IN") + " between; ";
                LocalDateTime t;
                String why;
                if (stayUncertain) {
                    Duration s = within(stay, gap);
                    t = in ? prev.plus(s) : c.time().minus(s);
                    why = who + ": assumed a stay of " + describe(s) + " ("
                            + (stay.compareTo(gap) < 0 ? stayWhy : "half the gap, shorter than " + stayWhy) + ")";
                } else {
                    Duration a = within(away, gap);
                    t = in ? c.time().minus(a) : prev.plus(a);
                    why = "assumed a trip away of " + describe(a) + " ("
                            + (away.compareTo(gap) < 0 ? awayWhy : "half the gap, shorter than " + awayWhy) + ")";
                }
                Crossing.Direction d = in ? Crossing.Direction.OUT : Crossing.Direction.IN;
                times.add(t);
                dirs.add(d);
                imputed.add(new Presence.Imputed(t, d, in ? Presence.Pattern.IN_IN : Presence.Pattern.OUT_OUT,
                        in ? prev : c.time(), head + why));
            }
            times.add(c.time());
            dirs.add(c.direction());
        }
        // an unregistered person's open stays: a lost ticket rather than an unregistered stay of months
        if (bounded && dirs.get(0) == Crossing.Direction.OUT) {
            LocalDateTime firstOut = times.get(0);
            LocalDateTime t = firstOut.minus(stay);
            times.add(0, t);
            dirs.add(0, Crossing.Direction.IN);
            imputed.add(0, new Presence.Imputed(t, Crossing.Direction.IN, Presence.Pattern.FIRST_OUT, firstOut,
                    "OUT at " + firstOut + " with no IN before, and " + who + ": assumed an unrecorded IN "
                            + describe(stay) + " before (" + stayWhy + ")"));
        }
        if (bounded && dirs.get(dirs.size() - 1) == Crossing.Direction.IN) {
            LocalDateTime lastIn = times.get(times.size() - 1);
            if (Duration.between(lastIn, endExclusive).compareTo(stay) > 0) {
                LocalDateTime t = lastIn.plus(stay);
                times.add(t);
                dirs.add(Crossing.Direction.OUT);
                imputed.add(new Presence.Imputed(t, Crossing.Direction.OUT, Presence.Pattern.LAST_IN, lastIn,
                        "IN at " + lastIn + " with no OUT since, and " + who + ": assumed an unrecorded OUT after "
                                + describe(stay) + " (" + stayWhy + ")"));
            }
        }

        // 3. walk the presence intervals and count days in the window
        boolean present = dirs.get(0) == Crossing.Direction.OUT;
        LocalDateTime from = present ? presumedStart.atStartOfDay() : null;
        if (present && presumedStart.isAfter(windowStart)) {
            notes.add("presumed present before the first OUT from " + presumedStart + " (birth or registration)");
        }
        boolean[] day = new boolean[rules.windowDays()];
        for (int i = 0; i < times.size(); i++) {
            LocalDateTime t = times.get(i);
            if (dirs.get(i) == Crossing.Direction.IN) {
                if (!present) {
                    present = true;
                    from = t;
                }
            } else if (present) {
                mark(day, windowStart, from, t);
                present = false;
            }
        }
        if (present) {
            // still in the county when the window closes: that counts for the last day under either rule
            mark(day, windowStart, from, endExclusive.plusSeconds(1));
        }
        int days = 0;
        for (boolean b : day) {
            if (b) {
                days++;
            }
        }
        int used = 0;
        for (Crossing c : events) {
            if (!c.time().toLocalDate().isBefore(windowStart)) {
                used++;
            }
        }
        boolean resident = days >= rules.residentDays();
        if (resident && bounded && !present) {
            // a visitor, or a migrant whose registration has ended, who has left: they do not live here now
            resident = false;
            notes.add("not registered here and left (last crossing OUT, recorded or inferred): does not live here now, "
                    + "not resident whatever the days");
        }
        return new Presence(windowEnd, days, resident, Presence.Basis.CROSSINGS, used,
                List.copyOf(duplicates), List.copyOf(imputed), List.copyOf(notes));
    }

    /** Marks the days of [from, to) that count under the day rule. */
    private void mark(boolean[] day, LocalDate windowStart, LocalDateTime from, LocalDateTime to) {
        if (!to.isAfter(from)) {
            return;
        }
        boolean fromMidnight = from.toLocalTime().equals(LocalTime.MIDNIGHT);
        boolean toMidnight = to.toLocalTime().equals(LocalTime.MIDNIGHT);
        LocalDate first;
        LocalDate last;
        if (rules.dayRule() == ResidenceRules.DayRule.ANY_TIME) {
            first = from.toLocalDate();
            last = toMidnight ? to.toLocalDate().minusDays(1) : to.toLocalDate();
        } else {
            // Present at the end of day d means present at the midnight that starts d+1.
            first = fromMidnight ? from.toLocalDate().minusDays(1) : from.toLocalDate();
            last = toMidnight ? to.toLocalDate().minusDays(2) : to.toLocalDate().minusDays(1);
        }
        long a = Math.max(0, ChronoUnit.DAYS.between(windowStart, first));
        long b = Math.min(day.length - 1L, ChronoUnit.DAYS.between(windowStart, last));
        if (a <= b) {
            Arrays.fill(day, (int) a, (int) b + 1, true);
        }
    }

    /**
     * The person's median complete spell starting with a crossing in direction {@code from} and ending with the next
     * crossing in the other direction: trips away (from OUT) or stays (from IN); null when there is none.
     */
    private static Duration medianSpell(List<Crossing> events, Crossing.Direction from) {
        List<Long> spells = new ArrayList<>();
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i - 1).direction() == from && events.get(i).direction() != from) {
                spells.add(Duration.between(events.get(i - 1).time(), events.get(i).time()).toMinutes());
            }
        }
        if (spells.isEmpty()) {
            return null;
        }
        spells.sort(null);
        return Duration.ofMinutes(spells.get(spells.size() / 2));
    }

    /** The spell when it fits in the gap, else half the gap. */
    private static Duration within(Duration spell, Duration gap) {
        return spell.compareTo(gap) < 0 ? spell : gap.dividedBy(2);
    }

    private static String describe(Duration d) {
        long hours = d.toHours();
        return hours >= 48 ? (hours / 24) + " days" : hours + " hours";
    }
}
