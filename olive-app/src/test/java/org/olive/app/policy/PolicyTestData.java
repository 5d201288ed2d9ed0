package org.olive.app.policy;

import static org.olive.app.population.LedgerTestData.*;

import java.math.BigDecimal;

import org.olive.app.population.LedgerTestData;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The policy ledger as step policies would leave it, written with SQL into policy_match (V31) and ledger_figure on
 * top of {@link LedgerTestData}, at 2025-03 (a quarter end) and 2025-02:
 * <ul>
 *   <li>DIBAO (family): the Zhangs (菜园镇) MISSED, 512.50 a month, their evidence naming 张伟's full ID number; the
 *       Wangs (嵊山镇) COVERED by the assistance register; at 2025-02 the Zhangs MISSED too;</li>
 *   <li>SKILL_BONUS (person): 李娜 (菜园镇, the Zhangs) MISSED, 1,500; 王强 (嵊山镇) LEAKAGE, paid 1,000 by the 一卡通;
 *       a payment to an ID the registry does not know (嵊山镇) LEAKAGE;</li>
 *   <li>CHILDCARE (person): {@link #MANY} missed persons of 菜园镇 (unknown to the registry's tables), for the pager;</li>
 *   <li>pilot indicator 7 at 2025-03: 3 of 4 members county-wide, 1 of 2 in 菜园镇, 1 of 2 in group hardship; the
 *       county figure {@code policy:DIBAO} of both periods (the pages offer the periods with such figures).</li>
 * </ul>
 * Idempotent: the tests of one context share the database.
 */
public final class PolicyTestData {

    public static final int MANY = 55;
    public static final String UNMATCHED = "unmatched:subsidy_payment:yikatong_2025-03.csv:9";

    private PolicyTestData() {
    }

    public static synchronized void seed(JdbcClient jdbc) {
        LedgerTestData.seed(jdbc);
        if (jdbc.sql("SELECT COUNT(*) FROM policy_match").query(Long.class).single() > 0) {
            return;
        }
        match(jdbc, P2, "DIBAO", "FAMILY", FAMILY_ZHANG, FAMILY_ZHANG, CAIYUAN, "MISSED", "512.50", "0", null,
                "residents=3; di=18000.00; assistance_received=0; homes=1 (family_income " + FAMILY_ZHANG + "; head "
                        + ID_ZHANG_WEI + ")");
        match(jdbc, P1, "DIBAO", "FAMILY", FAMILY_ZHANG, FAMILY_ZHANG, CAIYUAN, "MISSED", "600.00", "0", null,
                "residents=4; di=19000.00");
        match(jdbc, P2, "DIBAO", "FAMILY", FAMILY_WANG, FAMILY_WANG, SHENGSHAN, "COVERED", "300.00", "300.00",
                "assistance:assistance.csv:12", "residents=1; di=6000.00");
        match(jdbc, P2, "SKILL_BONUS", "PERSON", String.valueOf(LI_NA), FAMILY_ZHANG, CAIYUAN, "MISSED", "1500.00", "0",
                null, "certificate_level=4; certificate_months=3");
        match(jdbc, P2, "SKILL_BONUS", "PERSON", String.valueOf(WANG_QIANG), FAMILY_WANG, SHENGSHAN, "LEAKAGE", null,
                "1000.00", "subsidy_payment:yikatong_2025-03.csv:4", "certificate_level=-");
        match(jdbc, P2, "SKILL_BONUS", "PERSON", UNMATCHED, null, SHENGSHAN, "LEAKAGE", null, "1000.00",
                "subsidy_payment:yikatong_2025-03.csv:9", "ID not in the registry");
        for (int i = 1; i <= MANY; i++) {
            match(jdbc, P2, "CHILDCARE", "PERSON", String.valueOf(800000 + i), null, CAIYUAN, "MISSED", "300.00", "0",
                    null, "children_under_3=1");
        }
        // the run's figures (the periods the pages offer): covered / eligible by area
        figure(jdbc, P1, "policy:DIBAO", "", 0, 1);
        figure(jdbc, P2, "policy:DIBAO", "", 1, 2);
        figure(jdbc, P2, "key_group_policy_coverage", "", 3, 4);
        figure(jdbc, P2, "key_group_policy_coverage", CAIYUAN, 1, 2);
        figure(jdbc, P2, "policy_group:hardship", "", 1, 2);
    }

    static void match(JdbcClient jdbc, String period, String code, String kind, String key, String family,
                      String township, String status, String eligible, String received, String receipts,
                      String evidence) {
        jdbc.sql("INSERT INTO policy_match (data_period, policy_code, policy_version, subject_kind, subject_key, "
                        + "family_key, township_code, status, eligible_amount, received_amount, receipts, evidence) VALUES "
                        + "(:p, :c, :v, :k, :s, :f, :t, :st, :e, :r, :rc, :ev)")
                .param("p", period).param("c", code).param("v", code + "@1").param("k", kind).param("s", key)
                .param("f", family).param("t", township).param("st", status)
                .param("e", eligible == null ? null : new BigDecimal(eligible)).param("r", new BigDecimal(received))
                .param("rc", receipts).param("ev", evidence).update();
    }

    static void figure(JdbcClient jdbc, String period, String metric, String area, long numerator, long denominator) {
        jdbc.sql("INSERT INTO ledger_figure (data_period, metric, area_code, numerator, denominator, figure) VALUES "
                        + "(:p, :m, :a, :n, :d, :f)").param("p", period).param("m", metric).param("a", area)
                .param("n", numerator).param("d", denominator).param("f", (double) numerator / denominator).update();
    }
}
