package org.olive.pipeline.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.indicator.HouseholdSample;
import org.olive.indicator.IndicatorReport;
import org.olive.indicator.IndicatorSettings;
import org.olive.indicator.Indicators;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

class SampleReaderTest {

    static final String PERSONS = """
            household_id,person_id,age,sex,area,weight
            H1,P1,40,1,城关镇,1
            H1,P2,38,2,城关镇,1
            H1,P3,10,1,城关镇,1
            H2,P4,70,女,海岛乡,2
            H3,P5,30,M,海岛乡,1
            H3,P6,5,F,海岛乡,1
            H4,P7,50,,城关镇,1.0
            """;
    static final String INCOMES = """
            household_id,person_id,component,amount
            H1,P1,wage,50000
            H1,,business,12000
            H1,P2,transfer_out,2000
            H2,P4,transfer_in,6000
            H3,P5,wage,30000
            H4,P7,wage,60000
            H4,,property,30000
            """;

    @TempDir
    Path dir;

    /** Writes the two files of a sample into {@code dir}. */
    static Path write(Path dir, String persons, String incomes, Charset charset) throws IOException {
        Files.writeString(dir.resolve("persons.csv"), persons, charset);
        Files.writeString(dir.resolve("incomes.csv"), incomes, charset);
        return dir;
    }

    @Test
    void readsAValidSampleAndSumsHouseholdIncome() throws IOException {
        HouseholdSample s = SampleReader.withDefaults().read(write(dir, PERSONS, INCOMES, StandardCharsets.UTF_8));
        assertThat(s.persons()).isEqualTo(7);
        assertThat(s.households()).isEqualTo(4);
        // H1: 50 000 + 12 000 − 2 000 (transfer out)
        assertThat(s.householdIncome(0)).isEqualTo(60_000);
        assertThat(s.householdIncome(3)).isEqualTo(90_000);
        assertThat(s.weight(3)).isEqualTo(2);
        IndicatorReport r = Indicators.compute(s, IndicatorSettings.of(org.olive.pipeline.income.IncomeSettings.builtIn().family(), org.olive.period.Period.of(2025, 12)), true);
        assertThat(r.all().gini()).isCloseTo(44.140625, within(1e-9)); // the hand-computed case of IndicatorsTest
        assertThat(r.byArea()).containsOnlyKeys("城关镇", "海岛乡");
    }

    @Test
    void readsGb18030() throws IOException {
        HouseholdSample s = SampleReader.withDefaults().read(write(dir, PERSONS, INCOMES, Charset.forName("GB18030")));
        assertThat(s.area(0)).isEqualTo("城关镇");
        assertThat(s.area(3)).isEqualTo("海岛乡");
    }

    @Test
    void aHouseholdWithoutIncomeRowsHasZeroIncome() throws IOException {
        HouseholdSample s = SampleReader.withDefaults().read(write(dir, PERSONS, INCOMES.replace("H2,P4,transfer_in,6000\n", ""),
                StandardCharsets.UTF_8));
        assertThat(s.householdIncome(1)).isZero();
    }

    @Test
    void reportsEveryMalformedRowWithFileRowFieldAndReason() throws IOException {
        String persons = """
                household_id,person_id,age,sex,area,weight
                H1,P1,40,1,A,1
                H1,P1,38,2,A,1
                H2,P2,abc,1,A,1
                H2,P3,30,X,A,0
                H3,P4,30,1,,-2
                ,P5,30,1,A,1
                H4,P6,200,1,A,1e3
                """;
        String incomes = """
                household_id,person_id,component,amount
                H9,,wage,100
                H1,P3,wage,100
                H1,P1,salary,100
                H1,P1,wage,12k
                H1,P1,wage,-5
                H1,P1,transfer_out,-5
                H1,P7,business,-5
                """;
        SampleException e = catchThrowableOfType(SampleException.class,
                () -> SampleReader.withDefaults().read(write(dir, persons, incomes, StandardCharsets.UTF_8)));
        assertThat(e.errors()).extracting(SampleError::toString).containsExactly(
                "persons.csv, row 3, person_id: person P1 already appears in row 2",
                "persons.csv, row 4, age: 'abc' is not a whole number of years",
                "persons.csv, row 5, sex: 'X' is not 1, 2, M, F, 男 or 女 (or empty)",
                "persons.csv, row 5, weight: must be positive, not 0",
                "persons.csv, row 6, area: is empty",
                "persons.csv, row 6, weight: must be positive, not -2",
                "persons.csv, row 7, household_id: is empty",
                "persons.csv, row 8, age: 200 is above the highest accepted age 130",
                "persons.csv, row 8, weight: '1e3' is not a plain decimal number (digits, optional sign and '.' decimal point)",
                "incomes.csv, row 2, household_id: household H9 is not in persons.csv",
                "incomes.csv, row 3, person_id: person P3 belongs to household H2, not H1",
                "incomes.csv, row 4, component: 'salary' is unknown; use one of wage, business, property, transfer_in, transfer_out",
                "incomes.csv, row 5, amount: '12k' is not a plain decimal number (digits, optional sign and '.' decimal point)",
                "incomes.csv, row 6, amount: wage must not be negative (only business and property income may be losses): -5",
                "incomes.csv, row 7, amount: transfer_out must not be negative (outgoing transfers are written positive and subtracted): -5",
                "incomes.csv, row 8, person_id: person P7 is not in persons.csv");
        assertThat(e.total()).isEqualTo(16);
        assertThat(e.getMessage()).startsWith("16 errors in the sample:");
    }

    @Test
    void missingColumnsAndFiles() throws IOException {
        write(dir, "household_id,person_id,age,area\nH1,P1,3,A\n", "household_id,component,amount\nH1,wage,1\n", StandardCharsets.UTF_8);
        SampleException e = catchThrowableOfType(SampleException.class, () -> SampleReader.withDefaults().read(dir));
        assertThat(e.errors()).extracting(SampleError::toString).containsExactly(
                "persons.csv, row 1, sex, weight: missing columns in the header (found: household_id, person_id, age, area; "
                        + "required: household_id, person_id, age, sex, area, weight)",
                "incomes.csv, row 1, person_id: missing column in the header (found: household_id, component, amount; "
                        + "required: household_id, person_id, component, amount)");
        Files.delete(dir.resolve("incomes.csv"));
        assertThatThrownBy(() -> SampleReader.withDefaults().read(dir)).isInstanceOf(SampleException.class)
                .hasMessageContaining("incomes.csv: the file is missing from");
        assertThatThrownBy(() -> SampleReader.withDefaults().read(dir.resolve("nowhere")))
                .hasMessageContaining("the sample folder does not exist");
    }

    @Test
    void emptyFileAndListingLimit() throws IOException {
        write(dir, "", INCOMES, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SampleReader.withDefaults().read(dir)).isInstanceOf(SampleException.class)
                .hasMessageContaining("persons.csv");
        StringBuilder bad = new StringBuilder("household_id,person_id,component,amount\n");
        for (int i = 0; i < 10; i++) {
            bad.append("H1,P1,wage,x\n");
        }
        write(dir, PERSONS, bad.toString(), StandardCharsets.UTF_8);
        SampleReader reader = new SampleReader(SampleReader.withDefaults().options(), 3, 130);
        SampleException e = catchThrowableOfType(SampleException.class, () -> reader.read(dir));
        assertThat(e.errors()).hasSize(3);
        assertThat(e.total()).isEqualTo(10);
        assertThat(e.getMessage()).contains("10 errors in the sample (the first 3 are listed)");
    }
}
