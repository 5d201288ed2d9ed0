package org.olive.app.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.olive.app.OliveWebTest;
import org.olive.app.population.PopulationLedger.Filter;
import org.olive.geography.Division;
import org.olive.geography.Divisions;
import org.olive.identity.IdNumber;
import org.olive.pipeline.ledger.PopulationListFigures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The population pages' precomputed figures (V15, {@link PopulationListFigures}) against the scans of
 * {@code person_period} they replace: on a generated county of two periods with every oddity the lists can hold
 * (persons on no list, unknown village, township, sex or age, ages under 0 and over 100, equal names), every read of
 * {@link PopulationLedger} under many filters returns what the scan returns. And the page shows the precomputed count:
 * a wrong row changes the page's figure.
 */
@OliveWebTest
class PopulationFiguresTest {

    /** Periods of their own (no ledger_run row: the other tests' periods are unchanged). */
    static final String A = "2021-01";
    static final String B = "2021-02";
    static final long FIRST_KEY = 7_000_000;
    static final int PERSONS = 3_000;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    @Autowired
    DataSource dataSource;

    @Autowired
    Divisions divisions;

    @Autowired
    PopulationLedger ledger;

    @Autowired
    MockMvc mvc;

    @Test
    void everyPrecomputedFigureEqualsTheScanOfAGeneratedCounty() throws Exception {
        List<String> villages = seed();
        assertThat(ledger.precomputed(B)).isTrue();
        List<String> townships = villages.stream().map(v -> v.substring(0, 9)).distinct().limit(3).toList();
        List<String> sexes = Arrays.asList(null, "M", "F", "U");
        List<AgeGroup> ages = Arrays.asList(null, AgeGroup.parse("0-14"), AgeGroup.parse("15-59"), AgeGroup.parse("60+"),
                AgeGroup.parse("100+"), AgeGroup.parse("20-24"), AgeGroup.parse("17-23"), AgeGroup.parse("0-0"));
        int compared = 0;
        for (PopulationList l : PopulationList.values()) {
            List<Filter> filters = new ArrayList<>();
            for (String s : sexes) {
                for (AgeGroup a : ages) {
                    filters.add(new Filter(B, l, null, null, s, a));
                }
            }
            for (String t : townships) {
                filters.add(new Filter(B, l, t, null, null, null));
                filters.add(new Filter(B, l, t, null, "F", AgeGroup.parse("60+")));
            }
            for (String v : villages.subList(0, 4)) {
                filters.add(new Filter(B, l, v.substring(0, 9), v, null, null));
                filters.add(new Filter(B, l, null, v, "M", AgeGroup.parse("15-59")));
            }
            for (Filter f : filters) {
                assertThat(ledger.counts(f)).as("counts %s", f).isEqualTo(ledger.scannedCounts(f));
                assertThat(ledger.byTownship(f)).as("townships %s", f).isEqualTo(ledger.scannedByTownship(f));
                assertThat(ledger.byVillage(f)).as("villages %s", f).isEqualTo(ledger.scannedByVillage(f));
                assertThat(ledger.pyramid(f)).as("pyramid %s", f).isEqualTo(ledger.scannedPyramid(f));
                assertThat(ledger.exitCount(f)).as("exit count %s", f).isEqualTo(ledger.scannedExitCount(f));
                assertThat(ledger.exits(f)).as("exits %s", f).isEqualTo(ledger.scannedExits(f));
                PopulationLedger.MemberPage first = ledger.members(f, 1, 50);
                assertThat(first).as("page 1 %s", f).isEqualTo(ledger.scannedMembers(f, 1, 50));
                for (int page : new int[]{2, first.pages(), first.pages() + 1}) {
                    assertThat(ledger.members(f, page, 50)).as("page %d %s", page, f)
                            .isEqualTo(ledger.scannedMembers(f, page, 50));
                }
                compared++;
            }
        }
        Filter all = new Filter(B, PopulationList.RESIDENT, null, null, null, null);
        assertThat(ledger.counts(all).get(PopulationList.RESIDENT)).isGreaterThan(1_000);
        assertThat(ledger.exitCount(all)).isGreaterThan(10);
        assertThat(ledger.pyramid(all)).anyMatch(b -> b.label().equals("100+"));
        assertThat(compared).isGreaterThan(150);
    }

