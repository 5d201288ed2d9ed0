package org.olive.indicator.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Hand cases for each target form, on the built-in registry's own indicators. */
class ProgressEvaluatorTest {

    static final IndicatorRegistry R = RegistryLoader.builtIn();
    static final ProgressEvaluator EVAL = new ProgressEvaluator(R.settings());

    static Progress eval(String id, int year, String value, Map<Integer, BigDecimal> history) {
        return EVAL.evaluate(R.indicator(id).orElseThrow(), year, value == null ? null : new BigDecimal(value), history);
    }

    static Progress eval(String id, int year, String value) {
        return eval(id, year, value, Map.of());
    }

    @Test
    void numberTargetHigherIsBetter() {
        Progress met = eval("C08", 2022, "58210");
        assertThat(met.status()).isEqualTo(ProgressStatus.MET);
        assertThat(met.explanation()).isEqualTo("58210 reaches the 2022 target 58000 (needs ≥ 58000)");
        Progress missed = eval("C08", 2025, "68999.5");
        assertThat(missed.status()).isEqualTo(ProgressStatus.NOT_MET);
        assertThat(missed.explanation()).isEqualTo("68999.5 misses the 2025 target 69000 (needs ≥ 69000)");
    }

    @Test
    void numberTargetLowerIsBetter() {
        assertThat(eval("C22", 2025, "1.50").status()).isEqualTo(ProgressStatus.MET);
        assertThat(eval("C22", 2025, "1.51").status()).isEqualTo(ProgressStatus.NOT_MET);
        assertThat(eval("C22", 2025, "1.51").explanation()).contains("needs ≤ 1.50");
        // 序号31: the source's targets lie below the baseline; higher is still better
        assertThat(eval("C31", 2022, "82.5").status()).isEqualTo(ProgressStatus.MET);
    }

    @Test
    void boundTargets() {
        Progress ratio = eval("C14", 2023, "1.48");
        assertThat(ratio.status()).isEqualTo(ProgressStatus.MET);
        assertThat(ratio.explanation()).isEqualTo("1.48 is within the 2023 bound 1.5以内");
        assertThat(eval("C14", 2023, "1.5").status()).as("以内 includes the bound").isEqualTo(ProgressStatus.MET);
        assertThat(eval("C14", 2023, "1.51").status()).isEqualTo(ProgressStatus.NOT_MET);
        assertThat(eval("C18", 2024, "55").status()).as("以上 includes the bound").isEqualTo(ProgressStatus.MET);
        assertThat(eval("C18", 2024, "54.9").explanation()).isEqualTo("54.9 is outside the 2024 bound 55以上");
        assertThat(eval("C27", 2025, "70.2").status()).isEqualTo(ProgressStatus.MET);
        assertThat(eval("P1", 2024, "1.52").status()).isEqualTo(ProgressStatus.NOT_MET);
    }

    @Test
    void declineComparesWithThePreviousValueElseTheBaseline() {
        Progress vsBaseline = eval("C13", 2022, "36.9");
        assertThat(vsBaseline.status()).isEqualTo(ProgressStatus.MET);
        assertThat(vsBaseline.explanation()).isEqualTo("36.9 against 37.5 in 2020: 稳步下降 holds");
        Progress rose = eval("C13", 2023, "37.0", Map.of(2021, new BigDecimal("37.2"), 2022, new BigDecimal("36.8")));
        assertThat(rose.status()).isEqualTo(ProgressStatus.NOT_MET);
        assertThat(rose.explanation()).isEqualTo("37 against 36.8 in 2022: 稳步下降 does not hold");
        assertThat(eval("C13", 2023, "37.0", Map.of(2024, new BigDecimal("30"))).arguments())
                .as("later years are ignored").containsExactly("37", "37.5", "2020", "稳步下降");
    }

    @Test
    void riseWithoutBaselineNeedsAnEarlierValue() {
        Progress first = eval("C61", 2022, "80");
        assertThat(first.status()).isEqualTo(ProgressStatus.NOT_EVALUABLE);
        assertThat(first.explanation()).isEqualTo("稳步提升 needs an earlier value to compare with, and there is none");
        assertThat(eval("C61", 2023, "82", Map.of(2022, new BigDecimal("80"))).status()).isEqualTo(ProgressStatus.MET);
    }

