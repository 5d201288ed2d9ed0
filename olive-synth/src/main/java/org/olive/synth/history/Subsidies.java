package org.olive.synth.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.olive.synth.SubsidyOptions;
import org.olive.synth.family.Families;
import org.olive.synth.family.FamilyIndex;
import org.olive.synth.income.Economy;
import org.olive.synth.livelihood.Entity;
import org.olive.synth.livelihood.Holdings;
import org.olive.synth.population.Person;
import org.olive.synth.world.Assistance;
import org.olive.synth.world.World;

/**
 * The policies of the built-in policies.yaml paid month by month through the 惠民惠农财政补贴"一卡通", by the library's
 * own eligibility rules applied to the world's truth (ages, disabilities, certificates, businesses, graduations,
 * families, assistance), with the imperfections real payments have ({@link SubsidyOptions}): a take-up below 100 %
 * that differs by policy, a delay of 0–2 months for a new eligible, payments that go on after a recipient stops being
 * eligible, and payments to near-eligible people. Each month it keeps who was truly eligible ({@link #eligible()})
 * and what was paid ({@link #payments()}), and books the payments as the payee's transfer income, so that the truth
 * incomes count them (domain.md §4: policy payments are transfer income).
 *
 * <p>The policies and the simulated rule of each (amounts in the policies.yaml parameters of 2023):
 * <ul>
 *   <li>OLD_AGE_ALLOWANCE (monthly): registered, 80 or over: 100 / 200 (90+) / 500 (100+) yuan a month;</li>
 *   <li>DISABLED_CARE (monthly): registered, disability grade 1–2: the monthly 低保 standard × 0.5 / 0.3;</li>
 *   <li>DISABLED_LIVING (monthly): disabled, in a family with an open 低保, 低边 or 特困 spell: × 0.3;</li>
 *   <li>ONE_CHILD (monthly): a registered rural head or spouse of 60+ whose family has exactly one child: 100;</li>
 *   <li>CHILDCARE (yearly, 3,600): under 3 — until 2024 only in families with two or more children, from 2025 all;</li>
 *   <li>STARTUP_LOAN_INTEREST (yearly, 3,500): the operator of an open 个体工商户 (B&amp;Bs included) opened within
 *       36 months;</li>
 *   <li>GRADUATE_EMPLOYMENT (once, 5,000): a college graduate of the last 24 months, not studying, employed by an
 *       enterprise or individual business;</li>
 *   <li>SKILL_BONUS (once, 1,000 / 1,500 / 2,000 by level 5 / 4 / 3 and above): a certificate of the last 12 months
 *       held by a formal (insured) employee. From the month after the payment the recipient's wage rises by
 *       6–8 % ({@link Person#wageRaise}, applied in {@code income.IncomeModel}, so social insurance and IIT show it);
 *       the gain in net pay against the same person without the rise is the policy's true effect
 *       ({@link #effects()}).</li>
 * </ul>
 * DIBAO is paid through the assistance register (民政), not here; DIBIAN_AID (a yearly share of a 低边 family's
 * medical and school costs) is not simulated yet. Every draw is a fixed hash of the seed, the person and the policy, so
 * the payments are deterministic and adding the policies changed no other stream.
 */
public final class Subsidies {

    /** The policies paid, with their 一卡通 item codes and names and paying departments (Catalog.SUBSIDY_PAYMENT). */
    public enum Policy {
        OLD_AGE_ALLOWANCE("MZ0301", "高龄津贴", "县民政局", Frequency.MONTHLY),
        DISABLED_LIVING("CL0101", "困难残疾人生活补贴", "县残联", Frequency.MONTHLY),
        DISABLED_CARE("CL0102", "重度残疾人护理补贴", "县残联", Frequency.MONTHLY),
        ONE_CHILD("WJ0101", "独生子女家庭奖励扶助", "县卫生健康局", Frequency.MONTHLY),
        CHILDCARE("WJ0201", "育儿补贴", "县卫生健康局", Frequency.YEARLY),
        STARTUP_LOAN_INTEREST("RS0501", "创业担保贷款贴息", "县人力社保局", Frequency.YEARLY),
        GRADUATE_EMPLOYMENT("RS0401", "高校毕业生就业补贴", "县人力社保局", Frequency.ONCE),
        SKILL_BONUS("RS0302", "技能提升补贴", "县人力社保局", Frequency.ONCE);

        public final String itemCode;
        public final String nameZh;
        public final String department;
        public final Frequency frequency;

        Policy(String itemCode, String nameZh, String department, Frequency frequency) {
            this.itemCode = itemCode;
            this.nameZh = nameZh;
            this.department = department;
            this.frequency = frequency;
        }
    }

