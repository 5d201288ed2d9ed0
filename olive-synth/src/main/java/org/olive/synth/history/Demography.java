package org.olive.synth.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.olive.synth.family.RelationCodes;
import org.olive.synth.geography.County;
import org.olive.synth.livelihood.LivelihoodAssigner;
import org.olive.synth.livelihood.Livelihood;
import org.olive.synth.population.Household;
import org.olive.synth.population.IdFactory;
import org.olive.synth.population.Names;
import org.olive.synth.population.Person;
import org.olive.synth.population.Residence;
import org.olive.synth.world.Education;
import org.olive.synth.world.World;

/**
 * Births, deaths, marriages, divorces, moves of registration in and out, moves within the county, people
 * leaving to live away or coming back, and migrants arriving and leaving. Annual rates (divided by 12 each
 * month) are named constants below; mortality is Gompertz, {@value #GOMPERTZ_A}·e^({@value #GOMPERTZ_B}·age).
 */
public final class Demography {

    public static final double GOMPERTZ_A = 0.000022, GOMPERTZ_B = 0.095;
    /** Births per married woman aged 22–40 living here, per year. */
    public static final double FERTILITY = 0.058;
    /** Marriage rate of unmarried people aged 22–45, per year; share marrying someone from outside. */
    public static final double MARRIAGE = 0.07, MARRY_OUTSIDER = 0.40;
    /** Divorce rate per couple per year (wife under 65). */
    public static final double DIVORCE = 0.009;
    /** Newly-weds who set up their own hukou rather than join the husband's parents. */
    public static final double NEW_HUKOU = 0.55;
    /** People living away (22–45) who move their registration out, per year. */
    public static final double MOVE_OUT = 0.045;
    /** Residents (20–45) leaving to live away, and people living away coming back, per year. */
    public static final double LEAVE = 0.02, RETURN = 0.05;
    /** Households moving from the small islands to the county seat (小岛迁、大岛建), per year. */
    public static final double RELOCATE = 0.006;
    /** Migrants leaving per year; arrivals keep the migrant population growing slowly. */
    public static final double MIGRANT_EXIT = 0.12, MIGRANT_GROWTH = 0.02;
    /** Migrants settling and taking up the county's hukou, per year. */
    public static final double SETTLE = 0.008;

    private final World world;
    private final SplittableRandom r;
    private final LivelihoodAssigner jobs;
    private final org.olive.synth.fault.FaultInjector faults;

    public Demography(World world, LivelihoodAssigner jobs, org.olive.synth.fault.FaultInjector faults) {
        this.world = world;
        this.r = world.stream(13);
        this.jobs = jobs;
        this.faults = faults;
    }

    public void month() {
        int first = world.today();
        int days = world.period.month().lengthOfMonth();
        List<Person> snapshot = new ArrayList<>(world.persons);
        List<Person> singleMen = new ArrayList<>();
        List<Person> singleWomen = new ArrayList<>();
        int migrants = 0;
        for (Person p : snapshot) {
            if (!p.alive() || p.residence == Residence.GONE) {
                continue;
            }
            int age = p.age(first);
            int day = first + r.nextInt(days);
            double q = Math.min(0.6, GOMPERTZ_A * Math.exp(GOMPERTZ_B * age)) * (p.illnessMonths > 0 ? 6 : 1);
            if (age < 1) {
                q = 0.003;
            }
            if (r.nextDouble() < q / 12) {
                die(p, day);
                continue;
            }
            if (p.isMigrant()) {
                migrants++;
                if (r.nextDouble() < MIGRANT_EXIT / 12) {
                    migrantLeaves(p, day);
                } else if (r.nextDouble() < SETTLE / 12 && p.marital != 20) {
                    settle(p, day);
                }
                continue;
            }
            if (!p.registered()) {
                continue;
            }
            if (!p.male && p.spouse != null && age >= 22 && age <= 40 && p.residence == Residence.LOCAL
                    && r.nextDouble() < FERTILITY / 12) {
                birth(p, day);
            }
            if (p.spouse == null && age >= 22 && age <= 45 && p.marital != 20) {
                (p.male ? singleMen : singleWomen).add(p);
            }
            if (p.male && p.spouse != null && p.spouse.age(first) < 65 && r.nextDouble() < DIVORCE / 12) {
                divorce(p, p.spouse, day);
            }
            if (p.residence == Residence.AWAY && age >= 22 && age <= 45 && p.job != Livelihood.STUDENT
                    && r.nextDouble() < MOVE_OUT / 12) {
                moveOut(p, day);
            } else if (p.residence == Residence.LOCAL && age >= 20 && age <= 45 && p.job != Livelihood.STUDENT
                    && !p.job.business() && r.nextDouble() < LEAVE / 12) {
                leave(p, day);
            } else if (p.residence == Residence.AWAY && p.job != Livelihood.STUDENT && r.nextDouble() < RETURN / 12) {
                comeBack(p, day);
            }
        }
        marriages(singleMen, singleWomen, first, days);
        relocations(first, days);
        int target = (int) Math.round(world.targetRegistered * org.olive.synth.world.CountyBuilder.MIGRANTS_PER_REGISTERED
                * Math.pow(1 + MIGRANT_GROWTH, world.monthIndex / 12.0));
        for (int i = migrants; i < target; i++) {
            newMigrant(first + r.nextInt(days));
        }
        // the dead and moved-out leave their households after this month's listing
    }