    @Test
    void stableUsesTheConfiguredTolerance() {
        // 75.3 ± 5% = [71.535, 79.065]
        assertThat(eval("C38", 2022, "79.0").status()).isEqualTo(ProgressStatus.MET);
        assertThat(eval("C38", 2022, "71.5").status()).isEqualTo(ProgressStatus.NOT_MET);
        ProgressEvaluator strict = new ProgressEvaluator(new EvaluationSettings(new BigDecimal("0.01")));
        assertThat(strict.evaluate(R.indicator("C38").orElseThrow(), 2022, new BigDecimal("79.0"), Map.of()).status())
                .isEqualTo(ProgressStatus.NOT_MET);
    }

    @Test
    void consolidateHoldsTheBaselineInTheBetterDirection() {
        assertThat(eval("C51", 2024, "13", Map.of(2023, new BigDecimal("12"))).status())
                .as("PM2.5 13 ≤ baseline 14, even if above last year").isEqualTo(ProgressStatus.MET);
        assertThat(eval("C51", 2024, "14.2").status()).isEqualTo(ProgressStatus.NOT_MET);
        assertThat(eval("C10", 2022, "78.2").status()).isEqualTo(ProgressStatus.MET);
    }

    @Test
    void reasonableRangeAndQuotaAreNotEvaluableWithoutTheirNumbers() {
        Progress gini = eval("C21", 2023, "31.2");
        assertThat(gini.status()).isEqualTo(ProgressStatus.NOT_EVALUABLE);
        assertThat(gini.reason()).isEqualTo(Reason.NO_RANGE);
        Progress quota = eval("C03", 2023, "0.27");
        assertThat(quota.status()).isEqualTo(ProgressStatus.NOT_EVALUABLE);
        assertThat(quota.explanation()).contains("完成上级下达指标");
    }

    @Test
    void aRangeFromTheRegistryIsUsed() {
        Indicator gini = R.indicator("C21").orElseThrow();
        Indicator ranged = new Indicator(gini.id(), gini.setId(), gini.number(), gini.section(), gini.name(),
                gini.nameEn(), gini.unit(), gini.baseline(), gini.targets(), gini.attribute(), gini.better(),
                gini.departments(), gini.computedBy(), null, null,
                new ValueRange(new BigDecimal("25"), new BigDecimal("40")));
        assertThat(EVAL.evaluate(ranged, 2023, new BigDecimal("31.2"), Map.of()).status()).isEqualTo(ProgressStatus.MET);
        assertThat(EVAL.evaluate(ranged, 2023, new BigDecimal("41"), Map.of()).explanation())
                .isEqualTo("41 lies outside the range 25-40");
    }

    @Test
    void yearsBetweenMilestonesFollowTheStraightPath() {
        // C08: 2022 target 58000, 2025 target 69000 → 2023 path 58000 + 11000/3 = 61666.67
        Progress on = eval("C08", 2023, "62000");
        assertThat(on.status()).isEqualTo(ProgressStatus.ON_TRACK);
        assertThat(on.explanation()).isEqualTo("62000 is on the path to the 2025 target 69000 (path value for 2023: 61666.67)");
        assertThat(eval("C08", 2023, "61000").status()).isEqualTo(ProgressStatus.NOT_MET);
        assertThat(eval("C08", 2024, "70000").reason()).isEqualTo(Reason.PATH_AHEAD);
        // 2021: from the 2020 baseline 50154 towards the 2022 target 58000 → path 54077
        assertThat(eval("C08", 2021, "54077").status()).isEqualTo(ProgressStatus.ON_TRACK);
        assertThat(eval("C08", 2021, "54076").arguments()).containsExactly("54076", "2022", "58000", "2021", "54077");
        // lower is better: unemployment 1.56 (2020) → 1.53 (2022), 2021 path 1.545
        assertThat(eval("C22", 2021, "1.54").status()).isEqualTo(ProgressStatus.ON_TRACK);
        assertThat(eval("C22", 2021, "1.55").status()).isEqualTo(ProgressStatus.NOT_MET);
    }

    @Test
    void noValueOrNoTargetIsNotEvaluable() {
        assertThat(eval("C08", 2022, null).explanation()).isEqualTo("no value for 2022");
        assertThat(eval("C08", 2026, "80000").explanation()).isEqualTo("no target for 2026");
        assertThat(eval("C08", 2019, "40000").status()).isEqualTo(ProgressStatus.NOT_EVALUABLE);
        // C16 has no baseline and no 2022 target: no path to 2025, unless the value already reaches it
        assertThat(eval("C16", 2023, "40").status()).isEqualTo(ProgressStatus.NOT_EVALUABLE);
        assertThat(eval("C16", 2023, "61").status()).isEqualTo(ProgressStatus.ON_TRACK);
        assertThat(eval("C44", 2021, "50").reason()).isEqualTo(Reason.NO_TARGET);
        assertThat(List.of(ProgressStatus.values())).hasSize(4);
    }
}
