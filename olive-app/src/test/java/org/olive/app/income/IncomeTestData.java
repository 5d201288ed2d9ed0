package org.olive.app.income;

import static org.olive.app.population.LedgerTestData.*;

import java.math.BigDecimal;

import org.olive.app.population.LedgerTestData;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An income ledger for period 2025-03 of {@link LedgerTestData}'s county, written with SQL into the V6 tables as the
 * ledger run would leave it: the Zhang family (菜园镇, urban, 3 residents, in both middle-income brackets), the Wang
 * family (嵊山镇, rural, 1 resident, below the 低边 line), the Zhang father's items with provenance, the county,
 * urban/rural and township figures of 2025-02 and 2025-03, and an estimation model; and 孙丽's income before her move
 * (2025-02, 菜园镇) and after it (2025-03, 嵊山镇), one item each (person rows only: the family lists and figures are
 * those of the two families above). Idempotent.
 */
public final class IncomeTestData {

    /** Three-person DI of the two families. */
    public static final BigDecimal ZHANG_THREE = new BigDecimal("240000.00");
    public static final BigDecimal WANG_THREE = new BigDecimal("60000.00");

    private IncomeTestData() {
    }

    public static synchronized void seed(JdbcClient jdbc) {
        LedgerTestData.seed(jdbc);
        if (jdbc.sql("SELECT COUNT(*) FROM family_income WHERE family_key = :f").param("f", FAMILY_ZHANG)
                .query(Long.class).single() > 0) {
            return;
        }
        family(jdbc, FAMILY_ZHANG, CAIYUAN, V_DONGHAI, true, 3, "240000.00", "80000.00", ZHANG_THREE, true, true,
                false, false, "NONE");
        family(jdbc, FAMILY_WANG, SHENGSHAN, V_BIXIA, false, 1, "20000.00", "20000.00", WANG_THREE, false, false,
                false, true, "ASSIST");
        // the Wangs' warning (step warnings): yellow at P2, below the 低边 line and the assistance line
        jdbc.sql("INSERT INTO family_warning (data_period, family_key, colour, township_code, rules, evidence) VALUES "
                        + "(:p, :f, 'YELLOW', :t, ';below_dibian@1;assist_line@1;', 'below_dibian@1: di_per_capita=20000 "
                        + "[family_income:2025-03:F9000002]; dibian_line=28000 [income.yaml:lines.dibian[0] × lines.dibao[3]] "
                        + "| assist_line@1: after_rigid_monthly=1666.67 [family_income:2025-03:F9000002]; assist_line=1656 "
                        + "[income.yaml:lines.assist_share × lines.minimum_wage.tiers[0] tier 2 (lines.minimum_wage.tier[0])]')")
                .param("p", P2).param("f", FAMILY_WANG).param("t", SHENGSHAN).update();
        jdbc.sql("INSERT INTO warning_event (data_period, family_key, changed_on, from_colour, to_colour, township_code, "
                        + "reason) VALUES (:p, :f, DATE '2025-03-31', 'GREEN', 'YELLOW', :t, 'fired: below_dibian@1: "
                        + "di_per_capita=20000')")
                .param("p", P2).param("f", FAMILY_WANG).param("t", SHENGSHAN).update();
        person(jdbc, ZHANG_WEI, FAMILY_ZHANG, CAIYUAN, V_DONGHAI, true, "150000.00", "PRECISE");
        person(jdbc, LI_NA, FAMILY_ZHANG, CAIYUAN, V_DONGHAI, true, "90000.00", "ESTIMATED");
        person(jdbc, ZHANG_MING, FAMILY_ZHANG, CAIYUAN, V_DONGHAI, true, "0.00", "PRECISE");
        person(jdbc, WANG_QIANG, FAMILY_WANG, SHENGSHAN, V_BIXIA, false, "20000.00", "PRECISE");
        person(jdbc, P1, SUN_LI, FAMILY_SUN, CAIYUAN, V_SHAHE, true, "48000.00", "PRECISE");
        person(jdbc, P2, SUN_LI, FAMILY_SUN, SHENGSHAN, V_BIXIA, false, "52000.00", "PRECISE");
        item(jdbc, P1, SUN_LI, "WAGE", "iit_wages", "income_iit", "PRECISE", "48000.00", 12, 12,
                "income_iit 2024-03..2025-02: 个税_202502.csv row 21", "1.000", null, null);
        item(jdbc, P2, SUN_LI, "BUSINESS", "bnb", "work_bnb", "PRECISE", "52000.00", 12, 12,
                "work_bnb 2024-04..2025-03: 民宿_202503.csv row 22", "0.700", null, null);

        item(jdbc, ZHANG_WEI, "WAGE", "iit_wages", "income_iit", "PRECISE", "102000.00", 12, 12,
                "income_iit 2024-04..2025-03: 个税_202503.csv row 3 (ID " + ID_ZHANG_WEI + ")", "1.000", null, null);
        item(jdbc, ZHANG_WEI, "BUSINESS", "bnb", "work_bnb", "PRECISE", "60000.00", 12, 12,
                "work_bnb 2024-04..2025-03: 民宿_202503.csv rows 5..16", "0.700", null, null);
        item(jdbc, ZHANG_WEI, "TRANSFER_OUT", "iit_tax", "income_iit", "PRECISE", "12000.00", 12, 12,
                "income_iit 2024-04..2025-03", "1.000", null, null);
        item(jdbc, LI_NA, "WAGE", "model", "", "ESTIMATED", "90000.00", 0, 0, null, "0.600", "70000.00",
                "110000.00");

        for (String p : new String[] {P1, P2}) {
            boolean mar = p.equals(P2);
            fig(jdbc, p, "POPULATION", "COUNTY", "", "per_capita_di", mar ? 65000 : 64000, null, null);
            fig(jdbc, p, "POPULATION", "COUNTY", "", "urban_rural_ratio", mar ? 1.42 : 1.44, null, null);
            fig(jdbc, p, "POPULATION", "COUNTY", "", "share_10_50", 0.75, 3.0, 4.0);
            fig(jdbc, p, "POPULATION", "COUNTY", "", "share_20_60", 0.75, 3.0, 4.0);
            fig(jdbc, p, "POPULATION", "COUNTY", "", "monitoring_coverage", 1.0, 4.0, 4.0);
            fig(jdbc, p, "POPULATION", "COUNTY", "", "gini", 31.5, null, null);
        }
        fig(jdbc, P2, "POPULATION", "URBAN_RURAL", "URBAN", "per_capita_di", 80000, null, null);
        fig(jdbc, P2, "POPULATION", "URBAN_RURAL", "RURAL", "per_capita_di", 20000, null, null);
        fig(jdbc, P2, "SURVEY", "URBAN_RURAL", "URBAN", "per_capita_di", 78000, null, null);
        fig(jdbc, P2, "SURVEY", "URBAN_RURAL", "RURAL", "per_capita_di", 52000, null, null);
        fig(jdbc, P2, "SURVEY", "COUNTY", "", "urban_rural_ratio", 1.5, null, null);
        fig(jdbc, P2, "POPULATION", "TOWNSHIP", CAIYUAN, "per_capita_di", 80000, null, null);
        fig(jdbc, P2, "POPULATION", "TOWNSHIP", CAIYUAN, "share_10_50", 1.0, 3.0, 3.0);
        fig(jdbc, P2, "POPULATION", "TOWNSHIP", CAIYUAN, "monitoring_coverage", 1.0, 3.0, 3.0);
        fig(jdbc, P2, "POPULATION", "TOWNSHIP", SHENGSHAN, "per_capita_di", 20000, null, null);
        fig(jdbc, P2, "POPULATION", "TOWNSHIP", SHENGSHAN, "share_10_50", 0.0, 0.0, 1.0);

        jdbc.sql("INSERT INTO income_model (data_period, component, survey_year, trainer, train_rows, test_rows, mae, "
                        + "mape, coverage, interval_half_width, applied_to, details) VALUES (:p, 'WAGE', 2024, "
                        + "'regression tree (Tribuo CART, depth 6)', 400, 100, 8123.4, 0.183, 0.91, 20000, 1, "
                        + "'{\"folds\":5,\"estimate_per_resident\":10907.4,\"estimate_se_per_resident\":7384.2}')")
                .param("p", P2).update();
    }

