package org.olive.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.olive.period.Period;
import org.olive.synth.output.Catalog;
import org.olive.synth.output.Encoding;

/**
 * 学生缴费 (education_fee): September of a clean 2,000-person county (the autumn term's fees and the colleges' yearly
 * fees): fees plausible by level, the truth's education column equal to what the file says, and the same file for
 * the same seed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EducationFeesTest {

    static final Period SEPTEMBER = Period.of(2023, 9);
    static final Period OCTOBER = Period.of(2023, 10);
    Path out;
    List<List<String>> september;
    List<List<String>> october;

    @BeforeAll
    void generate() throws Exception {
        out = generate("fees-a");
        september = Files2.csv(out.resolve(SEPTEMBER.toString()).resolve(Catalog.EDUCATION_FEE.fileName(SEPTEMBER)),
                Encoding.GB18030.charset());
        october = Files2.csv(out.resolve(OCTOBER.toString()).resolve(Catalog.EDUCATION_FEE.fileName(OCTOBER)),
                Encoding.GB18030.charset());
    }

    private static Path generate(String name) throws Exception {
        Path dir = Counties.temp(name);
        SynthOptions o = SynthOptions.defaults(dir).withPersons(2000).withPeriods(SEPTEMBER, OCTOBER)
                .withFaults(FaultRates.none()).withTouristVisitsPerYear(10_000);
        new CountyGenerator(o).generate();
        return dir;
    }

    @Test
    void theDatasetHasItsChineseHeadersAndRows() {
        assertThat(september.get(0)).containsExactly("公民身份号码", "姓名", "学校名称", "学段", "学期", "缴费月份", "学费",
                "住宿费", "其他费用", "缴费日期");
        assertThat(september.size()).isGreaterThan(100);
        assertThat(october.size()).isGreaterThan(100);
        for (List<String> row : september.subList(1, september.size())) {
            assertThat(row.get(5)).isEqualTo("202309");
            assertThat(row.get(9)).startsWith("2023-09-");
            assertThat(row.get(4)).startsWith("2023-2024学年");
        }
    }

    @Test
    void feesArePlausibleByLevel() {
        Map<String, Integer> students = new HashMap<>();
        Map<String, Integer> boarders = new HashMap<>();
        for (List<String> row : september.subList(1, september.size())) {
            String level = row.get(3);
            double tuition = Double.parseDouble(row.get(6));
            double accommodation = Double.parseDouble(row.get(7));
            double other = Double.parseDouble(row.get(8));
            students.merge(level, 1, Integer::sum);
            boarders.merge(level, accommodation > 0 ? 1 : 0, Integer::sum);
            switch (level) {
                case "小学", "初中", "中职" -> assertThat(tuition).as("compulsory education and 中职 are free").isZero();
                case "学前" -> assertThat(tuition).isIn(2400.0, 6000.0);
                case "高中" -> assertThat(tuition).isEqualTo(1250.0);
                case "专科" -> assertThat(tuition).isBetween(6000.0, 7500.0);
                case "本科" -> assertThat(tuition).isBetween(5000.0, 6600.0);
                case "研究生" -> assertThat(tuition).isEqualTo(8000.0);
                default -> throw new AssertionError("level " + level);
            }
            if (level.equals("专科") || level.equals("本科") || level.equals("研究生")) {
                assertThat(accommodation).isEqualTo(1200.0);
            }
            assertThat(other).as("meals and sundries of a month").isBetween(100.0, 1500.0);
        }
        assertThat(students.keySet()).contains("学前", "小学", "初中", "高中", "本科");
        assertThat(boarders.get("小学")).isZero();
        assertThat(boarders.get("高中") / (double) students.get("高中")).isBetween(0.5, 0.9);
        // October: meals only, no tuition, no college fees
        for (List<String> row : october.subList(1, october.size())) {
            assertThat(Double.parseDouble(row.get(6)) + Double.parseDouble(row.get(7))).isZero();
            assertThat(row.get(3)).isIn("学前", "小学", "初中", "高中", "中职");
        }
    }

    @Test
    void theTruthCarriesWhatTheFamiliesPaid() throws Exception {
        BigDecimal file = BigDecimal.ZERO;
        for (List<String> row : september.subList(1, september.size())) {
            file = file.add(new BigDecimal(row.get(6))).add(new BigDecimal(row.get(7))).add(new BigDecimal(row.get(8)));
        }
        List<String> lines = Files.readAllLines(out.resolve("truth").resolve(SEPTEMBER.toString()).resolve("incomes.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int month = header.indexOf("education");
        int t12 = header.indexOf("t12_education");
        assertThat(month).isPositive();
        BigDecimal truth = BigDecimal.ZERO;
        BigDecimal truth12 = BigDecimal.ZERO;
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            truth = truth.add(new BigDecimal(f[month]));
            truth12 = truth12.add(new BigDecimal(f[t12]));
        }
        assertThat(truth).isEqualByComparingTo(file);
        assertThat(truth12).as("the warm-up's spring term and meals are in the 12 months").isGreaterThan(truth);
    }

    @Test
    void theSameSeedWritesTheSameFile() throws Exception {
        Path again = generate("fees-b");
        String name = Catalog.EDUCATION_FEE.fileName(SEPTEMBER);
        assertThat(Files.readAllBytes(again.resolve(SEPTEMBER.toString()).resolve(name)))
                .isEqualTo(Files.readAllBytes(out.resolve(SEPTEMBER.toString()).resolve(name)));
    }
}
