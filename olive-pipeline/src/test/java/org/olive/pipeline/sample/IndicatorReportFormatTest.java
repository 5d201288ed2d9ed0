package org.olive.pipeline.sample;

import org.junit.jupiter.api.Test;
import org.olive.indicator.HouseholdSample;
import org.olive.indicator.IndicatorReport;
import org.olive.indicator.IndicatorSettings;
import org.olive.indicator.Indicators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorReportFormatTest {

    /** Two persons, one with zero income: P10 = 0, so P90/P10 is undefined. */
    private static IndicatorReport report() {
        HouseholdSample.Builder b = HouseholdSample.builder();
        int h1 = b.addHousehold("H1");
        b.addPerson(h1, 30, "A,1", 1);
        int h2 = b.addHousehold("H2");
        b.addPerson(h2, 30, "B", 1);
        b.addIncome(h2, 20_000);
        return Indicators.compute(b.build(), IndicatorSettings.of(org.olive.pipeline.income.IncomeSettings.builtIn().family(), org.olive.period.Period.of(2025, 12)), true);
    }

    @Test
    void jsonWritesUndefinedValuesAsNull() {
        JsonNode root = JsonMapper.builder().build().readTree(IndicatorReportFormat.json(report()));
        assertThat(root.path("settings").path("scale").asString()).isEqualTo("PER_CAPITA");
        assertThat(root.path("all").path("p90p10").isNull()).isTrue();
        // persons: 0 and 20 000 → Gini 50 %
        assertThat(root.path("all").path("gini").asDouble()).isEqualTo(50.0);
        assertThat(root.path("all").path("absolutePoverty").get(0).path("line").asString()).isEqualTo("dibao");
        assertThat(root.path("byArea").path("B").path("perCapitaIncome").asDouble()).isEqualTo(20_000);
    }

    @Test
    void csvHasOneRowPerFigure() {
        String csv = IndicatorReportFormat.csv(report());
        assertThat(csv).startsWith("area,indicator,value\nall,persons,2\n");
        assertThat(csv).contains("all,gini,50\n", "all,p90_p10,\n", "all,fgt0_dibao,0.5\n", "all,line_dibian,28000\n",
                "all,bracket_share_10-50万,0\n", "\"A,1\",persons,1\n", "B,per_capita_income,20000\n", "all,lorenz_0.5,0\n");
    }
}
