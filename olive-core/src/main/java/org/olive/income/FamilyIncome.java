package org.olive.income;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A family's income figures of a period (domain.md §4, §5), from its resident members' trailing-12-month DI, and its
 * flags: the brackets it is in and the lines it is below (family_flag rows).
 *
 * @param residents          resident members counted
 * @param disposable         family DI = the sum of the residents' DI
 * @param low                the sum of the residents' DI lower bounds
 * @param high               the sum of the residents' DI upper bounds
 * @param perCapita          DI / residents
 * @param threePerson        per-capita × the typical family size (3)
 * @param medicalOop         out-of-pocket medical cost of the residents over the 12 months (rigid expenditure)
 * @param educationExpense   education fees (学杂费) the family's members paid over the 12 months (rigid expenditure)
 * @param afterRigidMonthly  (DI − rigid expenditure) / residents / 12, rigid expenditure = medicalOop +
 *                           educationExpense
 * @param doubleLine         the assistance double-line status of afterRigidMonthly against the minimum wage
 * @param flags              the brackets valid at the period that hold the family, in the profile's order, then the
 *                           lines it is below: 低保, 低边, 特困 (per-capita DI), assist and safety_net (the double line)
 */
public record FamilyIncome(int residents, double disposable, double low, double high, double perCapita,
                           double threePerson, double medicalOop, double educationExpense, double afterRigidMonthly,
                           DoubleLine doubleLine,
                           List<FamilyFlag> flags) {

    public FamilyIncome {
        flags = List.copyOf(flags);
    }

    /** One resident member's DI and its interval. */
    public record Member(double disposable, double low, double high) {

        public Member {
            if (!(low <= disposable && disposable <= high)) {
                throw new IllegalArgumentException("expected low <= DI <= high, found " + low + ", " + disposable + ", " + high);
            }
        }

        public static Member precise(double disposable) {
            return new Member(disposable, disposable, disposable);
        }
    }

    /** Whether the family has the flag of that kind and id. */
    public boolean has(FlagKind kind, String id) {
        return flags.stream().anyMatch(f -> f.kind() == kind && f.id().equals(id));
    }

    /** Whether the family is in the bracket of that id. */
    public boolean inBracket(String id) {
        return has(FlagKind.BRACKET, id);
    }

    /** Whether the family is below the line of that id ({@link LinesAt#DIBAO} …). */
    public boolean below(String line) {
        return has(FlagKind.LINE, line);
    }

    /**
     * The figures of a family.
     *
     * @param residents  its resident members (at least one)
     * @param medicalOop out-of-pocket medical cost of those residents over the window (≥ 0)
     * @param area       where it lives (the lines of its area apply)
     * @param rules      the rules at the period
     */
    public static FamilyIncome of(List<Member> residents, double medicalOop, FamilyArea area, IncomeRulesAt rules) {
        return of(residents, medicalOop, 0, area, rules);
    }

    /**
     * The figures of a family whose rigid expenditure is medical out-of-pocket plus education (刚性支出).
     *
     * @param residents        its resident members (at least one)
     * @param medicalOop       out-of-pocket medical cost of those residents over the window (≥ 0)
     * @param educationExpense education fees the family's members paid over the window (≥ 0)
     * @param area             where it lives (the lines of its area apply)
     * @param rules            the rules at the period
     */
    public static FamilyIncome of(List<Member> residents, double medicalOop, double educationExpense, FamilyArea area,
                                  IncomeRulesAt rules) {
        if (!(educationExpense >= 0)) {
            throw new IllegalArgumentException("education expenditure must not be negative, found " + educationExpense);
        }
        if (residents.isEmpty()) {
            throw new IllegalArgumentException("a family's income needs at least one resident member");
        }
        if (!(medicalOop >= 0)) {
            throw new IllegalArgumentException("medical out-of-pocket cost must not be negative, found " + medicalOop);
        }
        double di = 0;
        double low = 0;
        double high = 0;
        for (Member m : residents) {
            di += m.disposable();
            low += m.low();
            high += m.high();
        }
        int n = residents.size();
        double perCapita = di / n;
        double three = perCapita * rules.typicalSize();
        List<FamilyFlag> flags = new ArrayList<>();
        for (Bracket b : rules.brackets()) {
            double figure = b.figure(perCapita, di, rules.typicalSize());
            if (b.contains(figure)) {
                flags.add(new FamilyFlag(FlagKind.BRACKET, b.id(), (b.basis() == BracketBasis.PER_CAPITA_TIMES_3
                        ? "per capita × " + rules.typicalSize() : "family DI") + " " + money(figure) + " in ["
                        + Bracket.plain(b.lower()) + ", " + Bracket.plain(b.upper()) + ")"));
            }
        }
        LinesAt lines = rules.lines();
        below(flags, LinesAt.DIBAO, perCapita, lines.dibao(area));
        below(flags, LinesAt.DIBIAN, perCapita, lines.dibian(area));
        if (lines.hasTekun()) {
            below(flags, LinesAt.TEKUN, perCapita, lines.tekun(area));
        }
        double afterRigid = (di - medicalOop - educationExpense) / n / 12;
        LinesAt.Amount wage = lines.minimumWage(area);
        double w = wage.amount();
        DoubleLine dl = afterRigid < lines.safetyNetShare() * w ? DoubleLine.SAFETY_NET
                : afterRigid < lines.assistShare() * w ? DoubleLine.ASSIST : DoubleLine.NONE;
        if (dl != DoubleLine.NONE) {
            flags.add(new FamilyFlag(FlagKind.LINE, LinesAt.ASSIST, "monthly after rigid expenditure " + money(afterRigid)
                    + " < " + share(lines.assistShare()) + " × minimum wage " + money(w) + " (" + wage.keys() + ")"));
        }
        if (dl == DoubleLine.SAFETY_NET) {
            flags.add(new FamilyFlag(FlagKind.LINE, LinesAt.SAFETY_NET, "monthly after rigid expenditure "
                    + money(afterRigid) + " < " + share(lines.safetyNetShare()) + " × minimum wage " + money(w) + " ("
                    + wage.keys() + ")"));
        }
        return new FamilyIncome(n, di, low, high, perCapita, three, medicalOop, educationExpense, afterRigid, dl, flags);
    }

    private static void below(List<FamilyFlag> flags, String id, double perCapita, LinesAt.Amount line) {
        if (perCapita < line.amount()) {
            flags.add(new FamilyFlag(FlagKind.LINE, id, "per capita " + money(perCapita) + " < " + money(line.amount())
                    + " (" + line.keys() + ")"));
        }
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String share(double v) {
        return Bracket.plain(v);
    }
}
