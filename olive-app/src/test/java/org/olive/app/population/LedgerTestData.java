package org.olive.app.population;

import java.time.LocalDate;
import java.util.List;

import org.olive.identity.IdNumber;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small ledger written with SQL into the V4 tables, as {@code olive run} would leave it, for the web tests: two
 * periods (2025-02, 2025-03), eight persons in two townships (菜园镇, the demo cadre's, and 嵊山镇), three families,
 * five conflicts, four record matches, indicator 4 and truth figures, and master rows (visible and invisible) for the
 * person page. 孙丽 and her one-person family moved from 菜园镇 沙河社区 (2025-02) to 嵊山镇 壁下村 (2025-03): she is
 * the case for the cadres' period rule (docs/access.md), with a master row, a record match and a conflict on each
 * side of the move. Idempotent: the tests share one database.
 */
public final class LedgerTestData {

    public static final String P1 = "2025-02";
    public static final String P2 = "2025-03";
    /** 菜园镇 (the demo cadre's township) and 嵊山镇, 9-digit codes as the ledgers store them. */
    public static final String CAIYUAN = "330922100";
    public static final String SHENGSHAN = "330922101";
    public static final String V_DONGHAI = "330922100001";
    public static final String V_SHAHE = "330922100002";
    public static final String V_BIXIA = "330922101207";

    /** Registry numbers of the persons. */
    public static final long ZHANG_WEI = 900001, LI_NA = 900002, ZHANG_MING = 900003, ZHANG_NAI = 900004,
            WANG_QIANG = 900005, ZHAO_MIN = 900006, CHEN_GANG = 900007, SUN_LI = 900008;

    public static final String ID_ZHANG_WEI = IdNumber.compose("330922", LocalDate.of(1980, 1, 15), 101, true).value();
    public static final String ID_LI_NA = IdNumber.compose("330922", LocalDate.of(1982, 5, 3), 102, false).value();
    public static final String ID_ZHANG_MING = IdNumber.compose("330922", LocalDate.of(2012, 9, 1), 103, true).value();
    public static final String ID_ZHANG_NAI = IdNumber.compose("330922", LocalDate.of(1950, 2, 2), 104, false).value();
    public static final String ID_WANG_QIANG = IdNumber.compose("330922", LocalDate.of(1990, 7, 7), 105, true).value();
    public static final String ID_ZHAO_MIN = IdNumber.compose("330102", LocalDate.of(1995, 3, 8), 106, false).value();
    public static final String ID_CHEN_GANG = IdNumber.compose("330922", LocalDate.of(1970, 11, 30), 107, true).value();
    public static final String ID_SUN_LI = IdNumber.compose("330922", LocalDate.of(1987, 4, 12), 108, false).value();

    public static final String FAMILY_ZHANG = "F9000001";
    public static final String FAMILY_WANG = "F9000002";
    /** 孙丽's family: 菜园镇 in 2025-02, 嵊山镇 in 2025-03. */
    public static final String FAMILY_SUN = "F9000003";

    /** Conflict keys (ids are generated: look them up with {@link #conflictId}). */
    public static final String CONFLICT_SPOUSE = "SPOUSE_MISMATCH:" + ID_ZHANG_WEI + "," + ID_LI_NA;
    public static final String CONFLICT_PARENTS = "AMBIGUOUS_PARENTS:" + ID_ZHANG_MING;
    public static final String CONFLICT_SEPARATED = "TWO_HUKOUS:" + ID_CHEN_GANG;
    public static final String CONFLICT_SHENGSHAN = "DEAD_STILL_LISTED:" + ID_WANG_QIANG;
    /** A case about 孙丽 raised after her move: it lies in 嵊山镇. */
    public static final String CONFLICT_MOVED = "TWO_HUKOUS:" + ID_SUN_LI;

    private LedgerTestData() {
    }

    /** Writes the fixture unless it is there already. */
    public static synchronized void seed(JdbcClient jdbc) {
        if (jdbc.sql("SELECT COUNT(*) FROM person WHERE person_key = :k").param("k", ZHANG_WEI).query(Long.class)
                .single() > 0) {
            return;
        }
        for (String p : List.of(P1, P2)) {
            jdbc.sql("INSERT INTO ledger_run (data_period, status, started_at, finished_at) VALUES "
                    + "(:p, 'SUCCEEDED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").param("p", p).update();
        }
        // a failed run of a later period: its period is not offered
        jdbc.sql("INSERT INTO ledger_run (data_period, status, started_at, error) VALUES "
                + "('2025-04', 'FAILED', CURRENT_TIMESTAMP, 'test')").update();

        person(jdbc, ZHANG_WEI, ID_ZHANG_WEI, "张伟", "M", LocalDate.of(1980, 1, 15), P1);
        person(jdbc, LI_NA, ID_LI_NA, "李娜", "F", LocalDate.of(1982, 5, 3), P1);
        person(jdbc, ZHANG_MING, ID_ZHANG_MING, "张小明", "M", LocalDate.of(2012, 9, 1), P1);
        person(jdbc, ZHANG_NAI, ID_ZHANG_NAI, "张奶奶", "F", LocalDate.of(1950, 2, 2), P1);
        person(jdbc, WANG_QIANG, ID_WANG_QIANG, "王强", "M", LocalDate.of(1990, 7, 7), P1);
        person(jdbc, ZHAO_MIN, ID_ZHAO_MIN, "赵敏", "F", LocalDate.of(1995, 3, 8), P1);
        person(jdbc, CHEN_GANG, ID_CHEN_GANG, "陈刚", "M", LocalDate.of(1970, 11, 30), P1);
        person(jdbc, SUN_LI, ID_SUN_LI, "孙丽", "F", LocalDate.of(1987, 4, 12), P1);

        for (String p : List.of(P1, P2)) {
            // registered and resident in 菜园镇 东海社区
            period(jdbc, p, ZHANG_WEI, true, true, false, false, "H001", V_DONGHAI, V_DONGHAI, CAIYUAN, "M", 45, 340);
            period(jdbc, p, LI_NA, true, true, false, false, "H001", V_DONGHAI, V_DONGHAI, CAIYUAN, "F", 42, 350);
            period(jdbc, p, ZHANG_MING, true, true, false, false, "H001", V_DONGHAI, V_DONGHAI, CAIYUAN, "M", 12, 300);
            // 嵊山镇
            period(jdbc, p, WANG_QIANG, true, true, false, false, "H900", V_BIXIA, V_BIXIA, SHENGSHAN, "M", 34, 330);
            // floating: registered outside the county, lives in 沙河社区
            period(jdbc, p, ZHAO_MIN, false, true, true, false, null, null, V_SHAHE, CAIYUAN, "F", 29, 250);
            // separated: registered in 东海社区, away most of the year
            period(jdbc, p, CHEN_GANG, true, false, false, true, "H002", V_DONGHAI, null, CAIYUAN, "M", 54, 20);
        }
        // 孙丽 moved with her hukou from 菜园镇 沙河社区 to 嵊山镇 壁下村 between February and March
        period(jdbc, P1, SUN_LI, true, true, false, false, "H003", V_SHAHE, V_SHAHE, CAIYUAN, "F", 37, 320);
        period(jdbc, P2, SUN_LI, true, true, false, false, "H003", V_BIXIA, V_BIXIA, SHENGSHAN, "F", 37, 310);
        // the grandmother is on the lists in February only: an exit of March
        period(jdbc, P1, ZHANG_NAI, true, true, false, false, "H001", V_DONGHAI, V_DONGHAI, CAIYUAN, "F", 75, 365);

        jdbc.sql("INSERT INTO family (family_key, first_period, last_period) VALUES (:a, :p1, :p2), (:b, :p1, :p2), "
                        + "(:c, :p1, :p2)")
                .param("a", FAMILY_ZHANG).param("b", FAMILY_WANG).param("c", FAMILY_SUN).param("p1", P1).param("p2", P2)
                .update();
        for (String p : List.of(P1, P2)) {
            boolean feb = p.equals(P1);
            jdbc.sql("INSERT INTO family_period (data_period, family_key, anchor_person_key, kind, hukou_no, village_code, "
                            + "township_code, members, residents) VALUES (:p, :f, :a, 'HUKOU', 'H001', :v, :t, :m, :m)")
                    .param("p", p).param("f", FAMILY_ZHANG).param("a", ZHANG_WEI).param("v", V_DONGHAI)
                    .param("t", CAIYUAN).param("m", feb ? 4 : 3).update();
            jdbc.sql("INSERT INTO family_period (data_period, family_key, anchor_person_key, kind, hukou_no, village_code, "
                            + "township_code, members, residents) VALUES (:p, :f, :a, 'HUKOU', 'H900', :v, :t, 1, 1)")
                    .param("p", p).param("f", FAMILY_WANG).param("a", WANG_QIANG).param("v", V_BIXIA)
                    .param("t", SHENGSHAN).update();
            member(jdbc, p, FAMILY_ZHANG, ZHANG_WEI, "HEAD", "02", "户主 in hukou H001 (basic_hukou row 1)");
            member(jdbc, p, FAMILY_ZHANG, LI_NA, "SPOUSE", "10", "配偶 in hukou H001; marriage registered 2008-10-01");
            member(jdbc, p, FAMILY_ZHANG, ZHANG_MING, "CHILD", "20", "子 in hukou H001; birth register names both");
            if (feb) {
                member(jdbc, p, FAMILY_ZHANG, ZHANG_NAI, "PARENT", "50", "母亲 in hukou H001");
            }
            member(jdbc, p, FAMILY_WANG, WANG_QIANG, "HEAD", "02", "户主 in hukou H900");
            jdbc.sql("INSERT INTO family_period (data_period, family_key, anchor_person_key, kind, hukou_no, village_code, "
                            + "township_code, members, residents) VALUES (:p, :f, :a, 'HUKOU', 'H003', :v, :t, 1, 1)")
                    .param("p", p).param("f", FAMILY_SUN).param("a", SUN_LI).param("v", feb ? V_SHAHE : V_BIXIA)
                    .param("t", feb ? CAIYUAN : SHENGSHAN).update();
            member(jdbc, p, FAMILY_SUN, SUN_LI, "HEAD", "02", feb ? "户主 in hukou H003 (沙河社区)"
                    : "户主 in hukou H003 (壁下村, moved in 2025-03)");
        }

        conflict(jdbc, CONFLICT_SPOUSE, "SPOUSE_MISMATCH", "H001", V_DONGHAI, CAIYUAN,
                "hukou H001 codes " + ID_LI_NA + " as 配偶 of " + ID_ZHANG_WEI
                        + " but the marriage register has a divorce on 2024-06-01 (basic_marriage row 7)",
                "keep the hukou coding", "KEEP_HUKOU,FOLLOW_MARRIAGE_REGISTER", ZHANG_WEI, LI_NA);
        conflict(jdbc, CONFLICT_PARENTS, "AMBIGUOUS_PARENTS", "H001", V_DONGHAI, CAIYUAN,
                "two couples of hukou H001 could be the parents of " + ID_ZHANG_MING, "place with the head's couple",
                "HEAD_COUPLE,OTHER_COUPLE", ZHANG_MING);
        conflict(jdbc, CONFLICT_SEPARATED, "TWO_HUKOUS", "H002", V_DONGHAI, CAIYUAN,
                "listed as normal in hukous H002 and H777", "keep in hukou H002", "KEEP_IN_H002,KEEP_IN_H777",
                CHEN_GANG);
        conflict(jdbc, CONFLICT_SHENGSHAN, "DEAD_STILL_LISTED", "H900", V_BIXIA, SHENGSHAN,
                "death registered 2025-01-09 but still listed in hukou H900", "leave out of the family",
                "CONFIRM_DEATH,DEATH_RECORD_WRONG", WANG_QIANG);
        conflict(jdbc, CONFLICT_MOVED, "TWO_HUKOUS", "H003", V_BIXIA, SHENGSHAN,
                "listed as normal in hukou H003 of 壁下村 and still in the 沙河社区 extract of 2025-03",
                "keep in hukou H003", "KEEP_IN_H003,KEEP_IN_OLD", SUN_LI);

        match(jdbc, 1, "33092219800115101", "张伟", "M", LocalDate.of(1980, 1, 15), V_DONGHAI, ZHANG_WEI, "0.870");
        match(jdbc, 2, null, "张伟", "M", LocalDate.of(1980, 1, 15), V_DONGHAI, ZHANG_WEI, "0.810");
        match(jdbc, 3, "X", "王强", "M", LocalDate.of(1990, 7, 7), V_BIXIA, WANG_QIANG, "0.800");
        match(jdbc, 4, null, "孙丽", "F", LocalDate.of(1987, 4, 12), V_BIXIA, SUN_LI, "0.790");

        for (String p : List.of(P1, P2)) {
            figure(jdbc, p, "relationship_accuracy", "", 5, p.equals(P1) ? 6 : 5, "residents without an open case");
            figure(jdbc, p, "relationship_accuracy", CAIYUAN, 4, p.equals(P1) ? 5 : 4, "residents without an open case");
            figure(jdbc, p, "relationship_accuracy", SHENGSHAN, 0, 1, "residents without an open case");
        }
        figure(jdbc, P2, "residence_precision", "", 997, 1000, "against truth/2025-03/residence.csv");
        figure(jdbc, P2, "family_exact", "", 1985, 2000, "against truth/2025-03/families.csv");

        // master rows: a visible hukou row, the same person in a failed run (invisible), a marriage, a tax row
        long ok = ingestRun(jdbc, "SUCCEEDED");
        long failed = ingestRun(jdbc, "FAILED");
        jdbc.sql("INSERT INTO basic_hukou (data_period, run_id, source_file, source_row, person_id, name, sex, birth_date, "
                        + "hukou_no, relation_to_head, village_code, status) VALUES (:p, :r, '户籍人口_202503.csv', 12, :id, "
                        + "'张伟', 'M', :b, 'H001', '02', :v, 'NORMAL')")
                .param("p", P2).param("r", ok).param("id", ID_ZHANG_WEI).param("b", LocalDate.of(1980, 1, 15))
                .param("v", V_DONGHAI).update();
        jdbc.sql("INSERT INTO basic_hukou (data_period, run_id, source_file, source_row, person_id, name, hukou_no) "
                        + "VALUES (:p, :r, '户籍人口_失败.csv', 99, :id, '不应显示', 'H999')")
                .param("p", P2).param("r", failed).param("id", ID_ZHANG_WEI).update();
        jdbc.sql("INSERT INTO basic_marriage (data_period, run_id, source_file, source_row, husband_id, husband_name, "
                        + "wife_id, wife_name, kind, event_date) VALUES (:p, :r, '婚姻登记_202503.csv', 7, :h, '张伟', :w, "
                        + "'李娜', 'IA', :d)")
                .param("p", P2).param("r", ok).param("h", ID_ZHANG_WEI).param("w", ID_LI_NA)
                .param("d", LocalDate.of(2008, 10, 1)).update();
        // 孙丽's hukou row before the move (2025-02, 沙河社区) and after it (2025-03, 壁下村)
        for (String p : List.of(P1, P2)) {
            boolean feb = p.equals(P1);
            jdbc.sql("INSERT INTO basic_hukou (data_period, run_id, source_file, source_row, person_id, name, sex, "
                            + "birth_date, hukou_no, relation_to_head, village_code, status) VALUES (:p, :r, :f, :row, :id, "
                            + "'孙丽', 'F', :b, 'H003', '02', :v, 'NORMAL')")
                    .param("p", p).param("r", ok).param("f", feb ? "户籍人口_202502.csv" : "户籍人口_202503.csv")
                    .param("row", feb ? 21 : 22).param("id", ID_SUN_LI).param("b", LocalDate.of(1987, 4, 12))
                    .param("v", feb ? V_SHAHE : V_BIXIA).update();
        }
        jdbc.sql("INSERT INTO income_iit (data_period, run_id, source_file, source_row, person_id, name, month_period, "
                        + "item, income, tax) VALUES (:p, :r, '个税_202503.csv', 3, :id, '张伟', '2025-03', 'WAGE', "
                        + "8500.00, 120.00)")
                .param("p", P2).param("r", ok).param("id", ID_ZHANG_WEI).update();
    }

    /** The generated id of a conflict. */
    public static long conflictId(JdbcClient jdbc, String key) {
        return jdbc.sql("SELECT id FROM family_conflict WHERE conflict_key = :k").param("k", key).query(Long.class)
                .single();
    }

    /** The generated id of a record match by its source row. */
    public static long matchId(JdbcClient jdbc, int sourceRow) {
        return jdbc.sql("SELECT id FROM person_match WHERE file_name = 'fixture.csv' AND source_row = :r")
                .param("r", sourceRow).query(Long.class).single();
    }

    private static void person(JdbcClient jdbc, long key, String id, String name, String sex, LocalDate birth,
                               String first) {
        jdbc.sql("INSERT INTO person (person_key, id_number, name, sex, birth_date, first_period, last_period) "
                        + "VALUES (:k, :id, :n, :s, :b, :f, :l)")
                .param("k", key).param("id", id).param("n", name).param("s", sex).param("b", birth).param("f", first)
                .param("l", key == ZHANG_NAI ? P1 : P2).update();
    }

    private static void period(JdbcClient jdbc, String p, long key, boolean registered, boolean resident,
                               boolean floating, boolean separated, String hukou, String hukouVillage,
                               String liveVillage, String township, String sex, int age, int days) {
        jdbc.sql("INSERT INTO person_period (data_period, person_key, registered, resident, floating, separated, hukou_no, "
                        + "hukou_village, live_village, township_code, sex, age, days_present, presence_basis, "
                        + "presence_note, registered_since, resident_since, floating_since, separated_since) VALUES "
                        + "(:p, :k, :reg, :res, :fl, :sep, :h, :hv, :lv, :t, :s, :a, :d, 'CROSSINGS', :note, :rs, :ress, "
                        + ":fs, :ss)")
                .param("p", p).param("k", key).param("reg", registered).param("res", resident).param("fl", floating)
                .param("sep", separated).param("h", hukou).param("hv", hukouVillage).param("lv", liveVillage)
                .param("t", township).param("s", sex).param("a", age).param("d", days)
                .param("note", days + " of the trailing 365 days on the islands")
                .param("rs", registered ? P1 : null).param("ress", resident ? P1 : null)
                .param("fs", floating ? P1 : null).param("ss", separated ? P1 : null).update();
    }

    private static void member(JdbcClient jdbc, String p, String family, long key, String role, String code,
                               String basis) {
        jdbc.sql("INSERT INTO family_member (data_period, family_key, person_key, role, relation_code, basis) "
                        + "VALUES (:p, :f, :k, :r, :c, :b)")
                .param("p", p).param("f", family).param("k", key).param("r", role).param("c", code).param("b", basis)
                .update();
    }

    private static void conflict(JdbcClient jdbc, String key, String kind, String hukou, String village,
                                 String township, String evidence, String provisional, String options,
                                 long... persons) {
        jdbc.sql("INSERT INTO family_conflict (conflict_key, kind, hukou_no, village_code, township_code, evidence, "
                        + "provisional, options, first_period, last_period, status) VALUES (:key, :kind, :h, :v, :t, :e, "
                        + ":pr, :o, :p1, :p2, 'OPEN')")
                .param("key", key).param("kind", kind).param("h", hukou).param("v", village).param("t", township)
                .param("e", evidence).param("pr", provisional).param("o", options).param("p1", P1).param("p2", P2)
                .update();
        long id = conflictId(jdbc, key);
        for (long p : persons) {
            jdbc.sql("INSERT INTO family_conflict_person (conflict_id, person_key) VALUES (:c, :p)").param("c", id)
                    .param("p", p).update();
        }
    }

    private static void match(JdbcClient jdbc, int row, String rawId, String name, String sex, LocalDate birth,
                              String village, long candidate, String score) {
        jdbc.sql("INSERT INTO person_match (data_period, dataset, file_name, source_row, raw_id, name, sex, birth_date, "
                        + "village_code, candidate_key, score, evidence, status) VALUES (:p, 'iit', 'fixture.csv', :r, "
                        + ":raw, :n, :s, :b, :v, :c, :score, :e, 'REVIEW')")
                .param("p", P2).param("r", row).param("raw", rawId).param("n", name).param("s", sex).param("b", birth)
                .param("v", village).param("c", candidate).param("score", new java.math.BigDecimal(score))
                .param("e", "{\"name\":{\"agreed\":true,\"weight\":0.4},\"sex\":{\"agreed\":true,\"weight\":0.1}}")
                .update();
    }

    private static void figure(JdbcClient jdbc, String p, String metric, String area, long num, long den, String note) {
        jdbc.sql("INSERT INTO ledger_figure (data_period, metric, area_code, numerator, denominator, figure, note) "
                        + "VALUES (:p, :m, :a, :n, :d, :f, :note)")
                .param("p", p).param("m", metric).param("a", area).param("n", num).param("d", den)
                .param("f", den == 0 ? null : (double) num / den).param("note", note).update();
    }

    private static long ingestRun(JdbcClient jdbc, String status) {
        // an old period, so that the ingest pages' "latest period" (tested by IngestWebTest) stays the real ingest's
        jdbc.sql("INSERT INTO ingest_run (data_period, status, started_at, source_dir) VALUES ('2020-01', :s, "
                + "CURRENT_TIMESTAMP, '/fixture')").param("s", status).update();
        return jdbc.sql("SELECT MAX(id) FROM ingest_run").query(Long.class).single();
    }
}