    private void die(Person p, int day) {
        p.deathDay = day;
        Household h = p.household;
        if (p.registered() || h != null) {
            p.lastHousehold = h;
            p.lastRelation = h != null && h.head != null ? RelationCodes.of(h.head, p) : "";
        }
        if (p.spouse != null) {
            Person s = p.spouse;
            s.spouse = null;
            s.marital = 30;
            p.spouse = null;
        }
        if (p.employer != null) {
            p.employer.employees--;
            if (p.employer.operator == p) {
                p.employer.closed = day;
            }
        }
        if (p.job == Livelihood.BNB_OWNER && p.assetIndex >= 0 && p.assetIndex < world.bnbs.size()
                && world.bnbs.get(p.assetIndex).owner == p) {
            world.bnbs.get(p.assetIndex).closed = day;
        }
        if (h != null) {
            world.events.deaths.add(p);
            if (faults != null && faults.roll(org.olive.synth.fault.FaultType.DEAD_STILL_IN_HUKOU)) {
                p.deadButListed = true;
            }
            h.remove(p);
            p.household = null;
            p.lastHousehold = h;
            succession(h);
        } else {
            world.events.deaths.add(p);
        }
        p.residence = Residence.GONE;
    }

    /** After the head leaves: the spouse, else the eldest adult, becomes head. */
    private void succession(Household h) {
        if (h.head != null && h.head.registered() && h.members.contains(h.head)) {
            return;
        }
        Person best = null;
        for (Person m : h.members) {
            if (!m.registered()) {
                continue;
            }
            if (h.head != null && m == h.head.spouse) {
                best = m;
                break;
            }
            if (best == null || m.birthDay < best.birthDay) {
                best = m;
            }
        }
        h.head = best;
    }

    private void birth(Person mother, int day) {
        if (day > world.lastDay()) {
            day = world.lastDay();
        }
        boolean male = r.nextDouble() < 0.52;
        LocalDate b = LocalDate.ofEpochDay(day);
        Person father = mother.spouse;
        char surname = father != null ? father.name.charAt(0) : mother.name.charAt(0);
        Person c = world.newPerson(world.ids.issue(world.county.addressCode(), b, male), Names.full(surname, r, male), male,
                day, b.getYear(), world.county.addressCode());
        c.father = father;
        c.mother = mother;
        c.village = mother.village;
        c.inCounty = true;
        c.education = 90;
        Household h = father != null && father.household != null ? father.household : mother.household;
        h.add(c);
        c.village = h.village;
        world.events.births.add(c);
    }

    private void marriages(List<Person> men, List<Person> women, int first, int days) {
        for (Person m : men) {
            if (m.spouse != null || !m.registered() || r.nextDouble() >= MARRIAGE / 12) {
                continue;
            }
            int day = first + r.nextInt(days);
            Person w = null;
            if (r.nextDouble() >= MARRY_OUTSIDER) {
                for (int tries = 0; tries < 6 && !women.isEmpty(); tries++) {
                    Person c = women.get(r.nextInt(women.size()));
                    if (c.spouse == null && c.registered() && Math.abs(c.birthDay - m.birthDay) < 365 * 8
                            && !related(m, c)) {
                        w = c;
                        break;
                    }
                }
            }
            if (w == null) {
                w = outsider(m, day);
            }
            marry(m, w, day);
        }
    }

    private static boolean related(Person a, Person b) {
        return a.household == b.household || (a.father != null && a.father == b.father)
                || (a.mother != null && a.mother == b.mother);
    }

    private Person outsider(Person m, int day) {
        int age = Math.max(20, m.age(day) - r.nextInt(6));
        int birthDay = day - (int) (age * 365.2425) - r.nextInt(365);
        LocalDate b = LocalDate.ofEpochDay(birthDay);
        String origin = IdFactory.ORIGINS[r.nextInt(IdFactory.ORIGINS.length)];
        Person w = world.newPerson(world.ids.issue(origin, b, false), Names.full(Names.surname(r), r, false), false,
                birthDay, b.getYear(), origin);
        w.education = Education.forAge(age, r);
        w.village = m.village;
        w.residence = m.residence;
        w.inCounty = m.inCounty;
        for (int d = day - 400; d < day; d++) {
            w.setPresent(d, false);
        }
        if (m.residence == Residence.LOCAL) {
            w.transitionDay = day;
            w.transitionIn = true;
            w.inCounty = false;
        }
        return w;
    }

