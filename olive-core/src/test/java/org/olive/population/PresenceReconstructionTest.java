package org.olive.population;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olive.population.Crossing.Direction.IN;
import static org.olive.population.Crossing.Direction.OUT;

class PresenceReconstructionTest {

    private static final LocalDate END = LocalDate.of(2024, 12, 31); // window 2024-01-02 … 2024-12-31 (365 days)
    private final PresenceReconstruction defaults = new PresenceReconstruction(ResidenceRules.defaults());

    private static Crossing c(String time, Crossing.Direction d) {
        return new Crossing(LocalDateTime.parse(time), d, "test:" + time);
    }

    @Test
    void registeredWithoutCrossingsIsPresentAllYear() {
        Presence p = defaults.reconstruct(List.of(), END, true);
        assertThat(p.daysPresent()).isEqualTo(365);
        assertThat(p.resident()).isTrue();
        assertThat(p.basis()).isEqualTo(Presence.Basis.NO_CROSSINGS_ASSUMED_PRESENT);
        assertThat(defaults.reconstruct(List.of(), END, false).resident()).isFalse();
    }

    @Test
    void islanderWithShortTripsIsResident() {
        List<Crossing> trips = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            trips.add(c(String.format("2024-%02d-10T08:00", m), OUT));
            trips.add(c(String.format("2024-%02d-13T17:00", m), IN));
        }
        Presence p = defaults.reconstruct(trips, END, true);
        // 12 trips: away on the 11th and 12th of each month (the 10th and 13th count: part of the day in the county)
        assertThat(p.daysPresent()).isEqualTo(365 - 24);
        assertThat(p.resident()).isTrue();
        assertThat(p.imputed()).isEmpty();
    }

    @Test
    void personLivingAwayWhoVisitsIsNotResident() {
        // 人户分离: lives in Shanghai, home for Spring Festival (10 days) and a summer week
        List<Crossing> visits = List.of(
                c("2024-02-05T10:00", IN), c("2024-02-15T15:00", OUT),
                c("2024-07-20T10:00", IN), c("2024-07-27T15:00", OUT));
        Presence p = defaults.reconstruct(visits, END, true);
        assertThat(p.daysPresent()).isEqualTo(11 + 8);
        assertThat(p.resident()).isFalse();
    }

    @Test
    void unregisteredVisitorWhoseOutTicketIsLostIsNotResident() {
        // a tourist arrives in March; the OUT ticket of the departure is missing
        List<Crossing> visit = List.of(c("2024-03-01T09:00", IN));
        Presence visitor = defaults.reconstruct(visit, END, false);
        assertThat(visitor.resident()).isFalse();
        assertThat(visitor.daysPresent()).isEqualTo(31); // 1–31 March: the 30-day cap, the day of the OUT counts
        assertThat(visitor.imputed()).singleElement().satisfies(i -> {
            assertThat(i.direction()).isEqualTo(OUT);
            assertThat(i.time()).isEqualTo(LocalDateTime.parse("2024-03-31T09:00"));
            assertThat(i.reason()).contains("not registered here");
        });
        // the same crossing of a registered person (or a migrant with a residence permit) is a move back home
        Presence registered = defaults.reconstruct(visit, END, true);
        assertThat(registered.resident()).isTrue();
        assertThat(registered.imputed()).isEmpty();
        // and a visitor whose IN ticket is lost: only the cap before the OUT counts
        Presence leaving = defaults.reconstruct(List.of(c("2024-08-31T09:00", OUT)), END, false);
        assertThat(leaving.daysPresent()).isEqualTo(31); // 1–31 August
        assertThat(leaving.imputed()).singleElement().satisfies(i -> assertThat(i.direction()).isEqualTo(IN));
        assertThat(defaults.reconstruct(List.of(c("2024-08-31T09:00", OUT)), END, true).daysPresent())
                .as("a registered person's first OUT means they lived here before it").isEqualTo(243);
        // a recent arrival within the cap is left open; the cap can be turned off
        assertThat(defaults.reconstruct(List.of(c("2024-12-20T09:00", IN)), END, false).imputed()).isEmpty();
        ResidenceRules d = ResidenceRules.defaults();
        PresenceReconstruction off = new PresenceReconstruction(new ResidenceRules(d.windowDays(), d.residentDays(),
                d.duplicateWithin(), d.dayRule(), d.fallbackAwaySpell(), d.noCrossingsMeansPresent(), Duration.ZERO));
        assertThat(off.reconstruct(visit, END, false).resident()).isTrue();
    }

    @Test
    void duplicateChecksAreIgnored() {
        List<Crossing> withDuplicate = List.of(
                c("2024-03-01T08:00", OUT), c("2024-03-01T08:05", OUT), c("2024-03-03T18:00", IN));
        Presence p = defaults.reconstruct(withDuplicate, END, true);
        assertThat(p.duplicatesIgnored()).isEqualTo(1);
        assertThat(p.daysPresent()).isEqualTo(365 - 1);
    }

    @Test
    void missingOutIsImputedFromThePersonsOwnTrips() {
        List<Crossing> trips = List.of(
                c("2024-03-01T08:00", OUT), c("2024-03-05T08:00", IN),   // a 4-day trip
                c("2024-06-01T08:00", IN));                               // IN again: the OUT is missing
        Presence p = defaults.reconstruct(trips, END, true);
        assertThat(p.imputed()).hasSize(1);
        Presence.Imputed imp = p.imputed().get(0);
        assertThat(imp.direction()).isEqualTo(OUT);
        assertThat(imp.time()).isEqualTo(LocalDateTime.parse("2024-05-28T08:00"));
        assertThat(imp.reason()).contains("no OUT");
        // away 2024-03-02..04 and 2024-05-29..31
        assertThat(p.daysPresent()).isEqualTo(365 - 3 - 3);
    }

    @Test
    void missingInWithoutHistoryUsesTheFallbackSpell() {
        List<Crossing> trips = List.of(c("2024-04-01T08:00", OUT), c("2024-09-01T08:00", OUT));
        Presence p = defaults.reconstruct(trips, END, true);
        assertThat(p.imputed()).singleElement().satisfies(i -> {
            assertThat(i.direction()).isEqualTo(IN);
            assertThat(i.time()).isEqualTo(LocalDateTime.parse("2024-04-04T08:00"));
        });
        // present to 04-01, away 04-02..03, present 04-04..09-01, then away to the end of the year
        long daysFromStart = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 4, 1)) + 1;
        long secondSpell = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2024, 4, 4), LocalDate.of(2024, 9, 1)) + 1;
        assertThat(p.daysPresent()).isEqualTo((int) (daysFromStart + secondSpell));
    }

    @Test
    void historyBeforeTheWindowSetsTheStartingState() {
        // arrived in 2023 (registered here: a hukou or a residence permit) and never left: present the whole window
        Presence p = defaults.reconstruct(List.of(c("2023-06-01T12:00", IN)), END, true);
        assertThat(p.daysPresent()).isEqualTo(365);
        assertThat(p.crossingsUsed()).isZero();
        // a tourist: two nights in August
        Presence t = defaults.reconstruct(List.of(c("2024-08-10T10:00", IN), c("2024-08-12T16:00", OUT)), END, false);
        assertThat(t.daysPresent()).isEqualTo(3);
        assertThat(t.resident()).isFalse();
    }

    @Test
    void overnightRuleCountsNights() {
        PresenceReconstruction overnight = new PresenceReconstruction(new ResidenceRules(365, 183, Duration.ofHours(6),
                ResidenceRules.DayRule.OVERNIGHT, Duration.ofDays(3), true));
        Presence t = overnight.reconstruct(List.of(c("2024-08-10T10:00", IN), c("2024-08-12T16:00", OUT)), END, false);
        assertThat(t.daysPresent()).isEqualTo(2); // nights of the 10th and 11th
        Presence stays = overnight.reconstruct(List.of(c("2024-12-30T10:00", IN)), END, false);
        assertThat(stays.daysPresent()).isEqualTo(2); // the 30th and the last day, still there at the close
    }

    @Test
    void crossingsAfterTheWindowAreIgnored() {
        Presence p = defaults.reconstruct(List.of(c("2025-01-05T08:00", OUT)), END, true);
        assertThat(p.daysPresent()).isEqualTo(365);
    }

    // ------------------------------------------------------------------ missing crossings, pattern by pattern

    private static final LocalDate END_2025 = LocalDate.of(2025, 12, 31); // window 2025-01-01 … 2025-12-31

    @Test
    void unregisteredVisitorBackAYearLaterMadeTwoVisitsNotAYearLongStay() {
        // the case of issue 10: ID 110105194806050068, the OUT of September 2024 is missing
        List<Crossing> visits = List.of(c("2024-09-07T10:00", IN), c("2025-10-06T09:00", IN), c("2025-10-07T15:00", OUT));
        Presence p = defaults.reconstruct(visits, END_2025, false);
        assertThat(p.resident()).isFalse();
        assertThat(p.daysPresent()).isEqualTo(2); // 6 and 7 October 2025
        assertThat(p.imputed()).singleElement().satisfies(i -> {
            assertThat(i.pattern()).isEqualTo(Presence.Pattern.IN_IN);
            assertThat(i.direction()).isEqualTo(OUT);
            assertThat(i.anchor()).isEqualTo(LocalDateTime.parse("2024-09-07T10:00"));
            // their own complete stay: 6 Oct 09:00 to 7 Oct 15:00
            assertThat(i.time()).isEqualTo(LocalDateTime.parse("2024-09-08T16:00"));
            assertThat(i.reason()).contains("not registered here", "median complete stay");
        });
        // the same crossings of a registered person: their record shows only a visit, so the stay is uncertain too
        Presence registered = defaults.reconstruct(visits, END_2025, true);
        assertThat(registered.imputed()).singleElement().satisfies(i -> {
            assertThat(i.time()).isEqualTo(LocalDateTime.parse("2024-09-08T16:00"));
            assertThat(i.reason()).contains("shows visits");
        });
        assertThat(registered.resident()).isFalse();
        // a registered islander with a trip on record: the trip away is the uncertain spell
        List<Crossing> islander = List.of(c("2024-06-01T08:00", OUT), c("2024-06-03T08:00", IN),
                c("2024-08-01T08:00", OUT), c("2024-08-03T08:00", IN), c("2025-10-06T09:00", IN), c("2025-10-07T15:00", OUT));
        Presence local = defaults.reconstruct(islander, END_2025, true);
        assertThat(local.imputed()).extracting(Presence.Imputed::reason).allSatisfy(r -> assertThat(r).contains("trip away"));
        assertThat(local.resident()).isTrue();
    }

    @Test
    void unregisteredInInWithoutHistoryIsBoundedByTheOpenStayCap() {
        List<Crossing> ins = List.of(c("2024-03-01T09:00", IN), c("2024-11-01T09:00", IN));
        Presence p = defaults.reconstruct(ins, END, false);
        assertThat(p.imputed()).extracting(Presence.Imputed::pattern)
                .containsExactly(Presence.Pattern.IN_IN, Presence.Pattern.LAST_IN);
        assertThat(p.imputed()).extracting(Presence.Imputed::time).containsExactly(
                LocalDateTime.parse("2024-03-31T09:00"), LocalDateTime.parse("2024-12-01T09:00"));
        assertThat(p.daysPresent()).isEqualTo(31 + 31); // 1–31 March, 1 November – 1 December
        assertThat(p.resident()).isFalse();
        // a short gap: half of it
        Presence shortGap = defaults.reconstruct(List.of(c("2024-03-01T09:00", IN), c("2024-03-11T09:00", IN),
                c("2024-03-12T09:00", OUT)), END, false);
        assertThat(shortGap.imputed()).singleElement().satisfies(i ->
                assertThat(i.time()).isEqualTo(LocalDateTime.parse("2024-03-02T09:00"))); // own stay of 1 day
    }

    @Test
    void unregisteredOutOutAndFirstOutTakeTheirTypicalStay() {
        List<Crossing> seq = List.of(
                c("2024-02-10T15:00", OUT),                               // the IN before it is missing
                c("2024-05-01T10:00", IN), c("2024-05-03T15:00", OUT),    // a complete visit: 2 days 5 hours
                c("2024-09-10T15:00", OUT));                              // OUT again: the IN is missing
        Presence p = defaults.reconstruct(seq, END, false);
        assertThat(p.imputed()).extracting(Presence.Imputed::pattern)
                .containsExactly(Presence.Pattern.FIRST_OUT, Presence.Pattern.OUT_OUT);
        assertThat(p.imputed()).extracting(Presence.Imputed::time).containsExactly(
                LocalDateTime.parse("2024-02-08T10:00"), LocalDateTime.parse("2024-09-08T10:00"));
        assertThat(p.imputed()).extracting(Presence.Imputed::anchor).containsExactly(
                LocalDateTime.parse("2024-02-10T15:00"), LocalDateTime.parse("2024-09-10T15:00"));
        assertThat(p.daysPresent()).isEqualTo(3 + 3 + 3);
        // without any history: the open-stay cap before an unmatched OUT
        Presence noHistory = defaults.reconstruct(List.of(c("2024-04-01T08:00", OUT), c("2024-09-01T08:00", OUT)), END, false);
        assertThat(noHistory.imputed()).extracting(Presence.Imputed::time).containsExactly(
                LocalDateTime.parse("2024-03-02T08:00"), LocalDateTime.parse("2024-08-02T08:00"));
        assertThat(noHistory.resident()).isFalse();
    }

    @Test
    void unregisteredLastInTakesTheirOwnTypicalStayAndOldCrossingsLeaveNothing() {
        Presence p = defaults.reconstruct(List.of(c("2024-03-01T09:00", IN), c("2024-03-03T09:00", OUT),
                c("2024-06-01T09:00", IN)), END, false);
        assertThat(p.imputed()).singleElement().satisfies(i -> {
            assertThat(i.pattern()).isEqualTo(Presence.Pattern.LAST_IN);
            assertThat(i.time()).isEqualTo(LocalDateTime.parse("2024-06-03T09:00"));
        });
        assertThat(p.daysPresent()).isEqualTo(3 + 3);
        // a visit in the lookback year before the window whose OUT is lost: nothing in the window
        Presence old = defaults.reconstruct(List.of(c("2023-10-01T09:00", IN)), END, false);
        assertThat(old.daysPresent()).isZero();
        assertThat(old.imputed()).singleElement().satisfies(i -> assertThat(i.pattern()).isEqualTo(Presence.Pattern.LAST_IN));
        // and a registered person (or one with a residence permit) who came back before the window is here
        assertThat(defaults.reconstruct(List.of(c("2023-10-01T09:00", IN)), END, true).daysPresent()).isEqualTo(365);
    }

    @Test
    void registeredPersonLivingAwayWhoVisitsIsBoundedByTheirOwnStays() {
        // 人户分离: two complete visits, and a summer visit whose OUT is missing before an October visit
        List<Crossing> visits = List.of(
                c("2024-02-05T10:00", IN), c("2024-02-15T10:00", OUT),
                c("2024-04-01T10:00", IN), c("2024-04-05T10:00", OUT),
                c("2024-07-20T10:00", IN),
                c("2024-10-01T10:00", IN), c("2024-10-05T10:00", OUT));
        Presence p = defaults.reconstruct(visits, END, true);
        // stays of 10, 4, 4 days (median 4); trips away of 46 and 106 days (median 106): the stay is uncertain
        assertThat(p.imputed()).singleElement().satisfies(i -> {
            assertThat(i.pattern()).isEqualTo(Presence.Pattern.IN_IN);
            assertThat(i.time()).isEqualTo(LocalDateTime.parse("2024-07-24T10:00"));
            assertThat(i.reason()).contains("shows visits");
        });
        assertThat(p.daysPresent()).isEqualTo(11 + 5 + 5 + 5);
    }

    @Test
    void registeredIslanderKeepsTheTripAwayRuleInBothGaps() {
        // long stays, short trips: the trip away is the uncertain spell
        List<Crossing> trips = List.of(
                c("2024-02-01T08:00", OUT), c("2024-02-03T08:00", IN),
                c("2024-05-01T08:00", OUT), c("2024-05-03T08:00", IN),
                c("2024-08-01T08:00", IN),                                // the OUT is missing
                c("2024-10-01T08:00", OUT), c("2024-11-01T08:00", OUT));  // the IN is missing
        Presence p = defaults.reconstruct(trips, END, true);
        assertThat(p.imputed()).extracting(Presence.Imputed::pattern)
                .containsExactly(Presence.Pattern.IN_IN, Presence.Pattern.OUT_OUT);
        assertThat(p.imputed()).extracting(Presence.Imputed::time).containsExactly(
                LocalDateTime.parse("2024-07-30T08:00"), LocalDateTime.parse("2024-10-03T08:00"));
        assertThat(p.resident()).isTrue();
    }

    @Test
    void duplicatesAreListedWithTheCrossingKept() {
        Presence p = defaults.reconstruct(List.of(c("2024-03-01T08:00", OUT), c("2024-03-01T08:05", OUT),
                c("2024-03-03T18:00", IN)), END, true);
        assertThat(p.duplicates()).singleElement().satisfies(d -> {
            assertThat(d.time()).isEqualTo(LocalDateTime.parse("2024-03-01T08:05"));
            assertThat(d.keptAt()).isEqualTo(LocalDateTime.parse("2024-03-01T08:00"));
            assertThat(d.direction()).isEqualTo(OUT);
        });
    }

    @Test
    void anUnregisteredPersonWhoHasLeftIsNotResidentWhateverTheDays() {
        // a migrant whose registration has ended: here since before the window, left for good in November
        List<Crossing> seq = List.of(c("2023-12-01T09:00", IN), c("2024-11-20T09:00", OUT));
        ResidenceRules d = ResidenceRules.defaults();
        PresenceReconstruction longStays = new PresenceReconstruction(new ResidenceRules(d.windowDays(), d.residentDays(),
                d.duplicateWithin(), d.dayRule(), d.fallbackAwaySpell(), d.noCrossingsMeansPresent(), Duration.ofDays(400)));
        Presence left = longStays.reconstruct(seq, END, false);
        assertThat(left.daysPresent()).isGreaterThanOrEqualTo(183);
        assertThat(left.resident()).isFalse();
        assertThat(left.notes()).singleElement().satisfies(n -> assertThat(n).contains("left"));
        // still here at the end: resident by the day count
        assertThat(longStays.reconstruct(List.of(c("2023-12-01T09:00", IN)), END, false).resident()).isTrue();
        // a registered person who moved away in November was here most of the window: resident
        assertThat(defaults.reconstruct(seq, END, true).resident()).isTrue();
    }

    @Test
    void presumedPresenceStartsAtBirthOrRegistration() {
        LocalDate born = LocalDate.of(2024, 10, 29);
        // a baby with no crossings: present from birth only
        Presence baby = defaults.reconstruct(List.of(), END, true, born);
        assertThat(baby.daysPresent()).isEqualTo(64); // 29 October – 31 December
        assertThat(baby.resident()).isFalse();
        // a first OUT: presumed present before it from birth only
        Presence trip = defaults.reconstruct(List.of(c("2024-12-09T08:00", OUT), c("2024-12-14T09:00", IN)), END, true, born);
        assertThat(trip.daysPresent()).isEqualTo(42 + 18); // 29 Oct – 9 Dec, 14 – 31 Dec
        assertThat(trip.notes()).singleElement().satisfies(n -> assertThat(n).contains("2024-10-29"));
        // a recorded IN before the bound still counts: the bound is for presumed presence only
        Presence arrived = defaults.reconstruct(List.of(c("2024-01-10T09:00", IN)), END, true, LocalDate.of(2024, 6, 1));
        assertThat(arrived.daysPresent()).isEqualTo(357); // 10 January – 31 December
        assertThat(defaults.reconstruct(List.of(), END, true, null).daysPresent()).isEqualTo(365);
    }

    @Test
    void registeredPersonWhoseRecordShowsOnlyAVisitIsBoundedByIt() {
        // 人户分离: an 11-day visit, then an OUT almost a year later (the IN before it is lost)
        Presence p = defaults.reconstruct(List.of(c("2024-02-05T11:00", IN), c("2024-02-16T07:00", OUT),
                c("2024-12-20T15:00", OUT)), END, true);
        assertThat(p.imputed()).singleElement().satisfies(i -> {
            assertThat(i.pattern()).isEqualTo(Presence.Pattern.OUT_OUT);
            assertThat(i.time()).isEqualTo(LocalDateTime.parse("2024-12-09T19:00"));
        });
        assertThat(p.resident()).isFalse();
    }
}
