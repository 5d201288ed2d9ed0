package org.olive.app.warning;

import static org.olive.app.population.LedgerTestData.*;

import org.olive.app.income.IncomeTestData;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The warnings of {@link org.olive.app.population.LedgerTestData}'s county as step warnings would leave them, written
 * with SQL into the V24 tables and ledger_figure, on top of {@link IncomeTestData} (which holds the Wangs' yellow
 * warning of 2025-03 in 嵊山镇 and its change from green):
 * <ul>
 *   <li>2025-02: the Zhangs (菜园镇) yellow, below the 低边 line. Figures: county 0 red, 1 yellow of 2 families.</li>
 *   <li>2025-03: the Zhangs red (safety net and 低边 line; the evidence names the father's full ID number), a change
 *       from yellow; the Wangs yellow (IncomeTestData). Figures: county 1 red, 1 yellow of 2; 菜园镇 1 red of 1;
 *       嵊山镇 1 yellow of 1.</li>
 *   <li>{@link #PAGED} (2025-01): 60 red families without a family row (菜园镇), for the pages of 50.</li>
 * </ul>
 * Idempotent. Only for a context of its own: the figures would give the family page a colour in 2025-02.
 */
public final class WarningTestData {

    public static final String PAGED = "2025-01";

    private WarningTestData() {
    }

    public static synchronized void seed(JdbcClient jdbc) {
        IncomeTestData.seed(jdbc);
        if (jdbc.sql("SELECT COUNT(*) FROM family_warning WHERE family_key = :f").param("f", FAMILY_ZHANG)
                .query(Long.class).single() > 0) {
            return;
        }
        warning(jdbc, P1, FAMILY_ZHANG, "YELLOW", CAIYUAN, ";below_dibian@1;",
                "below_dibian@1: di_per_capita=26000 [family_income:2025-02:F9000001]; dibian_line=28000");
        warning(jdbc, P2, FAMILY_ZHANG, "RED", CAIYUAN, ";safety_net@1;below_dibian@1;",
                "safety_net@1: after_rigid_monthly=500 [family_income:2025-03:F9000001; medical:医保结算_202503.csv:7 ID "
                        + ID_ZHANG_WEI + "]; safety_net_line=828 | below_dibian@1: di_per_capita=20000; dibian_line=28000");
        jdbc.sql("INSERT INTO warning_event (data_period, family_key, changed_on, from_colour, to_colour, township_code, "
                        + "reason) VALUES (:p, :f, DATE '2025-03-31', 'YELLOW', 'RED', :t, :r)")
                .param("p", P2).param("f", FAMILY_ZHANG).param("t", CAIYUAN)
                .param("r", "fired: safety_net@1 (ID " + ID_ZHANG_WEI + "); before: below_dibian@1").update();
        figure(jdbc, P1, "RED", "", 0, 2);
        figure(jdbc, P1, "YELLOW", "", 1, 2);
        figure(jdbc, P1, "RED", CAIYUAN, 0, 1);
        figure(jdbc, P1, "YELLOW", CAIYUAN, 1, 1);
        figure(jdbc, P2, "RED", "", 1, 2);
        figure(jdbc, P2, "YELLOW", "", 1, 2);
        figure(jdbc, P2, "RED", CAIYUAN, 1, 1);
        figure(jdbc, P2, "YELLOW", CAIYUAN, 0, 1);
        figure(jdbc, P2, "RED", SHENGSHAN, 0, 1);
        figure(jdbc, P2, "YELLOW", SHENGSHAN, 1, 1);
        for (int i = 1; i <= 60; i++) {
            warning(jdbc, PAGED, String.format("F80%05d", i), "RED", CAIYUAN, ";safety_net@1;", "safety_net@1: n=" + i);
        }
        figure(jdbc, PAGED, "RED", "", 60, 60);
        figure(jdbc, PAGED, "YELLOW", "", 0, 60);
    }

    private static void warning(JdbcClient jdbc, String p, String family, String colour, String township, String rules,
                                String evidence) {
        jdbc.sql("INSERT INTO family_warning (data_period, family_key, colour, township_code, rules, evidence) VALUES "
                        + "(:p, :f, :c, :t, :r, :e)").param("p", p).param("f", family).param("c", colour)
                .param("t", township).param("r", rules).param("e", evidence).update();
    }

    private static void figure(JdbcClient jdbc, String p, String colour, String area, long n, long d) {
        jdbc.sql("INSERT INTO ledger_figure (data_period, metric, area_code, numerator, denominator, figure, note) "
                        + "VALUES (:p, :m, :a, :n, :d, :f, 'test')").param("p", p).param("m", "warning:" + colour)
                .param("a", area).param("n", n).param("d", d).param("f", d == 0 ? null : (double) n / d).update();
    }
}
