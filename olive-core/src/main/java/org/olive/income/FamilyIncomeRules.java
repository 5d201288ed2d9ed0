package org.olive.income;

/**
 * How the family figures are computed: the lines, the bracket basis and bounds (family annual DI, lower inclusive,
 * upper exclusive) and the size of the typical family. Read from the {@code lines:} and {@code brackets:} sections of
 * {@code income.yaml} by {@link IncomeParameters}, the one source of these figures (docs/income.md).
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
}
