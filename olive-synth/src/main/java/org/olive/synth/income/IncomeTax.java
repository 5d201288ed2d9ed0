package org.olive.synth.income;

/**
 * Individual income tax on comprehensive income (综合所得), cumulative withholding within a calendar year:
 * 5,000 a month deducted, then the 3%–45% annual schedule with quick deductions.
 */
public final class IncomeTax {

    private static final double[] LIMIT = {36_000, 144_000, 300_000, 420_000, 660_000, 960_000, Double.MAX_VALUE};
    private static final double[] RATE = {0.03, 0.10, 0.20, 0.25, 0.30, 0.35, 0.45};
    private static final double[] QUICK = {0, 2_520, 16_920, 31_920, 52_920, 85_920, 181_920};
    /** Basic deduction per month. */
    public static final double MONTHLY_DEDUCTION = 5000;

    private IncomeTax() {
    }

    /** Tax on a cumulative annual taxable amount (yuan). */
    public static double annual(double taxable) {
        if (taxable <= 0) {
            return 0;
        }
        for (int i = 0; i < LIMIT.length; i++) {
            if (taxable <= LIMIT[i]) {
                return taxable * RATE[i] - QUICK[i];
            }
        }
        return 0;
    }

    /** Tax on a month's rent (财产租赁所得): 20% of rent less 800 (or less 20% above 4,000). */
    public static double rent(double rent) {
        double taxable = rent <= 4000 ? rent - 800 : rent * 0.8;
        return Math.max(0, taxable) * 0.2;
    }
}
