package org.olive.synth.truth;

import java.util.List;
import org.olive.synth.family.FamilyIndex;
import org.olive.synth.livelihood.Bnb;
import org.olive.synth.livelihood.Entity;
import org.olive.synth.livelihood.Holdings;
import org.olive.synth.livelihood.Licence;
import org.olive.synth.livelihood.Livelihood;
import org.olive.synth.livelihood.Vessel;
import org.olive.synth.population.Person;
import org.olive.synth.population.Residence;
import org.olive.synth.world.Assistance;
import org.olive.synth.world.World;

/**
 * The true key groups (群体一本账, domain.md §8) and occupations of the simulated world at a period, written to
 * {@code truth/P/groups.csv} and {@code occupations.csv} by {@link TruthWriter}. Every rule reads the world's true
 * state, before any injected fault and whether or not an extract carries the fact (informal employees, an idle vessel,
 * a seasonal crew away): docs/data-catalog.md §5 states each definition. Nothing here draws a random number.
 */
public final class GroupTruth {

    /** The 7+4 group ids, in this order in groups.csv; the group ledger uses the same ids. */
    public static final String SKILLED_WORKER = "skilled_worker", SME_OWNER = "sme_owner",
            INDIVIDUAL_BUSINESS = "individual_business", GRADUATE = "graduate", NEW_FORM_WORKER = "new_form_worker",
            FISHER_FARMER = "fisher_farmer", HARDSHIP = "hardship", BNB_OWNER = "bnb_owner", PORT_WORKER = "port_worker",
            TOURISM_WORKER = "tourism_worker", FISHERY_WORKER = "fishery_worker";
    public static final List<String> GROUP_IDS = List.of(SKILLED_WORKER, SME_OWNER, INDIVIDUAL_BUSINESS, GRADUATE,
            NEW_FORM_WORKER, FISHER_FARMER, HARDSHIP, BNB_OWNER, PORT_WORKER, TOURISM_WORKER, FISHERY_WORKER);

    /**
     * 中小企业 (small, medium and micro) by the large-enterprise line of 工信部联企业〔2011〕300号 for 住宿业 / 餐饮业 (and,
     * for employees, 零售业 and 其他未列明行业): an enterprise is small or medium when it has fewer than
     * {@value #SME_EMPLOYEES_BELOW} employees <em>or</em> annual revenue below {@value #SME_REVENUE_BELOW_YUAN} yuan
     * (1亿元); it is large only when it reaches both. Micro enterprises count (中小企业促进法 §2).
     */
    public static final int SME_EMPLOYEES_BELOW = 300;
    public static final long SME_REVENUE_BELOW_YUAN = 100_000_000L;
    /** Platform income in at least this many of the trailing 12 months makes a new-form worker. */
    public static final int PLATFORM_MONTHS = 3;
    /** A graduation within this many calendar months up to the period (the period's month included). */
    public static final int GRADUATE_MONTHS = 24;
    /** Assistance types of the hardship group. */
    public static final List<String> HARDSHIP_ASSISTANCE = List.of("低保", "低边", "特困");

    private GroupTruth() {
    }

    /**
     * Moves the 12-month activity rings of every person on by the month just simulated (after the income model):
     * platform income this month, and fishery activity ({@link #fishery}). Runs every month, warm-up included, so the
     * first period has its window.
     */
    public static void month(World world) {
        int n = world.persons.size();
        boolean[] active = new boolean[n];
        fishery(world, active, new boolean[n]);
        for (Person p : world.persons) {
            p.platformMonths = ((p.platformMonths << 1) | (p.mPlatform > 0 ? 1 : 0)) & 0xFFF;
            p.fisheryMonths = ((p.fisheryMonths << 1) | (active[p.index] ? 1 : 0)) & 0xFFF;
        }
    }

    /**
     * Who works in fishery this month: the owner of a vessel who fishes it (livelihood 渔船船东), the crew on a fishing
     * owner's vessel (渔船船员 on its crew list, living here or seasonally away, not moved away), the holder of an
     * aquaculture licence who farms it (贻贝养殖户). A vessel whose owner has taken other work is idle, and a person
     * with the crew livelihood but no vessel has no crew work. The moratorium does not end the crew's work.
     *
     * @param active set for all three
     * @param crew   set for the crews
     */
    static void fishery(World world, boolean[] active, boolean[] crew) {
        for (Vessel v : world.vessels) {
            Person o = v.owner;
            if (!o.alive() || o.job != Livelihood.VESSEL_OWNER || o.assetIndex != v.index) {
                continue;
            }
            active[o.index] = true;
            for (Person c : v.crew) {
                if (c.alive() && c.job == Livelihood.FISHING_CREW && c.assetIndex == v.index
                        && c.residence != Residence.AWAY && c.residence != Residence.GONE) {
                    active[c.index] = true;
                    crew[c.index] = true;
                }
            }
        }
        for (Licence l : world.licences) {
            Person h = l.holder;
            if (h.alive() && h.job == Livelihood.MUSSEL_FARMER && h.assetIndex == l.index) {
                active[h.index] = true;
            }
        }
    }

    /** GB/T 4754 industries of the tourism group: accommodation 61, catering 62, travel agencies 7291, scenic areas 786. */
    public static boolean tourismIndustry(String code) {
        return code.startsWith("61") || code.startsWith("62") || code.equals("7291") || code.startsWith("786");
    }

    /** GB/T 6565 level-2 code (中类, {@code 4-03}) of a level-4 code ({@code 4-03-01-02}); "" for "". */
    public static String level2(String occupation) {
        return occupation.length() >= 4 ? occupation.substring(0, 4) : "";
    }