    private void marry(Person m, Person w, int day) {
        m.spouse = w;
        w.spouse = m;
        m.marital = 20;
        w.marital = 20;
        world.events.marriages.add(new org.olive.synth.world.MonthEvents.Marriage(m, w, false, day));
        Household mh = m.household;
        if (w.household != null) {
            Household wh = w.household;
            wh.remove(w);
            succession(wh);
        }
        if (mh.head != m && r.nextDouble() < NEW_HUKOU) {
            mh.remove(m);
            succession(mh);
            Household h = world.newHousehold(mh.village);
            h.add(m);
            h.head = m;
            h.add(w);
        } else {
            mh.add(w);
        }
        w.previousVillage = w.village != m.village ? w.village : w.previousVillage;
        w.village = m.village;
        if (w.residence == Residence.LOCAL && w.job == Livelihood.NONE && w.employer == null) {
            // a bride from outside (or without work) looks for work here
            jobs.assignFresh(w, day);
        }
    }

    private void divorce(Person m, Person w, int day) {
        m.spouse = null;
        w.spouse = null;
        m.marital = 40;
        w.marital = 40;
        world.events.marriages.add(new org.olive.synth.world.MonthEvents.Marriage(m, w, true, day));
        Household h = m.household;
        if (w.household == h && h != null) {
            Household nh = world.newHousehold(h.village);
            h.remove(w);
            nh.add(w);
            nh.head = w;
            // young children stay with the mother
            for (Person c : new ArrayList<>(h.members)) {
                if (c.mother == w && c.age(day) < 18) {
                    h.remove(c);
                    nh.add(c);
                }
            }
            succession(h);
        }
    }

    private void moveOut(Person p, int day) {
        Household h = p.household;
        p.moveOutDay = day;
        p.lastHousehold = h;
        p.lastRelation = h != null && h.head != null ? RelationCodes.of(h.head, p) : "";
        h.remove(p);
        world.events.movedOut.add(p);
        succession(h);
        p.residence = Residence.GONE;
    }

    private void leave(Person p, int day) {
        p.residence = Residence.AWAY;
        p.transitionDay = day;
        p.transitionIn = false;
        jobs.setJob(p, Livelihood.NONE, day);
    }

    private void comeBack(Person p, int day) {
        p.residence = Residence.LOCAL;
        p.transitionDay = day;
        p.transitionIn = true;
        jobs.assignFresh(p, day);
    }

    private void migrantLeaves(Person p, int day) {
        p.permitEnd = day;
        p.residence = Residence.GONE;
        if (p.inCounty) {
            p.transitionDay = day;
            p.transitionIn = false;
        }
        if (p.employer != null) {
            p.employer.employees--;
            p.employer = null;
        }
        p.job = Livelihood.NONE;
    }

    private void settle(Person p, int day) {
        Household h = world.newHousehold(p.village);
        h.add(p);
        h.head = p;
        p.permitEnd = day;
        p.residence = Residence.LOCAL;
        p.seasonMonths = 0xFFF;
        world.events.settled.add(p);
    }

    private void newMigrant(int day) {
        boolean male = r.nextDouble() < 0.68;
        int age = 19 + r.nextInt(36);
        int birthDay = day - (int) (age * 365.2425) - r.nextInt(365);
        LocalDate b = LocalDate.ofEpochDay(birthDay);
        String origin = IdFactory.ORIGINS[r.nextInt(IdFactory.ORIGINS.length - 2)];
        Person p = world.newPerson(world.ids.issue(origin, b, male), Names.full(Names.surname(r), r, male), male,
                birthDay, b.getYear(), origin);
        p.residence = Residence.MIGRANT;
        p.education = Education.forAge(Math.min(age, 50), r);
        p.marital = age > 27 && r.nextDouble() < 0.75 ? 20 : 10;
        p.village = r.nextInt(world.county.villageCount());
        p.permitStart = day;
        p.migrationReason = r.nextDouble() < 0.85 ? "务工" : r.nextDouble() < 0.7 ? "经商" : "投靠亲友";
        for (int d = day - 400; d < day; d++) {
            p.setPresent(d, false);
        }
        jobs.assignFresh(p, day);
        p.inCounty = false;
        int m = world.period.monthValue();
        if ((p.seasonMonths & (1 << (m - 1))) != 0) {
            p.transitionDay = day;
            p.transitionIn = true;
        } else {
            p.permitStart = day;
        }
        if (p.job == Livelihood.FISHING_CREW && !world.vessels.isEmpty()) {
            var v = world.vessels.get(r.nextInt(world.vessels.size()));
            v.crew.add(p);
            p.assetIndex = v.index;
        }
    }

    private void relocations(int first, int days) {
        County c = world.county;
        int[] urbanSeat = java.util.Arrays.stream(c.villagesOf(0)).filter(c::urban).toArray();
        int[] seat = urbanSeat.length > 0 ? urbanSeat : c.villagesOf(0); // a county seat without a community
        for (Household h : world.households) {
            if (h.members.isEmpty()) {
                continue;
            }
            int t = c.townshipOf(h.village);
            if ((t == 1 || t == 4 || t == 5 || t == 6) && r.nextDouble() < RELOCATE / 12) {
                int to = seat[r.nextInt(seat.length)];
                for (Person p : h.members) {
                    p.previousVillage = p.village;
                    p.village = to;
                }
                h.village = to;
                h.collectiveShares = false;
                world.events.relocated.add(h);
            }
        }
    }
}
