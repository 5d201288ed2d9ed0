package org.olive.synth.history;

import java.util.SplittableRandom;
import org.olive.synth.family.FamilyIndex;
import org.olive.synth.income.Economy;
import org.olive.synth.population.Person;
import org.olive.synth.population.Residence;
import org.olive.synth.world.Assistance;
import org.olive.synth.world.World;

/**
 * The monthly means test of civil affairs (民政), on resident registered families' per-capita income without
 * assistance (trailing 12 months, annualised during the first warm-up months):
 * <ul>
 *   <li>below the 低保 standard: a lone person of 60+ or with grade 1–2 disability gets 特困 support of
 *       {@value #TEKUN_FACTOR} × the standard; others get 低保, the gap to the standard with at least
 *       {@value #DIBAO_MIN_SHARE} of it, if they apply (take-up {@value #TAKE_UP_DIBAO});</li>
 *   <li>below twice the standard with a severely disabled, seriously ill or all-elderly family: 低边, an
 *       allowance of {@value #DIBIAN_SHARE} of the standard (take-up {@value #TAKE_UP_DIBIAN});</li>
 *   <li>a serious illness in a family below twice the standard: one-off 临时救助 of {@value #TEMPORARY}; where
 *       the expected out-of-pocket cost is more than half the per-capita income (below three times the
 *       standard): one-off 支出型救助 of {@value #EXPENDITURE_SHARE} of that cost;</li>
 * </ul>
 * A spell ends when the family's income passes {@value #EXIT_MARGIN} × its line. The policy payments of the 一卡通
 * (高龄津贴, 残疾人两项补贴, 独生子女奖扶, 育儿补贴 …; {@code history.Subsidies}) are not counted as family income in
 * the means test (民政部《最低生活保障审核确认办法》2021, 第十二条: 高龄津贴、残疾人两项补贴、计划生育奖励与扶助金 …
 * 不计入家庭收入), so paying them does not take a family's assistance away.
 */
public final class AssistanceReview {

    public static final double TEKUN_FACTOR = 1.3, DIBAO_MIN_SHARE = 0.25, DIBIAN_SHARE = 0.15;
    public static final double TAKE_UP_DIBAO = 0.7, TAKE_UP_DIBIAN = 0.5, EXIT_MARGIN = 1.1;
    public static final double TEMPORARY = 5000;
    /** 支出型救助: share of the expected out-of-pocket cost of a serious illness paid once, for families below
     * three times the standard whose expected out-of-pocket cost exceeds half their per-capita income. */
    public static final double EXPENDITURE_SHARE = 0.4;

    private final World world;
    private final SplittableRandom r;
    private Assistance[] activeByPerson = new Assistance[0];

    public AssistanceReview(World world) {
        this.world = world;
        this.r = world.stream(29);
    }

    private Assistance active(int i) {
        return i < activeByPerson.length ? activeByPerson[i] : null;
    }

    private void setActive(int i, Assistance a) {
        if (i >= activeByPerson.length) {
            activeByPerson = java.util.Arrays.copyOf(activeByPerson, Math.max(i + 1, activeByPerson.length * 5 / 4 + 64));
        }
        activeByPerson[i] = a;
    }