    private static void family(JdbcClient jdbc, String key, String township, String village, boolean urban,
                               int residents, String di, String perCapita, BigDecimal three, boolean b1050,
                               boolean b2060, boolean dibao, boolean marginal, String doubleLine) {
        jdbc.sql("INSERT INTO family_income (data_period, family_key, township_code, village_code, urban, residents, "
                        + "disposable, di_low, di_high, per_capita, three_person, medical_oop, after_rigid_monthly, method, "
                        + "monitored_members, education_expense) VALUES (:p, :f, :t, :v, :u, :r, :di, :lo, :hi, :pc, :three, "
                        + "1200.00, :arm, 'ESTIMATED', :r, 3600.00)")
                .param("p", P2).param("f", key).param("t", township).param("v", village).param("u", urban)
                .param("r", residents).param("di", new BigDecimal(di))
                .param("lo", new BigDecimal(di).subtract(new BigDecimal("20000")).max(BigDecimal.ZERO))
                .param("hi", new BigDecimal(di).add(new BigDecimal("20000"))).param("pc", new BigDecimal(perCapita))
                .param("three", three)
                .param("arm", new BigDecimal(perCapita).divide(new BigDecimal(12), 2, java.math.RoundingMode.HALF_UP))
                .update();
        // the flags as the income step writes them (V17: rows of family_flag)
        flag(jdbc, key, b1050, "BRACKET", "middle_10_50");
        flag(jdbc, key, b2060, "BRACKET", "middle_20_60");
        flag(jdbc, key, dibao, "LINE", "dibao");
        flag(jdbc, key, marginal, "LINE", "dibian");
        flag(jdbc, key, !doubleLine.equals("NONE"), "LINE", "assist");
        flag(jdbc, key, doubleLine.equals("SAFETY_NET"), "LINE", "safety_net");
    }