    public enum Frequency { MONTHLY, YEARLY, ONCE }

    /** One payment of the month: payee, policy, amount (cents), day paid, and whether the payee was truly eligible. */
    public record Payment(Person person, Policy policy, long cents, int paidDay, boolean eligible) {
    }

    /** One truly eligible person of the month, with the amount due at the policy's frequency (cents). */
    public record Entitlement(Person person, Policy policy, long cents) {
    }

    /**
     * One skill-bonus recipient whose wage rose: the payment's month (index since the warm-up's start), the family
     * the recipient was in then, and the net-pay gains of the months after it (cents; 12 once followed a year).
     */
    public static final class Treated {
        public final Person person;
        public final int paidMonth;
        public final String paidPeriod;
        public final String familyId;
        public final long[] gains = new long[12];
        public int months;

        Treated(Person person, int paidMonth, String paidPeriod, String familyId) {
            this.person = person;
            this.paidMonth = paidMonth;
            this.paidPeriod = paidPeriod;
            this.familyId = familyId;
        }

        /** The gain over the months followed, cents. */
        public long total() {
            long s = 0;
            for (long g : gains) {
                s += g;
            }
            return s;
        }
    }

    private static final int POLICIES = Policy.values().length;
    private final World world;
    private final SubsidyOptions o;
    /** Per policy and person: the month index the current eligibility began (-1 none), months of overpayment left. */
    private int[][] since = new int[POLICIES][0];
    private int[][] lag = new int[POLICIES][0];
    /** Per policy and person: the month index last paid (-1 never), its amount. */
    private int[][] lastPaid = new int[POLICIES][0];
    private long[][] lastCents = new long[POLICIES][0];
    /** Latest skill certificate of each person: issue day and level (-1 none). */
    private int[] certDay = new int[0];
    private int[] certLevel = new int[0];
    private int certificatesSeen;
    private int[] anchor = new int[0];
    private int[] children = new int[0];
    private boolean[] assisted = new boolean[0];
    /** Operators of an open individual business opened within 36 months (the register's founding date). */
    private final java.util.BitSet startup = new java.util.BitSet();
    private final List<Payment> payments = new ArrayList<>();
    private final List<Entitlement> eligible = new ArrayList<>();
    private final List<Treated> treated = new ArrayList<>();

    public Subsidies(World world, SubsidyOptions options) {
        this.world = world;
        this.o = options;
    }

    /** This month's payments, in person order then policy order. */
    public List<Payment> payments() {
        return payments;
    }

    /** This month's truly eligible persons. */
    public List<Entitlement> eligible() {
        return eligible;
    }

    /** The skill-bonus recipients whose wage rose, in payment order. */
    public List<Treated> effects() {
        return treated;
    }

    /**
     * Decides the month's eligibility and payments and books them; runs after the income model (which clears the
     * month's slot and pays the wages, with the rises of earlier bonuses) and before the families of the month are
     * computed. A family's state (its children, its assistance) is the one at the start of the month.
     */
    public void month() {
        int n = world.persons.size();
        grow(n);
        payments.clear();
        eligible.clear();
        int first = world.today();
        int last = world.lastDay();
        int m = world.monthIndex;
        int slot = world.slot();
        families(n, last);
        certificates();
        follow(m);
        double line = Economy.dibao(world.period.year());
        long[] due = new long[POLICIES];
        boolean[] near = new boolean[POLICIES];
        for (int i = 0; i < n; i++) {
            Person p = world.persons.get(i);
            Arrays.fill(due, 0);
            Arrays.fill(near, false);
            if (FamilyIndex.relevant(p, last)) {
                rules(p, i, first, last, line, due, near);
            }
            for (Policy pol : Policy.values()) {
                decide(p, pol, due[pol.ordinal()], near[pol.ordinal()], m, first, slot);
            }
        }
    }

