package org.olive.pipeline.warning;

import org.junit.jupiter.api.Test;
import org.olive.fact.PersonFact;
import org.olive.income.FamilyArea;
import org.olive.income.LinesAt;
import org.olive.period.Period;
import org.olive.pipeline.income.IncomeSettings;
import org.olive.rule.RuleFile;
import org.olive.warning.WarningClassifier;
import org.olive.warning.WarningDefinitions;
import org.olive.warning.WarningDefinitions.Colour;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shipped warnings.yaml on hand-built families, with the shipped lines of income.yaml at 2025-03 (低保 14,000, 低边
 * 2 ×, minimum wage tier 2 2,070 a month, the double line's 80 % / 40 %): for every rule a family just below its line
 * and one just above, and the colour the rules give.
 */
class WarningRulesTest {

    static final Period P = Period.parse("2025-03");
    static final WarningDefinitions RULES = WarningSettings.builtIn();
    static final LinesAt LINES = IncomeSettings.builtIn().family().at(P).lines();
    static final double DIBAO = LINES.dibao(FamilyArea.COUNTY).amount();
    static final double DIBIAN = LINES.dibian(FamilyArea.COUNTY).amount();
    static final double WAGE = LINES.minimumWage(FamilyArea.COUNTY).amount();

    /** A one-person family with this per-capita DI and out-of-pocket, a year-ago figure (null: none) and spells. */
    static WarningClassifier.Warning family(double perCapita, double oop, Double yearAgo, PersonFact.Assistance... spells) {
        WarningStep.FamilyRow row = new WarningStep.FamilyRow("F0000001", null, null, null, 1, perCapita, perCapita, oop,
                (perCapita - oop) / 12);
        PersonFact member = new PersonFact(1L, "F0000001", "F", 50, true, true, false, "330922100", "330922100201", false,
                "", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(spells), 0);
        return RULES.at(P).classify(WarningStep.facts(row, P.toString(), P, LINES, new HashMap<>(), yearAgo, List.of(member)));
    }

    /** A family whose monthly income after rigid expenditure is this (per-capita DI well above the 低边 line). */
    static WarningClassifier.Warning monthly(double afterRigidMonthly) {
        double perCapita = 3 * DIBIAN;
        return family(perCapita, perCapita - afterRigidMonthly * 12, null);
    }

    static Set<String> fired(WarningClassifier.Warning w) {
        return w.fired().stream().map(WarningClassifier.Fired::ruleId).collect(Collectors.toSet());
    }

    static PersonFact.Assistance spell(String type, LocalDate start, LocalDate end) {
        return new PersonFact.Assistance(type, start, end, new BigDecimal("1000"),
                new PersonFact.Source("assistance", "2025-01", "2025-01/社会救助.csv", 7));
    }

    @Test
    void theLinesComeFromIncomeYaml() {
        assertThat(DIBAO).isEqualTo(14_000);
        assertThat(DIBIAN).isEqualTo(28_000);
        assertThat(WAGE).isEqualTo(2_070);
        assertThat(RULES.rules()).extracting(WarningDefinitions.WarningRule::id).containsExactly("below_dibao_unassisted",
                "safety_net", "below_dibian", "assist_line", "income_drop", "medical_burden", "relapse",
                "vulnerable");
    }

    @Test
    void belowTheDibaoStandardWithoutDibaoIsRed() {
        WarningClassifier.Warning below = family(DIBAO - 1, 0, null);
        assertThat(fired(below)).contains("below_dibao_unassisted", "below_dibian");
        assertThat(below.colour()).isEqualTo(Colour.RED);
        assertThat(fired(family(DIBAO + 1, 0, null))).doesNotContain("below_dibao_unassisted").contains("below_dibian");
        // receiving 低保: not this red rule (still below the 低边 line: yellow)
        WarningClassifier.Warning assisted = family(DIBAO - 1, 0, null, spell("DIBAO", LocalDate.of(2024, 5, 1), null));
        assertThat(fired(assisted)).doesNotContain("below_dibao_unassisted");
        // after rigid expenditure: above the standard on DI, below it once medical out-of-pocket is paid
        assertThat(fired(family(DIBAO + 1_000, 1_001, null))).contains("below_dibao_unassisted");
        assertThat(fired(family(DIBAO + 1_000, 999, null))).doesNotContain("below_dibao_unassisted");
    }

    @Test
    void theDoubleLineSafetyNetIsRedAndTheAssistLineYellow() {
        double safety = 0.4 * WAGE;
        double assist = 0.8 * WAGE;
        assertThat(fired(monthly(safety - 0.01))).contains("safety_net", "assist_line");
        assertThat(monthly(safety - 0.01).colour()).isEqualTo(Colour.RED);
        assertThat(fired(monthly(safety + 0.01))).doesNotContain("safety_net").contains("assist_line");
        assertThat(fired(monthly(assist - 0.01))).contains("assist_line");
        assertThat(fired(monthly(assist + 0.01))).doesNotContain("assist_line", "safety_net");
    }

    @Test
    void belowTheDibianLineIsYellow() {
        WarningClassifier.Warning below = family(DIBIAN - 1, 0, null);
        assertThat(fired(below)).containsExactly("below_dibian");
        assertThat(below.colour()).isEqualTo(Colour.YELLOW);
        assertThat(family(DIBIAN + 1, 0, null).colour()).isEqualTo(Colour.GREEN);
        assertThat(family(DIBIAN + 1, 0, null).fired()).isEmpty();
    }

    @Test
    void aDropOfThirtyPercentOnAYearEarlierIsYellowAndNoFigureAYearEarlierNeverFires() {
        double before = 100_000;
        assertThat(fired(family(70_000, 0, before))).containsExactly("income_drop");
        assertThat(fired(family(70_001, 0, before))).isEmpty();
                assertThat(fired(family(40_000, 0, null))).isEmpty();
    }

    @Test
    void heavyMedicalOutOfPocketIsYellowOnlyUpToThreeTimesTheDibianLine() {
        double cap = 3 * DIBIAN;
        assertThat(fired(family(cap, 20_000, null))).containsExactly("medical_burden");
        assertThat(fired(family(cap, 19_999.99, null))).isEmpty();
        assertThat(fired(family(cap + 1, 20_000, null))).isEmpty();
    }

    /** A family well above every line whose vulnerability (step vulnerability) is p. */
    static WarningClassifier.Warning vulnerable(double p) {
        double perCapita = 3 * DIBIAN;
        WarningStep.FamilyRow row = new WarningStep.FamilyRow("F0000001", null, null, null, 1, perCapita, perCapita, 0,
                perCapita / 12);
        return RULES.at(P).classify(WarningStep.facts(row, P.toString(), P, LINES, new HashMap<>(), null, List.of(),
                List.of(), new org.olive.vulnerability.VulnerabilityModel.Prediction(p, 0.1, 0.2, DIBIAN, List.of())));
    }

    @Test
    void aVulnerabilityOfHalfOrMoreIsYellow() {
        WarningClassifier.Warning w = vulnerable(0.5);
        assertThat(fired(w)).containsExactly("vulnerable");
        assertThat(w.colour()).isEqualTo(WarningDefinitions.Colour.YELLOW);
        assertThat(w.fired().get(0).evidence()).contains("vulnerability=0.50 [family_vulnerability:2025-03:F0000001, family_income:2025-03:F0000001]",
                "vulnerability_threshold=0.50 [warnings.yaml:parameters[0]]");
        assertThat(fired(vulnerable(0.4999))).isEmpty();
        // no model for the period: the fact is -1 and the rule does not fire
        assertThat(fired(monthly(3 * WAGE))).isEmpty();
    }

    @Test
    void relapseIsLeavingAssistanceWithinNMonthsWithIncomeNearTheLine() {
        double near = 1.2 * DIBIAN;
        PersonFact.Assistance left = spell("DIBAO", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 31));
        WarningClassifier.Warning w = family(near, 0, null, left);
        assertThat(fired(w)).containsExactly("relapse");
        assertThat(w.fired().get(0).evidence()).contains("assistance_left_months=2 [assistance:2025-01/社会救助.csv:7]",
                "relapse_months=12 [warnings.yaml:parameters[0]]");
        assertThat(fired(family(near + 1, 0, null, left))).isEmpty();
        // left 13 months ago: outside N = 12
        assertThat(fired(family(near, 0, null, spell("DIBAO", LocalDate.of(2023, 1, 1), LocalDate.of(2024, 2, 29)))))
                .isEmpty();
        // still open (or another spell open): no relapse
        assertThat(fired(family(near, 0, null, left, spell("DIBIAN", LocalDate.of(2025, 2, 1), null)))).isEmpty();
        // temporary assistance is no 低保/低边/特困 spell
        assertThat(fired(family(near, 0, null, spell("TEMPORARY", LocalDate.of(2024, 12, 1), LocalDate.of(2025, 1, 31)))))
                .isEmpty();
    }

    @Test
    void aWarningCitesItsFiguresAndRecords() {
        WarningClassifier.Warning w = family(DIBAO - 1, 0, null);
        WarningClassifier.Fired red = w.fired().stream().filter(f -> f.ruleId().equals("below_dibao_unassisted"))
                .findFirst().orElseThrow();
        assertThat(red.version()).isEqualTo("below_dibao_unassisted@1");
        assertThat(red.evidence()).contains("after_rigid_per_capita=13999 [family_income:2025-03:F0000001]",
                "dibao_line=14000 [income.yaml:lines.dibao");
        assertThat(w.versions()).isEqualTo(";below_dibao_unassisted@1;below_dibian@1;assist_line@1;");
    }

    static WarningDefinitions read(String yaml) {
        return WarningDefinitions.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "warnings.yaml");
    }

    @Test
    void aRuleNamingAnUnknownFactIsRefusedWithTheFileRuleAndPosition() {
        String yaml = """
                version: t
                parameters:
                  - {valid_from: 2023-01, values: {share: 0.3}}
                rules:
                  - id: drop
                    colour: YELLOW
                    name_zh: 下降
                    versions:
                      - {version: "1", valid_from: 2023-01, when: "di_per_capita < share * di_per_capita_a_year_ago"}
                  - id: odd
                    colour: ORANGE
                    name_zh: 橙
                    versions:
                      - {version: "1", valid_from: 2023-01, when: "residents > 0"}
                """;
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(RuleFile.ProblemsException.class)
                .hasMessageStartingWith("warnings.yaml: ")
                .hasMessageContaining("rules[0] (drop).versions[0].when: line 1, column 25: undeclared reference to "
                        + "'di_per_capita_a_year_ago'")
                .hasMessageContaining("rules[1] (odd).colour: 'ORANGE' must be RED or YELLOW");
        // a parameter missing from one version, and a parameter named like a fact
        assertThatThrownBy(() -> read(yaml.replace("{share: 0.3}", "{share: 0.3}}\n  - {valid_from: 2024-01, values: {x: 1}")))
                .hasMessageContaining("parameters[1].values: missing share");
        assertThatThrownBy(() -> read(yaml.replace("{share: 0.3}", "{di: 0.3}")))
                .hasMessageContaining("a parameter may not have the name of a family fact");
    }

    @Test
    void aRuleFailingForOneFamilyIsFalseAndCounted() {
        WarningDefinitions d = read("""
                version: t
                parameters:
                  - {valid_from: 2023-01, values: {k: 1}}
                rules:
                  - id: divides
                    colour: RED
                    name_zh: 除
                    versions:
                      - {version: "1", valid_from: 2023-01, when: "residents / (residents - residents) > k"}
                """);
        WarningClassifier c = d.at(P);
        WarningStep.FamilyRow row = new WarningStep.FamilyRow("F1", null, null, null, 1, 1, 1, 0, 0);
        WarningClassifier.Warning w = c.classify(WarningStep.facts(row, "2025-03", P, LINES, new HashMap<>(), null, List.of()));
        assertThat(w.colour()).isEqualTo(Colour.GREEN);
        assertThat(c.failures()).containsEntry("divides@1", 1L);
        assertThat(c.firstFailures().get("divides@1")).contains("by zero");
        // no parameters in force before the first version: an error naming the file and key
        assertThatThrownBy(() -> d.at(Period.parse("2022-12"))).hasMessageContaining("no warning parameters in force at "
                + "2022-12 in warnings.yaml parameters");
    }
}
