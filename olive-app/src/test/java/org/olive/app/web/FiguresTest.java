package org.olive.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.olive.indicator.registry.Indicator;
import org.olive.indicator.registry.IndicatorRegistry;
import org.olive.indicator.registry.Progress;
import org.olive.indicator.registry.ProgressEvaluator;
import org.olive.indicator.registry.RegistryLoader;

/**
 * Issue 11 item 17: every figure with its unit and a sensible precision — percentages one decimal, yuan whole yuan,
 * ratios two decimals — including the verdicts of the cockpit and the indicator pages, which printed
 * "75.78415956未达到2025年目标80%（需≥80%）" and "1.536067388不符合2025年目标".
 */
class FiguresTest {

    final Figures f = new Figures();

    @Test
    void byUnit() {
        assertThat(f.of(new BigDecimal("75.78415956"), "%")).isEqualTo("75.8%");
        assertThat(f.of(new BigDecimal("1.536067388"), "")).isEqualTo("1.54");
        assertThat(f.of(62020.4, "元")).isEqualTo("62,020 元");
        assertThat(f.of(new BigDecimal("1234567.5"), "元")).isEqualTo("1,234,568 元");
        assertThat(f.of(16.94, "万元")).isEqualTo("16.94 万元");
        assertThat(f.of(new BigDecimal("3.0"), "个")).isEqualTo("3 个");
        assertThat(f.of(0.0264, "人/亿元")).isEqualTo("0.026 人/亿元");
        assertThat(f.of(null, "%")).isEqualTo("–");
        assertThat(f.of(Double.NaN, "元")).isEqualTo("–");
        assertThat(f.share(0.7578415956)).isEqualTo("75.8%");
        assertThat(f.share(0.75)).isEqualTo("75.0%");
        assertThat(f.percent(-0.04)).isEqualTo("0.0%");
        assertThat(f.amount(80000.0)).isEqualTo("80,000");
        assertThat(f.amounts(70000, 110000)).isEqualTo("70,000 – 110,000");
        assertThat(f.ratio(1.42)).isEqualTo("1.42");
        assertThat(f.count(1234.0)).isEqualTo("1,234");
    }

    @Test
    void targetsAndBaselinesKeepTheirOwnDigitsAndGetTheUnit() {
        assertThat(f.text("58000", "元")).isEqualTo("58,000 元");
        assertThat(f.text("79", "%")).isEqualTo("79%");
        assertThat(f.text("80%", "%")).isEqualTo("80%");
        assertThat(f.text("1.5以内", "")).isEqualTo("1.5以内");
        assertThat(f.text("预计55", "%")).isEqualTo("预计55");
        assertThat(f.text("0.013", "人/亿元")).isEqualTo("0.013 人/亿元");
        assertThat(f.text(null, "%")).isEqualTo("–");
    }

    /** The two verdicts of the issue, evaluated on the registry's pilot indicators as the cockpit does. */
    @Test
    void theVerdictsOfTheIssueShowRoundedValuesWithTheirUnit() {
        IndicatorRegistry registry = RegistryLoader.builtIn();
        ProgressEvaluator evaluator = new ProgressEvaluator(registry.settings());
        Indicator p2 = registry.indicator("P2").orElseThrow();
        Progress share = evaluator.evaluate(p2, 2025, new BigDecimal("75.78415956"), Map.of());
        assertThat(zh("{0}未达到{1}年目标{2}（需{3} {2}）", f.reasonArguments(p2, share)))
                .isEqualTo("75.8%未达到2025年目标80%（需≥ 80%）");
        Indicator p1 = registry.indicator("P1").orElseThrow();
        Progress ratio = evaluator.evaluate(p1, 2025, new BigDecimal("1.536067388"), Map.of());
        assertThat(zh("{0}不符合{1}年目标“{2}”", f.reasonArguments(p1, ratio))).isEqualTo("1.54不符合2025年目标“1.5以内”");
        Indicator c08 = registry.indicator("C08").orElseThrow();
        Progress yuan = evaluator.evaluate(c08, 2025, new BigDecimal("62020.37"), Map.of());
        assertThat(zh("{0}未达到{1}年目标{2}（需{3} {2}）", f.reasonArguments(c08, yuan)))
                .isEqualTo("62,020 元未达到2025年目标69,000 元（需≥ 69,000 元）");
        // between milestones: the path value is formatted too
        Progress path = evaluator.evaluate(c08, 2024, new BigDecimal("60123.456"), Map.of());
        assertThat(List.of(f.reasonArguments(c08, path))).allSatisfy(a -> assertThat(a.toString()).doesNotContain(".456"));
    }

    private static String zh(String pattern, Object[] args) {
        return new MessageFormat(pattern, Locale.SIMPLIFIED_CHINESE).format(args);
    }
}
