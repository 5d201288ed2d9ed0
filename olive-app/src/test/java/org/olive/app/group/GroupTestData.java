package org.olive.app.group;

import static org.olive.app.population.LedgerTestData.*;

import org.olive.app.income.IncomeTestData;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The key groups of {@link org.olive.app.population.LedgerTestData}'s county as step groups would leave them, written
 * with SQL into the V19 tables and ledger_figure, on top of {@link IncomeTestData}'s income ledger:
 * <ul>
 *   <li>技术工人 (skilled_worker) in 2025-02: 张伟, 王强, 孙丽 (then in 菜园镇); in 2025-03: 张伟 (菜园镇, STABLE),
 *       李娜 (菜园镇, STABLE, added by hand), 王强 (嵊山镇, VULNERABLE). Events of 2025-03: 李娜 entered, 孙丽 left
 *       (she moved to 嵊山镇; her exit belongs to 菜园镇, where she was a member).</li>
 *   <li>渔农民 (fisher_farmer): 王强 in both months.</li>
 *   <li>Pilot indicator 6: 2025-02 3/3; 2025-03 2/3 (county), 1/2 菜园镇, 1/1 嵊山镇; group:skilled_worker 3/3 then
 *       2/3, group:fisher_farmer 1/1.</li>
 *   <li>Occupations of 2025-03: 张伟 4-03 in 6110, 王强 4-02 in 5511; 王强's hukou row with education 30 (大学专科).</li>
 * </ul>
 * Idempotent.
 */
public final class GroupTestData {

    public static final String SKILLED = "skilled_worker";
    public static final String FISHER = "fisher_farmer";

    private GroupTestData() {
    }

    public static synchronized void seed(JdbcClient jdbc) {
        IncomeTestData.seed(jdbc);
        if (jdbc.sql("SELECT COUNT(*) FROM group_member").query(Long.class).single() > 0) {
            return;
        }
        member(jdbc, P1, ZHANG_WEI, SKILLED, "RULE", "STABLE", FAMILY_ZHANG, CAIYUAN, "cert_best_level=3 [skill_cert:2025-01/职业技能等级证书.csv:17]");
        member(jdbc, P1, WANG_QIANG, SKILLED, "RULE", "VULNERABLE", FAMILY_WANG, SHENGSHAN, "employer_industries=[5531]");
        member(jdbc, P1, SUN_LI, SKILLED, "RULE", null, FAMILY_SUN, CAIYUAN, "cert_best_level=4");
        member(jdbc, P1, WANG_QIANG, FISHER, "RULE", "VULNERABLE", FAMILY_WANG, SHENGSHAN, "vessel_months=12");
        member(jdbc, P2, ZHANG_WEI, SKILLED, "RULE", "STABLE", FAMILY_ZHANG, CAIYUAN,
                "cert_best_level=3 [skill_cert:2025-01/职业技能等级证书.csv:17] ID " + ID_ZHANG_WEI);
        member(jdbc, P2, LI_NA, SKILLED, "MANUAL", "STABLE", FAMILY_ZHANG, CAIYUAN, "hand decision 1 by analyst");
        member(jdbc, P2, WANG_QIANG, SKILLED, "RULE", "VULNERABLE", FAMILY_WANG, SHENGSHAN, "employer_industries=[5531]");
        member(jdbc, P2, WANG_QIANG, FISHER, "RULE", "VULNERABLE", FAMILY_WANG, SHENGSHAN, "vessel_months=12");
        event(jdbc, P2, LI_NA, SKILLED, "ENTER", "MANUAL", "hand decision: added by analyst (完成培训，证书待发)");
        event(jdbc, P2, SUN_LI, SKILLED, "LEAVE", "1", "cert_best_level no longer held; now 0");

        figure(jdbc, P1, "key_group_monitoring", "", 3, 3);
        figure(jdbc, P1, "key_group_monitoring", CAIYUAN, 2, 2);
        figure(jdbc, P1, "key_group_monitoring", SHENGSHAN, 1, 1);
        figure(jdbc, P1, "group:" + SKILLED, "", 3, 3);
        figure(jdbc, P1, "group:" + FISHER, "", 1, 1);
        figure(jdbc, P2, "key_group_monitoring", "", 2, 3);
        figure(jdbc, P2, "key_group_monitoring", CAIYUAN, 1, 2);
        figure(jdbc, P2, "key_group_monitoring", SHENGSHAN, 1, 1);
        figure(jdbc, P2, "group:" + SKILLED, "", 2, 3);
        figure(jdbc, P2, "group:" + FISHER, "", 1, 1);

        jdbc.sql("INSERT INTO person_occupation (data_period, person_key, occupation_code, occupation_detail, industry_code, "
                        + "source, confidence, reason, rule_version, evidence) VALUES (:p, :k, '4-03', '4-03-02', '6110', "
                        + "'EMPLOYER', 0.800, NULL, 'shengsi-1', 'employer 91330922MA2XXXXX1 industry 6110 [work_employment:2025-03/就业.csv:4]')")
                .param("p", P2).param("k", ZHANG_WEI).update();
        jdbc.sql("INSERT INTO person_occupation (data_period, person_key, occupation_code, occupation_detail, industry_code, "
                        + "source, confidence, reason, rule_version, evidence) VALUES (:p, :k, '4-02', NULL, '5511', "
                        + "'EMPLOYER', 0.800, NULL, 'shengsi-1', 'employer industry 5511')")
                .param("p", P2).param("k", WANG_QIANG).update();
        jdbc.sql(org.olive.pipeline.occupation.OccupationTables.COUNT).param(P2).update(); // as the step stores them
        long run = jdbc.sql("SELECT MIN(id) FROM ingest_run WHERE status = 'SUCCEEDED'").query(Long.class).single();
        jdbc.sql("INSERT INTO basic_hukou (data_period, run_id, source_file, source_row, person_id, name, sex, birth_date, "
                        + "hukou_no, relation_to_head, village_code, status, education) VALUES (:p, :r, '户籍人口_202503.csv', 40, "
                        + ":id, '王强', 'M', DATE '1990-07-07', 'H900', '02', :v, 'NORMAL', '30')")
                .param("p", P2).param("r", run).param("id", ID_WANG_QIANG).param("v", V_BIXIA).update();
    }

    private static void member(JdbcClient jdbc, String p, long person, String group, String origin, String tier,
                               String family, String township, String evidence) {
        jdbc.sql("INSERT INTO group_member (data_period, person_key, group_id, origin, rule_version, tier, family_key, "
                        + "township_code, evidence) VALUES (:p, :k, :g, :o, '1', :t, :f, :town, :e)")
                .param("p", p).param("k", person).param("g", group).param("o", origin).param("t", tier)
                .param("f", family).param("town", township).param("e", evidence).update();
    }

    private static void event(JdbcClient jdbc, String p, long person, String group, String kind, String version,
                              String reason) {
        jdbc.sql("INSERT INTO group_event (data_period, person_key, group_id, kind, rule_version, reason) VALUES "
                        + "(:p, :k, :g, :kind, :v, :r)")
                .param("p", p).param("k", person).param("g", group).param("kind", kind).param("v", version)
                .param("r", reason).update();
    }

    private static void figure(JdbcClient jdbc, String p, String metric, String area, long num, long den) {
        jdbc.sql("INSERT INTO ledger_figure (data_period, metric, area_code, numerator, denominator, figure, note) VALUES "
                        + "(:p, :m, :a, :n, :d, :f, 'test')")
                .param("p", p).param("m", metric).param("a", area).param("n", num).param("d", den)
                .param("f", den == 0 ? null : 100.0 * num / den).update();
    }
}
