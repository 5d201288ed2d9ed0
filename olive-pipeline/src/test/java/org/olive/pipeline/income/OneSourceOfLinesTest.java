package org.olive.pipeline.income;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.income.Bracket;
import org.olive.income.FamilyArea;
import org.olive.income.FamilyIncome;
import org.olive.income.FamilyIncomeRules;
import org.olive.income.LinesAt;
import org.olive.indicator.CountySettings;
import org.olive.indicator.IncomeBracket;
import org.olive.indicator.PovertyLine;
import org.olive.period.Period;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The indicators (income_indicator, {@code olive indicators}, the headline accuracy) and the family flags (family_flag:
 * dibao, dibian, the brackets) take their lines and brackets from the same income.yaml, at the same period (issue 12).
 */
class OneSourceOfLinesTest {

    @TempDir
    Path dir;

    @Test
    void indicatorsAndFamilyFlagsSeeTheSameLinesEveryYear() {
        IncomeSettings s = IncomeSettings.builtIn();
        // (the family flags need the minimum wage too, whose shipped tiers apply from August 2021)
        for (int year = 2021; year <= 2026; year++) {
            Period p = Period.of(year, 12);
            // the built-in path of the indicators step and of `olive indicators --period`
            CountySettings ind = IncomeIndicators.defaultSettings(p);
            double dibao = line(ind, PovertyLine.DIBAO);
            double marginal = line(ind, PovertyLine.MARGINAL);
            assertThat(dibao).as("低保 %d", year).isEqualTo(s.family().at(p).lines().dibao(FamilyArea.COUNTY).amount());
            assertThat(flags(dibao - 1, p, s.family()).below(LinesAt.DIBAO)).as("%d below the indicators' 低保", year).isTrue();
            assertThat(flags(dibao, p, s.family()).below(LinesAt.DIBAO)).as("%d at the indicators' 低保", year).isFalse();
            assertThat(flags(marginal - 1, p, s.family()).below(LinesAt.DIBIAN)).as("%d below 低边", year).isTrue();
            assertThat(flags(marginal, p, s.family()).below(LinesAt.DIBIAN)).as("%d at 低边", year).isFalse();
            assertBracketsAgree(ind, s.family(), p);
        }
        assertThat(line(IncomeIndicators.defaultSettings(Period.of(2023, 6)), PovertyLine.DIBAO)).isEqualTo(11_000);
        assertThat(line(IncomeIndicators.defaultSettings(Period.of(2020, 12)), PovertyLine.DIBAO)).isEqualTo(9_720);
        assertThatThrownBy(() -> flags(9_000, Period.of(2020, 12), s.family())).hasMessageContaining("income.yaml")
                .hasMessageContaining("lines.minimum_wage.tiers");
    }

    @Test
    void editingTheYamlChangesBoth() throws IOException {
        Path f = edited("    - {from: 2025, amount: 14000}", "    - {from: 2024, amount: 12500}\n    - {from: 2025, amount: 15000}");
        IncomeSettings s = IncomeSettings.load(f);
        for (int year : new int[] {2024, 2025, 2026}) {
            Period p = Period.of(year, 1);
            double expected = year == 2024 ? 12_500 : 15_000;
            CountySettings ind = IncomeIndicators.defaultSettings(p, s.family());
            assertThat(line(ind, PovertyLine.DIBAO)).isEqualTo(expected);
            assertThat(line(ind, PovertyLine.MARGINAL)).isEqualTo(2 * expected);
            assertThat(flags(expected - 1, p, s.family()).below(LinesAt.DIBAO)).isTrue();
            assertThat(flags(expected, p, s.family()).below(LinesAt.DIBAO)).isFalse();
        }
        Path g = edited("    lower: 200000\n", "    lower: 250000\n");
        IncomeSettings t = IncomeSettings.load(g);
        assertBracketsAgree(IncomeIndicators.defaultSettings(Period.of(2025, 12), t.family()), t.family(), Period.of(2025, 12));
        assertThat(IncomeIndicators.defaultSettings(Period.of(2025, 12), t.family()).indicators().brackets().get(1).lower())
                .isEqualTo(250_000);
    }