    /** The library's rules on the person's true state: the amount due per policy (0 when not eligible). */
    private void rules(Person p, int i, int first, int last, double line, long[] due, boolean[] near) {
        int age = p.age(last);
        boolean registered = p.registered();
        if (registered && age >= 80) {
            due[Policy.OLD_AGE_ALLOWANCE.ordinal()] = age >= 100 ? 50_000 : age >= 90 ? 20_000 : 10_000;
        } else if (registered && age == 79) {
            near[Policy.OLD_AGE_ALLOWANCE.ordinal()] = true;
        }
        if (registered && (p.disabilityGrade == 1 || p.disabilityGrade == 2) && p.disabilityIssued <= last) {
            due[Policy.DISABLED_CARE.ordinal()] = Math.round(line / 12 * (p.disabilityGrade == 1 ? 0.5 : 0.3) * 100);
        }
        int a = anchor[i];
        if (p.disabilityGrade > 0 && p.disabilityIssued <= last && a >= 0 && assisted[a]) {
            due[Policy.DISABLED_LIVING.ordinal()] = Math.round(line / 12 * 0.3 * 100);
        }
        if (registered && age >= 60 && a >= 0 && !world.county.urban(p.village) && children[a] == 1) {
            String role = Families.role(world.persons.get(a), p);
            if (role.equals("head") || role.equals("spouse")) {
                due[Policy.ONE_CHILD.ordinal()] = 10_000;
            }
        }
        if (age < 3 && (world.period.year() >= 2025 || (a >= 0 && children[a] >= 2))) {
            due[Policy.CHILDCARE.ordinal()] = 360_000;
        }
        if (startup.get(i)) {
            due[Policy.STARTUP_LOAN_INTEREST.ordinal()] = 350_000;
        }
        if (!p.graduationStatus.isEmpty() && p.schoolLevel < 0 && p.graduatedDay <= last
                && monthsBetween(p.graduatedDay, last) < 24 && p.job.working() && p.employer != null) {
            if (p.employer.kind == Entity.Kind.ENTERPRISE || p.employer.kind == Entity.Kind.INDIVIDUAL) {
                due[Policy.GRADUATE_EMPLOYMENT.ordinal()] = 500_000;
            } else {
                near[Policy.GRADUATE_EMPLOYMENT.ordinal()] = true;
            }
        }
        if (certDay[i] >= 0 && certDay[i] <= last && monthsBetween(certDay[i], last) < 12) {
            if (p.formal && p.job.employed() && p.employer != null) {
                int level = certLevel[i];
                due[Policy.SKILL_BONUS.ordinal()] = level <= 3 ? 200_000 : level == 4 ? 150_000 : 100_000;
            } else {
                near[Policy.SKILL_BONUS.ordinal()] = true;
            }
        }
    }

    /** Whole months from a day to the month of another (the rules' months_open, cert_latest_months). */
    private static int monthsBetween(int fromDay, int toDay) {
        java.time.LocalDate a = java.time.LocalDate.ofEpochDay(fromDay);
        java.time.LocalDate b = java.time.LocalDate.ofEpochDay(toDay);
        return (b.getYear() - a.getYear()) * 12 + b.getMonthValue() - a.getMonthValue();
    }

    /** Eligibility, take-up, delay and overpayment of one person and policy this month. */
    private void decide(Person p, Policy pol, long cents, boolean nearEligible, int m, int first, int slot) {
        int k = pol.ordinal();
        int i = p.index;
        if (cents > 0) {
            eligible.add(new Entitlement(p, pol, cents));
            if (since[k][i] < 0) {
                since[k][i] = m;
            }
            lag[k][i] = 0;
            boolean takes = draw(p, k, 1) < o.takeUp(pol.name());
            int delay = (int) (draw(p, k, 2) * (o.maxDelayMonths() + 1));
            if (takes && m >= since[k][i] + delay && due(pol, k, i, m)) {
                pay(p, pol, cents, first, slot, m, true);
            }
            return;
        }
        boolean wasPaid = lastPaid[k][i] == m - 1 && since[k][i] >= 0;
        since[k][i] = -1;
        if (pol.frequency == Frequency.MONTHLY && wasPaid && lag[k][i] == 0
                && draw(p, k, 3 + m) < o.stopLagShare()) {
            // the department learns late that the recipient died, left or lost the condition
            lag[k][i] = 1 + (int) (draw(p, k, 4 + m) * 3);
        }
        if (lag[k][i] > 0) {
            lag[k][i]--;
            pay(p, pol, lastCents[k][i], first, slot, m, false);
            return;
        }
        if (nearEligible && p.alive() && lastPaid[k][i] < 0 && draw(p, k, 5 + 7L * m) < o.wrongPersonShare()) {
            long amount = switch (pol) {
                case OLD_AGE_ALLOWANCE -> 10_000;
                case GRADUATE_EMPLOYMENT -> 500_000;
                default -> 100_000;
            };
            pay(p, pol, amount, first, slot, m, false);
        }
    }

    /** Whether a payment falls due this month: every month, once a year from the first, or once. */
    private boolean due(Policy pol, int k, int i, int m) {
        int lp = lastPaid[k][i];
        return switch (pol.frequency) {
            case MONTHLY -> true;
            case YEARLY -> lp < 0 || m - lp >= 12;
            case ONCE -> lp < 0;
        };
    }

