package org.olive.app.assistance;

import static org.olive.app.population.LedgerTestData.*;

import org.olive.app.warning.WarningTestData;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Assistance cases as step cases and users would leave them, written with SQL into the V27 tables on top of
 * {@link WarningTestData} (the Zhangs red at 2025-03 in 菜园镇, the Wangs yellow in 嵊山镇):
 * <ul>
 *   <li>{@link #ZHANG}: the Zhangs, RED, DISCOVERED, due 2025-04-15 — overdue;</li>
 *   <li>{@link #ASSISTED}: F9000077 (菜园镇), YELLOW, ASSISTING, due 2025-04-01 (earlier, but not overdue: assistance
 *       has started), with an assistance action and its 3-month evaluation (5,200 → 12,000, RED → GREEN);</li>
 *   <li>{@link #LATER}: F9000078 (菜园镇), YELLOW, DISCOVERED, due 2099-12-31 — not overdue;</li>
 *   <li>{@link #WANG}: the Wangs (嵊山镇), YELLOW, DISCOVERED, due 2025-05-30 — another township's case.</li>
 * </ul>
 * Idempotent; the case ids are looked up by family.
 */
public final class CaseTestData {

    public static final String ZHANG = FAMILY_ZHANG, ASSISTED = "F9000077", LATER = "F9000078", WANG = FAMILY_WANG;

    private CaseTestData() {
    }

    public static synchronized void seed(JdbcClient jdbc) {
        WarningTestData.seed(jdbc);
        if (jdbc.sql("SELECT COUNT(*) FROM assistance_case").query(Long.class).single() > 0) {
            return;
        }
        kase(jdbc, ZHANG, CAIYUAN, V_DONGHAI, "RED", "DISCOVERED", "2025-04-15");
        long assisted = kase(jdbc, ASSISTED, CAIYUAN, V_SHAHE, "YELLOW", "ASSISTING", "2025-04-01");
        kase(jdbc, LATER, CAIYUAN, V_SHAHE, "YELLOW", "DISCOVERED", "2099-12-31");
        kase(jdbc, WANG, SHENGSHAN, V_BIXIA, "YELLOW", "DISCOVERED", "2025-05-30");
        jdbc.sql("INSERT INTO case_action (case_id, kind, acted_on, amount, policy, note, username, created_at) VALUES "
                + "(:c, 'ASSISTANCE', DATE '2025-04-10', 2000.00, '临时救助', 'paid', 'cadre', CURRENT_TIMESTAMP)")
                .param("c", assisted).update();
        jdbc.sql("INSERT INTO case_evaluation (case_id, months_after, data_period, assisted_period, per_capita_before, "
                + "per_capita_after, colour_before, colour_after) VALUES (:c, 3, '2025-07', '2025-04', 5200.00, 12000.00, "
                + "'RED', 'GREEN')").param("c", assisted).update();
    }

    public static long kase(JdbcClient jdbc, String family, String township, String village, String colour,
                             String state, String due) {
        jdbc.sql("INSERT INTO assistance_case (family_key, township_code, village_code, colour, state, opened_period, "
                        + "opened_on, due_on, last_changed) VALUES (:f, :t, :v, :c, :s, '2025-03', DATE '2025-03-31', "
                        + "CAST(:d AS DATE), CURRENT_TIMESTAMP)").param("f", family).param("t", township)
                .param("v", village).param("c", colour).param("s", state).param("d", due).update();
        jdbc.sql("INSERT INTO case_action (case_id, kind, acted_on, note, to_state, username, created_at) VALUES "
                        + "(:c, 'STATE', DATE '2025-03-31', 'opened', 'DISCOVERED', 'olive', CURRENT_TIMESTAMP)")
                .param("c", id(jdbc, family)).update();
        return id(jdbc, family);
    }

    public static long id(JdbcClient jdbc, String family) {
        return jdbc.sql("SELECT MAX(id) FROM assistance_case WHERE family_key = :f").param("f", family)
                .query(Long.class).single();
    }
}
