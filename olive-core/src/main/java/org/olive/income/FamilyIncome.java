package org.olive.income;

import java.util.List;

/**
 * A family's income figures of a period (domain.md §4, §5), from its resident members' trailing-12-month DI.
 *
 * @param residents          resident members counted
 * @param disposable         family DI = the sum of the residents' DI
 * @param low                the sum of the residents' DI lower bounds
 * @param high               the sum of the residents' DI upper bounds
 * @param perCapita          DI / residents
 * @param threePerson        per-capita × the typical family size (3)
 * @param bracket1050        family in the 10–50万 bracket on the configured basis
 * @param bracket2060        family in the 20–60万 bracket on the configured basis
 * @param belowDibao         per-capita DI below the 低保 standard of the year
 * @param belowMarginal      per-capita DI below the 低边 line of the year
 * @param medicalOop         out-of-pocket medical cost of the residents over the 12 months (rigid expenditure)
 * @param afterRigidMonthly  (DI − rigid expenditure) / residents / 12
 * @param doubleLine         the assistance double-line status of afterRigidMonthly against the minimum wage
 */
public record FamilyIncome(int residents, double disposable, double low, double high, double perCapita,
                           double threePerson, boolean bracket1050, boolean bracket2060, boolean belowDibao,
                           boolean belowMarginal, double medicalOop, double afterRigidMonthly, DoubleLine doubleLine) {

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

    /**
     * The figures of a family.
     *
     * @param residents  its resident members (at least one)
     * @param medicalOop out-of-pocket medical cost of those residents over the window (≥ 0)
     * @param year       the calendar year whose lines apply (the period's year)
     */
    public static FamilyIncome of(List<Member> residents, double medicalOop, int year, FamilyIncomeRules rules) {
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
        double basis = rules.basis() == BracketBasis.PER_CAPITA_TIMES_3 ? three : di;
        IncomeLines lines = rules.lines();
        double afterRigid = (di - medicalOop) / n / 12;
        double wage = lines.minimumWageMonthly();
        DoubleLine dl = afterRigid < lines.safetyNetShare() * wage ? DoubleLine.SAFETY_NET
                : afterRigid < lines.assistShare() * wage ? DoubleLine.ASSIST : DoubleLine.NONE;
        return new FamilyIncome(n, di, low, high, perCapita, three,
                basis >= rules.lower1050() && basis < rules.upper1050(),
                basis >= rules.lower2060() && basis < rules.upper2060(),
                perCapita < lines.dibao(year), perCapita < lines.marginal(year), medicalOop, afterRigid, dl);
    }
}