    private void pay(Person p, Policy pol, long cents, int first, int slot, int m, boolean truly) {
        int k = pol.ordinal();
        lastPaid[k][p.index] = m;
        lastCents[k][p.index] = cents;
        // the 一卡通 pays on a working day around the 10th–20th
        int day = first + 9 + (int) (draw(p, k, 6 + m) * 10);
        payments.add(new Payment(p, pol, cents, day, truly));
        p.mSubsidy += cents;
        p.book(slot, Person.TRANSFER_IN, cents);
        if (pol == Policy.SKILL_BONUS && truly && p.wageRaise == 1) {
            double u = draw(p, k, 7);
            p.wageRaise = 1 + o.skillRaiseMin() + u * (o.skillRaiseMax() - o.skillRaiseMin());
            if (p.wageRaise != 1) {
                treated.add(new Treated(p, m, world.period.toString(),
                        Families.familyId(Families.anchor(p))));
            }
        }
    }

    /** Adds the month's net-pay gain of each recipient still within 12 months of the payment. */
    private void follow(int m) {
        for (Treated t : treated) {
            int after = m - t.paidMonth;
            if (after >= 1 && after <= 12) {
                t.gains[after - 1] = t.person.mRaiseGain;
                t.months = after;
            }
        }
    }

    /** The families at the start of the month: anchors, child members, and whether any member has assistance. */
    private void families(int n, int last) {
        if (anchor.length < n) {
            anchor = new int[Math.max(n, anchor.length * 5 / 4 + 16)];
            children = new int[anchor.length];
            assisted = new boolean[anchor.length];
        }
        Arrays.fill(anchor, 0, n, -1);
        Arrays.fill(children, 0, n, 0);
        Arrays.fill(assisted, 0, n, false);
        for (int i = 0; i < n; i++) {
            Person p = world.persons.get(i);
            if (FamilyIndex.relevant(p, last)) {
                anchor[i] = Families.anchor(p).index;
            }
        }
        for (int i = 0; i < n; i++) {
            int a = anchor[i];
            if (a >= 0 && Families.role(world.persons.get(a), world.persons.get(i)).equals("child")) {
                children[a]++;
            }
        }
        startup.clear();
        for (Entity e : world.entities) {
            if (e.operator != null && e.kind == Entity.Kind.INDIVIDUAL && e.open() && e.founded <= last
                    && monthsBetween(e.founded, last) < 36) {
                startup.set(e.operator.index);
            }
        }
        int first = world.today();
        for (Assistance s : world.assistance) {
            if (s.start > last || (s.end >= 0 && s.end < first)) {
                continue;
            }
            if (s.type.equals("低保") || s.type.equals("低边") || s.type.equals("特困")) {
                int a = s.person.index < n ? anchor[s.person.index] : -1;
                if (a >= 0) {
                    assisted[a] = true;
                }
            }
        }
    }

    /** The latest certificate of each holder, from the register's new certificates. */
    private void certificates() {
        List<Holdings.Certificate> all = world.certificates;
        for (int j = certificatesSeen; j < all.size(); j++) {
            Holdings.Certificate c = all.get(j);
            int i = c.holder().index;
            if (c.issued() >= certDay[i]) {
                certDay[i] = c.issued();
                certLevel[i] = c.level();
            }
        }
        certificatesSeen = all.size();
    }

    private void grow(int n) {
        if (certDay.length >= n) {
            return;
        }
        int cap = Math.max(n, certDay.length * 5 / 4 + 16);
        int old = certDay.length;
        for (int k = 0; k < POLICIES; k++) {
            since[k] = Arrays.copyOf(since[k], cap);
            lag[k] = Arrays.copyOf(lag[k], cap);
            lastPaid[k] = Arrays.copyOf(lastPaid[k], cap);
            lastCents[k] = Arrays.copyOf(lastCents[k], cap);
            Arrays.fill(since[k], old, cap, -1);
            Arrays.fill(lastPaid[k], old, cap, -1);
        }
        certDay = Arrays.copyOf(certDay, cap);
        certLevel = Arrays.copyOf(certLevel, cap);
        Arrays.fill(certDay, old, cap, -1);
    }

    /** A fixed draw in [0, 1) per seed, person, policy and purpose. */
    private double draw(Person p, int policy, long purpose) {
        long h = world.seed * 0x9E3779B97F4A7C15L ^ (p.index * 0xC2B2AE3D27D4EB4FL) ^ ((policy + 1) * 0x165667B19E3779F9L)
                ^ (purpose * 0xD6E8FEB86659FD93L);
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        h *= 0x94D049BB133111EBL;
        h ^= h >>> 32;
        return (h >>> 11) / (double) (1L << 53);
    }

}
