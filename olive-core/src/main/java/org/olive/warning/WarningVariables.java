package org.olive.warning;

import org.olive.rule.FactVariable;
import org.olive.rule.FactVariable.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The family facts that warning rules (warnings.yaml, docs/warnings.md) may name, and their values for one family at a
 * period. Money is in yuan; the lines are those of the family's area at the period from income.yaml (one loader,
 * {@code IncomeParameters}); "unknown" numbers are -1, so that a rule testing them can be written not to fire.
 *
 * <p>Rigid expenditure (刚性支出) is medical out-of-pocket plus education fees (学杂费, from 学生缴费). Not yet facts
 * (no source): the main earner's death, disability or loss of work in the last 3 months.
 */
public final class WarningVariables {

    public static final List<FactVariable> FAMILY = List.of(
            v("residents", Type.INT, "resident members (the denominator of per-capita DI)"),
            v("di", Type.DOUBLE, "family disposable income of the trailing 12 months (family_income.disposable)"),
            v("di_per_capita", Type.DOUBLE, "per-capita DI of the trailing 12 months (family_income.per_capita)"),
            v("medical_oop", Type.DOUBLE, "medical out-of-pocket of the resident members in the trailing 12 months "
                    + "(family_income.medical_oop, from income_medical)"),
            v("education_expense", Type.DOUBLE, "education fees (学杂费: tuition, accommodation, other fees) the family's "
                    + "members paid in the trailing 12 months (family_income.education_expense, from income_education_fee)"),
            v("after_rigid_per_capita", Type.DOUBLE, "(DI − rigid expenditure) / residents, a year; rigid expenditure "
                    + "is medical out-of-pocket + education fees"),
            v("after_rigid_monthly", Type.DOUBLE, "(DI − rigid expenditure) / residents / 12 "
                    + "(family_income.after_rigid_monthly)"),
            v("dibao_line", Type.DOUBLE, "the 低保 standard of the family's area at the period, yuan a person a year"),
            v("dibian_line", Type.DOUBLE, "the 低边 line of the family's area at the period"),
            v("tekun_line", Type.DOUBLE, "the 特困 support standard of the family's area; -1 when the profile gives none"),
            v("minimum_wage", Type.DOUBLE, "the monthly minimum wage of the family's tier"),
            v("assist_line", Type.DOUBLE, "the double line's assistance line: income.yaml assist_share × minimum_wage, "
                    + "a month"),
            v("safety_net_line", Type.DOUBLE, "the double line's safety-net line: safety_net_share × minimum_wage"),
            v("assistance", Type.STRING_LIST, "assistance types open at the period's last day for any member "
                    + "(DIBAO, DIBIAN, TEKUN, TEMPORARY, EXPENDITURE)"),
            v("assistance_left_months", Type.INT, "months since the family's last 低保/低边/特困 spell ended, when none "
                    + "is open now; -1 when none ended in the facts' 12-month window or one is open"),
            v("di_per_capita_year_ago", Type.DOUBLE, "per-capita DI of the same period a year earlier "
                    + "(family_income of P-12); -1 when there is none"),
            v("vulnerability", Type.DOUBLE, "the probability that per-capita DI is below the 低边 line a horizon "
                    + "later (step vulnerability, vulnerability.yaml); -1 when the period has no model"),
            v("urban", Type.BOOL, "the family lives in an urban village"),
            v("township", Type.STRING, "township code of the family"));

    private WarningVariables() {
    }

    private static FactVariable v(String name, Type type, String description) {
        return new FactVariable(name, type, description);
    }

    /**
     * One family's facts and, per fact, the records behind it ({@code dataset:file:row}, a ledger row
     * {@code family_income:P:family_key}, or the profile key of a line).
     */
    public record Facts(Map<String, Object> values, Map<String, List<String>> refs) {
        public Facts {
            values = Map.copyOf(values);
            Map<String, List<String>> r = new HashMap<>();
            refs.forEach((k, l) -> r.put(k, List.copyOf(l)));
            refs = Map.copyOf(r);
        }
    }

    /** The names of {@link #FAMILY}. */
    public static Set<String> names() {
        Set<String> s = new LinkedHashSet<>();
        FAMILY.forEach(f -> s.add(f.name()));
        return s;
    }

    /** A builder of one family's facts; every fact must be set. */
    public static final class Builder {
        private final Map<String, Object> values = new HashMap<>();
        private final Map<String, List<String>> refs = new HashMap<>();

        public Builder set(String fact, Object value, String... records) {
            values.put(fact, value);
            for (String r : records) {
                if (r != null && !r.isEmpty()) {
                    List<String> l = refs.computeIfAbsent(fact, k -> new ArrayList<>(2));
                    if (l.size() < 20 && !l.contains(r)) {
                        l.add(r);
                    }
                }
            }
            return this;
        }

        public Builder ref(String fact, String record) {
            return set(fact, values.get(fact), record);
        }

        public Facts build() {
            for (FactVariable v : FAMILY) {
                if (!values.containsKey(v.name())) {
                    throw new IllegalStateException("warning fact " + v.name() + " is not set");
                }
            }
            return new Facts(values, refs);
        }
    }
}
