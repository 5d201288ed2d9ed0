package org.olive.indicator.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RegistryLoaderTest {

    static final IndicatorRegistry BUILT_IN = RegistryLoader.builtIn();

    @Test
    void countySetHasTheDocumentsSixtyOneIndicatorsInSevenSections() {
        IndicatorSet county = BUILT_IN.set("county").orElseThrow();
        assertThat(county.numberedIndicators()).isEqualTo(61);
        assertThat(county.indicators().stream().map(Indicator::number).distinct().toList())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 61).mapToObj(String::valueOf).toList());
        assertThat(county.indicators()).hasSize(62); // 序号 20 has two sub-rows
        assertThat(county.indicators()).filteredOn(i -> i.number().equals("20")).extracting(Indicator::id)
                .containsExactly("C20a", "C20b");
        assertThat(county.sections()).extracting(Section::name).containsExactly("经济高质量发展", "城乡区域协调发展",
                "收入分配格局优化", "公共服务优质共享", "精神文明建设", "全域美丽建设", "社会和谐和睦");
        assertThat(county.sections()).extracting(s -> s.indicators().size()).containsExactly(13, 4, 7, 18, 8, 6, 6);
        assertThat(county.baselineYear()).isEqualTo(2020);
    }

    @Test
    void everyCountyIndicatorParsedCompletely() {
        for (Indicator i : BUILT_IN.set("county").orElseThrow().indicators()) {
            assertThat(i.attribute()).as(i.id() + " attribute").isNotNull();
            assertThat(i.departments()).as(i.id() + " departments").isNotEmpty();
            assertThat(i.leadDepartment()).as(i.id()).contains(i.departments().get(0));
            assertThat(i.targets()).as(i.id() + " targets").isNotEmpty();
            assertThat(i.nameEn()).as(i.id()).isNotBlank();
            assertThat(i.baseline().year()).isEqualTo(2020);
            assertThat(i.targets()).allMatch(t -> t.fromYear() >= 2022 && t.toYear() <= 2025, i.id() + " years");
        }
        assertThat(BUILT_IN.set("county").orElseThrow().indicators())
                .filteredOn(i -> i.attribute() == Attribute.OBSERVED).extracting(Indicator::number)
                .containsExactly("13", "21", "36", "37", "38", "39", "40", "61");
    }

    @Test
    void targetsOfAllFourFormsAreReadAsWritten() {
        Indicator income = BUILT_IN.indicator("C08").orElseThrow();
        assertThat(income.nameWithUnit()).isEqualTo("居民人均可支配收入(元)");
        assertThat(income.baseline().value()).isEqualByComparingTo("50154");
        assertThat(income.targetFor(2022).orElseThrow().target()).isEqualTo(new Target.NumberTarget(new BigDecimal("58000"), "58000"));
        assertThat(income.targetFor(2025).orElseThrow().target()).isInstanceOf(Target.NumberTarget.class);
        assertThat(income.targetFor(2023)).isEmpty();
        assertThat(income.leadDepartment()).contains("县发改局");
        assertThat(income.coDepartments()).containsExactly("县人社局", "县农业农村局");
        assertThat(income.computedBy()).isEqualTo("per_capita_disposable_income");

        Indicator ratio = BUILT_IN.indicator("C14").orElseThrow();
        TargetSpan span = ratio.targetFor(2024).orElseThrow();
        assertThat(span.years()).isEqualTo("2022-2025");
        assertThat(span.target()).isEqualTo(new Target.BoundTarget(Comparison.LE, new BigDecimal("1.5"), "1.5以内"));

        Indicator labour = BUILT_IN.indicator("C18").orElseThrow();
        assertThat(labour.baseline().estimate()).isTrue();
        assertThat(labour.baseline().value()).isEqualByComparingTo("55");
        assertThat(labour.baseline().text()).isEqualTo("预计55");
        assertThat(labour.targetFor(2022).orElseThrow().target())
                .isEqualTo(new Target.BoundTarget(Comparison.GE, new BigDecimal("55"), "55以上"));
        assertThat(BUILT_IN.indicator("C27").orElseThrow().targetFor(2025).orElseThrow().target())
                .isEqualTo(new Target.BoundTarget(Comparison.GE, new BigDecimal("70"), "≥70"));

        assertThat(BUILT_IN.indicator("C13").orElseThrow().targetFor(2023).orElseThrow().target())
                .isEqualTo(new Target.DirectionTarget(Trend.DECLINE, "稳步下降"));
        assertThat(BUILT_IN.indicator("C38").orElseThrow().targetFor(2023).orElseThrow().target())
                .isEqualTo(new Target.DirectionTarget(Trend.STABLE, "保持稳定"));
        assertThat(BUILT_IN.indicator("C21").orElseThrow().targetFor(2022).orElseThrow().target())
                .isEqualTo(new Target.DirectionTarget(Trend.IN_RANGE, "维持在合理区间"));
        assertThat(BUILT_IN.indicator("C03").orElseThrow().targetFor(2025).orElseThrow().target())
                .isEqualTo(new Target.QuotaTarget("完成上级下达指标"));

        Indicator transport = BUILT_IN.indicator("C16").orElseThrow();
        assertThat(transport.baseline().missing()).isTrue();
        assertThat(transport.baseline().text()).isEqualTo("——");
        assertThat(transport.targets()).extracting(TargetSpan::years).containsExactly("2025"); // 2022 is ——
        assertThat(BUILT_IN.indicator("C04").orElseThrow().leadDepartment()).contains("市生态环境局嵊泗分局");
    }

    @Test
    void pilotSetHasEightIndicatorsWithYearlyTargetsAndActuals() {
        IndicatorSet pilot = BUILT_IN.set("pilot").orElseThrow();
        assertThat(pilot.indicators()).extracting(Indicator::id)
                .containsExactly("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8");
        assertThat(pilot.baselineYear()).isEqualTo(2022);
        for (Indicator i : pilot.indicators()) {
            assertThat(i.targets()).extracting(TargetSpan::years).as(i.id()).containsExactly("2023", "2024", "2025");
            assertThat(i.frequency()).isIn("年度", "季度", "月度");
            assertThat(i.definition()).endsWith("。");
        }
        assertThat(pilot.indicators()).filteredOn(Indicator::computed).extracting(Indicator::id)
                .containsExactly("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8");
        Indicator p2 = BUILT_IN.indicator("P2").orElseThrow();
        assertThat(p2.baseline().value()).isEqualByComparingTo("70");
        assertThat(p2.targetFor(2025).orElseThrow().target())
                .isEqualTo(new Target.NumberTarget(new BigDecimal("80"), "80%"));
        assertThat(BUILT_IN.indicator("P4").orElseThrow().baseline().missing()).isTrue();
        assertThat(BUILT_IN.indicator("P1").orElseThrow().targetFor(2023).orElseThrow().target())
                .isInstanceOf(Target.BoundTarget.class);
        assertThat(BUILT_IN.indicators()).hasSize(70);
        assertThat(BUILT_IN.version()).isEqualTo("shengsi-2021.1");
        assertThat(BUILT_IN.settings().stableRelativeTolerance()).isEqualByComparingTo("0.05");
    }

    static final String HEADER = """
            version: t1
            evaluation: {stable_relative_tolerance: "0.05"}
            baseline_markers: {estimate_prefixes: [预计], missing: ["——"]}
            quota_phrases: [完成上级下达指标]
            bound_suffixes: {以内: LE, 以上: GE}
            directions: {稳步下降: DECLINE}
            sets:
              - id: county
                title: t
                source: s
                baseline_year: 2020
                sections:
                  - name: 收入分配格局优化
                    indicators:
            """;

    static IndicatorRegistry load(String indicatorLine) {
        String yaml = HEADER + "          - " + indicatorLine + "\n";
        return RegistryLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    static final String GOOD = "{id: X1, number: \"1\", name: 甲, name_en: a, unit: \"%\", baseline: \"1\", "
            + "targets: {\"2022\": \"2\"}, attribute: 评价指标, better: higher, departments: [县发改局]";

    @Test
    void aMinimalIndicatorLoads() {
        assertThat(load(GOOD + "}").indicator("X1").orElseThrow().targets()).hasSize(1);
    }

    @Test
    void badInputNamesFileIndicatorFieldAndReason() {
        assertThatThrownBy(() -> load(GOOD.replace("\"2\"", "1.5以外") + "}"))
                .isInstanceOf(RegistryException.class)
                .hasMessageStartingWith("test.yaml: indicator X1, field targets.2022: '1.5以外' is not a number")
                .satisfies(e -> {
                    RegistryException r = (RegistryException) e;
                    assertThat(r.file()).isEqualTo("test.yaml");
                    assertThat(r.indicatorId()).isEqualTo("X1");
                    assertThat(r.field()).isEqualTo("targets.2022");
                });
        assertThatThrownBy(() -> load(GOOD.replace("baseline: \"1\"", "baseline: 约55") + "}"))
                .hasMessageStartingWith("test.yaml: indicator X1, field baseline: '约55' is not a number");
        assertThatThrownBy(() -> load(GOOD.replace("better: higher", "better: up") + "}"))
                .hasMessage("test.yaml: indicator X1, field better: 'up' is not one of [higher, lower]");
        assertThatThrownBy(() -> load(GOOD.replace("评价指标", "考核指标") + "}"))
                .hasMessage("test.yaml: indicator X1, field attribute: '考核指标' is neither 评价指标 nor 观察指标");
        assertThatThrownBy(() -> load(GOOD + ", colour: red}"))
                .hasMessageStartingWith("test.yaml: indicator X1, field colour: unknown field");
        assertThatThrownBy(() -> load(GOOD.replace("\"2022\": \"2\"", "\"2022-2025\": \"2\", \"2025\": \"3\"") + "}"))
                .hasMessage("test.yaml: indicator X1, field targets.2025: overlaps targets.2022-2025");
        assertThatThrownBy(() -> load(GOOD.replace("\"2022\"", "\"22\"") + "}"))
                .hasMessageContaining("field targets.22: '22' is not a year (2022) or a year span (2022-2025)");
        assertThatThrownBy(() -> load(GOOD.replace(", unit: \"%\"", "") + "}"))
                .hasMessageStartingWith("test.yaml: indicator X1, field unit: is missing");
        assertThatThrownBy(() -> load(GOOD.replace("\"2022\": \"2\"", "\"2022\": \"——\"") + "}"))
                .hasMessage("test.yaml: indicator X1, field targets: no year has a target");
        assertThatThrownBy(() -> load(GOOD + "}\n          - " + GOOD + "}"))
                .hasMessageContaining("indicator id 'X1' is used twice");
        assertThatThrownBy(() -> RegistryLoader.load(new ByteArrayInputStream("version: [".getBytes()), "broken.yaml"))
                .hasMessageStartingWith("broken.yaml: field (document): not valid YAML");
    }

    @Test
    void aRangeMakesTheReasonableRangeEvaluable() {
        IndicatorRegistry r = load(GOOD.replace("\"2\"", "稳步下降") + ", range: [\"25\", \"40\"]}");
        assertThat(r.indicator("X1").orElseThrow().range()).isEqualTo(new ValueRange(new BigDecimal("25"), new BigDecimal("40")));
        assertThatThrownBy(() -> load(GOOD + ", range: [\"40\", \"25\"]}"))
                .hasMessage("test.yaml: indicator X1, field range: low 40 is above high 25");
        assertThat(List.of(r.sets().get(0).sections().get(0).name())).containsExactly("收入分配格局优化");
    }
}
