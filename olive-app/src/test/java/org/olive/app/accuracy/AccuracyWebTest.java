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
                "83.33% (5/6)", "100.00% (5/5)", "0.00% (0/1)", "data-target=\"99.0\"");
        assertThat(html).contains("id=\"truth-table\"", "常住判定精确率", "99.70% (997/1000)", "99.25% (1985/2000)",
                "against truth/2025-03/residence.csv");
    }

    @Test
    void cadreSeesCountyAndOwnTownship() throws Exception {
        String html = web.page(get("/ledger").session(web.login("cadre")));
        assertThat(html).contains("全县", "菜园镇").doesNotContain("嵊山镇</th>");
    }
}
