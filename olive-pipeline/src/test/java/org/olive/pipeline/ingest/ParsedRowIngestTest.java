package org.olive.pipeline.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.geography.Divisions;
import org.olive.identity.IdNumber;
import org.olive.period.Period;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A row rejected for its ID number keeps its parsed values in ingest_reject.parsed_row, for record matching. */
class ParsedRowIngestTest {

    @TempDir
    Path dir;

    @Test
    void aRowRejectedForItsIdKeepsItsParsedValuesAsJson() throws Exception {
        String village = Divisions.shengsi().villages().get(0).code();
        String good = IdNumber.compose("330922", LocalDate.of(1970, 3, 4), 11, true).value();
        String other = IdNumber.compose("330922", LocalDate.of(1972, 5, 6), 12, false).value();
        String badChecksum = other.substring(0, 17) + (other.charAt(17) == '1' ? '2' : '1');
        List<String> lines = new ArrayList<>();
        lines.add("公民身份号码,姓名,性别,出生日期,民族,户号,与户主关系,村社代码");
        lines.add(good + ",王建国,男,1970-03-04,汉族,H1,02," + village);
        lines.add(badChecksum + ",李秀英,女,1972-05-06,,H1,10," + village);
        lines.add(",张三,1,1980-01-02,01,H2,02,999");
        Path period = Files.createDirectories(dir.resolve("2023-12"));
        Files.write(period.resolve("户籍人口.csv"), String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        DataSource ds = Databases.h2Memory();

        PeriodIngest.withDefaults(ds).ingest(period, Period.of(2023, 12));

        List<String[]> rejects = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT source_row, field, parsed_row FROM ingest_reject ORDER BY source_row, field")) {
            while (rs.next()) {
                rejects.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        assertThat(rejects).extracting(r -> r[0] + " " + r[1]).containsExactly("3 公民身份号码", "4 公民身份号码", "4 村社代码");
        JsonMapper json = JsonMapper.builder().build();
        @SuppressWarnings("unchecked")
        Map<String, String> checksum = json.readValue(rejects.get(0)[2], Map.class);
        assertThat(checksum).containsExactly(Map.entry("name", "李秀英"), Map.entry("sex", "F"), Map.entry("birth_date", "1972-05-06"),
                Map.entry("hukou_no", "H1"), Map.entry("relation_to_head", "10"), Map.entry("village_code", village));
        // a row with two refused values: the same parsed values on each of its rejects, without the refused ones
        assertThat(rejects.get(1)[2]).isEqualTo(rejects.get(2)[2]);
        @SuppressWarnings("unchecked")
        Map<String, String> twoRefused = json.readValue(rejects.get(1)[2], Map.class);
        assertThat(twoRefused).doesNotContainKeys("person_id", "village_code").containsEntry("name", "张三")
                .containsEntry("ethnicity", "01");
    }
}
