package org.olive.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code olive indicators --sample DIR} on a small sample folder (the hand-computed case of IndicatorsTest). */
class IndicatorsCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = OliveCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path sample() throws IOException {
        Files.writeString(dir.resolve("persons.csv"), """
                household_id,person_id,age,sex,area,weight
                H1,P1,40,1,城关镇,1
                H1,P2,38,2,城关镇,1
                H1,P3,10,1,城关镇,1
                H2,P4,70,2,海岛乡,2
                H3,P5,30,1,海岛乡,1
                H3,P6,5,2,海岛乡,1
                H4,P7,50,1,城关镇,1
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("incomes.csv"), """
                household_id,person_id,component,amount
                H1,P1,wage,50000
                H1,,business,12000
                H1,P2,transfer_out,2000
                H2,P4,transfer_in,6000
                H3,P5,wage,30000
                H4,P7,wage,90000
                """, StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    void jsonOnStandardOutput() throws IOException {
        Run r = run("indicators", "--sample", sample().toString(), "--by", "area");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode root = JsonMapper.builder().build().readTree(r.out());
        assertThat(root.path("all").path("gini").asDouble()).isCloseTo(44.140625, within(1e-9));
        assertThat(root.path("all").path("perCapitaIncome").asDouble()).isCloseTo(24_000, within(1e-9));
        assertThat(root.path("byArea").path("海岛乡").path("perCapitaIncome").asDouble()).isCloseTo(10_500, within(1e-9));
        assertThat(root.path("all").path("absolutePoverty").get(0).path("amount").asDouble()).isEqualTo(14_000);
    }

    @Test
    void csvWithScaleAndLines() throws IOException {
        Run r = run("indicators", "--sample", sample().toString(), "--format", "csv", "--scale", "oecd",
                "--line", "dibao=16000", "--line", "extreme=5000", "--line-year", "2020");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("area,indicator,value\n")
                .contains("all,line_dibao,16000\n", "all,line_dibian,19440\n", "all,fgt0_extreme,0\n")
                .doesNotContain("城关镇");
    }

    @Test
    void malformedSampleExitsWithThreeAndListsTheErrors() throws IOException {
        sample();
        Files.writeString(dir.resolve("incomes.csv"), "household_id,person_id,component,amount\nH9,,wage,1\nH1,P1,gift,x\n");
        Run r = run("indicators", "--sample", dir.toString());
        assertThat(r.exit()).isEqualTo(OliveCommand.EXIT_DATA_ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("3 errors in the sample", "incomes.csv, row 2, household_id: household H9 is not in persons.csv",
                "incomes.csv, row 3, component: 'gift' is unknown", "incomes.csv, row 3, amount: 'x' is not a plain decimal number");
        assertThat(run("indicators", "--sample", dir.resolve("none").toString()).exit()).isEqualTo(OliveCommand.EXIT_DATA_ERROR);
    }

    @Test
    void badOptionsAreUsageErrors() throws IOException {
        String s = sample().toString();
        String[][] cases = {
                {"--scale", "median", "unknown equivalence scale 'median'"},
                {"--format", "xml", "--format is json or csv, not 'xml'"},
                {"--by", "village", "--by accepts only 'area'"},
                {"--line", "dibao", "a poverty line is NAME=AMOUNT"},
                {"--line", "dibao=-1", "poverty line dibao must be a positive amount"},
                {"--line-year", "2019", "no 低保 standard in force on 2019-12-31 in built-in income.yaml"},
                {"--family-income", "big", "--family-income is typical or actual"}};
        for (String[] c : cases) {
            Run r = run("indicators", "--sample", s, c[0], c[1]);
            assertThat(r.exit()).as(c[0] + " " + c[1] + ": " + r.err()).isEqualTo(CommandLine.ExitCode.USAGE);
            assertThat(r.err()).as(c[0] + " " + c[1]).contains(c[2]);
        }
        // an unknown year is fine when both lines are given
        assertThat(run("indicators", "--sample", s, "--line-year", "2019", "--line", "dibao=9000", "--line", "dibian=18000").exit()).isZero();
    }

    @Test
    void defaultLinesComeFromIncomeYaml() throws IOException {
        String s = sample().toString();
        org.olive.income.FamilyIncomeRules r = org.olive.pipeline.income.IncomeSettings.builtIn().family();
        org.olive.income.FamilyArea county = org.olive.income.FamilyArea.COUNTY;
        // --sample without --line-year: the latest dated 低保 figure of income.yaml
        Run latest = run("indicators", "--sample", s, "--format", "csv");
        assertThat(latest.exit()).as(latest.err()).isZero();
        assertThat(latest.out()).contains("all,line_dibao,"
                + (long) r.at(r.lines().latestDibaoPeriod()).lines().dibao(county).amount() + "\n");
        // a year without a figure keeps the latest earlier one, as the family flags do
        Run y2023 = run("indicators", "--sample", s, "--format", "csv", "--line-year", "2023");
        assertThat(y2023.exit()).as(y2023.err()).isZero();
        org.olive.income.LinesAt l2023 = r.at(org.olive.period.Period.of(2023, 12)).lines();
        assertThat(y2023.out()).contains("all,line_dibao," + (long) l2023.dibao(county).amount() + "\n",
                "all,line_dibian," + (long) l2023.dibian(county).amount() + "\n");
    }
}
