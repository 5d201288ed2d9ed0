package org.olive.synth.livelihood;

import java.util.SplittableRandom;
import org.olive.synth.geography.Island;
import org.olive.synth.population.Household;
import org.olive.synth.population.Person;
import org.olive.synth.population.Residence;
import org.olive.synth.world.World;

/**
 * Gives every person a livelihood, an employer or business, pension entitlements and assets, following the
 * island county's economy: fishing and mussel farming on 嵊山/枸杞/黄龙/花鸟, port work on 洋山, administration,
 * schools and services in the county seat 菜园, tourism everywhere, about a thousand B&amp;Bs (scaled with the
 * registered population, {@value #BNB_PER_76K} per 76,000), and migrants as fishing crews, port, tourism and
 * construction workers.
 *
 * <p>Retirement ages are 60 for men and 55 for women. Pensions per month in 2022: public-sector
 * {@value #PENSION_PUBLIC}, enterprise {@value #PENSION_ENTERPRISE}, fishers' enterprise scheme
 * {@value #PENSION_FISHER}, resident basic {@value #PENSION_RESIDENT}.
 */
public final class LivelihoodAssigner {

    public static final int BNB_PER_76K = 1000;
    public static final double PENSION_PUBLIC = 7600, PENSION_ENTERPRISE = 4000, PENSION_FISHER = 1900,
            PENSION_RESIDENT = 420;
    /** Job quality: earnings of locals in urban communities and in rural villages relative to the livelihood mean. */
    public static final double URBAN_PREMIUM = 1.38, RURAL_DISCOUNT = 0.82;
    /** Unemployment benefit per month in 2022 (about 90% of the top minimum wage). */
    public static final double UNEMPLOYMENT_BENEFIT = 1850;
    /** Rural people aged 60–72 who still do informal work (net mending, processing piece-work). */
    public static final double ELDERLY_INFORMAL = 0.35;
    public static final String[] PLATFORMS = {"美团外卖", "滴滴出行", "顺丰同城", "抖音直播"};
    public static final String[] PLATFORM_KINDS = {"外卖配送", "网约车", "快递", "网络直播"};
    private static final String[] GEARS = {"拖网", "张网", "流刺网", "灯光围网"};
    private static final String[] SPECIES = {"贻贝", "贻贝", "贻贝", "贻贝", "羊栖菜", "大黄鱼"};

    private final World world;
    private final SplittableRandom r;
    private final Employers employers;

    public LivelihoodAssigner(World world, SplittableRandom r) {
        this.world = world;
        this.r = r;
        this.employers = new Employers(world, world.stream(31));
    }

    public Employers employers() {
        return employers;
    }

    public void assignInitial() {
        int day = world.today();
        for (Person p : world.persons) {
            if (p.residence == Residence.LOCAL || p.residence == Residence.MIGRANT) {
                assignFresh(p, day);
            } else if (p.residence == Residence.AWAY && p.job != Livelihood.STUDENT) {
                p.job = Livelihood.NONE;
            }
            disability(p, day);
        }
        bnbs(day);
        vessels(day);
        licences(day);
        properties(day);
        certificates(day);
    }

    /** Assigns a livelihood to a person living here who has none yet (or starts over). */
    public void assignFresh(Person p, int day) {
        int a = p.age(day);
        if (p.job == Livelihood.STUDENT) {
            return;
        }
        boolean retired = a >= (p.male ? 60 : 55);
        if (a < 18) {
            p.job = Livelihood.NONE;
            return;
        }
        if (retired && !p.isMigrant()) {
            pension(p);
            boolean rural = !world.county.urban(p.village);
            if (rural && a <= 72 && r.nextDouble() < ELDERLY_INFORMAL) {
                setJob(p, Livelihood.INFORMAL, day);
                p.level *= 0.45;
            } else {
                p.job = Livelihood.RETIRED;
            }
            return;
        }
        setJob(p, p.isMigrant() ? drawMigrant(p.male) : draw(p, day), day);
    }

