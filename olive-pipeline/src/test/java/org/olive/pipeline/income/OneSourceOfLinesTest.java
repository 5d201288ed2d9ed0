package org.olive.pipeline.income;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.income.FamilyIncome;
import org.olive.income.FamilyIncomeRules;
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
 * The indicators (income_indicator, {@code olive indicators}, the headline accuracy) and the family flags (family_income
 * below_dibao, below_marginal, brackets) take their lines and brackets from the same income.yaml (issue 12).
 */
class OneSourceOfLinesTest {

    @TempDir
    Path dir;

    @Test
    void indicatorsAndFamilyFlagsSeeTheSameLinesEveryYear() {
        IncomeSettings s = IncomeSettings.builtIn();
        for (int year = 2020; year <= 2026; year++) {
            // the built-in path of the indicators step and of `olive indicators --period`
            CountySettings ind = IncomeIndicators.defaultSettings(Period.of(year, 12));
            double dibao = line(ind, PovertyLine.DIBAO);
            double marginal = line(ind, PovertyLine.MARGINAL);
            assertThat(dibao).as("低保 %d", year).isEqualTo(s.family().lines().dibao(year));
            assertThat(flags(dibao - 1, year, s.family()).belowDibao()).as("%d below the indicators' 低保", year).isTrue();
            assertThat(flags(dibao, year, s.family()).belowDibao()).as("%d at the indicators' 低保", year).isFalse();
            assertThat(flags(marginal - 1, year, s.family()).belowMarginal()).as("%d below 低边", year).isTrue();
            assertThat(flags(marginal, year, s.family()).belowMarginal()).as("%d at 低边", year).isFalse();
            assertBracketsAgree(ind, s.family(), year);
        }
        assertThat(line(IncomeIndicators.defaultSettings(Period.of(2023, 6)), PovertyLine.DIBAO)).isEqualTo(11_000);
    }

    @Test
    void editingTheYamlChangesBoth() throws IOException {
        Path f = edited("    2025: 14000", "    2024: 12500\n    2025: 15000");
        IncomeSettings s = IncomeSettings.load(f);
        for (int year : new int[] {2024, 2025, 2026}) {
            double expected = year == 2024 ? 12_500 : 15_000;
            CountySettings ind = IncomeIndicators.defaultSettings(Period.of(year, 1), s.family());
            assertThat(line(ind, PovertyLine.DIBAO)).isEqualTo(expected);
            assertThat(line(ind, PovertyLine.MARGINAL)).isEqualTo(2 * expected);
            assertThat(flags(expected - 1, year, s.family()).belowDibao()).isTrue();
            assertThat(flags(expected, year, s.family()).belowDibao()).isFalse();
        }
        Path g = edited("  middle_20_60: [200000, 600000]", "  middle_20_60: [250000, 600000]");
        IncomeSettings t = IncomeSettings.load(g);
        assertBracketsAgree(IncomeIndicators.defaultSettings(Period.of(2025, 12), t.family()), t.family(), 2025);
        assertThat(IncomeIndicators.defaultSettings(Period.of(2025, 12), t.family()).indicators().brackets().get(1).lower())
                .isEqualTo(250_000);
    }

    @Test
    void aPeriodBeforeTheFirstDatedLineNamesTheFileAndKey() throws IOException {
        assertThatThrownBy(() -> IncomeIndicators.defaultSettings(Period.of(2019, 12)))
                .hasMessageContaining("income.yaml").hasMessageContaining("lines.dibao_by_year").hasMessageContaining("2019");
        Path f = edited("    2020: 9720\n", "");
        IncomeSettings s = IncomeSettings.load(f);
        assertThatThrownBy(() -> IncomeIndicators.defaultSettings(Period.of(2020, 6), s.family()))
                .hasMessageContaining(f.toString()).hasMessageContaining("lines.dibao_by_year");
        assertThatThrownBy(() -> flags(5_000, 2020, s.family()))
                .hasMessageContaining(f.toString()).hasMessageContaining("lines.dibao_by_year");
    }

    private static double line(CountySettings s, String name) {
        return s.indicators().lines().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow().amount();
    }

    private static FamilyIncome flags(double perCapita, int year, FamilyIncomeRules rules) {
        return FamilyIncome.of(List.of(FamilyIncome.Member.precise(perCapita), FamilyIncome.Member.precise(perCapita)), 0,
                year, rules);
    }

    private static void assertBracketsAgree(CountySettings ind, FamilyIncomeRules rules, int year) {
        List<IncomeBracket> b = ind.indicators().brackets();
        assertThat(b).extracting(IncomeBracket::lower, IncomeBracket::upper).containsExactly(
                org.assertj.core.groups.Tuple.tuple(rules.lower1050(), rules.upper1050()),
                org.assertj.core.groups.Tuple.tuple(rules.lower2060(), rules.upper2060()));
        assertThat(ind.indicators().typicalFamilySize()).isEqualTo(rules.typicalSize());
        // a family of two on per-capita × 3 just inside the 20–60万 bracket is in it for both
        double perCapita = rules.lower2060() / rules.typicalSize() + 0.01;
        assertThat(flags(perCapita, year, rules).bracket2060()).isTrue();
        assertThat(flags(perCapita - 1, year, rules).bracket2060()).isFalse();
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
