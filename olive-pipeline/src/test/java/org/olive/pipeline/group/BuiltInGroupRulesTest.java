package org.olive.pipeline.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.olive.fact.PersonFact;
import org.olive.fact.PersonVariables;
import org.olive.group.GroupClassifier;
import org.olive.period.Period;

/**
 * The shipped groups.yaml on hand-built person facts, for the definitions settled against the truth (docs/groups.md,
 * "Definitions"): a graduate in further study is a student, an owner insured at the own firm is no employee of it, a
 * migrant on a local crew list is in the groups' population.
 */
class BuiltInGroupRulesTest {

    static final Period P = Period.of(2024, 3);
    static final String HOTEL = "91330922MA2A0000X1";

    static PersonFact.Source src(String dataset, long row) {
        return new PersonFact.Source(dataset, "2024-03", dataset + ".csv", row);
    }

    static PersonFact person(boolean registered, boolean resident, List<PersonFact.Employment> jobs,
                             List<PersonFact.Business> businesses, List<PersonFact.FisheryWork> fishery,
                             List<PersonFact.Graduation> graduations) {
        return new PersonFact(1L, "F0000001", "M", 24, registered, resident, false, "330922100", "330922100201", false,
                "20", List.of(), jobs, businesses, List.of(), fishery, List.of(), graduations, List.of(), List.of(), 0);
    }

    static PersonVariables.Values values(PersonFact f) {
        return PersonVariables.of(f, PersonVariables.Work.NONE, PersonVariables.Family.NONE, P);
    }

    static GroupClassifier rules() {
        return GroupSettings.builtIn().at(P);
    }

    static PersonFact.Graduation graduation(String level, LocalDate graduated, String status) {
        return new PersonFact.Graduation(level, graduated, "某大学", status, src("education", 3));
    }

    @Test
    void aGraduateInFurtherStudyIsAStudentNotARecentGraduate() {
        LocalDate july = LocalDate.of(2023, 7, 1);
        PersonFact working = person(true, true, List.of(), List.of(), List.of(),
                List.of(graduation("BACHELOR", july, "EMPLOYED")));
        PersonFact seeking = person(true, true, List.of(), List.of(), List.of(),
                List.of(graduation("JUNIOR_COLLEGE", july, "SEEKING")));
        // the bachelor's of an earlier delivery, and the master's enrolment of this one
        PersonFact master = person(true, true, List.of(), List.of(), List.of(),
                List.of(graduation("POSTGRADUATE", null, "STUDYING"), graduation("BACHELOR", july, "FURTHER_STUDY")));
        // admitted, the term not begun: the register lists the graduation with the status 升学
        PersonFact admitted = person(true, true, List.of(), List.of(), List.of(),
                List.of(graduation("BACHELOR", july, "FURTHER_STUDY")));
        PersonFact old = person(true, true, List.of(), List.of(), List.of(),
                List.of(graduation("BACHELOR", LocalDate.of(2022, 3, 1), "EMPLOYED")));
        GroupClassifier c = rules();
        assertThat(c.ruleVersion("graduate")).isEqualTo("graduate@2");
        assertThat(c.holds("graduate", values(working))).isTrue();
        assertThat(c.holds("graduate", values(seeking))).isTrue();
        assertThat(c.holds("graduate", values(master))).isFalse();
        assertThat(c.holds("graduate", values(admitted))).isFalse();
        assertThat(c.holds("graduate", values(old))).isFalse();
    }

    @Test
    void anOwnerInsuredAtTheOwnHotelIsItsOwnerNotItsEmployee() {
        PersonFact.Employment atHotel = new PersonFact.Employment("2024-03", HOTEL, "LLC", "6110", "110",
                src("social_insurance", 9));
        PersonFact.Business hotel = new PersonFact.Business(HOTEL, "LLC", "6110", 12, null, true, src("market_entity", 4));
        PersonFact employee = person(true, true, List.of(atHotel), List.of(), List.of(), List.of());
        PersonFact owner = person(true, true, List.of(atHotel), List.of(hotel), List.of(), List.of());
        GroupClassifier c = rules();
        assertThat(values(employee).values()).containsEntry("employee_industries", List.of("6110"));
        assertThat(values(owner).values()).containsEntry("employee_industries", List.of())
                .containsEntry("employer_industries", List.of("6110")).containsEntry("employed", true);
        assertThat(c.holds("tourism_worker", values(employee))).isTrue();
        assertThat(c.holds("tourism_worker", values(owner))).isFalse();
        assertThat(c.holds("sme_owner", values(owner))).isTrue();

        PersonFact.Employment atPort = new PersonFact.Employment("2024-03", HOTEL, "LLC", "5532", "110",
                src("social_insurance", 9));
        PersonFact.Business port = new PersonFact.Business(HOTEL, "LLC", "5532", 40, null, true, src("market_entity", 4));
        assertThat(c.holds("port_worker", values(person(true, true, List.of(atPort), List.of(), List.of(), List.of()))))
                .isTrue();
        assertThat(c.holds("port_worker", values(person(true, true, List.of(atPort), List.of(port), List.of(),
                List.of())))).isFalse();
    }

    @Test
    void aMigrantOnALocalCrewListIsInThePopulation() {
        PersonFact.FisheryWork crew = new PersonFact.FisheryWork("2024-02", "CREW", "浙嵊渔10001", "普通船员",
                src("fishery_crew", 2));
        PersonFact migrantCrew = person(false, false, List.of(), List.of(), List.of(crew), List.of());
        PersonFact visitor = person(false, false, List.of(), List.of(), List.of(), List.of());
        GroupClassifier c = rules();
        assertThat(c.inPopulation(values(migrantCrew))).isTrue();
        assertThat(c.holds("fishery_worker", values(migrantCrew))).isTrue();
        assertThat(c.inPopulation(values(visitor))).isFalse();
        // an investor from elsewhere who only represents a local firm stays outside
        PersonFact investor = person(false, false, List.of(), List.of(new PersonFact.Business(HOTEL, "LLC", "6110", 12,
                null, true, src("market_entity", 4))), List.of(), List.of());
        assertThat(c.inPopulation(values(investor))).isFalse();
    }
}