    private Livelihood draw(Person p, int day) {
        boolean urban = world.county.urban(p.village);
        Island is = world.county.islandOfVillage(p.village);
        double f = is.fishing(), port = is.portWork();
        boolean m = p.male;
        boolean edu = p.education <= 30;
        Livelihood[] L = {Livelihood.CIVIL_SERVANT, Livelihood.TEACHER, Livelihood.HEALTH_WORKER, Livelihood.PORT_WORKER,
                Livelihood.SHIPPING_CREW, Livelihood.FISHING_CREW, Livelihood.VESSEL_OWNER, Livelihood.MUSSEL_FARMER,
                Livelihood.TOURISM_WORKER, Livelihood.INDIVIDUAL_BUSINESS, Livelihood.SME_OWNER, Livelihood.EMPLOYEE,
                Livelihood.PLATFORM_WORKER, Livelihood.INFORMAL, Livelihood.NONE, Livelihood.UNEMPLOYED};
        double[] w = {
                (urban ? 0.14 : 0.02) * (edu ? 2.2 : 0.3),
                (urban ? 0.07 : 0.015) * (edu ? 2.5 : 0.1),
                (urban ? 0.05 : 0.01) * (edu ? 2.0 : 0.3),
                port * 0.30 * (m ? 1.4 : 0.5),
                (0.02 + port * 0.06) * (m ? 1.7 : 0.2),
                f * 0.16 * (m ? 1.8 : 0.05),
                f * 0.035 * (m ? 1.9 : 0.05) * (urban ? 0.4 : 1),
                f * 0.07 * (urban ? 0.3 : 1),
                0.075,
                0.075,
                0.014 * (m ? 1.5 : 0.6),
                0.16,
                0.022 * (m ? 1.5 : 0.5),
                (urban ? 0.04 : 0.13) * (m ? 0.7 : 1.4),
                (urban ? 0.03 : 0.07) * (m ? 0.3 : 1.8),
                0.02};
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        double u = r.nextDouble() * sum;
        for (int i = 0; i < w.length; i++) {
            if ((u -= w[i]) < 0) {
                return L[i];
            }
        }
        return Livelihood.EMPLOYEE;
    }

    /** Migrant men crew fishing boats, work the port, in construction and tourism; women in tourism and services. */
    private Livelihood drawMigrant(boolean male) {
        double u = r.nextDouble();
        if (!male) {
            return u < 0.50 ? Livelihood.TOURISM_WORKER : u < 0.85 ? Livelihood.EMPLOYEE
                    : u < 0.92 ? Livelihood.INDIVIDUAL_BUSINESS : Livelihood.PLATFORM_WORKER;
        }
        return u < 0.40 ? Livelihood.FISHING_CREW : u < 0.66 ? Livelihood.PORT_WORKER : u < 0.76 ? Livelihood.TOURISM_WORKER
                : u < 0.93 ? Livelihood.EMPLOYEE : u < 0.97 ? Livelihood.PLATFORM_WORKER : Livelihood.INDIVIDUAL_BUSINESS;
    }

