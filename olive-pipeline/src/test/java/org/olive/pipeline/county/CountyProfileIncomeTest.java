package org.olive.pipeline.county;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code olive county check} on the lines and brackets of income.yaml: a malformed bracket or line entry is a problem
 * naming the file, the key and the reason; an area unknown to divisions.csv too.
 */
class CountyProfileIncomeTest {

    @TempDir
    Path tmp;

    @Test
    void theBuiltInProfileChecksClean() {
        Path dir = tmp.resolve("clean");
        CountyProfile.writeBuiltIn(dir);
        assertThat(CountyProfile.check(dir)).isEmpty();
        assertThat(CountyProfile.load(dir).income().family().brackets()).hasSize(2);
    }

    @Test
    void aBracketWhoseLowerIsNotBelowItsUpper() throws IOException {
        assertThat(problems("bounds", "    lower: 200000\n    upper: 600000", "    lower: 600000\n    upper: 200000"))
                .containsExactly("income.yaml: brackets[1] (middle_20_60): [lower, upper) needs 0 <= lower < upper, "
                        + "found [600000, 200000)");
    }

    @Test
    void aBracketOfAnUnknownBasis() throws IOException {
        assertThat(problems("basis", "    basis: PER_CAPITA_TIMES_3\n    lower: 100000",
                "    basis: HOUSEHOLD\n    lower: 100000"))
                .containsExactly("income.yaml: brackets[0] (middle_10_50).basis: 'HOUSEHOLD' is not PER_CAPITA_TIMES_3 "
                        + "or FAMILY_DI");
    }

    @Test
    void aBracketIdGivenTwiceOrMalformed() throws IOException {
        assertThat(problems("twice", "  - id: middle_20_60", "  - id: middle_10_50"))
                .containsExactly("income.yaml: brackets: bracket id 'middle_10_50' is given twice");
        assertThat(problems("id", "  - id: middle_20_60", "  - id: Middle 20-60")).singleElement().asString()
                .startsWith("income.yaml: brackets[1] (Middle 20-60): id 'Middle 20-60' must be lower-case");
    }

    @Test
    void aLineEntryWithoutItsAmountOrInAnUnknownArea() throws IOException {
        assertThat(problems("amount", "    - {from: 2022, amount: 11000}", "    - {from: 2022}"))
                .containsExactly("income.yaml: lines.dibao[2]: give amount");
        assertThat(problems("area", "    - {from: 2025, amount: 14000}",
                "    - {from: 2025, amount: 14000}\n    - {from: 2025, area: 330922199, amount: 15000}"))
                .containsExactly("income.yaml: lines.dibao[4].area: 330922199 is not a township of divisions.csv");
        assertThat(problems("from", "      - {from: 2021-08, monthly", "      - {from: August 2021, monthly"))
                .containsExactly("income.yaml: lines.minimum_wage.tiers[0].from: 'August 2021' is not a date "
                        + "(YYYY, YYYY-MM or YYYY-MM-DD)");
        // a township of the profile is fine
        assertThat(problems("town", "    - {from: 2025, amount: 14000}",
                "    - {from: 2025, amount: 14000}\n    - {from: 2025, area: 330922100, amount: 15000}")).isEmpty();
    }

    /** publication.min_cell_persons: dated, checked (file, key, reason), and the figure in force at a period. */
    @Test
    void theSmallCellRuleOfPublishedCountsIsADatedCheckedParameter() throws IOException {
        String shipped = "    - {from: 2020-01, persons: 5}";
        assertThat(problems("zero", shipped, "    - {from: 2020-01, persons: 0}")).containsExactly("income.yaml: "
                + "publication.min_cell_persons[0].persons must be a whole number from 1 to 1000 (1 publishes every "
                + "count), found 0");
        assertThat(problems("half", shipped, "    - {from: 2020-01, persons: 2.5}"))
                .containsExactly("income.yaml: publication.min_cell_persons[0].persons must be a whole number, found 2.5");
        assertThat(problems("date", shipped, "    - {from: soon, persons: 5}")).containsExactly("income.yaml: "
                + "publication.min_cell_persons[0].from: 'soon' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        assertThat(problems("twice", shipped, shipped + "\n" + shipped)).containsExactly("income.yaml: "
                + "publication.min_cell_persons[1]: a second figure from 2020-01-01");
        assertThat(problems("none", shipped, "    []").get(0)).startsWith("income.yaml: publication.min_cell_persons must");
        assertThat(problems("key", shipped, "    - {from: 2020-01, cells: 5}").get(0))
                .isEqualTo("income.yaml: publication.min_cell_persons[0]: unknown key 'cells' (known: from, persons)");

        Path dir = tmp.resolve("dated");
        CountyProfile.writeBuiltIn(dir);
        Path income = dir.resolve("income.yaml");
        Files.writeString(income, Files.readString(income).replace(shipped, shipped + "\n    - {from: 2025-01, persons: 10}"));
        var settings = CountyProfile.load(dir).income();
        assertThat(settings.smallCells(org.olive.period.Period.parse("2024-12")).minPersons()).isEqualTo(5);
        assertThat(settings.smallCells(org.olive.period.Period.parse("2025-01")).minPersons()).isEqualTo(10);
        assertThat(settings.smallCells(org.olive.period.Period.parse("2019-06")).minPersons()).as("before the first: the first")
                .isEqualTo(5);
        assertThat(CountyProfile.builtIn().income().smallCells(org.olive.period.Period.parse("2025-03")).minPersons())
                .isEqualTo(5);
    }

    private List<String> problems(String name, String from, String to) throws IOException {
        Path dir = tmp.resolve(name);
        CountyProfile.writeBuiltIn(dir);
        Path income = dir.resolve("income.yaml");
        String text = Files.readString(income);
        assertThat(text).contains(from);
        Files.writeString(income, text.replace(from, to));
        return CountyProfile.check(dir).stream().map(CountyProfile.Problem::toString).toList();
    }
}