    /** A family_flag row of period P2 when {@code set}. */
    static void flag(JdbcClient jdbc, String key, boolean set, String kind, String id) {
        if (set) {
            jdbc.sql("INSERT INTO family_flag (data_period, family_key, kind, flag_id, evidence) VALUES (:p, :f, :k, :i, "
                    + "'test')").param("p", P2).param("f", key).param("k", kind).param("i", id).update();
        }
    }

    private static void person(JdbcClient jdbc, long key, String family, String township, String village,
                               boolean urban, String di, String method) {
        person(jdbc, P2, key, family, township, village, urban, di, method);
    }

    private static void person(JdbcClient jdbc, String period, long key, String family, String township,
                               String village, boolean urban, String di, String method) {
        BigDecimal d = new BigDecimal(di);
        jdbc.sql("INSERT INTO person_income (data_period, person_key, family_key, resident, township_code, village_code, "
                        + "urban, sex, age, wage, business, property, transfer_in, transfer_out, disposable, precise_di, "
                        + "estimated, di_low, di_high, method, confidence, monitored) VALUES (:p, :k, :f, TRUE, :t, :v, "
                        + ":u, 'M', 40, :w, :b, 0, 0, :to, :d, :pd, :e, :lo, :hi, :m, :c, TRUE)")
                .param("p", period).param("k", key).param("f", family).param("t", township).param("v", village)
                .param("u", urban)
                .param("w", key == ZHANG_WEI ? new BigDecimal("102000.00") : d)
                .param("b", key == ZHANG_WEI ? new BigDecimal("60000.00") : BigDecimal.ZERO)
                .param("to", key == ZHANG_WEI ? new BigDecimal("12000.00") : BigDecimal.ZERO)
                .param("d", d).param("pd", method.equals("PRECISE") ? d : BigDecimal.ZERO)
                .param("e", method.equals("PRECISE") ? BigDecimal.ZERO : d)
                .param("lo", d.subtract(new BigDecimal("20000")).max(BigDecimal.ZERO))
                .param("hi", d.add(new BigDecimal("20000"))).param("m", method)
                .param("c", new BigDecimal(method.equals("PRECISE") ? "0.900" : "0.600")).update();
    }

    private static void item(JdbcClient jdbc, long key, String component, String source, String dataset,
                             String method, String amount, int months, int records, String ref, String confidence,
                             String low, String high) {
        item(jdbc, P2, key, component, source, dataset, method, amount, months, records, ref, confidence, low, high);
    }

    private static void item(JdbcClient jdbc, String period, long key, String component, String source,
                             String dataset, String method, String amount, int months, int records, String ref,
                             String confidence, String low, String high) {
        jdbc.sql("INSERT INTO income_item (data_period, person_key, component, source, dataset, method, amount, months, "
                        + "record_count, record_ref, confidence, low, high) VALUES (:p, :k, :c, :s, :d, :m, :a, :mo, "
                        + ":r, :ref, :conf, :lo, :hi)")
                .param("p", period).param("k", key).param("c", component).param("s", source).param("d", dataset)
                .param("m", method).param("a", new BigDecimal(amount)).param("mo", months).param("r", records)
                .param("ref", ref).param("conf", new BigDecimal(confidence))
                .param("lo", low == null ? null : new BigDecimal(low))
                .param("hi", high == null ? null : new BigDecimal(high)).update();
    }

    private static void fig(JdbcClient jdbc, String p, String basis, String breakdown, String group, String metric,
                            double figure, Double num, Double den) {
        jdbc.sql("INSERT INTO income_indicator (data_period, basis, breakdown, group_code, metric, figure, numerator, "
                        + "denominator) VALUES (:p, :b, :d, :g, :m, :f, :n, :den)")
                .param("p", p).param("b", basis).param("d", breakdown).param("g", group).param("m", metric)
                .param("f", figure).param("n", num).param("den", den).update();
    }
}