    @Test
    void aThirdBracketReachesTheFlagsAndTheIndicators() throws IOException {
        Path f = edited("brackets:\n", "brackets:\n  - {id: high_60, name_zh: 60万以上, name_en: 600 thousand and more, "
                + "basis: PER_CAPITA_TIMES_3, lower: 600000, upper: 100000000, valid_from: 2025}\n");
        IncomeSettings s = IncomeSettings.load(f);
        Period p = Period.of(2025, 12);
        assertThat(IncomeIndicators.defaultSettings(p, s.family()).indicators().brackets()).extracting(IncomeBracket::name)
                .containsExactly("60万以上", "10-50万", "20-60万");
        assertThat(IncomeIndicators.defaultSettings(Period.of(2024, 12), s.family()).indicators().brackets())
                .as("before its valid_from").extracting(IncomeBracket::name).containsExactly("10-50万", "20-60万");
        assertThat(flags(250_000, p, s.family()).inBracket("high_60")).isTrue();
        assertThat(flags(250_000, Period.of(2024, 12), s.family()).inBracket("high_60")).isFalse();
    }

    @Test
    void aPeriodBeforeTheFirstDatedLineNamesTheFileAndKey() throws IOException {
        assertThatThrownBy(() -> IncomeIndicators.defaultSettings(Period.of(2019, 12)))
                .hasMessageContaining("income.yaml").hasMessageContaining("lines.dibao").hasMessageContaining("2019");
        Path f = edited("    - {from: 2020, amount: 9720}  # earlier", "    # earlier");
        IncomeSettings s = IncomeSettings.load(f);
        assertThatThrownBy(() -> IncomeIndicators.defaultSettings(Period.of(2020, 6), s.family()))
                .hasMessageContaining(f.toString()).hasMessageContaining("lines.dibao");
        assertThatThrownBy(() -> flags(5_000, Period.of(2020, 12), s.family()))
                .hasMessageContaining(f.toString()).hasMessageContaining("lines.dibao");
    }

    private static double line(CountySettings s, String name) {
        return s.indicators().lines().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow().amount();
    }

    private static FamilyIncome flags(double perCapita, Period p, FamilyIncomeRules rules) {
        return FamilyIncome.of(List.of(FamilyIncome.Member.precise(perCapita), FamilyIncome.Member.precise(perCapita)), 0,
                FamilyArea.COUNTY, rules.at(p));
    }

    private static void assertBracketsAgree(CountySettings ind, FamilyIncomeRules rules, Period p) {
        List<IncomeBracket> b = ind.indicators().brackets();
        List<Bracket> valid = rules.at(p).brackets();
        assertThat(b).extracting(IncomeBracket::lower, IncomeBracket::upper).containsExactlyElementsOf(valid.stream()
                .map(x -> org.assertj.core.groups.Tuple.tuple(x.lower(), x.upper())).toList());
        assertThat(ind.indicators().typicalFamilySize()).isEqualTo(rules.typicalSize());
        // a family of two on per-capita × 3 just inside the 20–60万 bracket is in it for both
        Bracket b2060 = rules.bracket(Bracket.MIDDLE_20_60).orElseThrow();
        double perCapita = b2060.lower() / rules.typicalSize() + 0.01;
        assertThat(flags(perCapita, p, rules).inBracket(Bracket.MIDDLE_20_60)).isTrue();
        assertThat(flags(perCapita - 1, p, rules).inBracket(Bracket.MIDDLE_20_60)).isFalse();
    }

    private Path edited(String from, String to) throws IOException {
        String text;
        try (InputStream in = IncomeSettings.class.getResourceAsStream("income.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(text).contains(from);
        Path f = dir.resolve("county-income-" + Math.abs(to.hashCode()) + ".yaml");
        Files.writeString(f, text.replace(from, to));
        return f;
    }
}