    /** Sets the job with its codes, level, formality and (for employees) employer; creates own businesses. */
    public void setJob(Person p, Livelihood job, int day) {
        if (p.employer != null) {
            p.employer.employees--;
            p.employer = null;
        }
        p.job = job;
        p.level = levelFactor(job.spread());
        if (!p.isMigrant()) {
            p.level *= world.county.urban(p.village) ? URBAN_PREMIUM : RURAL_DISCOUNT;
        }
        p.formal = false;
        p.housingFund = false;
        p.flexibleInsurance = false;
        p.industry = "";
        p.occupation = "";
        String[] ind = job.industries();
        if (ind.length > 0) {
            int k = r.nextInt(ind.length);
            if (job == Livelihood.TOURISM_WORKER) {
                double u = r.nextDouble();
                k = u < 0.35 ? 0 : u < 0.55 ? 1 : u < 0.85 ? 2 : u < 0.93 ? 3 : 4;
            }
            p.industry = ind[k];
            p.occupation = job.occupations()[k];
            if (job == Livelihood.PLATFORM_WORKER) {
                p.assetIndex = k;
            }
        }
        if (p.isMigrant()) {
            placeMigrant(p);
        }
        int township = world.county.townshipOf(p.village);
        switch (job) {
            case CIVIL_SERVANT, TEACHER, HEALTH_WORKER -> {
                p.formal = true;
                p.housingFund = true;
                if (p.education > 30) {
                    p.education = 30;
                }
            }
            case PORT_WORKER, SHIPPING_CREW -> {
                p.formal = r.nextDouble() < 0.95;
                p.housingFund = p.formal && r.nextDouble() < 0.85;
            }
            case EMPLOYEE -> {
                p.formal = r.nextDouble() < 0.75;
                p.housingFund = p.formal && r.nextDouble() < 0.45;
            }
            case TOURISM_WORKER -> {
                p.formal = r.nextDouble() < 0.5;
                p.housingFund = p.formal && r.nextDouble() < 0.2;
            }
            case SME_OWNER -> {
                p.formal = true;
                p.housingFund = r.nextDouble() < 0.5;
                Entity e = employers.create(Entity.Kind.ENTERPRISE, p.industry, p.village,
                        day - 365 * (1 + r.nextInt(15)) - r.nextInt(365), p);
                p.employer = e;
                e.employees = 1;
            }
            case INDIVIDUAL_BUSINESS -> {
                p.flexibleInsurance = r.nextDouble() < 0.5;
                Entity e = employers.create(Entity.Kind.INDIVIDUAL, p.industry, p.village,
                        day - 365 * r.nextInt(12) - r.nextInt(365), p);
                p.employer = e;
                e.employees = 1 + r.nextInt(3);
            }
            case FISHING_CREW, VESSEL_OWNER, MUSSEL_FARMER, PLATFORM_WORKER, BNB_OWNER -> p.flexibleInsurance = r.nextDouble() < 0.45;
            default -> {
            }
        }
        if (job.employed() && p.employer == null) {
            p.employer = employers.employerFor(p.industry, township, day);
            p.employer.employees++;
        }
    }

    /** Migrants live where their work is: port on 洋山, fishing on the fishing islands, others anywhere. */
    private void placeMigrant(Person p) {
        int t;
        switch (p.job) {
            case PORT_WORKER -> t = 2;
            case FISHING_CREW -> {
                double u = r.nextDouble();
                t = u < 0.35 ? 1 : u < 0.65 ? 5 : u < 0.85 ? 4 : 6;
            }
            case TOURISM_WORKER -> {
                double u = r.nextDouble();
                t = u < 0.4 ? 0 : u < 0.6 ? 5 : u < 0.75 ? 1 : u < 0.9 ? 3 : 6;
            }
            default -> t = r.nextDouble() < 0.7 ? 0 : r.nextInt(world.county.townships().size());
        }
        // Shengsi's township indices; another county's townships take the islands' profiles in turn (County)
        int[] vs = world.county.villagesOf(t % world.county.townships().size());
        int v = vs[r.nextInt(vs.length)];
        if (p.village != v) {
            p.village = v;
        }
        if (p.job == Livelihood.FISHING_CREW) {
            // away during the moratorium May–September
            p.seasonMonths = 0b1110_0000_1111;
        } else if (p.job == Livelihood.TOURISM_WORKER && r.nextDouble() < 0.45) {
            p.seasonMonths = r.nextBoolean() ? 0b0000_1111_0000 /* Jun–Sep */ : 0b0011_1111_1000 /* Apr–Oct */;
        }
    }

    private double levelFactor(double sigma) {
        if (sigma <= 0) {
            return 1;
        }
        return Math.exp(sigma * gaussian() - sigma * sigma / 2);
    }

