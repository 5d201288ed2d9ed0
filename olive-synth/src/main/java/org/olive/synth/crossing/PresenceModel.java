package org.olive.synth.crossing;

import java.util.SplittableRandom;
import org.olive.period.Period;
import org.olive.synth.population.Person;
import org.olive.synth.population.Residence;
import org.olive.synth.world.World;

/**
 * Who is on the islands each day, and the ferry crossings that follow. Residents make trips to the mainland
 * ({@value #TRIPS_ADULT} a year for adults, {@value #TRIPS_ELDERLY} for the 65+, {@value #TRIPS_CHILD} for
 * children; 1–7 days); people living away come home for the Spring Festival (probability
 * {@value #FESTIVAL_VISIT}) and now and then in summer; college students spend their vacations at home;
 * migrants go home for the Spring Festival and seasonal migrants come only for their season. A residence
 * change (leaving to live away, coming back, a migrant arriving or leaving) is a single crossing.
 *
 * <p>A day counts as present when the person is on the islands at any time that day, so the days of departure
 * and arrival both count (the rule the pipeline should use too; documented in the data catalogue).
 */
public final class PresenceModel {

    public static final double TRIPS_ADULT = 5, TRIPS_ELDERLY = 2, TRIPS_CHILD = 1.5;
    public static final double FESTIVAL_VISIT = 0.7, SUMMER_VISIT = 0.12, OTHER_VISIT = 0.03;
    /** First day of the Spring Festival (春节) by year. */
    private static final int[][] FESTIVAL = {{2021, 2, 12}, {2022, 2, 1}, {2023, 1, 22}, {2024, 2, 10},
            {2025, 1, 29}, {2026, 2, 17}, {2027, 2, 6}, {2028, 1, 26}, {2029, 2, 13}, {2030, 2, 3}};

    private final World world;
    private final SplittableRandom r;
    private final int[] events = new int[64];
    private int eventCount;

    public PresenceModel(World world) {
        this.world = world;
        this.r = world.stream(7);
    }

    /** Marks the 365 days before the warm-up from each person's initial residence. */
    public void initialise() {
        int day0 = world.today();
        for (Person p : world.persons) {
            boolean here = p.residence == Residence.LOCAL || p.residence == Residence.MIGRANT;
            p.inCounty = here && inSeason(p, world.period.monthValue());
            for (int d = day0 - 365; d < day0; d++) {
                boolean present = here && d >= p.birthDay;
                if (p.residence == Residence.MIGRANT) {
                    present = d >= p.permitStart && inSeason(p, java.time.LocalDate.ofEpochDay(d).getMonthValue());
                }
                p.setPresent(d, present);
            }
        }
    }

    static boolean inSeason(Person p, int month) {
        return (p.seasonMonths & (1 << (month - 1))) != 0;
    }

    /** Simulates the month's presence of every person and adds their crossings to the buffer. */
    public void month(CrossingBuffer out) {
        Period p = world.period;
        int first = world.today();
        int days = p.month().lengthOfMonth();
        int festival = festival(p.year());
        boolean festivalMonth = festival >= first && festival < first + days;
        int m = p.monthValue();
        for (Person x : world.persons) {
            if (x.residence == Residence.GONE && x.transitionDay < 0 && !x.inCounty && x.returnAt < 0) {
                continue;
            }
            if (x.deathDay >= 0 && x.deathDay < first) {
                continue;
            }
            eventCount = 0;
            int port = world.county.portIndexOfTownship(world.county.townshipOf(x.village));
            // a pending return from last month
            if (x.returnAt >= 0) {
                addEvent((int) x.returnAt, x.pendingIn);
                x.returnAt = -1;
            }
            if (x.transitionDay >= first && x.transitionDay < first + days) {
                int sec = (x.transitionDay - first) * 86400 + timeOfDay(x.transitionIn);
                addEvent(sec, x.transitionIn);
            } else if (x.deathDay < 0 && x.birthDay < first) {
                plan(x, p, first, days, festival, festivalMonth, m);
            }
            presence(x, first, days, port, out);
            x.transitionDay = -1;
        }
    }

