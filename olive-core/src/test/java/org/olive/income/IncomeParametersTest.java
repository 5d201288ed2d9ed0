package org.olive.income;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.indicator.IndicatorSettings;
import org.olive.indicator.PovertyLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one loader of the dated lines and brackets, on the shipped income.yaml and edited copies of it. */
class IncomeParametersTest {

    @TempDir
    Path dir;

    @Test
    void aYearWithoutAFigureKeepsTheLatestEarlierOne() {
        IncomeLines l = ShippedIncome.rules().lines();
        assertThat(l.dibao(2020)).isEqualTo(9_720);
        assertThat(l.dibao(2021)).isEqualTo(10_920);
        assertThat(l.dibao(2022)).isEqualTo(11_000);
        assertThat(l.dibao(2023)).isEqualTo(11_000);
        assertThat(l.dibao(2024)).isEqualTo(11_000);
        assertThat(l.dibao(2025)).isEqualTo(14_000);
        assertThat(l.dibao(2026)).isEqualTo(14_000);
        assertThat(l.firstYear()).isEqualTo(2020);
        assertThat(l.latestYear()).isEqualTo(2025);
    }

    @Test
    void indicatorsAndFamilyFlagsReadTheSameLinesAndBrackets() {
        FamilyIncomeRules r = ShippedIncome.rules();
        for (int year = 2020; year <= 2026; year++) {
            IndicatorSettings s = IndicatorSettings.of(r, year);
            assertThat(s.lines()).extracting(PovertyLine::name, PovertyLine::amount).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(PovertyLine.DIBAO, r.lines().dibao(year)),
                    org.assertj.core.groups.Tuple.tuple(PovertyLine.MARGINAL, r.lines().marginal(year)));
            assertThat(s.brackets()).extracting(b -> List.of(b.lower(), b.upper())).containsExactly(
                    List.of(r.lower1050(), r.upper1050()), List.of(r.lower2060(), r.upper2060()));
            assertThat(s.typicalFamilySize()).isEqualTo(r.typicalSize());
        }
    }

    @Test
    void editingTheFileChangesTheLines() throws IOException {
        Path f = edited("    2025: 14000", "    2024: 12500\n    2025: 15000");
        FamilyIncomeRules r = IncomeParameters.read(f);
        assertThat(r.lines().dibao(2024)).isEqualTo(12_500);
        assertThat(r.lines().dibao(2026)).isEqualTo(15_000);
        assertThat(IndicatorSettings.of(r, 2026).lines()).extracting(PovertyLine::amount).containsExactly(15_000.0, 30_000.0);
    }

    @Test
    void aYearBeforeTheFirstFigureNamesTheFileAndKey() throws IOException {
        Path f = edited("    2020: 9720\n", "");
        FamilyIncomeRules r = IncomeParameters.read(f);
        assertThatThrownBy(() -> r.lines().dibao(2020))
                .hasMessageContaining(f.toString()).hasMessageContaining("lines.dibao_by_year").hasMessageContaining("2021");
        assertThatThrownBy(() -> IndicatorSettings.of(r, 2019))
                .hasMessageContaining(f.toString()).hasMessageContaining("lines.dibao_by_year");
    }

    @Test
    void aMalformedFileIsRefusedWithItsNameAndKey() throws IOException {
        Path f = edited("    2021: 10920", "    2021: lots");
        assertThatThrownBy(() -> IncomeParameters.read(f))
                .hasMessageContaining(f.toString()).hasMessageContaining("lines.dibao_by_year.2021");
        Path g = edited("  basis: PER_CAPITA_TIMES_3", "  basis: HOUSEHOLD");
        assertThatThrownBy(() -> IncomeParameters.read(g)).hasMessageContaining("brackets.basis");
    }

    private Path edited(String from, String to) throws IOException {
        String text = Files.readString(ShippedIncome.FILE);
        assertThat(text).contains(from);
        Path f = dir.resolve("county-income.yaml");
        Files.writeString(f, text.replace(from, to));
        return f;
    }
}
