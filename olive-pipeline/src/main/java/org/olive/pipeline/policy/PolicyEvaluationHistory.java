package org.olive.pipeline.policy;

import org.olive.period.Period;
import org.olive.policy.evaluation.EvaluationOptions;
import org.olive.policy.evaluation.EvaluationResult;
import org.olive.policy.evaluation.EvaluationUnit;
import org.olive.policy.evaluation.MatchedDifferenceInDifferences;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The units of a policy's ex-post evaluation (docs/policy-evaluation.md), read from the stored income ledger
 * ({@code family_income}, one row per family and period, {@code disposable} = the family's trailing-12-month DI).
 *
 * <p>For a family first treated at period T the outcome is the family's DI net of the policy's own payments:
 * <ul>
 *   <li>pre = disposable at T−1 (the window T−12..T−1) minus the policy's payments in that window;</li>
 *   <li>post = disposable at T+12 (the window T+1..T+12) minus the payments in that window;</li>
 *   <li>prePre = disposable at T−13 (T−24..T−13) minus the payments then, when the ledger holds it (the placebo).</li>
 * </ul>
 * The month T itself is in neither window, so that a policy starting in the middle of its month does not blur them.
 * The payments are deducted because the transfer itself is not the effect: the question is whether the family's own
 * income moved (the caller knows the payments and supplies them as a {@link Deduction}).
 *
 * <p>A comparison family has no T of its own: it is used once per treated cohort T, with its own pre and post over that
 * cohort's windows, so a unit is a (family, T) pair. The stratum is the cohort and the township, so that a treated
 * family is compared only with families over the same months in the same township. Comparison families need rows at
 * T−1 and T+12; treated families too (else they are counted as lacking history), and treated families whose T+12 lies
 * beyond the last period with data are counted as too recent. A family in the treated map is never a comparison.
 *
 * <p>Covariates, from the row at T−1 (before the policy, so the policy cannot have moved them): per-capita DI,
 * residents, urban (1/0, unknown as 0), income after rigid expenditure per resident and month, out-of-pocket medical
 * cost, and the family's composition from its members' person_income rows: the oldest member's age, members aged 60
 * or more, members under 16, and the wage share of gross income (the eligibility features of age-, child- and
 * work-based policies: without them an old-age allowance is compared with younger families on another path).
 */
public final class PolicyEvaluationHistory {

    /** The trailing window of {@code family_income.disposable}, in months: pre ends at T−1, post at T+WINDOW. */
    public static final int WINDOW = 12;

    /** The covariates of every unit, in order. */
    public static final List<String> COVARIATES =
            List.of("per_capita", "residents", "urban", "after_rigid_monthly", "medical_oop", "oldest_age", "elderly",
                    "children", "wage_share");

    /** The policy's own payments to a family over the months from..to (both included), deducted from its DI. */
    @FunctionalInterface
    public interface Deduction {
        double amount(String familyKey, Period from, Period to);

        /** No payments to deduct. */
        static Deduction none() {
            return (family, from, to) -> 0;
        }
    }

    /**
     * The units and what was left out.
     *
     * @param units          treated (family, T) units first, then comparison units, in key order
     * @param treatedUsed    treated families among the units
     * @param comparisonUsed comparison (family, T) units
     * @param tooRecent      treated families whose T+12 is after the last period with data
     * @param missingHistory treated families without a ledger row at T−1 or T+12
     */
    public record Units(List<EvaluationUnit> units, int treatedUsed, int comparisonUsed, List<String> tooRecent,
                        List<String> missingHistory) {

        public Units {
            units = List.copyOf(units);
            tooRecent = List.copyOf(tooRecent);
            missingHistory = List.copyOf(missingHistory);
        }

        /** The matched difference-in-differences of these units with {@link #COVARIATES}. */
        public EvaluationResult evaluate(EvaluationOptions options) {
            return new MatchedDifferenceInDifferences(options).evaluate(COVARIATES, units);
        }
    }

    private PolicyEvaluationHistory() {
    }

    /**
     * Builds the units.
     *
     * @param c            the master database
     * @param firstTreated each treated family's first treated period T
     * @param comparison   the candidate comparison families (treated ones among them are ignored)
     * @param deduction    the policy's own payments, deducted from every window of every family
     * @param last         the last period with a ledger
     */
    public static Units build(Connection c, Map<String, Period> firstTreated, Set<String> comparison,
                              Deduction deduction, Period last) throws SQLException {
        Map<Period, List<String>> cohorts = new TreeMap<>();
        List<String> tooRecent = new ArrayList<>();
        for (Map.Entry<String, Period> e : new TreeMap<>(firstTreated).entrySet()) {
            if (e.getValue().plusMonths(WINDOW).compareTo(last) > 0) {
                tooRecent.add(e.getKey());
            } else {
                cohorts.computeIfAbsent(e.getValue(), t -> new ArrayList<>()).add(e.getKey());
            }
        }
        List<String> pool = new ArrayList<>(new TreeSet<>(comparison));
        pool.removeIf(firstTreated::containsKey);

        Map<Period, Map<String, Row>> rows = new HashMap<>();
        List<EvaluationUnit> treatedUnits = new ArrayList<>();
        List<EvaluationUnit> comparisonUnits = new ArrayList<>();
        List<String> missingHistory = new ArrayList<>();
        for (Map.Entry<Period, List<String>> cohort : cohorts.entrySet()) {
            Period t = cohort.getKey();
            Map<String, Row> before = rows(c, t.minusMonths(1), rows);
            Map<String, Row> after = rows(c, t.plusMonths(WINDOW), rows);
            Map<String, Row> earlier = rows(c, t.minusMonths(WINDOW + 1), rows);
            for (String family : cohort.getValue()) {
                EvaluationUnit u = unit(family, true, t, before, after, earlier, deduction);
                if (u == null) {
                    missingHistory.add(family);
                } else {
                    treatedUnits.add(u);
                }
            }
            for (String family : pool) {
                EvaluationUnit u = unit(family, false, t, before, after, earlier, deduction);
                if (u != null) {
                    comparisonUnits.add(u);
                }
            }
        }
        List<EvaluationUnit> units = new ArrayList<>(treatedUnits);
        units.addAll(comparisonUnits);
        return new Units(units, treatedUnits.size(), comparisonUnits.size(), tooRecent, missingHistory);
    }

    /** The (family, T) unit, or null without a row at T−1 or T+12. */
    private static EvaluationUnit unit(String family, boolean treated, Period t, Map<String, Row> before,
                                       Map<String, Row> after, Map<String, Row> earlier, Deduction deduction) {
        Row b = before.get(family);
        Row a = after.get(family);
        if (b == null || a == null) {
            return null;
        }
        double pre = b.disposable() - deduction.amount(family, t.minusMonths(WINDOW), t.minusMonths(1));
        double post = a.disposable() - deduction.amount(family, t.plusMonths(1), t.plusMonths(WINDOW));
        Row e = earlier.get(family);
        Double prePre = e == null ? null
                : e.disposable() - deduction.amount(family, t.minusMonths(2 * WINDOW), t.minusMonths(WINDOW + 1));
        double[] covariates = {b.perCapita(), b.residents(), b.urban() ? 1 : 0, b.afterRigidMonthly(), b.medicalOop(),
                b.oldestAge(), b.elderly(), b.children(), b.wageShare()};
        return new EvaluationUnit(family + "@" + t, treated, pre, post, covariates, t + "|" + b.township(), prePre);
    }

    private record Row(String township, boolean urban, int residents, double disposable, double perCapita,
                       double afterRigidMonthly, double medicalOop, double oldestAge, double elderly, double children,
                       double wageShare) {
    }

    /**
     * family_income of one period by family key, with the family's composition and wage share from its members'
     * person_income rows (the eligibility features of age-, child- and work-based policies), read once per evaluation.
     */
    private static Map<String, Row> rows(Connection c, Period p, Map<Period, Map<String, Row>> read)
            throws SQLException {
        Map<String, Row> held = read.get(p);
        if (held != null) {
            return held;
        }
        Map<String, double[]> mix = new HashMap<>(); // oldest age, elderly, children, wage, gross
        try (PreparedStatement ps = c.prepareStatement("SELECT family_key, age, wage, business, property, transfer_in "
                + "FROM person_income WHERE data_period = ? AND family_key IS NOT NULL")) {
            ps.setString(1, p.toString());
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double[] m = mix.computeIfAbsent(rs.getString(1), k -> new double[5]);
                    int age = rs.getInt(2);
                    if (!rs.wasNull()) {
                        m[0] = Math.max(m[0], age);
                        m[1] += age >= 60 ? 1 : 0;
                        m[2] += age < 16 ? 1 : 0;
                    }
                    double wage = Math.max(0, rs.getDouble(3));
                    m[3] += wage;
                    m[4] += wage + Math.max(0, rs.getDouble(4)) + Math.max(0, rs.getDouble(5)) + Math.max(0, rs.getDouble(6));
                }
            }
        }
        Map<String, Row> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT family_key, township_code, urban, residents, disposable, "
                + "per_capita, after_rigid_monthly, medical_oop FROM family_income WHERE data_period = ?")) {
            ps.setString(1, p.toString());
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String township = rs.getString(2);
                    double[] m = mix.getOrDefault(rs.getString(1), new double[5]);
                    out.put(rs.getString(1), new Row(township == null ? "" : township, rs.getBoolean(3),
                            rs.getInt(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), m[0], m[1],
                            m[2], m[4] <= 0 ? 0 : m[3] / m[4]));
                }
            }
        }
        read.put(p, out);
        return out;
    }
}