    private double gaussian() {
        double u1 = Math.max(1e-12, r.nextDouble());
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** Pension entitlement of a person reaching retirement here. */
    public void pension(Person p) {
        boolean urban = world.county.urban(p.village);
        double u = r.nextDouble();
        if (urban) {
            if (u < 0.18) {
                set(p, 1, PENSION_PUBLIC * levelFactor(0.15));
            } else if (u < 0.86) {
                set(p, 2, PENSION_ENTERPRISE * levelFactor(0.25));
            } else {
                set(p, 3, PENSION_RESIDENT * levelFactor(0.1));
            }
        } else {
            if (u < 0.04) {
                set(p, 1, PENSION_PUBLIC * levelFactor(0.15));
            } else if (u < 0.28) {
                set(p, 2, PENSION_ENTERPRISE * levelFactor(0.25));
            } else if (u < 0.62) {
                set(p, 2, PENSION_FISHER * levelFactor(0.2));
            } else {
                set(p, 3, PENSION_RESIDENT * levelFactor(0.1));
            }
        }
    }

    private static void set(Person p, int type, double amount) {
        p.pensionType = type;
        p.pension = amount;
    }

    private void disability(Person p, int day) {
        int a = p.age(day);
        double prob = a < 18 ? 0.008 : a < 60 ? 0.022 : a < 75 ? 0.05 : 0.09;
        if (r.nextDouble() >= prob) {
            return;
        }
        double u = r.nextDouble();
        p.disabilityGrade = u < 0.15 ? 1 : u < 0.40 ? 2 : u < 0.70 ? 3 : 4;
        double c = r.nextDouble();
        p.disabilityCategory = c < 0.12 ? 1 : c < 0.27 ? 2 : c < 0.29 ? 3 : c < 0.74 ? 4 : c < 0.82 ? 5 : c < 0.94 ? 6 : 7;
        p.disabilityIssued = day - r.nextInt(365 * 15);
        if (p.disabilityGrade <= 2 && p.job.working() && !p.isMigrant()) {
            setJob(p, Livelihood.NONE, day);
        }
    }

    private void bnbs(int day) {
        int total = (int) Math.round(BNB_PER_76K * (double) world.targetRegistered / 76_000);
        var county = world.county;
        int nt = county.townships().size();
        for (int t = 0; t < nt; t++) {
            int count = (int) Math.round(total * county.island(t).bnbShare());
            int[] vs = county.villagesOf(t);
            java.util.List<Person> candidates = new java.util.ArrayList<>();
            for (Person p : world.persons) {
                if (p.residence == Residence.LOCAL && p.registered() && county.townshipOf(p.village) == t) {
                    int a = p.age(day);
                    if (a >= 32 && a <= 68 && !p.job.publicSector() && p.job != Livelihood.SME_OWNER
                            && p.job != Livelihood.VESSEL_OWNER && p.job != Livelihood.BNB_OWNER
                            && p.job != Livelihood.INDIVIDUAL_BUSINESS && p.disabilityGrade == 0) {
                        candidates.add(p);
                    }
                }
            }
            for (int i = 0; i < count && !candidates.isEmpty(); i++) {
                Person owner = candidates.remove(r.nextInt(candidates.size()));
                if (owner.spouse != null) {
                    candidates.remove(owner.spouse); // one B&B per couple
                }
                openBnb(owner, owner.village, day - r.nextInt(365 * 10));
            }
        }
    }

    /** Opens a B&amp;B run by {@code owner}, with its individual-business entity. */
    public Bnb openBnb(Person owner, int village, int founded) {
        double pension = owner.pension;
        int pType = owner.pensionType;
        setJob(owner, Livelihood.BNB_OWNER, founded);
        owner.pension = pension;
        owner.pensionType = pType;
        Entity e = employers.create(Entity.Kind.INDIVIDUAL, "6130", village, founded, owner);
        e.employees = 1 + r.nextInt(3);
        owner.employer = e;
        double u = r.nextDouble();
        int grade = u < 0.1 ? 0 : u < 0.3 ? 1 : 2;
        int rooms = grade == 0 ? 8 + r.nextInt(9) : grade == 1 ? 6 + r.nextInt(7) : 4 + r.nextInt(7);
        int beds = (int) Math.round(rooms * (1.6 + 0.4 * r.nextDouble()));
        String name = world.county.village(village).shortName().replace("社区", "").replace("村", "")
                + new String[]{"海居", "渔家", "望海", "听涛", "拾贝", "云栖", "海角", "蓝湾"}[r.nextInt(8)]
                + new String[]{"民宿", "小筑", "客栈", "山舍"}[r.nextInt(4)];
        Bnb b = new Bnb(world.bnbs.size(), String.format("SSMS%05d", world.bnbs.size() + 1), name, e, owner, village,
                rooms, beds, grade);
        owner.assetIndex = b.index;
        world.bnbs.add(b);
        return b;
    }

    private void vessels(int day) {
        java.util.List<Person> crewPool = new java.util.ArrayList<>();
        for (Person p : world.persons) {
            if (p.job == Livelihood.VESSEL_OWNER) {
                Vessel v = new Vessel(world.vessels.size(), String.format("浙嵊渔%05d", 10001 + world.vessels.size()), p,
                        (int) (60 + r.nextInt(380)), GEARS[r.nextInt(GEARS.length)], p.village);
                p.assetIndex = v.index;
                world.vessels.add(v);
            } else if (p.job == Livelihood.FISHING_CREW) {
                crewPool.add(p);
            }
        }
        if (world.vessels.isEmpty()) {
            return;
        }
        for (Person c : crewPool) {
            int t = world.county.townshipOf(c.village);
            Vessel chosen = null;
            for (int tries = 0; tries < 8; tries++) {
                Vessel v = world.vessels.get(r.nextInt(world.vessels.size()));
                if (world.county.townshipOf(v.village) == t || tries == 7) {
                    chosen = v;
                    break;
                }
            }
            chosen.crew.add(c);
            c.assetIndex = chosen.index;
        }
    }

    private void licences(int day) {
        for (Person p : world.persons) {
            if (p.job == Livelihood.MUSSEL_FARMER) {
                Licence l = new Licence(world.licences.size(), String.format("浙嵊海养证（%04d）第%05d号", 2015 + r.nextInt(8),
                        world.licences.size() + 1), p, 20 + r.nextInt(180) + r.nextInt(10) / 10.0,
                        SPECIES[r.nextInt(SPECIES.length)], p.village);
                p.assetIndex = l.index;
                world.licences.add(l);
            }
        }
    }

    private void properties(int day) {
        for (Household h : world.households) {
            Person owner = h.head;
            if (owner == null || r.nextDouble() > 0.88) {
                continue;
            }
            addProperty(owner, 60 + r.nextInt(90), "住宅", day - r.nextInt(365 * 25), h.village);
            if (r.nextDouble() < 0.14) {
                var second = addProperty(owner, 45 + r.nextInt(70), "住宅", day - r.nextInt(365 * 12), h.village);
                if (r.nextDouble() < 0.45) {
                    addRental(owner, second, day - r.nextInt(700), 1200 + r.nextInt(2300));
                }
            }
        }
        for (Bnb b : world.bnbs) {
            addProperty(b.owner, 120 + b.rooms * 25, "民宿", b.entity.founded, b.village);
        }
    }

    public Holdings.Property addProperty(Person owner, double area, String use, int day, int village) {
        var p = new Holdings.Property(world.nextPropertyId(village), owner, area, use, day, village);
        world.properties.add(p);
        return p;
    }

    /** A two-year rental contract at a monthly rent (2022 yuan). */
    public Holdings.Rental addRental(Person landlord, Holdings.Property property, int start, double rent) {
        var rt = new Holdings.Rental(world.nextRentalNo(), landlord, property, Math.round(rent * 100), start,
                start + 730 - 1, r.nextDouble() < 0.2);
        world.rentals.add(rt);
        return rt;
    }

    private void certificates(int day) {
        for (Person p : world.persons) {
            if (p.occupation.isEmpty() || p.job.publicSector() || p.job == Livelihood.SME_OWNER) {
                continue;
            }
            if (r.nextDouble() < 0.22) {
                int issued = day - 30 - r.nextInt(365 * 12);
                int level = certificateLevel();
                world.certificates.add(new Holdings.Certificate(world.nextCertificateNo(
                        java.time.LocalDate.ofEpochDay(issued).getYear()), p, p.occupation, level, issued));
                p.level *= 1 + (5 - level) * 0.04;
            }
        }
    }

    public int certificateLevel() {
        double u = r.nextDouble();
        return u < 0.02 ? 1 : u < 0.08 ? 2 : u < 0.30 ? 3 : u < 0.65 ? 4 : 5;
    }

    public SplittableRandom random() {
        return r;
    }
}
