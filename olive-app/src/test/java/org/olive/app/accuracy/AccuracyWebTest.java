package org.olive.app.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olive.app.OliveWebTest;
import org.olive.app.population.LedgerWebSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /ledger}: indicator 4 by period, county and township, with numerators; the truth figures. */
@OliveWebTest
class AccuracyWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    LedgerWebSupport web;

    @BeforeEach
    void seed() {
        web = new LedgerWebSupport(mvc, jdbc);
    }

    @Test
    void indicatorFourAndTruthFigures() throws Exception {
        String html = web.page(get("/ledger").session(web.login("analyst")));
        assertThat(html).contains("指标4：家庭关系精准性比例", "data-chart=\"accuracy\"", "全县", "菜园镇", "嵊山镇",
                "83.3% (5/6)", "100.0% (5/5)", "0.0% (0/1)", "data-target=\"99.0\"");
        assertThat(html).contains("id=\"truth-table\"", "常住判定精确率", "99.7% (997/1000)", "99.3% (1985/2000)",
                "against truth/2025-03/residence.csv");
    }

    /** The rows HeadlineTruthAccuracy writes for a period: Olive, truth, error per figure. */
    private void headline(String period, String figure, Double olive, Double truth, Double error) {
        String[] sides = {"olive", "truth", "error"};
        Double[] values = {olive, truth, error};
        for (int i = 0; i < 3; i++) {
            jdbc.sql("DELETE FROM ledger_figure WHERE data_period = :p AND metric = :m AND area_code = ''")
                    .param("p", period).param("m", "headline_" + figure + "_" + sides[i]).update();
            jdbc.sql("INSERT INTO ledger_figure (data_period, metric, area_code, numerator, denominator, figure, note) "
                            + "VALUES (:p, :m, '', 0, 0, :f, :n)")
                    .param("p", period).param("m", "headline_" + figure + "_" + sides[i]).param("f", values[i])
                    .param("n", sides[i] + " of " + figure).update();
        }
    }

    @Test
    void headlineFiguresBesideTheTruthLatestPeriodFirst() throws Exception {
        // the small county at 2025-12, and one figure of 2023-12
        headline("2025-12", "residents", 5443.0, 4650.0, 5443.0 / 4650 - 1);
        headline("2025-12", "per_capita_di", 80925.4, 71186.13, 80925.4 / 71186.13 - 1);
        headline("2025-12", "urban_rural_ratio", 1.28, 1.4448, 1.28 - 1.4448);
        headline("2025-12", "share_10_50", 0.824, 0.7692, 0.824 - 0.7692);
        headline("2025-12", "share_20_60", 0.547, 0.4316, 0.547 - 0.4316);
        headline("2025-12", "gini", 31.04, 30.5, 0.54);
        headline("2025-12", "per_capita_di_rural", 60000.0, null, null);
        headline("2023-12", "residents", 4540.0, 3762.0, 4540.0 / 3762 - 1);
        String html = web.page(get("/ledger").session(web.login("analyst")));
        assertThat(html).contains("核心指标与真值对照", "id=\"headline-2025-12\"", "id=\"headline-2023-12\"",
                "常住人口", "5,443", "4,650", "+17.1%", "80,925", "71,186", "+13.7%",
                "指标1：城乡居民收入倍差", "1.28", "1.44", "-0.16",
                "82.4%", "76.9%", "+5.5 个百分点", "54.7%", "43.2%", "+11.5 个百分点",
                "基尼系数（%）", "31.0", "30.5", "+0.5 点", "olive of residents — truth of residents");
        assertThat(html.indexOf("headline-2025-12")).isLessThan(html.indexOf("headline-2023-12"));
        // the latest period is open, the earlier ones folded
        assertThat(html).contains("<details class=\"headline-period\" data-period=\"2025-12\" open=\"open\">",
                "<details class=\"headline-period\" data-period=\"2023-12\">");
        // a figure the truth lacks is shown as such, not as zero
        assertThat(html).containsPattern("农村人均可支配收入（元）</th>\\s*<td class=\"num\">60,000</td>\\s*<td class=\"num\">–</td>\\s*<td class=\"num\">–</td>");
        String en = web.page(get("/ledger").param("lang", "en").session(web.login("analyst")));
        assertThat(en).contains("Headline figures against the truth", "Resident population", "+5.5 pp", "+0.5 points");
        assertThat(html).doesNotContain("headline-se");
    }

    /** The estimation's sampling error of a period is shown under its headline figures, to read the DI error against. */
    @Test
    void samplingErrorBesideTheHeadlineFigures() throws Exception {
        headline("2025-12", "per_capita_di", 72395.0, 71206.0, 72395.0 / 71206 - 1);
        jdbc.sql("INSERT INTO income_model (data_period, component, survey_year, trainer, train_rows, test_rows, mae, "
                        + "mape, coverage, interval_half_width, applied_to, details) VALUES ('2025-12', 'WAGE', 2025, "
                        + "'group mean', 100, 100, 1, 0.1, 0.8, 1, 1, "
                        + "'{\"estimate_per_resident\":10907.4,\"estimate_se_per_resident\":7384.2}')").update();
        try {
            String html = web.page(get("/ledger").session(web.login("analyst")));
            assertThat(html).contains("headline-se", "推算部分人均 10,907 元，抽样误差 ±7,384 元");
        } finally {
            jdbc.sql("DELETE FROM income_model WHERE data_period = '2025-12'").update();
        }
    }

    @Test
    void cadreSeesCountyAndOwnTownship() throws Exception {
        String html = web.page(get("/ledger").session(web.login("cadre")));
        assertThat(html).contains("全县", "菜园镇").doesNotContain("嵊山镇</th>");
    }
}
