package org.olive.synth.world;

import java.util.ArrayList;
import java.util.List;
import org.olive.synth.livelihood.Holdings;
import org.olive.synth.population.Person;

/** The events of one month, collected by the simulation and consumed by the dataset writers. */
public final class MonthEvents {

    /** A marriage or divorce registration. */
    public record Marriage(Person husband, Person wife, boolean divorce, int day) {
    }

    public final List<Marriage> marriages = new ArrayList<>();
    public final List<Person> births = new ArrayList<>();
    public final List<Person> deaths = new ArrayList<>();
    /** Persons whose registration moved out this month (listed once more in the hukou with status 迁出). */
    public final List<Person> movedOut = new ArrayList<>();
    /** Migrants who took up the county's hukou this month. */
    public final List<Person> settled = new ArrayList<>();
    /** Households that moved to another village this month. */
    public final List<org.olive.synth.population.Household> relocated = new ArrayList<>();
    /** People who fell seriously ill this month. */
    public final List<Person> illnesses = new ArrayList<>();
    /** College graduates of this month. */
    public final List<Person> graduates = new ArrayList<>();
    public final List<Holdings.Certificate> certificates = new ArrayList<>();
    public final List<Holdings.Property> properties = new ArrayList<>();
    public final List<Holdings.Rental> rentals = new ArrayList<>();
    /** Tourist arrivals, overnight visitors and nights by township this month. */
    public final long[] touristArrivals;
    public final long[] touristOvernight;
    public final long[] touristNights;

    public MonthEvents(int townships) {
        touristArrivals = new long[townships];
        touristOvernight = new long[townships];
        touristNights = new long[townships];
    }
}
