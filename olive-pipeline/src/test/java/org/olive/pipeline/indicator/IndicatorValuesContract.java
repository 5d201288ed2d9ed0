package org.olive.pipeline.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The indicator_value store, on each database Olive supports. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IndicatorValuesContract {

    DataSource ds;
    IndicatorValues values;

    abstract DataSource database();

    @BeforeAll
    void open() {
        ds = database();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        values = new IndicatorValues(ds, Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC));
    }

    @BeforeEach
    void empty() throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM indicator_value");
        }
    }

    static IndicatorValue entered(String id, String period, String value, String note) {
        return new IndicatorValue(null, id, ValuePeriod.parse(period), new BigDecimal(value), ValueSource.ENTERED,
                "analyst", null, note, "shengsi-2021.1");
    }

    @Test
    void entriesAreAppendedAndTheLatestOfAYearWins() {
        IndicatorValue first = values.add(entered("C35", "2023", "11400", "县民政局 2023年文件"));
        assertThat(first.id()).isPositive();
        assertThat(first.enteredAt()).isEqualTo("2026-03-01T08:00:00Z");
        values.add(entered("C35", "2022", "11000", null));
        values.add(entered("C35", "2023", "11520", "更正"));

        TreeMap<Integer, IndicatorValue> byYear = values.byYear("C35");
        assertThat(byYear.keySet()).containsExactly(2022, 2023);
        assertThat(byYear.get(2023).value()).isEqualByComparingTo("11520");
        assertThat(byYear.get(2023).note()).isEqualTo("更正");
        assertThat(byYear.get(2022).note()).isNull();
        assertThat(values.history("C35")).extracting(v -> v.value().stripTrailingZeros().toPlainString())
                .containsExactly("11400", "11000", "11520");
        assertThat(IndicatorValues.values(byYear)).containsEntry(2022, byYear.get(2022).value());
    }

    @Test
    void aWholeYearWinsOverItsMonthsAndTheLastMonthOverEarlierOnes() {
        values.add(entered("P8", "2024-11", "78.5", null));
        values.add(entered("P8", "2024-12", "81.0", null));
        values.add(entered("P8", "2024-03", "70.0", null)); // entered late, still an earlier month
        assertThat(values.byYear("P8").get(2024).period().text()).isEqualTo("2024-12");
        values.add(entered("P8", "2024", "80.2", null));
        assertThat(values.byYear("P8").get(2024).value()).isEqualByComparingTo("80.2");
        values.add(entered("P7", "2024-Q3", "85", null));
        values.add(entered("P7", "2024-Q2", "84", null));
        assertThat(values.byYear("P7").get(2024).period().text()).isEqualTo("2024-Q3");
    }

    @Test
    void computedAndEnteredValuesAreReadForAllIndicators() {
        values.add(new IndicatorValue(null, "C08", ValuePeriod.ofYear(2024), new BigDecimal("61234.5"),
                ValueSource.COMPUTED, null, null, "ledger run 7", "shengsi-2021.1"));
        values.add(entered("C22", "2024", "1.52", null));
        Map<String, TreeMap<Integer, IndicatorValue>> all = values.all();
        assertThat(all.keySet()).containsExactlyInAnyOrder("C08", "C22");
        assertThat(all.get("C08").get(2024).source()).isEqualTo(ValueSource.COMPUTED);
        assertThat(values.recentEntries(10)).extracting(IndicatorValue::indicatorId).containsExactly("C22");
    }

    @Test
    void invalidValuesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> values.add(new IndicatorValue(null, "C35", ValuePeriod.ofYear(2023), BigDecimal.ONE,
                ValueSource.ENTERED, " ", null, null, "v")))
                .hasMessage("an entered value needs the account that entered it");
        assertThatThrownBy(() -> values.add(entered("C35", "2023", "1", "x".repeat(501))))
                .hasMessage("note is 501 characters; at most 500");
        assertThatThrownBy(() -> ValuePeriod.parse("2023-13"))
                .hasMessage("period '2023-13' is not a year (2023), a quarter (2023-Q2) or a month (2023-05)");
        assertThat(values.history("C35")).isEmpty();
    }
}
