package org.olive.indicator;

import org.olive.income.ShippedIncome;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Invariants of the county indicators on random counties: the groups of every breakdown add up to the county. */
class CountyIndicatorsPropertiesTest {

    record Person(int age, int sex, int township, int urban, boolean monitored, boolean accurate) {
    }

    record Family(List<Person> members, double weight, double income) {
    }

    @Provide
    Arbitrary<List<Family>> families() {
        Arbitrary<Person> person = Combinators.combine(Arbitraries.integers().between(-1, 95), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 2), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as(Person::new);
        Arbitrary<Family> family = Combinators.combine(person.list().ofMinSize(1).ofMaxSize(5),
                Arbitraries.doubles().between(0.5, 80).ofScale(2), Arbitraries.doubles().between(-20_000, 900_000).ofScale(0))
                .as(Family::new);
        return family.list().ofMinSize(1).ofMaxSize(30);
    }

    static CountyPersons build(List<Family> families) {
        CountyPersons.Builder b = CountyPersons.builder();
        for (int i = 0; i < families.size(); i++) {
            Family f = families.get(i);
            int idx = b.addFamily("F" + i);
            b.addIncome(idx, f.income());
            for (Person p : f.members()) {
                String township = p.township() == 3 ? null : "33092210" + p.township();
                b.addPerson(idx, f.weight(), p.age(), p.sex() == 2 ? null : p.sex() == 0 ? "M" : "F", township,
                        township == null ? null : township + "001", p.urban() == 2 ? null : p.urban() == 1,
                        p.monitored(), p.accurate());
            }
        }
        return b.build();
    }

    @Property(tries = 200)
    void weightedGroupFiguresAddUpToTheCounty(@ForAll("families") List<Family> families) {
        CountyReport r = CountyIndicators.compute(build(families), ShippedIncome.county());
        GroupIndicators c = r.county();
        double total = c.distribution().weightedPersons();
        for (Breakdown b : Breakdown.values()) {
            if (!b.partition()) {
                continue; // KEY_GROUP: a person in several groups or none (KeyGroupIndicatorsTest)
            }
            double weight = 0;
            double income = 0;
            double monitored = 0;
            double accurate = 0;
            double middle = 0;
            int persons = 0;
            for (GroupIndicators g : r.of(b).values()) {
                weight += g.distribution().weightedPersons();
                persons += g.distribution().persons();
                income += g.distribution().perCapitaIncome() * g.distribution().weightedPersons();
                monitored += g.monitored().numerator();
                accurate += g.relationshipAccurate().numerator();
                middle += g.bracket("10-50万").numerator();
            }
            assertThat(persons).as(b.name()).isEqualTo(c.distribution().persons());
            assertThat(weight).as(b.name()).isCloseTo(total, within(1e-6 * total));
            assertThat(income).as(b.name()).isCloseTo(c.distribution().perCapitaIncome() * total,
                    within(1e-6 * (1 + Math.abs(c.distribution().perCapitaIncome() * total))));
            assertThat(monitored).as(b.name()).isCloseTo(c.monitored().numerator(), within(1e-6 * total));
            assertThat(accurate).as(b.name()).isCloseTo(c.relationshipAccurate().numerator(), within(1e-6 * total));
            assertThat(middle).as(b.name()).isCloseTo(c.bracket("10-50万").numerator(), within(1e-6 * total));
        }
    }

    @Property(tries = 200)
    void theUrbanAndRuralGroupsGiveTheRatioOfTheCounty(@ForAll("families") List<Family> families) {
        CountyReport r = CountyIndicators.compute(build(families), ShippedIncome.county());
        GroupIndicators urban = r.of(Breakdown.URBAN_RURAL).get(CountyPersons.URBAN);
        GroupIndicators rural = r.of(Breakdown.URBAN_RURAL).get(CountyPersons.RURAL);
        double ratio = r.county().urbanRuralRatio();
        if (urban == null || rural == null || rural.distribution().perCapitaIncome() <= 0) {
            assertThat(ratio).isNaN();
        } else {
            assertThat(ratio).isCloseTo(urban.distribution().perCapitaIncome() / rural.distribution().perCapitaIncome(),
                    within(1e-9 * Math.abs(ratio) + 1e-12));
        }
    }

    @Property(tries = 100)
    void sharesAreWithinZeroAndOne(@ForAll("families") List<Family> families) {
        CountyReport r = CountyIndicators.compute(build(families), ShippedIncome.county());
        for (Breakdown b : Breakdown.values()) {
            for (GroupIndicators g : r.of(b).values()) {
                assertThat(g.monitored().figure()).isBetween(0.0, 1.0);
                assertThat(g.relationshipAccurate().figure()).isBetween(0.0, 1.0);
                assertThat(g.bracket("20-60万").figure()).isBetween(0.0, 1.0 + 1e-12);
            }
        }
    }
}
