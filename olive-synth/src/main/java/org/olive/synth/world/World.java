package org.olive.synth.world;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.olive.period.Period;
import org.olive.synth.geography.County;
import org.olive.synth.livelihood.Bnb;
import org.olive.synth.livelihood.Entity;
import org.olive.synth.livelihood.Holdings;
import org.olive.synth.livelihood.Licence;
import org.olive.synth.livelihood.Vessel;
import org.olive.synth.population.Household;
import org.olive.synth.population.IdFactory;
import org.olive.synth.population.Person;

/**
 * The whole simulated county at the current month: persons, households, entities and assets, and the events
 * of the month. Each simulation component draws from its own {@link SplittableRandom}, seeded from the run
 * seed and a component constant, so one component's changes do not shift another's stream.
 */
public final class World {

    public final County county;
    public final long seed;
    public final List<Person> persons = new ArrayList<>();
    public final List<Household> households = new ArrayList<>();
    public final List<Entity> entities = new ArrayList<>();
    public final List<Vessel> vessels = new ArrayList<>();
    public final List<Licence> licences = new ArrayList<>();
    public final List<Bnb> bnbs = new ArrayList<>();
    public final List<Holdings.Property> properties = new ArrayList<>();
    public final List<Holdings.Rental> rentals = new ArrayList<>();
    public final List<Holdings.Certificate> certificates = new ArrayList<>();
    public final List<Assistance> assistance = new ArrayList<>();
    public final IdFactory ids = new IdFactory();

    /** Registered population the county was built with (the {@code persons} option). */
    public final int targetRegistered;
    public Period period;
    /** Months since the start of the warm-up (0 = first warm-up month). */
    public int monthIndex;
    public MonthEvents events;

    private int householdSerial = 1;
    private long entitySerial = 1;
    private int propertySerial = 1;
    private int rentalSerial = 1;
    private int certificateSerial = 1;

    public World(long seed, int targetRegistered) {
        this(seed, targetRegistered, org.olive.geography.CountyArea.shengsi());
    }

    /** @param area the county of the profile: its divisions, code and names */
    public World(long seed, int targetRegistered, org.olive.geography.CountyArea area) {
        this.county = new County(area);
        this.seed = seed;
        this.targetRegistered = targetRegistered;
    }

    /** A random stream for a component; the constant names the component. */
    public SplittableRandom stream(long component) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + component);
    }

    /** Slot of the current month in the persons' 12-month income rings. */
    public int slot() {
        return monthIndex % 12;
    }

    public Person newPerson(String id, String name, boolean male, int birthDay, int birthYear, String origin) {
        Person p = new Person(persons.size(), id, name, male, birthDay, birthYear, origin);
        persons.add(p);
        return p;
    }

    public Household newHousehold(int village) {
        int serial = householdSerial++;
        int t = county.townshipOf(village);
        String number = String.format("%d%08d", t + 1, serial);
        String account = String.format("33%02d%08d", t + 11, serial);
        Household h = new Household(households.size(), number, village, 1 + serial % 300, account);
        h.collectiveShares = !county.urban(village);
        households.add(h);
        return h;
    }

    public long nextEntitySerial() {
        return entitySerial++;
    }

    public String nextPropertyId(int village) {
        return county.village(village).code() + String.format("GB%08d", propertySerial++);
    }

    public String nextRentalNo() {
        return String.format("SSZL%07d", rentalSerial++);
    }

    public String nextCertificateNo(int year) {
        return String.format("S%04d3309%07d", year, certificateSerial++);
    }

    public int today() {
        return (int) period.firstDay().toEpochDay();
    }

    public int lastDay() {
        return (int) period.lastDay().toEpochDay();
    }
}
