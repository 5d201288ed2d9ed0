package org.olive.income;

/**
 * How the family figures are computed: the lines, the bracket basis and bounds (family annual DI, lower inclusive,
 * upper exclusive) and the size of the typical family.
 *
 * @param typicalSize the typical family the per-capita figure is scaled to (3, 三口之家)
 */
public record FamilyIncomeRules(IncomeLines lines, BracketBasis basis, double lower1050, double upper1050,
                                double lower2060, double upper2060, int typicalSize) {

    public FamilyIncomeRules {
        if (!(lower1050 >= 0 && lower1050 < upper1050) || !(lower2060 >= 0 && lower2060 < upper2060)) {
            throw new IllegalArgumentException("a bracket needs 0 <= lower < upper");
        }
        if (typicalSize < 1) {
            throw new IllegalArgumentException("typical family size must be at least 1, found " + typicalSize);
        }
    }

    /** The domain defaults: 10–50万 and 20–60万 on per-capita × 3, with the given lines. */
    public static FamilyIncomeRules defaults(IncomeLines lines) {
        return new FamilyIncomeRules(lines, BracketBasis.PER_CAPITA_TIMES_3, 100_000, 500_000, 200_000, 600_000, 3);
    }
}