    @Test
    void theListsPageShowsThePrecomputedCountsSoAWrongRowChangesIt() throws Exception {
        LedgerTestData.seed(jdbc);
        rewrite(LedgerTestData.P1, "2025-01");
        rewrite(LedgerTestData.P2, LedgerTestData.P1);
        LedgerWebSupport web = new LedgerWebSupport(mvc, jdbc);
        MockHttpSession analyst = web.login("analyst");
        String url = "/population?period=" + LedgerTestData.P2 + "&list=floating";
        assertThat(web.page(get(url).session(analyst))).doesNotContain("7,654,321");
        try {
            jdbc.sql("UPDATE population_count SET persons = 7654321 WHERE data_period = :p AND population_list = 'floating'")
                    .param("p", LedgerTestData.P2).update();
            assertThat(web.page(get(url).session(analyst))).contains("7,654,321");
        } finally {
            rewrite(LedgerTestData.P2, LedgerTestData.P1);
        }
        assertThat(web.page(get(url).session(analyst))).doesNotContain("7,654,321");
    }

    private void rewrite(String period, String previous) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            PopulationListFigures.write(c, period, previous);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    /** Two periods of generated persons (once), then their figures; returns the villages used. */
    private List<String> seed() throws Exception {
        List<String> villages = divisions.villages().stream().map(Division::code).limit(12).toList();
        if (jdbc.sql("SELECT COUNT(*) FROM person WHERE person_key = :k").param("k", FIRST_KEY).query(Long.class)
                .single() == 0) {
            Random r = new Random(12);
            String[] names = {"张伟", "王芳", "李娜", "刘洋", "陈静", null};
            List<Object[]> persons = new ArrayList<>();
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < PERSONS; i++) {
                long key = FIRST_KEY + i;
                LocalDate birth = LocalDate.of(1915, 1, 1).plusDays(i * 13L);
                persons.add(new Object[]{key, IdNumber.compose("330922", birth, i % 999 + 1, i % 2 == 0).value(),
                        names[r.nextInt(names.length)], "M"});
                for (String p : List.of(A, B)) {
                    if (p.equals(B) && r.nextInt(10) == 0) {
                        continue; // gone from the ledger
                    }
                    rows.add(row(r, p, key, villages));
                }
            }
            template.batchUpdate("INSERT INTO person (person_key, id_number, name, sex, first_period, last_period) "
                    + "VALUES (?, ?, ?, ?, '" + A + "', '" + B + "')", persons);
            template.batchUpdate("INSERT INTO person_period (data_period, person_key, registered, resident, floating, "
                    + "separated, hukou_village, live_village, township_code, sex, age, registered_since, resident_since, "
                    + "floating_since, separated_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        }
        rewrite(A, "2020-12");
        rewrite(B, A);
        return villages;
    }

    private static Object[] row(Random r, String p, long key, List<String> villages) {
        boolean registered = r.nextInt(10) < 8;
        boolean resident = r.nextInt(10) < 8;
        boolean floating = resident && !registered;
        boolean separated = registered && !resident;
        String hukou = registered && r.nextInt(50) > 0 ? villages.get(r.nextInt(villages.size())) : null;
        String live = !resident ? null : registered ? hukou : r.nextInt(30) > 0 ? villages.get(r.nextInt(villages.size())) : null;
        String relevant = live != null ? live : hukou;
        String[] sexes = {"M", "F", "M", "F", "U", null};
        int a = r.nextInt(40);
        Integer age = a == 0 ? null : a == 1 ? -1 - r.nextInt(8) : a == 2 ? 100 + r.nextInt(12) : r.nextInt(100);
        String since = r.nextBoolean() ? p : "2019-05";
        return new Object[]{p, key, registered, resident, floating, separated, hukou, live,
                relevant == null ? null : relevant.substring(0, 9), sexes[r.nextInt(sexes.length)], age,
                registered ? since : null, resident ? since : null, floating ? since : null, separated ? since : null};
    }
}
