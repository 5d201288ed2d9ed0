package org.olive.fact;

import org.junit.jupiter.api.Test;
import org.olive.period.Period;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Property titles and rental contracts as person and family facts (the housing tags of issue 13). */
class PropertyFactsTest {

    static final Period P = Period.of(2024, 6);

    static PersonFact.Source src(long row) {
        return new PersonFact.Source("property_ownership", "2024-01", "不动产登记.csv", row);
    }

    static PersonFact.Property title(String unit, String use, String area, long row) {
        return new PersonFact.Property(unit, use, new BigDecimal(area), LocalDate.of(2020, 5, 1), src(row));
    }

    static PersonFact person(long key, int age, List<PersonFact.Property> titles, List<PersonFact.Rental> rentals) {
        return new PersonFact(key, "F1", "M", age, true, true, false, "330922100", "330922100201", false, "",
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 0,
                titles, rentals);
    }

    @Test
    void aPersonsHomesAreTheResidentialTitles() {
        PersonFact.Rental rent = new PersonFact.Rental("R1", "U2", new BigDecimal("1800"), LocalDate.of(2024, 1, 1), null,
                new PersonFact.Source("property_rentals", "2024-01", "租赁.csv", 4));
        PersonFact f = person(1, 50, List.of(title("U1", "RESIDENTIAL", "90.5", 1), title("U2", "RESIDENTIAL", "60", 2),
                title("U3", "GARAGE", "15", 3)), List.of(rent));
        PersonVariables.Values v = PersonVariables.of(f, PersonVariables.Work.NONE, PersonVariables.Family.NONE, P);
        assertThat(v.values()).containsEntry("properties", 3L).containsEntry("homes", 2L).containsEntry("home_area", 150.5)
                .containsEntry("rentals", 1L).containsEntry("rent_monthly", 1800.0);
        assertThat(v.refsOf("homes")).containsExactly("property_ownership:不动产登记.csv:1",
                "property_ownership:不动产登记.csv:2");
        assertThat(v.refsOf("rentals")).containsExactly("property_rentals:租赁.csv:4");
        assertThat(PersonVariables.evidence(v, List.of("homes"), 200))
                .isEqualTo("homes=2 [property_ownership:不动产登记.csv:1, property_ownership:不动产登记.csv:2]");
    }

    @Test
    void aPersonWithoutTitlesHasNoHome() {
        PersonVariables.Values v = PersonVariables.of(person(1, 30, List.of(), List.of()), PersonVariables.Work.NONE,
                PersonVariables.Family.NONE, P);
        assertThat(v.values()).containsEntry("properties", 0L).containsEntry("homes", 0L).containsEntry("home_area", 0.0)
                .containsEntry("rentals", 0L).containsEntry("rent_monthly", 0.0);
    }

    @Test
    void aUnitCoOwnedByTwoMembersCountsOnceInTheFamily() {
        // the couple co-own U1 (one title each), the husband also holds U2; the son holds nothing
        PersonFact husband = person(1, 50, List.of(title("U1", "RESIDENTIAL", "90", 1), title("U2", "RESIDENTIAL", "30", 2)),
                List.of());
        PersonFact wife = person(2, 48, List.of(title("U1", "RESIDENTIAL", "90", 3)), List.of());
        PersonFact son = person(3, 20, List.of(), List.of());
        PersonVariables.Values v = TagVariables.family(List.of(new TagVariables.Member(husband, "head", List.of()),
                new TagVariables.Member(wife, "spouse", List.of()), new TagVariables.Member(son, "child", List.of())),
                PersonVariables.Family.NONE, P);
        assertThat(v.values()).containsEntry("homes", 2L).containsEntry("properties", 2L)
                .containsEntry("home_area_per_member", 40.0).containsEntry("rentals", 0L);
        assertThat(v.refs().get("homes")).hasSize(3);

        PersonVariables.Values none = TagVariables.family(List.of(new TagVariables.Member(son, "head", List.of())),
                PersonVariables.Family.NONE, P);
        assertThat(none.values()).containsEntry("homes", 0L).containsEntry("home_area_per_member", 0.0);
    }

    @Test
    void theNewFactsAreDeclaredForRules() {
        assertThat(TagVariables.names(TagVariables.PERSON)).contains("properties", "homes", "home_area", "rentals",
                "rent_monthly");
        assertThat(TagVariables.names(TagVariables.FAMILY)).contains("homes", "home_area_per_member", "properties",
                "rentals");
    }
}
