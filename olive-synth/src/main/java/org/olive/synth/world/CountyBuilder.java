package org.olive.synth.world;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.olive.synth.geography.County;
import org.olive.synth.livelihood.LivelihoodAssigner;
import org.olive.synth.population.Household;
import org.olive.synth.population.IdFactory;
import org.olive.synth.population.Names;
import org.olive.synth.population.Person;
import org.olive.synth.population.Residence;

/**
 * Builds the county at the start of the warm-up: registration households of every shape until the registered
 * population is reached, then residence (who lives away), migrants, and livelihoods.
 *
 * <p>Household shapes and their shares (tuned so that about a third of the registered are 60 or older, as in
 * an ageing island county, with about 2.7 persons per hukou):
 * single elderly {@value #P_SINGLE_ELDERLY}, elderly couple {@value #P_ELDERLY_COUPLE}, middle-aged couple
 * without children in the hukou {@value #P_COUPLE}, couple with children {@value #P_NUCLEAR}, three
 * generations with two married couples {@value #P_THREE_GEN}, widowed grandparent with a married child's
 * family {@value #P_THREE_GEN_WIDOWED}, single adult {@value #P_SINGLE_ADULT}, single parent (the rest).
 */
public final class CountyBuilder {

    public static final double P_SINGLE_ELDERLY = 0.14;
    public static final double P_ELDERLY_COUPLE = 0.22;
    public static final double P_COUPLE = 0.09;
    public static final double P_NUCLEAR = 0.22;
    public static final double P_THREE_GEN = 0.12;
    public static final double P_THREE_GEN_WIDOWED = 0.06;
    public static final double P_SINGLE_ADULT = 0.10;
    /** Share of spouses born elsewhere (married in), by generation: older and younger. */
    public static final double MARRIED_IN_OLD = 0.08, MARRIED_IN_YOUNG = 0.30;
    /** Elderly and empty-nest couples whose grown-up children have their own registration elsewhere. */
    public static final double CHILDREN_ELSEWHERE = 0.85;
    /** Share of urban adults (22–59) one education level above their cohort's draw. */
    public static final double URBAN_EDUCATION_UPGRADE = 0.35;
    /** Migrants (流动) per registered person. */
    public static final double MIGRANTS_PER_REGISTERED = 0.125;

    private final World world;
    private final SplittableRandom r;
    private final int day0;

    private final LivelihoodAssigner jobs;

    public CountyBuilder(World world, LivelihoodAssigner jobs) {
        this.world = world;
        this.jobs = jobs;
        this.r = world.stream(1);
        this.day0 = world.today();
    }

    public void build() {
        County county = world.county;
        int n = county.villageCount();
        double[] cum = new double[n];
        double s = 0;
        for (int v = 0; v < n; v++) {
            s += county.villageWeight(v);
            cum[v] = s;
        }
        int registered = 0;
        while (registered < world.targetRegistered) {
            double u = r.nextDouble() * s;
            int v = 0;
            while (v < n - 1 && cum[v] < u) {
                v++;
            }
            registered += household(v);
        }
        new ResidenceAssigner(world, world.stream(2)).assignInitial();
        migrants((int) Math.round(world.targetRegistered * MIGRANTS_PER_REGISTERED));
        jobs.assignInitial();
    }

    private int household(int village) {
        Household h = world.newHousehold(village);
        double u = r.nextDouble();
        if ((u -= P_SINGLE_ELDERLY) < 0) {
            boolean male = r.nextDouble() < 0.38;
            h.head = local(h, age(66, 94), male, Names.surname(r));
            h.head.marital = r.nextDouble() < 0.85 ? 30 : 40;
            h.head.childrenElsewhere = r.nextDouble() < CHILDREN_ELSEWHERE;
        } else if ((u -= P_ELDERLY_COUPLE) < 0) {
            Person[] c = couple(h, age(60, 88), true);
            boolean kids = r.nextDouble() < CHILDREN_ELSEWHERE;
            c[0].childrenElsewhere = kids;
            c[1].childrenElsewhere = kids;
        } else if ((u -= P_COUPLE) < 0) {
            Person[] c = couple(h, age(42, 64), true);
            boolean kids = r.nextDouble() < CHILDREN_ELSEWHERE;
            c[0].childrenElsewhere = kids;
            c[1].childrenElsewhere = kids;
        } else if ((u -= P_NUCLEAR) < 0) {
            Person[] c = couple(h, age(27, 54), true);
            children(h, c[0], c[1], 1 + (r.nextDouble() < 0.42 ? 1 : 0) + (r.nextDouble() < 0.05 ? 1 : 0));
        } else if ((u -= P_THREE_GEN) < 0) {
            Person[] old = couple(h, age(54, 80), true);
            Person[] young = marriedChild(h, old[0], old[1]);
            children(h, young[0], young[1], 1 + (r.nextDouble() < 0.4 ? 1 : 0));
        } else if ((u -= P_THREE_GEN_WIDOWED) < 0) {
            boolean male = r.nextDouble() < 0.3;
            Person widow = local(h, age(62, 92), male, Names.surname(r));
            widow.marital = 30;
            h.head = widow;
            Person[] young = marriedChild(h, male ? widow : null, male ? null : widow);
            children(h, young[0], young[1], 1 + (r.nextDouble() < 0.35 ? 1 : 0));
            if (r.nextDouble() < 0.5) {
                // the married son is registered as head, the widowed parent as 父亲/母亲
                h.head = young[0];
            }
        } else if ((u -= P_SINGLE_ADULT) < 0) {
            h.head = local(h, age(22, 64), r.nextDouble() < 0.66, Names.surname(r));
            h.head.marital = r.nextDouble() < 0.7 ? 10 : 40;
        } else {
            boolean male = r.nextDouble() < 0.3;
            Person parent = local(h, age(30, 56), male, Names.surname(r));
            parent.marital = r.nextDouble() < 0.75 ? 40 : 30;
            h.head = parent;
            children(h, male ? parent : null, male ? null : parent, 1);
        }
        return h.members.size();
    }

