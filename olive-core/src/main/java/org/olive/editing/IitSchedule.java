package org.olive.editing;

import java.util.List;

/**
 * The IIT schedule of comprehensive income (综合所得) under cumulative withholding (累计预扣法): each month the employer
 * withholds the annual schedule's tax on the cumulative taxable income of the year (income less the basic deduction
 * per month and the personal contributions) less the tax withheld so far. The brackets come from the settings.
 *
 * <p>Because the schedule is convex and zero at zero, one month's withholding lies between
 * {@link #monthLow(double, int, double)} and {@link #monthHigh(double)} whatever the earlier months were (the low
 * bound allows the year's earlier months to have left up to one basic deduction each unused).
 *
 * @param monthlyDeduction basic deduction per month (5,000 since 2018)
 * @param brackets         upper limit of annual taxable income, rate and quick deduction, in ascending order
 */
public record IitSchedule(double monthlyDeduction, List<Bracket> brackets) {

    /** One bracket: annual taxable income up to {@code upTo} is taxed at {@code rate} less {@code quickDeduction}. */
    public record Bracket(double upTo, double rate, double quickDeduction) {
    }

    public IitSchedule {
        if (brackets.isEmpty()) {
            throw new IllegalArgumentException("the IIT schedule needs at least one bracket");
        }
        for (int i = 1; i < brackets.size(); i++) {
            if (brackets.get(i).upTo() <= brackets.get(i - 1).upTo() || brackets.get(i).rate() < brackets.get(i - 1).rate()) {
                throw new IllegalArgumentException("IIT brackets must ascend in limit and rate");
            }
        }
        brackets = List.copyOf(brackets);
    }

    /** The annual tax on a cumulative taxable amount (0 at or below 0). */
    public double annual(double taxable) {
        if (taxable <= 0) {
            return 0;
        }
        for (Bracket b : brackets) {
            if (taxable <= b.upTo()) {
                return taxable * b.rate() - b.quickDeduction();
            }
        }
        Bracket last = brackets.get(brackets.size() - 1);
        return taxable * last.rate() - last.quickDeduction();
    }

    public double maxRate() {
        return brackets.get(brackets.size() - 1).rate();
    }

    /** The most a month's wage can carry: the top rate on the month's income less the basic deduction. */
    public double monthHigh(double income) {
        return maxRate() * Math.max(0, income - monthlyDeduction);
    }

    /**
     * The least a month's wage can carry: the schedule on the month's income less personal contributions (at most
     * {@code contributionShare} of it) less the basic deductions of the months of the year so far.
     *
     * @param monthOfYear 1..12
     */
    public double monthLow(double income, int monthOfYear, double contributionShare) {
        return annual(income * (1 - contributionShare) - monthlyDeduction * monthOfYear);
    }
}
