package org.olive.assistance;

import org.junit.jupiter.api.Test;
import org.olive.period.Period;
import org.olive.rule.RuleFile;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.olive.assistance.CaseState.*;

/** The case state machine, due dates, overdue, the reopen window and the {@code cases:} section's checks. */
class CaseStateTest {

    static final String YAML = """
            version: x
            cases:
              - valid_from: 2021-01
                values: {due_days_red: 15, due_days_yellow: 30, evaluation_months: [3, 6], reopen_months: 6}
              - valid_from: 2025-06
                values: {due_days_red: 10, due_days_yellow: 20, evaluation_months: [3, 6], reopen_months: 12}
            """;

    static CaseDefinitions read(String yaml) {
        return CaseDefinitions.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "warnings.yaml");
    }

    @Test
    void theLoopMovesForwardAndAClosedCaseOnlyReopens() {
        assertThat(DISCOVERED.may(WARNED)).isTrue();
        assertThat(WARNED.may(ASSISTING)).isTrue();
        assertThat(ASSISTING.may(EVALUATING)).isTrue();
        assertThat(EVALUATING.may(CLOSED)).isTrue();
        assertThat(CLOSED.next()).containsExactly(REOPENED);
        assertThat(REOPENED.may(ASSISTING)).isTrue();
        // refused moves: backwards, skipping assistance, leaving closed other than by reopening
        assertThat(WARNED.may(DISCOVERED)).isFalse();
        assertThat(DISCOVERED.may(EVALUATING)).isFalse();
        assertThat(CLOSED.may(ASSISTING)).isFalse();
        assertThat(ASSISTING.may(ASSISTING)).isFalse();
        assertThat(DISCOVERED.may(null)).isFalse();
        assertThat(CLOSED.open()).isFalse();
        assertThat(REOPENED.open()).isTrue();
        assertThatThrownBy(() -> CaseState.of("DONE")).hasMessageContaining("DONE").hasMessageContaining("CLOSED");
    }

    @Test
    void dueDatesByColourAndVersionAndOverdueOnlyBeforeAssistance() {
        CaseDefinitions d = read(YAML);
        CaseParameters old = d.at(Period.parse("2025-03"));
        assertThat(old.dueOn(Period.parse("2025-03"), "RED")).isEqualTo(LocalDate.of(2025, 4, 15));
        assertThat(old.dueOn(Period.parse("2025-03"), "YELLOW")).isEqualTo(LocalDate.of(2025, 4, 30));
        assertThat(d.at(Period.parse("2025-06")).dueOn(Period.parse("2025-06"), "RED")).isEqualTo(LocalDate.of(2025, 7, 10));
        assertThat(d.at(Period.parse("2019-01")).validFrom()).isEqualTo(Period.parse("2021-01"));
        assertThat(old.evaluationMonths()).containsExactly(3, 6);
        LocalDate due = LocalDate.of(2025, 4, 15);
        assertThat(CaseParameters.overdue(DISCOVERED, due, due)).isFalse();
        assertThat(CaseParameters.overdue(DISCOVERED, due, due.plusDays(1))).isTrue();
        assertThat(CaseParameters.overdue(REOPENED, due, due.plusDays(1))).isTrue();
        assertThat(CaseParameters.overdue(ASSISTING, due, due.plusDays(1))).isFalse();
        assertThat(CaseParameters.overdue(CLOSED, due, due.plusDays(1))).isFalse();
    }

    @Test
    void theReopenWindowCountsMonthsFromTheClosing() {
        CaseParameters p = read(YAML).at(Period.parse("2025-01")); // 6 months
        Period closed = Period.parse("2025-01");
        assertThat(p.reopens(closed, Period.parse("2025-07"))).isTrue();
        assertThat(p.reopens(closed, Period.parse("2025-08"))).isFalse();
        assertThat(p.reopens(closed, Period.parse("2024-12"))).isFalse();
        assertThat(p.reopens(null, Period.parse("2025-02"))).isFalse();
        assertThat(CaseParameters.monthsBetween(Period.parse("2024-11"), Period.parse("2025-02"))).isEqualTo(3);
    }

    @Test
    void aBadSectionIsReportedWithItsKeys() {
        assertThatThrownBy(() -> read("version: x\n")).isInstanceOf(RuleFile.ProblemsException.class)
                .hasMessageStartingWith("warnings.yaml: cases: missing");
        assertThatThrownBy(() -> read("""
                cases:
                  - valid_from: 2021-13
                    values: {due_days_red: -1, due_days_yellow: 30, evaluation_months: [6, 3], reopen_months: 6, x: 1}
                """)).isInstanceOf(RuleFile.ProblemsException.class).satisfies(e -> assertThat(
                ((RuleFile.ProblemsException) e).problems()).containsExactly(
                "cases[0].valid_from: '2021-13' is not a month (YYYY-MM)",
                "cases[0].values.due_days_red: '-1' is not a whole number 0–366",
                "cases[0].values.evaluation_months: '3' must be a whole number of months 1–24, ascending",
                "cases[0].values.x: unknown parameter"));
        assertThat(read(YAML).versions()).extracting(CaseParameters::key)
                .containsExactly("warnings.yaml:cases[0]", "warnings.yaml:cases[1]");
        assertThat(List.of(read(YAML).at(Period.parse("2026-01")).reopenMonths())).containsExactly(12);
    }
}
