package org.olive.indicator;

import org.olive.income.ShippedIncome;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Invariants of the indicators of a household sample, on random samples. */
class IndicatorsPropertiesTest {

    /** A household: ages, weight per member, DI. */
    record Household(int[] ages, double weight, double income) {
    }

    @Provide
    Arbitrary<List<Household>> households() {
        Arbitrary<Household> h = Combinators.combine(
                Arbitraries.integers().between(0, 90).array(int[].class).ofMinSize(1).ofMaxSize(6),
                Arbitraries.doubles().between(0.5, 50).ofScale(2),
                Arbitraries.doubles().between(1_000, 800_000).ofScale(0)).as(Household::new);
        return h.list().ofMinSize(3).ofMaxSize(40);
    }

    static HouseholdSample build(List<Household> list, int copies, double incomeFactor, double weightFactor) {
        HouseholdSample.Builder b = HouseholdSample.builder();
        for (int c = 0; c < copies; c++) {
            for (int i = 0; i < list.size(); i++) {
                Household h = list.get(i);
                int idx = b.addHousehold("H" + c + "-" + i);
                for (int age : h.ages()) {
                    b.addPerson(idx, age, i % 2 == 0 ? "even" : "odd", h.weight() * weightFactor);
                }
                b.addIncome(idx, h.income() * incomeFactor);
            }
        }
        return b.build();
    }

    private static IndicatorSet compute(HouseholdSample s, EquivalenceScale scale) {
        return Indicators.compute(s, ShippedIncome.indicators().withScale(scale), false).all();
    }

    @Property(tries = 150)
    void scaleInvariance(@ForAll("households") List<Household> list, @ForAll @DoubleRange(min = 0.1, max = 10) double c,
                         @ForAll EquivalenceScale scale) {
        IndicatorSet a = compute(build(list, 1, 1, 1), scale);
        IndicatorSet b = compute(build(list, 1, c, 1), scale);
        assertThat(b.gini()).isCloseTo(a.gini(), within(1e-6));
        assertThat(b.theil()).isCloseTo(a.theil(), within(1e-9));
        assertThat(b.meanLogDeviation()).isCloseTo(a.meanLogDeviation(), within(1e-9));
        assertThat(b.relativePoverty().atRiskRate()).isCloseTo(a.relativePoverty().atRiskRate(), within(1e-12));
        assertThat(b.meanEquivalisedIncome()).isCloseTo(c * a.meanEquivalisedIncome(), within(1e-6 * c * a.meanEquivalisedIncome()));
        assertThat(b.quantiles().get(5).value()).isCloseTo(c * a.quantiles().get(5).value(), within(1e-6 * c * a.quantiles().get(5).value()));
    }

    @Property(tries = 150)
    void populationReplication(@ForAll("households") List<Household> list, @ForAll @IntRange(min = 2, max = 3) int k) {
        IndicatorSet a = compute(build(list, 1, 1, 1), EquivalenceScale.MODIFIED_OECD);
        // k copies of every household, or every weight × k: the same population
        for (IndicatorSet b : List.of(compute(build(list, k, 1, 1), EquivalenceScale.MODIFIED_OECD),
                compute(build(list, 1, 1, k), EquivalenceScale.MODIFIED_OECD))) {
            assertThat(b.weightedPersons()).isCloseTo(k * a.weightedPersons(), within(1e-6));
            assertThat(b.gini()).isCloseTo(a.gini(), within(1e-6));
            assertThat(b.theil()).isCloseTo(a.theil(), within(1e-9));
            assertThat(b.perCapitaIncome()).isCloseTo(a.perCapitaIncome(), within(1e-6));
            assertThat(b.quantiles()).isEqualTo(a.quantiles());
            assertThat(b.relativePoverty().atRiskRate()).isCloseTo(a.relativePoverty().atRiskRate(), within(1e-12));
            for (int i = 0; i < a.absolutePoverty().size(); i++) {
                assertThat(b.absolutePoverty().get(i).severity()).isCloseTo(a.absolutePoverty().get(i).severity(), within(1e-12));
            }
            for (int i = 0; i < a.brackets().size(); i++) {
                assertThat(b.brackets().get(i).share()).isCloseTo(a.brackets().get(i).share(), within(1e-12));
            }
        }
    }

    @Property(tries = 200)
    void transferFromRicherToPoorerHouseholdLowersGini(@ForAll("households") List<Household> list,
                                                       @ForAll @DoubleRange(min = 0.01, max = 0.49) double f) {
        // single-person households of equal weight, so a transfer between households is one between persons
        List<Household> singles = list.stream().map(h -> new Household(new int[]{40}, 1, h.income())).toList();
        int poor = 0;
        int rich = 0;
        for (int i = 0; i < singles.size(); i++) {
            if (singles.get(i).income() < singles.get(poor).income()) {
                poor = i;
            }
            if (singles.get(i).income() > singles.get(rich).income()) {
                rich = i;
            }
        }
        double gap = singles.get(rich).income() - singles.get(poor).income();
        if (gap < 1) {
            return;
        }
        double amount = f * gap; // less than half the gap: the two keep their order
        List<Household> after = new java.util.ArrayList<>(singles);
        after.set(poor, new Household(new int[]{40}, 1, singles.get(poor).income() + amount));
        after.set(rich, new Household(new int[]{40}, 1, singles.get(rich).income() - amount));
        IndicatorSet before = compute(build(singles, 1, 1, 1), EquivalenceScale.PER_CAPITA);
        IndicatorSet now = compute(build(after, 1, 1, 1), EquivalenceScale.PER_CAPITA);
        assertThat(now.gini()).isLessThan(before.gini());
        assertThat(now.meanLogDeviation()).isLessThan(before.meanLogDeviation());
        assertThat(now.perCapitaIncome()).isCloseTo(before.perCapitaIncome(), within(1e-6));
    }

    @Property(tries = 100)
    void areasPartitionThePopulation(@ForAll("households") List<Household> list) {
        IndicatorReport r = Indicators.compute(build(list, 1, 1, 1), ShippedIncome.indicators(), true);
        double weight = r.byArea().values().stream().mapToDouble(IndicatorSet::weightedPersons).sum();
        int persons = r.byArea().values().stream().mapToInt(IndicatorSet::persons).sum();
        double income = r.byArea().values().stream().mapToDouble(s -> s.perCapitaIncome() * s.weightedPersons()).sum();
        assertThat(weight).isCloseTo(r.all().weightedPersons(), within(1e-6));
        assertThat(persons).isEqualTo(r.all().persons());
        assertThat(income).isCloseTo(r.all().perCapitaIncome() * r.all().weightedPersons(), within(1e-3));
    }
}
