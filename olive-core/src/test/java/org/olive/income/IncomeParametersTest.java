package org.olive.income;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.indicator.IncomeBracket;
import org.olive.indicator.IndicatorSettings;
import org.olive.indicator.PovertyLine;
import org.olive.period.Period;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one loader of the dated lines and brackets, on the shipped income.yaml and edited copies of it. */
class IncomeParametersTest {

    static final FamilyArea COUNTY = FamilyArea.COUNTY;

    @TempDir
    Path dir;

    static double dibao(FamilyIncomeRules r, int year, int month, FamilyArea a) {
        return r.at(Period.of(year, month)).lines().dibao(a).amount();
    }

    @Test
    void aYearWithoutAFigureKeepsTheLatestEarlierOne() {
        FamilyIncomeRules r = ShippedIncome.rules();
        assertThat(dibao(r, 2020, 1, COUNTY)).isEqualTo(9_720);
        assertThat(dibao(r, 2021, 6, COUNTY)).isEqualTo(10_920);
        assertThat(dibao(r, 2022, 12, COUNTY)).isEqualTo(11_000);
        assertThat(dibao(r, 2023, 12, COUNTY)).isEqualTo(11_000);
        assertThat(dibao(r, 2024, 12, COUNTY)).isEqualTo(11_000);
        assertThat(dibao(r, 2025, 1, COUNTY)).isEqualTo(14_000);
        assertThat(dibao(r, 2026, 12, COUNTY)).isEqualTo(14_000);
        assertThat(r.lines().latestDibaoPeriod()).isEqualTo(Period.of(2025, 1));
        assertThat(r.brackets()).extracting(Bracket::id).containsExactly(Bracket.MIDDLE_10_50, Bracket.MIDDLE_20_60);
        assertThat(r.brackets()).extracting(Bracket::lower, Bracket::upper).containsExactly(
                org.assertj.core.groups.Tuple.tuple(100_000.0, 500_000.0), org.assertj.core.groups.Tuple.tuple(200_000.0, 600_000.0));
        assertThat(r.brackets()).extracting(Bracket::nameZh).containsExactly("10-50万", "20-60万");
    }

