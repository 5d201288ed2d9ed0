package org.olive.pipeline.warning;

import org.junit.jupiter.api.Test;
import org.olive.income.FamilyArea;
import org.olive.income.FamilyIncome;
import org.olive.income.IncomeRulesAt;
import org.olive.period.Period;
import org.olive.pipeline.income.IncomeSettings;
import org.olive.warning.WarningClassifier;
import org.olive.warning.WarningVariables;

import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Education fees are rigid expenditure (刚性支出): a family above the assistance double line and the 低保 standard on
 * its DI less medical out-of-pocket falls below them once its children's school fees are paid. The family figures come
 * from {@link FamilyIncome#of} (what the income step stores), the colours from the shipped warnings.yaml.
 */
class WarningEducationTest {

    static final Period P = WarningRulesTest.P;
    static final IncomeRulesAt RULES = IncomeSettings.builtIn().family().at(P);
    static final double ASSIST = 0.8 * WarningRulesTest.WAGE;

    /** Two residents with this family DI, medical out-of-pocket and education fees, as the income step stores them. */
    static WarningStep.FamilyRow row(double di, double oop, double education) {
        FamilyIncome fi = FamilyIncome.of(List.of(FamilyIncome.Member.precise(di / 2), FamilyIncome.Member.precise(di / 2)),
                oop, education, FamilyArea.COUNTY, RULES);
        return new WarningStep.FamilyRow("F0000002", null, null, null, fi.residents(), fi.disposable(), fi.perCapita(),
                fi.medicalOop(), fi.afterRigidMonthly(), fi.educationExpense());
    }

    static WarningVariables.Facts facts(WarningStep.FamilyRow row) {
        return WarningStep.facts(row, P.toString(), P, WarningRulesTest.LINES, new HashMap<>(), null, List.of(), List.of(),
                List.of("education_fee:2025-02/学生缴费_202502.csv:17"));
    }

    static Set<String> fired(WarningStep.FamilyRow row) {
        WarningClassifier.Warning w = WarningRulesTest.RULES.at(P).classify(facts(row));
        return w.fired().stream().map(WarningClassifier.Fired::ruleId).collect(Collectors.toSet());
    }

    @Test
    void schoolFeesTakeAFamilyBelowTheAssistanceLine() {
        // 100 yuan a person a month above the 80 % line after medical out-of-pocket
        double oop = 3_000;
        double di = 2 * 12 * (ASSIST + 100) + oop;
        assertThat(row(di, oop, 0).afterRigidMonthly()).isCloseTo(ASSIST + 100, org.assertj.core.data.Offset.offset(0.01));
        assertThat(fired(row(di, oop, 0))).doesNotContain("assist_line", "safety_net");
        // a senior-high pupil's year: two terms of tuition, boarding and meals (2 × 1,250 + 2 × 800 + 10 × 520)
        double fees = 2 * 1_250 + 2 * 800 + 10 * 520;
        WarningStep.FamilyRow withFees = row(di, oop, fees);
        assertThat(withFees.afterRigidMonthly()).isCloseTo(ASSIST + 100 - fees / 24, org.assertj.core.data.Offset.offset(0.01));
        assertThat(fired(withFees)).contains("assist_line").doesNotContain("safety_net");
        // fees just under 2,400 a year (100 a person a month) keep it above the line
        assertThat(fired(row(di, oop, 2_399))).doesNotContain("assist_line");
        assertThat(fired(row(di, oop, 2_401))).contains("assist_line");
    }

    @Test
    void afterRigidPerCapitaSubtractsEducationForTheDibaoRule() {
        double di = 2 * (WarningRulesTest.DIBAO + 500);
        assertThat(fired(row(di, 0, 0))).doesNotContain("below_dibao_unassisted");
        assertThat(fired(row(di, 0, 999))).doesNotContain("below_dibao_unassisted");
        assertThat(fired(row(di, 400, 601))).contains("below_dibao_unassisted");
    }

    @Test
    void theFactCitesTheSchoolFeeRecordsAndTheLedgerRow() {
        WarningVariables.Facts f = facts(row(60_000, 1_000, 7_800));
        assertThat(f.values().get("education_expense")).isEqualTo(7_800.0);
        assertThat(f.values().get("after_rigid_per_capita")).isEqualTo((60_000 - 1_000 - 7_800) / 2.0);
        assertThat(f.refs().get("education_expense")).containsExactly("family_income:2025-03:F0000002",
                "education_fee:2025-02/学生缴费_202502.csv:17");
        assertThat(f.refs().get("after_rigid_monthly")).contains("education_fee:2025-02/学生缴费_202502.csv:17");
        assertThat(WarningVariables.names()).contains("education_expense");
    }
}