    /**
     * An employee of an entity at work at the period (not own business, crew, platform or informal work): employed,
     * formally or not, and here in the month, as the income model pays wages ({@code IncomeModel}). A seasonal migrant
     * outside the season (a summer hotel worker in March) is away, unpaid and not working for the employer that month,
     * so is no employee at P, although the simulation keeps the employer for the next season.
     */
    static boolean employee(Person p, int month) {
        if (!p.job.employed() || p.employer == null) {
            return false;
        }
        return p.residence == Residence.LOCAL
                || p.residence == Residence.MIGRANT && (p.seasonMonths & (1 << (month - 1))) != 0;
    }

    /**
     * 高校毕业生 at P (docs/groups.md, the employment-policy sense): graduated from college within the window and not
     * in further study — neither enrolled nor admitted to another course (升学: the register lists them as students
     * from the autumn term, with the status 升学 before it).
     */
    static boolean recentGraduate(Person p, Index x) {
        return !p.graduationStatus.isEmpty() && p.graduatedDay >= x.graduatedFrom && p.graduatedDay <= x.lastDay
                && p.schoolLevel < 0;
    }

    /** The true occupation (细类) of a working person, "" when not working or none is simulated. */
    static String occupation(Person p) {
        return p.job.working() ? p.occupation : "";
    }

    /** The true industry (GB/T 4754 小类) of a working person, "" when none. */
    static String industry(Person p) {
        return p.job.working() ? p.industry : "";
    }

    /** Per-period index of who holds what, built once and read for each person. */
    static final class Index {
        final boolean[] certificate;
        final boolean[] sme;
        final boolean[] individual;
        final boolean[] bnb;
        final boolean[] assisted;
        final boolean[] crew;
        final int lastDay;
        final int graduatedFrom;

        Index(World world) {
            int n = world.persons.size();
            lastDay = world.lastDay();
            graduatedFrom = (int) world.period.minusMonths(GRADUATE_MONTHS - 1).firstDay().toEpochDay();
            certificate = new boolean[n];
            sme = new boolean[n];
            individual = new boolean[n];
            bnb = new boolean[n];
            assisted = new boolean[n];
            crew = new boolean[n];
            fishery(world, new boolean[n], crew);
            for (Holdings.Certificate c : world.certificates) {
                if (c.issued() <= lastDay) {
                    certificate[c.holder().index] = true;
                }
            }
            for (Entity e : world.entities) {
                if (e.operator == null || !e.open() || e.founded > lastDay) {
                    continue;
                }
                if (e.kind == Entity.Kind.INDIVIDUAL) {
                    individual[e.operator.index] = true;
                } else if (e.kind == Entity.Kind.ENTERPRISE && (e.employees < SME_EMPLOYEES_BELOW
                        || e.revenueYear / 100 < SME_REVENUE_BELOW_YUAN)) {
                    sme[e.operator.index] = true;
                }
            }
            for (Bnb b : world.bnbs) {
                if (b.closed < 0 && b.entity.founded <= lastDay) {
                    bnb[b.owner.index] = true;
                }
            }
            for (Assistance a : world.assistance) {
                if (a.start <= lastDay && (a.end < 0 || a.end > lastDay) && HARDSHIP_ASSISTANCE.contains(a.type)) {
                    assisted[a.person.index] = true;
                }
            }
        }
    }

    /**
     * Whether the person is in the population the groups are drawn from (docs/groups.md, groups.yaml
     * {@code population}): the county's population — registered, or resident (常住, migrants present ≥ 183 days
     * included) — and those working in it at P (here in the month with a livelihood that works: a migrant in season,
     * crew, platform or informal work). A migrant neither resident nor at work here at P (a seasonal hotel worker in
     * the off-season) is in no group, whatever certificate they hold.
     */
    static boolean inPopulation(FamilyIndex f, Person p, int month) {
        if (p.registered() || f.resident[p.index]) {
            return true;
        }
        boolean here = p.residence == Residence.LOCAL
                || p.residence == Residence.MIGRANT && (p.seasonMonths & (1 << (month - 1))) != 0;
        return here && p.job.working();
    }

    /** The person's true groups, as a bit set over {@link #GROUP_IDS}. */
    static int groups(World world, FamilyIndex f, Index x, Person p) {
        int i = p.index;
        int g = 0;
        if (!inPopulation(f, p, world.period.monthValue()) && !x.crew[i]) {
            return 0; // crew on a fishing owner's crew list count in the moratorium too (fishery_worker)
        }
        boolean employee = employee(p, world.period.monthValue());
        String industry = employee ? p.employer.industry : "";
        boolean port = employee && industry.startsWith("553");
        if (x.certificate[i] || employee && (p.occupation.startsWith("6-") || port)) {
            g |= 1 << 0;
        }
        if (x.sme[i]) {
            g |= 1 << 1;
        }
        if (x.individual[i]) {
            g |= 1 << 2;
        }
        if (recentGraduate(p, x)) {
            g |= 1 << 3;
        }
        if (Integer.bitCount(p.platformMonths) >= PLATFORM_MONTHS) {
            g |= 1 << 4;
        }
        if (p.fisheryMonths != 0 && f.resident[i] && !world.county.urban(p.village)) {
            g |= 1 << 5;
        }
        if (x.assisted[i] || (p.disabilityGrade == 1 || p.disabilityGrade == 2) && p.disabilityIssued <= x.lastDay) {
            g |= 1 << 6;
        }
        if (x.bnb[i]) {
            g |= 1 << 7;
        }
        if (port) {
            g |= 1 << 8;
        }
        if (employee && tourismIndustry(industry)) {
            g |= 1 << 9;
        }
        if (employee && industry.startsWith("04") || x.crew[i]) {
            g |= 1 << 10;
        }
        return g;
    }
}