    @Test
    void indicatorsAndFamilyFlagsReadTheSameLinesAndBrackets() {
        FamilyIncomeRules r = ShippedIncome.rules();
        for (int year = 2020; year <= 2026; year++) {
            IncomeRulesAt at = r.at(Period.of(year, 12));
            IndicatorSettings s = IndicatorSettings.of(at);
            assertThat(s.lines()).extracting(PovertyLine::name, PovertyLine::amount).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(PovertyLine.DIBAO, at.lines().dibao(COUNTY).amount()),
                    org.assertj.core.groups.Tuple.tuple(PovertyLine.MARGINAL, at.lines().dibian(COUNTY).amount()));
            assertThat(s.brackets()).extracting(b -> List.of(b.lower(), b.upper())).containsExactly(
                    List.of(100_000.0, 500_000.0), List.of(200_000.0, 600_000.0));
            assertThat(s.brackets()).extracting(IncomeBracket::name).containsExactly("10-50万", "20-60万");
            assertThat(s.familyIncomeBasis()).isEqualTo(IndicatorSettings.FamilyIncomeBasis.TYPICAL_FAMILY);
            assertThat(s.typicalFamilySize()).isEqualTo(r.typicalSize());
        }
    }

    @Test
    void editingTheFileChangesTheLines() throws IOException {
        Path f = edited("    - {from: 2025, amount: 14000}", "    - {from: 2024, amount: 12500}\n    - {from: 2025, amount: 15000}");
        FamilyIncomeRules r = IncomeParameters.read(f);
        assertThat(dibao(r, 2024, 6, COUNTY)).isEqualTo(12_500);
        assertThat(dibao(r, 2026, 1, COUNTY)).isEqualTo(15_000);
        assertThat(IndicatorSettings.of(r, Period.of(2026, 12)).lines()).extracting(PovertyLine::amount)
                .containsExactly(15_000.0, 30_000.0);
    }

    @Test
    void aPeriodOnEachSideOfAValidityDateUsesItsOwnFigure() throws IOException {
        // a mid-year raise from 1 July 2025: June keeps 11,000, July has 14,000 (the 低边 line follows, × 2)
        Path f = edited("    - {from: 2025, amount: 14000}", "    - {from: 2025-07-01, amount: 14000}");
        FamilyIncomeRules r = IncomeParameters.read(f);
        assertThat(dibao(r, 2025, 6, COUNTY)).isEqualTo(11_000);
        assertThat(dibao(r, 2025, 7, COUNTY)).isEqualTo(14_000);
        assertThat(r.at(Period.of(2025, 6)).lines().dibian(COUNTY).amount()).isEqualTo(22_000);
        assertThat(r.at(Period.of(2025, 7)).lines().dibian(COUNTY).amount()).isEqualTo(28_000);
        // a family of 12,500 per capita is below 低保 in July only
        List<FamilyIncome.Member> one = List.of(FamilyIncome.Member.precise(12_500));
        assertThat(FamilyIncome.of(one, 0, COUNTY, r.at(Period.of(2025, 6))).below(LinesAt.DIBAO)).isFalse();
        assertThat(FamilyIncome.of(one, 0, COUNTY, r.at(Period.of(2025, 7))).below(LinesAt.DIBAO)).isTrue();
        // and the indicators' 低保 line moves on the same day
        assertThat(IndicatorSettings.of(r, Period.of(2025, 6)).lines().get(0).amount()).isEqualTo(11_000);
        assertThat(IndicatorSettings.of(r, Period.of(2025, 7)).lines().get(0).amount()).isEqualTo(14_000);
    }

    @Test
    void anAreasFigureReplacesTheCountysThere() throws IOException {
        // township 330922100 has its own 低保 from 2024; the rural part its own minimum-wage tier
        Path f = edited("    - {from: 2025, amount: 14000}", "    - {from: 2025, amount: 14000}\n"
                + "    - {from: 2024, area: 330922100, amount: 13000}\n    - {from: 2025-07, area: 330922100001, amount: 15000}",
                "      - {tier: 2}", "      - {tier: 2}\n      - {area: rural, tier: 3}");
        FamilyIncomeRules r = IncomeParameters.read(f);
        FamilyArea town = new FamilyArea("330922100", "330922100002", true);
        FamilyArea village = new FamilyArea("330922100", "330922100001", false);
        FamilyArea elsewhere = new FamilyArea("330922101", "330922101001", false);
        assertThat(dibao(r, 2023, 12, town)).as("before the township's first figure").isEqualTo(11_000);
        assertThat(dibao(r, 2024, 12, town)).isEqualTo(13_000);
        assertThat(dibao(r, 2025, 12, town)).as("the township's figure, not the county's later one").isEqualTo(13_000);
        assertThat(dibao(r, 2025, 6, village)).isEqualTo(13_000);
        assertThat(dibao(r, 2025, 7, village)).as("the village's own, more specific").isEqualTo(15_000);
        assertThat(dibao(r, 2025, 12, elsewhere)).isEqualTo(14_000);
        assertThat(r.at(Period.of(2025, 12)).lines().dibian(town).amount()).isEqualTo(26_000);
        assertThat(r.at(Period.of(2025, 12)).lines().minimumWage(town).amount()).isEqualTo(2_070);
        assertThat(r.at(Period.of(2025, 12)).lines().minimumWage(village).amount()).isEqualTo(1_840);
        assertThat(r.at(Period.of(2025, 12)).lines().minimumWage(COUNTY).amount()).isEqualTo(2_070);
        // the county-wide figure stays what the indicators use
        assertThat(IndicatorSettings.of(r, Period.of(2025, 12)).lines().get(0).amount()).isEqualTo(14_000);
        // the flag's evidence names the figure that applied
        FamilyIncome fi = FamilyIncome.of(List.of(FamilyIncome.Member.precise(12_000)), 0, town, r.at(Period.of(2025, 12)));
        assertThat(fi.flags()).filteredOn(x -> x.id().equals(LinesAt.DIBAO)).singleElement()
                .extracting(FamilyFlag::evidence).asString().contains("13000.00", "lines.dibao[4]");
    }

    @Test
    void aPeriodBeforeTheFirstFigureNamesTheFileAndKey() throws IOException {
        Path f = edited("    - {from: 2020, amount: 9720}  # earlier", "    # earlier");
        FamilyIncomeRules r = IncomeParameters.read(f);
        assertThatThrownBy(() -> dibao(r, 2020, 6, COUNTY))
                .hasMessageContaining(f.toString()).hasMessageContaining("lines.dibao").hasMessageContaining("2021-01-01");
        assertThatThrownBy(() -> IndicatorSettings.of(r, Period.of(2019, 12)))
                .hasMessageContaining(f.toString()).hasMessageContaining("lines.dibao").hasMessageContaining("2019-12-31");
    }

    @Test
    void aMalformedFileIsRefusedWithItsNameKeyAndReason() throws IOException {
        Path f = edited("    - {from: 2021, amount: 10920}", "    - {from: 2021, amount: lots}");
        assertThatThrownBy(() -> IncomeParameters.read(f))
                .hasMessageContaining(f.toString()).hasMessageContaining("lines.dibao[1].amount").hasMessageContaining("lots");
        Path g = edited("    basis: PER_CAPITA_TIMES_3\n    lower: 200000", "    basis: HOUSEHOLD\n    lower: 200000");
        assertThatThrownBy(() -> IncomeParameters.read(g)).hasMessageContaining(g.toString())
                .hasMessageContaining("brackets[1] (middle_20_60).basis").hasMessageContaining("HOUSEHOLD");
        Path h = edited("    lower: 200000\n    upper: 600000", "    lower: 600000\n    upper: 200000");
        assertThatThrownBy(() -> IncomeParameters.read(h)).hasMessageContaining(h.toString())
                .hasMessageContaining("brackets[1] (middle_20_60)").hasMessageContaining("0 <= lower < upper");
        Path i = edited("    - {from: 2022, amount: 11000}", "    - {from: 2022, amout: 11000}");
        assertThatThrownBy(() -> IncomeParameters.read(i)).hasMessageContaining("lines.dibao[2]")
                .hasMessageContaining("unknown key 'amout'");
        Path j = edited("      - {tier: 2}", "      - {tier: 4}");
        assertThatThrownBy(() -> IncomeParameters.read(j)).hasMessageContaining("lines.minimum_wage.tier[0]")
                .hasMessageContaining("1 to 3");
        Path k = edited("    - {multiple: 2.0}", "    - {multiple: 2.0, area: 3309}");
        assertThatThrownBy(() -> IncomeParameters.read(k)).hasMessageContaining("lines.dibian[0].area");
    }

    @Test
    void theFormatBeforeIssue12IsStillRead() throws IOException {
        Path f = dir.resolve("old-income.yaml");
        Files.writeString(f, """
                lines:
                  dibao_by_year:
                    2020: 9720
                    2022: 11000
                  marginal_multiple: 2.0
                  minimum_wage_monthly: 2070
                  assist_share: 0.8
                  safety_net_share: 0.4
                brackets:
                  basis: PER_CAPITA_TIMES_3
                  typical_family_size: 3
                  middle_10_50: [100000, 500000]
                  middle_20_60: [200000, 600000]
                """);
        FamilyIncomeRules old = IncomeParameters.read(f);
        FamilyIncomeRules shipped = ShippedIncome.rules();
        assertThat(old.brackets()).extracting(Bracket::id, Bracket::nameZh, Bracket::basis, Bracket::lower, Bracket::upper)
                .containsExactlyElementsOf(shipped.brackets().stream().map(b -> org.assertj.core.groups.Tuple.tuple(
                        b.id(), b.nameZh(), b.basis(), b.lower(), b.upper())).toList());
        assertThat(dibao(old, 2023, 12, COUNTY)).isEqualTo(dibao(shipped, 2023, 12, COUNTY));
        IncomeRulesAt at = old.at(Period.of(2023, 12));
        assertThat(at.lines().dibian(COUNTY).amount()).isEqualTo(22_000);
        assertThat(at.lines().minimumWage(COUNTY).amount()).isEqualTo(2_070);
        assertThat(at.lines().hasTekun()).isFalse();
        assertThatThrownBy(() -> dibao(old, 2019, 12, COUNTY)).hasMessageContaining("lines.dibao_by_year");
    }

    /** The shipped file with each {@code from, to} pair replaced. */
    private Path edited(String... fromTo) throws IOException {
        String text = Files.readString(ShippedIncome.FILE);
        for (int i = 0; i < fromTo.length; i += 2) {
            assertThat(text).contains(fromTo[i]);
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        Path f = dir.resolve("county-income-" + Math.abs(String.join("|", fromTo).hashCode()) + ".yaml");
        Files.writeString(f, text);
        return f;
    }
}
