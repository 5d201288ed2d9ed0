package org.olive.app.tag;

import static org.olive.app.population.LedgerTestData.*;

import org.olive.app.group.GroupTestData;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tags a run of 2025-03 would leave on {@link GroupTestData}'s county, written with SQL (tag_value of 张伟, 王强 and
 * the 张 family; tag_count of 2025-03 — age_band 3 in 菜园镇 and 2 in 嵊山镇, elderly 1 — and of 2025-02), so that the
 * tag pages have a latest period and the preview has its facts. Shared by the MockMvc and the browser tests.
 * Idempotent.
 */
public final class TagTestData {

    /** The latest period with a run of step tags. */
    public static final String PERIOD = "2025-03";

    private TagTestData() {
    }

    public static synchronized void seed(JdbcClient jdbc) {
        GroupTestData.seed(jdbc);
        if (jdbc.sql("SELECT COUNT(*) FROM tag_count").query(Long.class).single() > 0) {
            return;
        }
        value(jdbc, "PERSON", String.valueOf(ZHANG_WEI), ";age_band=40-59;key_groups=skilled_worker;",
                ";age_band@1;key_groups@1;", "age_band: age=45 | key_groups: groups=[skilled_worker] [id " + ID_ZHANG_WEI + "]");
        value(jdbc, "PERSON", String.valueOf(WANG_QIANG), ";age_band=18-39;", ";age_band@1;", "age_band: age=34");
        value(jdbc, "FAMILY", FAMILY_ZHANG, ";family_key_groups=skilled_worker;", ";family_key_groups@1;",
                "family_key_groups: groups=[skilled_worker]");
        count(jdbc, PERIOD, "PERSON", "age_band", "40-59", CAIYUAN, 3);
        count(jdbc, PERIOD, "PERSON", "age_band", "18-39", SHENGSHAN, 2);
        count(jdbc, PERIOD, "PERSON", "elderly", "", CAIYUAN, 1);
        count(jdbc, "2025-02", "PERSON", "elderly", "", CAIYUAN, 9);
    }

    private static void value(JdbcClient jdbc, String kind, String key, String tags, String versions, String evidence) {
        jdbc.sql("INSERT INTO tag_value (data_period, subject_kind, subject_key, tags, versions, evidence) VALUES "
                        + "(:p, :k, :s, :t, :v, :e)")
                .param("p", PERIOD).param("k", kind).param("s", key).param("t", tags).param("v", versions)
                .param("e", evidence).update();
    }

    private static void count(JdbcClient jdbc, String p, String kind, String tag, String value, String township, long n) {
        jdbc.sql("INSERT INTO tag_count (data_period, subject_kind, tag_id, tag_value, township_code, subjects, "
                        + "rule_version) VALUES (:p, :k, :t, :v, :town, :n, :r)")
                .param("p", p).param("k", kind).param("t", tag).param("v", value).param("town", township).param("n", n)
                .param("r", tag + "@1").update();
    }
}