    private int age(int lo, int hi) {
        // ages are skewed towards the lower end to mimic mortality within a band
        double u = r.nextDouble();
        return lo + (int) ((hi - lo + 1) * (u * (0.6 + 0.4 * u)));
    }

    /** Creates a head and a spouse of about the same age; returns {husband, wife}. */
    private Person[] couple(Household h, int husbandAge, boolean husbandIsHead) {
        char hs = Names.surname(r);
        Person husband = local(h, husbandAge, true, hs);
        int wifeAge = Math.max(20, husbandAge - r.nextInt(5) + (r.nextInt(6) == 0 ? 2 : 0));
        boolean old = husbandAge >= 50;
        String origin = r.nextDouble() < (old ? MARRIED_IN_OLD : MARRIED_IN_YOUNG) ? otherOrigin() : world.county.addressCode();
        Person wife = person(h, wifeAge, false, Names.surname(r), origin);
        marry(husband, wife);
        h.head = husbandIsHead || r.nextDouble() < 0.85 ? husband : wife;
        if (r.nextDouble() < 0.1) {
            h.head = wife;
        }
        return new Person[]{husband, wife};
    }

    private Person[] marriedChild(Household h, Person father, Person mother) {
        Person older = father != null ? father : mother;
        int olderAge = older.age(day0);
        int childAge = Math.max(24, Math.min(olderAge - 23, 23 + r.nextInt(Math.max(1, olderAge - 46))));
        boolean son = r.nextDouble() < 0.75;
        char surname = father != null ? father.name.charAt(0) : Names.surname(r);
        Person child = local(h, childAge, son, surname);
        child.father = father;
        child.mother = mother;
        if (father != null && mother == null) {
            child.mother = null;
        }
        String origin = r.nextDouble() < MARRIED_IN_YOUNG ? otherOrigin() : world.county.addressCode();
        int inLawAge = Math.max(22, childAge + (son ? -r.nextInt(4) : r.nextInt(4)));
        Person inLaw = person(h, inLawAge, !son, Names.surname(r), origin);
        marry(child, inLaw);
        return son ? new Person[]{child, inLaw} : new Person[]{inLaw, child};
    }

    private void children(Household h, Person father, Person mother, int count) {
        Person parent = mother != null ? mother : father;
        int pAge = parent.age(day0);
        char surname = father != null ? father.name.charAt(0) : (r.nextDouble() < 0.8 ? Names.surname(r) : parent.name.charAt(0));
        for (int i = 0; i < count; i++) {
            int maxAge = Math.max(0, Math.min(pAge - 21, 30));
            int cAge = r.nextInt(maxAge + 1);
            Person c = local(h, cAge, r.nextBoolean(), surname);
            c.father = father;
            c.mother = mother;
        }
    }

    private void marry(Person a, Person b) {
        a.spouse = b;
        b.spouse = a;
        a.marital = 20;
        b.marital = 20;
    }

    private String otherOrigin() {
        return IdFactory.ORIGINS[r.nextInt(IdFactory.ORIGINS.length)];
    }

    private Person local(Household h, int age, boolean male, char surname) {
        return person(h, age, male, surname, world.county.addressCode());
    }

    private Person person(Household h, int age, boolean male, char surname, String origin) {
        int birthDay = day0 - (int) (age * 365.2425) - r.nextInt(365);
        LocalDate b = LocalDate.ofEpochDay(birthDay);
        String id = world.ids.issue(origin, b, male);
        Person p = world.newPerson(id, Names.full(surname, r, male), male, birthDay, b.getYear(), origin);
        p.village = h.village;
        p.education = Education.forAge(age, r);
        if (world.county.urban(h.village) && age >= 22 && age < 60 && r.nextDouble() < URBAN_EDUCATION_UPGRADE) {
            p.education = Education.oneLevelUp(p.education);
        }
        if (r.nextDouble() < 0.012) {
            p.ethnicity = ETHNIC[r.nextInt(ETHNIC.length)];
        }
        h.add(p);
        return p;
    }

    /** GB 3304 codes of the minorities most often met in Zhejiang: 畲, 苗, 土家, 回, 满, 壮. */
    static final String[] ETHNIC = {"22", "06", "15", "03", "11", "08"};

    private void migrants(int count) {
        County county = world.county;
        for (int i = 0; i < count; i++) {
            boolean male = r.nextDouble() < 0.68;
            int age = 19 + r.nextInt(38);
            String origin = IdFactory.ORIGINS[r.nextInt(IdFactory.ORIGINS.length - 2)];
            int birthDay = day0 - (int) (age * 365.2425) - r.nextInt(365);
            LocalDate b = LocalDate.ofEpochDay(birthDay);
            Person p = world.newPerson(world.ids.issue(origin, b, male), Names.full(Names.surname(r), r, male), male,
                    birthDay, b.getYear(), origin);
            p.residence = Residence.MIGRANT;
            p.education = Education.forAge(Math.min(age, 50), r);
            p.marital = age > 27 && r.nextDouble() < 0.75 ? 20 : 10;
            p.village = r.nextInt(county.villageCount());
            p.permitStart = day0 - r.nextInt(365 * 5);
            p.migrationReason = r.nextDouble() < 0.85 ? "务工" : r.nextDouble() < 0.7 ? "经商" : "投靠亲友";
            if (r.nextDouble() < 0.04) {
                p.ethnicity = ETHNIC[r.nextInt(ETHNIC.length)];
            }
        }
    }

}
