package org.olive.indicator;

import org.olive.income.FamilyIncomeRules;
import org.olive.income.IncomeParameters;
import org.olive.income.IncomeRulesAt;
import org.olive.period.Period;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the distribution indicators depend on, in one place (domain.md §5 and §7).
 *
 * @param scale                 how household income is shared among members (per capita by default)
 * @param quantileLevels        the quantiles reported, each within [0, 1]
 * @param lorenzSteps           the Lorenz curve is reported at 0, 1/steps, …, 1
 * @param relativeLineFraction  the relative poverty line as a fraction of the weighted median (EU-SILC: 0.6)
 * @param lines                 absolute poverty lines per person per year, for FGT 0/1/2; names are unique
 * @param brackets              family-income brackets for the middle-income shares
 * @param familyIncomeBasis     what is tested against the brackets without a basis of their own
 * @param typicalFamilySize     the family size of {@link FamilyIncomeBasis#TYPICAL_FAMILY} (三口之家: 3)
 */
public record IndicatorSettings(EquivalenceScale scale, List<Double> quantileLevels, int lorenzSteps, double relativeLineFraction,
                                List<PovertyLine> lines, List<IncomeBracket> brackets, FamilyIncomeBasis familyIncomeBasis,
                                int typicalFamilySize) {

    /** The family income tested against the middle-income brackets. */
    public enum FamilyIncomeBasis {
        /** Per-capita household DI × the typical family size: the national convention and the default. */
        TYPICAL_FAMILY,
        /** The household's own DI, whatever its size. */
        ACTUAL_FAMILY
    }

    public IndicatorSettings {
        quantileLevels = List.copyOf(quantileLevels);
        lines = List.copyOf(lines);
        brackets = List.copyOf(brackets);
        if (scale == null || familyIncomeBasis == null) {
            throw new IllegalArgumentException("the equivalence scale and the family income basis are required");
        }
        for (double p : quantileLevels) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("quantile level must be within [0, 1]: " + p);
            }
        }
        if (lorenzSteps < 1) {
            throw new IllegalArgumentException("Lorenz steps must be at least 1: " + lorenzSteps);
        }
        if (!(relativeLineFraction > 0 && relativeLineFraction <= 1)) {
            throw new IllegalArgumentException("the relative poverty line must be a fraction of the median in (0, 1]: " + relativeLineFraction);
        }
        if (typicalFamilySize < 1) {
            throw new IllegalArgumentException("the typical family size must be at least 1: " + typicalFamilySize);
        }
        Set<String> names = new HashSet<>();
        for (PovertyLine l : lines) {
            if (!names.add(l.name())) {
                throw new IllegalArgumentException("poverty line " + l.name() + " is given twice");
            }
        }
    }

    /**
     * Per capita, deciles and quartiles, Lorenz at tenths, 60% of the median, and from the one source of lines and
     * brackets (income.yaml, read by {@link IncomeParameters}) at the period: the county-wide 低保 and 低边 lines in
     * force on its last day, the brackets valid then (each on its basis) and the typical family size.
     *
     * @throws IllegalArgumentException for a period before the first dated 低保 figure, naming the file and key
     */
    public static IndicatorSettings of(IncomeRulesAt rules) {
        List<IncomeBracket> brackets = IncomeBracket.of(rules);
        // the settings' basis: the brackets' when they agree (as printed by olive indicators), else the typical family
        FamilyIncomeBasis basis = brackets.stream().map(IncomeBracket::basis).distinct().count() == 1
                ? brackets.get(0).basis() : FamilyIncomeBasis.TYPICAL_FAMILY;
        return new IndicatorSettings(EquivalenceScale.PER_CAPITA,
                List.of(0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9), 10, 0.6,
                PovertyLine.of(rules.lines()), brackets, basis, rules.typicalSize());
    }

    /** {@link #of(IncomeRulesAt)} at a period. */
    public static IndicatorSettings of(FamilyIncomeRules rules, Period period) {
        return of(rules.at(period));
    }

    public IndicatorSettings withScale(EquivalenceScale value) {
        return new IndicatorSettings(value, quantileLevels, lorenzSteps, relativeLineFraction, lines, brackets, familyIncomeBasis, typicalFamilySize);
    }

    public IndicatorSettings withLines(List<PovertyLine> value) {
        return new IndicatorSettings(scale, quantileLevels, lorenzSteps, relativeLineFraction, value, brackets, familyIncomeBasis, typicalFamilySize);
    }

    /** Every bracket tested on this basis (the brackets' own bases are replaced). */
    public IndicatorSettings withFamilyIncomeBasis(FamilyIncomeBasis value) {
        return new IndicatorSettings(scale, quantileLevels, lorenzSteps, relativeLineFraction, lines,
                brackets.stream().map(b -> b.withBasis(value)).toList(), value, typicalFamilySize);
    }

    /** The basis a bracket is tested on: its own, else the settings'. */
    public FamilyIncomeBasis basisOf(IncomeBracket b) {
        return b.basis() != null ? b.basis() : familyIncomeBasis;
    }

    public IndicatorSettings withBrackets(List<IncomeBracket> value) {
        return new IndicatorSettings(scale, quantileLevels, lorenzSteps, relativeLineFraction, lines, value, familyIncomeBasis, typicalFamilySize);
    }
}
