package org.olive.app.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.olive.app.OliveWebTest;
import org.olive.geography.Division;
import org.olive.geography.Divisions;
import org.olive.identity.IdNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The ledger pages on a county-sized period (40,000 persons, 12,000 families, period 2024-06 so that the other
 * tests' latest period is unchanged): each page must answer in under 3 seconds on H2. Tagged slow and run only with
 * {@code -Dolive.test.scale=true} (it adds 40,000 persons to the shared test database).
 */
@Tag("slow")
@EnabledIfSystemProperty(named = "olive.test.scale", matches = "true")
@OliveWebTest
class PopulationScaleTest {

    static final String PERIOD = "2024-06";
    static final int PERSONS = 40_000;
    static final long FIRST_KEY = 5_000_000;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    @Autowired
    Divisions divisions;

    @Test
    void pagesAnswerInSecondsOnACountySizedPeriod() throws Exception {
        seed();
        LedgerWebSupport web = new LedgerWebSupport(mvc, jdbc);
        MockHttpSession analyst = web.login("analyst");
        MockHttpSession cadre = web.login("cadre");
        List<String> timings = new ArrayList<>();
        for (String[] page : new String[][] {
                {"/population?period=" + PERIOD + "&list=resident", null},
                {"/population?period=" + PERIOD + "&list=registered&page=300", null},
                {"/population?period=" + PERIOD + "&list=resident", "cadre"},
                {"/population/members.csv?period=" + PERIOD + "&list=registered", null},
                {"/persons?q=规模", null},
                {"/persons/" + (FIRST_KEY + 777), null},
                {"/families?period=" + PERIOD, null},
                {"/families/S" + String.format("%07d", 77), null}}) {
            MockHttpSession s = page[1] == null ? analyst : cadre;
            web.page(get(page[0]).session(s)); // warm up
            long t0 = System.nanoTime();
            web.page(get(page[0]).session(s));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            timings.add(page[0] + (page[1] == null ? "" : " (cadre)") + ": " + ms + " ms");
            assertThat(ms).as(page[0]).isLessThan(3_000);
        }
        System.out.println("ledger pages on " + PERSONS + " persons:\n  " + String.join("\n  ", timings));
    }

    private void seed() {
        if (jdbc.sql("SELECT COUNT(*) FROM person WHERE person_key = :k").param("k", FIRST_KEY).query(Long.class)
                .single() > 0) {
            return;
        }
        jdbc.sql("INSERT INTO ledger_run (data_period, status, started_at) VALUES (:p, 'SUCCEEDED', CURRENT_TIMESTAMP)")
                .param("p", PERIOD).update();
        List<Division> villages = divisions.villages();
        List<Object[]> persons = new ArrayList<>();
        List<Object[]> periods = new ArrayList<>();
        List<Object[]> families = new ArrayList<>();
        List<Object[]> members = new ArrayList<>();
        for (int i = 0; i < PERSONS; i++) {
            long key = FIRST_KEY + i;
            LocalDate birth = LocalDate.of(1930, 1, 1).plusDays((i * 7919L) % 33_000);
            boolean male = i % 2 == 0;
            String id = IdNumber.compose("330922", birth, i % 999 + 1, male).value();
            String village = villages.get((i / 3) % villages.size()).code();
            int age = 2024 - birth.getYear();
            boolean resident = i % 7 != 0;
            persons.add(new Object[] {key, id, "规模" + i, male ? "M" : "F", birth});
            periods.add(new Object[] {PERIOD, key, true, resident, false, !resident, "S" + (i / 3), village, village,
                    village.substring(0, 9), male ? "M" : "F", age, resident ? 300 : 10});
            String family = "S" + String.format("%07d", i / 3);
            if (i % 3 == 0) {
                families.add(new Object[] {family, PERIOD, PERIOD});
            }
            members.add(new Object[] {PERIOD, family, key, i % 3 == 0 ? "HEAD" : i % 3 == 1 ? "SPOUSE" : "CHILD",
                    i % 3 == 0 ? "02" : i % 3 == 1 ? "10" : "20", "hukou S" + (i / 3)});
        }
        template.batchUpdate("INSERT INTO person (person_key, id_number, name, sex, birth_date, first_period, last_period) "
                + "VALUES (?, ?, ?, ?, ?, '" + PERIOD + "', '" + PERIOD + "')", persons);
        template.batchUpdate("INSERT INTO person_period (data_period, person_key, registered, resident, floating, "
                + "separated, hukou_no, hukou_village, live_village, township_code, sex, age, days_present, "
                + "registered_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '" + PERIOD + "')", periods);
        template.batchUpdate("INSERT INTO family (family_key, first_period, last_period) VALUES (?, ?, ?)", families);
        template.batchUpdate("INSERT INTO family_member (data_period, family_key, person_key, role, relation_code, basis) "
                + "VALUES (?, ?, ?, ?, ?, ?)", members);
        template.update("INSERT INTO family_period (data_period, family_key, anchor_person_key, kind, hukou_no, "
                + "village_code, township_code, members, residents) SELECT m.data_period, m.family_key, m.person_key, "
                + "'HUKOU', pp.hukou_no, pp.hukou_village, pp.township_code, 3, 3 FROM family_member m "
                + "JOIN person_period pp ON pp.data_period = m.data_period AND pp.person_key = m.person_key "
                + "WHERE m.data_period = ? AND m.role = 'HEAD'", PERIOD);
    }
}
