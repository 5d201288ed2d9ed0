package org.olive.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.olive.geography.Divisions;
import org.olive.identity.CreditCode;
import org.olive.identity.IdNumber;
import org.olive.period.Period;
import org.olive.synth.livelihood.Livelihood;
import org.olive.synth.output.Catalog;
import org.olive.synth.output.Column;
import org.olive.synth.output.DatasetSpec;
import org.olive.synth.output.Format;
import org.olive.synth.population.TouristIds;
import org.olive.synth.reference.OccupationNames;

/** In clean output every identifier and code is valid against core's rules and reference tables. */
class CodesTest {

    @Test
    void everyLivelihoodCodeExistsInTheReferenceTables() {
        for (Livelihood l : Livelihood.values()) {
            for (String c : l.industries()) {
                assertThat(OccupationNames.industryExists(c)).as(l + " industry " + c).isTrue();
            }
            for (String c : l.occupations()) {
                assertThat(OccupationNames.occupationExists(c)).as(l + " occupation " + c).isTrue();
            }
        }
        // the codes the issue names: port, fishing, aquaculture, lodging, catering, travel agencies
        for (String c : List.of("5531", "5532", "0421", "0411", "6110", "6130", "6210", "7291")) {
            assertThat(OccupationNames.industryExists(c)).as(c).isTrue();
        }
        assertThat(OccupationNames.occupationExists("4-03-02-01")).isTrue();
    }

    @Test
    void touristIdsAreValid() {
        char[] buf = new char[18];
        for (long t = 0; t < 200_000; t += 7919) {
            TouristIds.write(t, buf);
            assertThat(IdNumber.parse(new String(buf)).valid()).as(new String(buf)).isTrue();
        }
    }

    @Test
    void everyIdCreditCodeVillageAndClassificationCodeIsValid() throws Exception {
        Path out = Counties.clean().outputDir();
        Divisions divisions = Divisions.shengsi();
        int ids = 0;
        int usccs = 0;
        int villages = 0;
        int codes = 0;
        for (Period p : List.of(Period.of(2023, 11), Period.of(2023, 12))) {
            for (DatasetSpec d : Catalog.ALL) {
                Path f = out.resolve(p.toString()).resolve(d.fileName(p));
                if (!f.toFile().exists()) {
                    continue;
                }
                List<List<String>> rows = d.format() == Format.XLSX ? Files2.xlsx(f) : Files2.csv(f, d.encoding().charset());
                List<Column> cols = d.columns();
                for (List<String> row : rows.subList(1, rows.size())) {
                    for (int i = 0; i < cols.size() && i < row.size(); i++) {
                        String v = row.get(i);
                        if (v.isEmpty()) {
                            continue;
                        }
                        Column c = cols.get(i);
                        switch (c.type()) {
                            case "id" -> {
                                assertThat(IdNumber.parse(v).valid()).as(d.fullKey() + " " + c.header() + " " + v).isTrue();
                                assertThat(v).hasSize(18);
                                ids++;
                            }
                            case "uscc" -> {
                                assertThat(CreditCode.parse(v).valid()).as(d.fullKey() + " " + v).isTrue();
                                usccs++;
                            }
                            default -> {
                            }
                        }
                        if (c.canonical().equals("village_code")) {
                            assertThat(divisions.contains(v)).as(v).isTrue();
                            assertThat(divisions.get(v).level()).isEqualTo(org.olive.geography.Division.Level.VILLAGE);
                            villages++;
                        }
                        if (c.canonical().equals("industry_code")) {
                            assertThat(OccupationNames.industryExists(v)).as(v).isTrue();
                            codes++;
                        }
                        if (c.canonical().equals("occupation_code")) {
                            assertThat(OccupationNames.occupationExists(v)).as(v).isTrue();
                            codes++;
                        }
                        if (c.canonical().equals("education")) {
                            assertThat(v).isIn("10", "20", "30", "40", "60", "70", "80", "90");
                        }
                        if (c.canonical().equals("marital_status")) {
                            assertThat(v).isIn("10", "20", "30", "40");
                        }
                        if (c.canonical().equals("sex")) {
                            assertThat(v).isIn("1", "2");
                        }
                        if (c.canonical().equals("ethnicity")) {
                            assertThat(v).matches("\\d{2}");
                        }
                        if (c.canonical().equals("relation_to_head") || c.canonical().equals("relation")) {
                            assertThat(v).matches("0[12]|10|2[08]|3[08]|4[1-4]|5[1-6]|7[1-8]|97|99");
                        }
                    }
                }
            }
        }
        assertThat(ids).isGreaterThan(10_000);
        assertThat(usccs).isGreaterThan(100);
        assertThat(villages).isGreaterThan(1000);
        assertThat(codes).isGreaterThan(50);
    }

    @Test
    void cleanOutputLogsNoFaults() throws Exception {
        List<String> lines = java.nio.file.Files.readAllLines(Counties.clean().outputDir().resolve("truth/faults.csv"));
        assertThat(lines).hasSize(1);
        assertThat(Counties.clean().faults().values()).allMatch(v -> v == 0);
    }
}