    private void plan(Person x, Period p, int first, int days, int festival, boolean festivalMonth, int m) {
        int age = x.age(first);
        switch (x.residence) {
            case LOCAL -> {
                if (!x.inCounty && eventCount == 0) {
                    addEvent(r.nextInt(days) * 86400 + timeOfDay(true), true);
                    return;
                }
                double rate = age < 18 ? TRIPS_CHILD : age >= 65 ? TRIPS_ELDERLY : TRIPS_ADULT;
                if (x.illnessMonths > 0) {
                    rate += 6;
                }
                if (r.nextDouble() < rate / 12) {
                    int len = x.illnessMonths > 0 ? 7 + r.nextInt(14) : 1 + (int) (-Math.log(1 - r.nextDouble()) * 2.5);
                    trip(r.nextInt(days), Math.min(len, 30), days);
                }
            }
            case AWAY -> {
                if (x.inCounty && eventCount == 0) {
                    addEvent(r.nextInt(days) * 86400 + timeOfDay(false), false);
                    return;
                }
                boolean student = x.schoolLevel >= 5;
                if (festivalMonth && r.nextDouble() < (student ? 0.95 : FESTIVAL_VISIT)) {
                    int start = festival - first - 2 - r.nextInt(5);
                    int len = student ? 20 + r.nextInt(15) : 5 + r.nextInt(8);
                    visit(Math.max(0, start), len, days);
                } else if ((m == 7 || m == 8) && r.nextDouble() < (student ? 0.55 : SUMMER_VISIT)) {
                    visit(r.nextInt(days), student ? 20 + r.nextInt(20) : 3 + r.nextInt(5), days);
                } else if (r.nextDouble() < OTHER_VISIT) {
                    visit(r.nextInt(days), 2 + r.nextInt(3), days);
                }
            }
            case MIGRANT -> {
                boolean inNow = inSeason(x, m);
                boolean inNext = inSeason(x, m == 12 ? 1 : m + 1);
                if (x.seasonMonths != 0xFFF) {
                    if (inNow && !x.inCounty) {
                        addEvent(r.nextInt(Math.min(5, days)) * 86400 + timeOfDay(true), true);
                    }
                    if (inNow && !inNext) {
                        addEvent((days - 1 - r.nextInt(4)) * 86400 + timeOfDay(false), false);
                    }
                } else if (festivalMonth && r.nextDouble() < 0.75) {
                    int start = festival - first - 3 - r.nextInt(6);
                    trip(Math.max(0, start), 15 + r.nextInt(16), days);
                } else if (r.nextDouble() < 1.0 / 12) {
                    trip(r.nextInt(days), 2 + r.nextInt(4), days);
                }
            }
            default -> {
            }
        }
    }

    /** An outbound trip from the islands: OUT on {@code day}, IN after {@code len} days (maybe next month). */
    private void trip(int day, int len, int days) {
        addEvent(day * 86400 + timeOfDay(false), false);
        int back = day + len;
        addEvent(back * 86400 + timeOfDay(true), true);
    }

    /** A visit home by someone living away: IN on {@code day}, OUT after {@code len} days. */
    private void visit(int day, int len, int days) {
        addEvent(day * 86400 + timeOfDay(true), true);
        addEvent((day + len) * 86400 + timeOfDay(false), false);
    }

    /** Ferry times: departures 06:40–16:20, arrivals 08:10–18:30. */
    private int timeOfDay(boolean in) {
        int start = in ? 8 * 3600 + 600 : 6 * 3600 + 2400;
        return start + r.nextInt(10 * 3600);
    }

    private void addEvent(int second, boolean in) {
        if (eventCount + 2 > events.length) {
            return;
        }
        events[eventCount++] = (second << 1) | (in ? 1 : 0);
    }

    private void presence(Person x, int first, int days, int port, CrossingBuffer out) {
        java.util.Arrays.sort(events, 0, eventCount);
        boolean state = x.inCounty;
        int e = 0;
        int monthSeconds = days * 86400;
        for (int d = 0; d < days; d++) {
            int dayEnd = (d + 1) * 86400;
            boolean present = state;
            while (e < eventCount && (events[e] >> 1) < dayEnd) {
                boolean in = (events[e] & 1) == 1;
                if (in != state) {
                    out.add(events[e] >> 1, in, false, port, x.index);
                    state = in;
                    present |= in;
                }
                e++;
            }
            if (x.deathDay >= 0 && first + d > x.deathDay) {
                present = false;
            }
            x.setPresent(first + d, present && first + d >= x.birthDay);
        }
        // events beyond the month end: the first one that changes the state is carried over
        while (e < eventCount) {
            int sec = events[e] >> 1;
            boolean in = (events[e] & 1) == 1;
            if (in != state && x.returnAt < 0 && sec >= monthSeconds) {
                x.returnAt = sec - monthSeconds;
                x.pendingIn = in;
            }
            e++;
        }
        x.inCounty = state;
    }

    public static int festival(int year) {
        for (int[] f : FESTIVAL) {
            if (f[0] == year) {
                return (int) java.time.LocalDate.of(f[0], f[1], f[2]).toEpochDay();
            }
        }
        return (int) java.time.LocalDate.of(year, 2, 1).toEpochDay();
    }
}
