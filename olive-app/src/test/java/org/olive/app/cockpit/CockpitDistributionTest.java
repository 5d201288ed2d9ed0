package org.olive.app.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.olive.app.OliveWebTest;
import org.olive.app.income.IncomeLedger;
import org.olive.app.income.IncomeTestData;
import org.olive.app.population.LedgerTestData;
import org.olive.app.population.LedgerWebSupport;
import org.olive.period.Period;
import org.olive.pipeline.income.IncomeDistribution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The cockpit's distribution precomputed by step indicators ({@link IncomeDistribution}, V15) against the one computed
 * from every {@code family_income} row of the period: equal on generated families (negative DI, DI over the top bin,
 * families without a resident or a township), and the board reads the stored one — a wrong row changes the page.
 */
@OliveWebTest
class CockpitDistributionTest {

    /** A period of its own, with no ledger run (the other tests' periods are unchanged). */
    static final String GENERATED = "2021-03";
    static final String[] TOWNSHIPS = {LedgerTestData.CAIYUAN, LedgerTestData.SHENGSHAN, null};

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    @Autowired
    DataSource dataSource;

    @Autowired
    IncomeLedger ledger;

    @Autowired
    CockpitBoard board;

    @Autowired
    MockMvc mvc;

    @Test
    void theStoredDistributionEqualsTheOneComputedFromEveryFamily() throws Exception {
        if (jdbc.sql("SELECT COUNT(*) FROM family_income WHERE data_period = :p").param("p", GENERATED)
                .query(Long.class).single() == 0) {
            Random r = new Random(5);
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                double three = r.nextInt(50) == 0 ? -5_000 - r.nextInt(20_000) : r.nextInt(30) == 0
                        ? 1_000_000 + r.nextInt(900_000) : r.nextInt(1_000_000);
                int residents = r.nextInt(40) == 0 ? 0 : 1 + r.nextInt(5);
                double perCapita = Math.round(three / 3 * 100) / 100.0;
                rows.add(new Object[]{GENERATED, "G" + i, TOWNSHIPS[r.nextInt(3)], residents, three, perCapita, three});
            }
            template.batchUpdate("INSERT INTO family_income (data_period, family_key, township_code, residents, disposable, "
                    + "di_low, di_high, per_capita, three_person, medical_oop, after_rigid_monthly, method, "
                    + "monitored_members) VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?, 0, 0, 'PRECISE', 0)", rows);
        }
        write(GENERATED);
        for (String t : Arrays.asList(null, LedgerTestData.CAIYUAN, LedgerTestData.SHENGSHAN)) {
            IncomeDistribution.Summary computed = IncomeDistribution.of(ledger.distribution(GENERATED, t).stream()
                    .map(p -> new IncomeDistribution.Point(p.residents(), p.perCapita(), p.threePerson())).toList());
            assertThat(ledger.distributionSummary(GENERATED, t)).as("township %s", t).contains(computed);
            assertThat(computed.families()).isGreaterThan(500);
            assertThat(computed.bins().get(0).families()).isGreaterThan(0);
            assertThat(computed.bins().get(computed.bins().size() - 1).families()).isGreaterThan(0);
        }
    }

    @Test
    void theBoardReadsTheStoredDistributionSoAWrongRowChangesThePage() throws Exception {
        IncomeTestData.seed(jdbc);
        String p = LedgerTestData.P2;
        jdbc.sql("DELETE FROM income_distribution WHERE data_period = :p").param("p", p).update();
        CockpitBoard.Board computed = board.board(p, null).orElseThrow();
        CockpitBoard.Board township = board.board(p, LedgerTestData.CAIYUAN).orElseThrow();
        write(p);
        CockpitBoard.Board stored = board.board(p, null).orElseThrow();
        assertThat(stored.bins()).isEqualTo(computed.bins());
        assertThat(stored.lorenz()).isEqualTo(computed.lorenz());
        assertThat(stored.gini()).isEqualTo(computed.gini());
        assertThat(stored.distributionFamilies()).isEqualTo(computed.distributionFamilies());
        assertThat(stored.distributionPersons()).isEqualTo(computed.distributionPersons());
        assertThat(board.board(p, LedgerTestData.CAIYUAN).orElseThrow().bins()).isEqualTo(township.bins());

        LedgerWebSupport web = new LedgerWebSupport(mvc, jdbc);
        MockHttpSession analyst = web.login("analyst");
        String url = "/cockpit?period=" + p;
        assertThat(web.page(get(url).session(analyst))).doesNotContain("7654321");
        try {
            jdbc.sql("UPDATE income_histogram SET families = 7654321 WHERE data_period = :p AND area_code = '' "
                    + "AND bin_index = 0").param("p", p).update();
            assertThat(board.board(p, null).orElseThrow().bins().get(0).families()).isEqualTo(7_654_321);
            assertThat(web.page(get(url).session(analyst))).containsAnyOf("7654321", "7,654,321");
        } finally {
            write(p);
        }
        assertThat(board.board(p, null).orElseThrow().bins()).isEqualTo(computed.bins());
    }

    private void write(String period) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            IncomeDistribution.write(c, Period.parse(period));
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }
}
