package org.olive.app.income;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olive.app.population.LedgerTestData.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olive.app.OliveWebTest;
import org.olive.app.population.LedgerWebSupport;
import org.olive.pipeline.county.CountyProfile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A county profile with a third bracket (issue 12): the income list's bracket filter offers it under its Chinese or
 * English name and filters on its family_flag rows; no migration, no code. A Spring context of its own (another
 * olive.county).
 */
@OliveWebTest
class ProfileBracketsWebTest {

    static final String THIRD = "  - id: low_5_10\n    name_zh: 5-10万\n    name_en: 50-100 thousand\n"
            + "    basis: PER_CAPITA_TIMES_3\n    lower: 50000\n    upper: 100000\n";

    @DynamicPropertySource
    static void county(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("olive-county-brackets");
        dir.toFile().deleteOnExit();
        CountyProfile.writeBuiltIn(dir);
        Path income = dir.resolve("income.yaml");
        String text = Files.readString(income);
        assertThat(text).contains("brackets:\n");
        Files.writeString(income, text.replace("brackets:\n", "brackets:\n" + THIRD));
        registry.add("olive.county", dir::toString);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    LedgerWebSupport web;

    @BeforeEach
    void seed() {
        web = new LedgerWebSupport(mvc, jdbc);
        IncomeTestData.seed(jdbc);
        // as the income step would flag it on this profile: the Wang family's three-person DI is 60,000
        if (jdbc.sql("SELECT COUNT(*) FROM family_flag WHERE flag_id = 'low_5_10'").query(Long.class).single() == 0) {
            IncomeTestData.flag(jdbc, FAMILY_WANG, true, "BRACKET", "low_5_10");
        }
    }

    @Test
    void theBracketFilterOffersTheProfilesBracketsByName() throws Exception {
        MockHttpSession analyst = web.login("analyst");
        String zh = web.page(get("/income/families").session(analyst));
        assertThat(zh).contains("<option value=\"low_5_10\">5-10万</option>", "<option value=\"middle_10_50\">10-50万</option>");
        // the Wang family's badge
        assertThat(zh).contains(">5-10万</span>");
        String en = web.page(get("/income/families").param("lang", "en").session(analyst));
        assertThat(en).contains("<option value=\"low_5_10\">50-100 thousand</option>",
                "<option value=\"middle_20_60\">200-600 thousand</option>");
        String low = web.page(get("/income/families").param("bracket", "low_5_10").session(analyst));
        assertThat(low).contains("data-family=\"" + FAMILY_WANG + "\"", "<option value=\"low_5_10\" selected=\"selected\">")
                .doesNotContain("data-family=\"" + FAMILY_ZHANG + "\"");
        // and the family page lists it among the brackets
        assertThat(web.page(get("/families/" + FAMILY_WANG).param("period", P2).session(analyst)))
                .contains("在5-10万群体中", "不在10-50万群体中");
    }
}