    public void month(FamilyIndex fam) {
        int n = world.persons.size();
        int first = world.today();
        int last = world.lastDay();
        double standard = Economy.dibao(world.period.year());
        double annualise = world.monthIndex < 11 ? 12.0 / (world.monthIndex + 1) : 1;
        double g = Economy.growth(world.period);
        // family-level features, indexed by anchor
        long[] assistanceTrailing = new long[n];
        long[] policyTrailing = new long[n];
        boolean[] severe = new boolean[n];
        boolean[] young = new boolean[n];
        boolean[] hasChild = new boolean[n];
        for (int i = 0; i < n; i++) {
            Person c = world.persons.get(i);
            if (c.alive() && c.residence != Residence.GONE) {
                if (c.father != null && c.father.index < n) {
                    hasChild[c.father.index] = true;
                }
                if (c.mother != null && c.mother.index < n) {
                    hasChild[c.mother.index] = true;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            int a = fam.anchor[i];
            if (a < 0 || !fam.resident[i]) {
                continue;
            }
            Person p = world.persons.get(i);
            Assistance s = active(i);
            if (s != null) {
                assistanceTrailing[a] += s.monthlyCents * 12;
            }
            policyTrailing[a] += p.trailingSubsidies();
            if (p.disabilityGrade == 1 || p.disabilityGrade == 2 || p.illnessMonths > 0) {
                severe[a] = true;
            }
            if (p.age(first) < 70) {
                young[a] = true;
            }
        }
        // members of each family, as linked lists in person order
        int[] head = new int[n];
        int[] next = new int[n];
        java.util.Arrays.fill(head, -1);
        for (int i = n - 1; i >= 0; i--) {
            int a = fam.anchor[i];
            if (a >= 0) {
                next[i] = head[a];
                head[a] = i;
            }
        }
        for (int i = 0; i < n; i++) {
            int a = fam.anchor[i];
            if (a != i || fam.familyResidents[a] == 0) {
                continue;
            }
            Person anchor = world.persons.get(i);
            if (!anchor.registered()) {
                continue;
            }
            int members = fam.familyResidents[a];
            double pc = (fam.familyIncome[a] - assistanceTrailing[a] - policyTrailing[a]) / 100.0 * annualise / members;
            String type = null;
            double monthly = 0;
            if (pc < standard) {
                // 特困: alone, old or severely disabled, and without children who could support them
                boolean lone = members == 1 && (anchor.age(first) >= 60 || anchor.disabilityGrade == 1
                        || anchor.disabilityGrade == 2) && !hasChild[a] && !anchor.childrenElsewhere;
                type = lone ? "特困" : "低保";
                monthly = lone ? TEKUN_FACTOR * standard / 12 : Math.max(DIBAO_MIN_SHARE * standard, standard - pc) / 12;
            } else if (pc < 2 * standard && (severe[a] || !young[a])) {
                type = "低边";
                monthly = DIBIAN_SHARE * standard / 12;
            }
            double takeUp = "低边".equals(type) ? TAKE_UP_DIBIAN : TAKE_UP_DIBAO;
            boolean applies = type != null && ((anchor.index * 0x9E3779B9L + 7) & 1023) / 1024.0 < takeUp;
            double line = "低边".equals(type) ? 2 * standard : standard;
            for (int j = head[a]; j >= 0; j = next[j]) {
                if (!fam.resident[j]) {
                    continue;
                }
                Person m = world.persons.get(j);
                if (!m.registered()) {
                    continue;
                }
                Assistance cur = active(j);
                if (cur != null) {
                    boolean exit = pc > EXIT_MARGIN * line || type == null || !type.equals(cur.type);
                    if (exit) {
                        cur.end = last;
                        setActive(j, null);
                        cur = null;
                    } else if (world.period.monthValue() == 1) {
                        cur.monthlyCents = Math.round(monthly * 100);
                    }
                }
                if (cur == null && applies && type != null) {
                    Assistance s = new Assistance(m, "JZ" + anchor.index, type, Math.round(monthly * 100), last + 1);
                    world.assistance.add(s);
                    setActive(j, s);
                }
            }
        }
        for (Person p : world.events.illnesses) {
            if (p.index >= n || fam.anchor[p.index] < 0 || !p.registered()) {
                continue;
            }
            long pcCents = fam.perCapita(p.index);
            int fa = fam.anchor[p.index];
            if (pcCents >= 0 && fam.familyResidents[fa] > 0) {
                pcCents = Math.max(0, pcCents - policyTrailing[fa] / fam.familyResidents[fa]);
            }
            double pcYuan = pcCents / 100.0 * annualise;
            long expectedOop = p.illnessCostPerMonth * Math.max(1, p.illnessMonths + 1) * 3 / 10;
            boolean expenditure = pcCents >= 0 && pcYuan < 3 * standard && expectedOop / 100.0 > 0.5 * Math.max(1, pcYuan);
            if (expenditure || (pcCents >= 0 && pcYuan < 2 * standard && r.nextDouble() < 0.6)) {
                long amount = expenditure ? Math.round(EXPENDITURE_SHARE * expectedOop) : Math.round(TEMPORARY * g * 100);
                Assistance s = new Assistance(p, "JZ" + fam.anchor[p.index], expenditure ? "支出型救助" : "临时救助", amount, first);
                s.end = last;
                world.assistance.add(s);
                p.mAssistance += s.monthlyCents;
                p.book(world.slot(), Person.TRANSFER_IN, s.monthlyCents);
            }
        }
    }
}
