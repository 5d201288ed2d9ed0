package org.olive.pipeline.policy;

import org.olive.period.Period;
import org.olive.pipeline.ingest.MasterTables;
import org.olive.policy.PolicyDefinitions.Policy;
import org.olive.policy.evaluation.EvaluationOptions;
import org.olive.policy.evaluation.EvaluationResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ex-post evaluation of a policy on the ledger (政策反馈可评价; docs/policy-evaluation.md): the families whose members
 * were first paid the policy in month T (the 一卡通 disbursements; the family at T) against comparison families
 * matched on the eligibility features, by the matched difference-in-differences of {@link PolicyEvaluationHistory}.
 * The comparison pool is the families found eligible but not receiving the policy (MISSED in {@code policy_match})
 * in some period up to the last, never paid it; when that pool is smaller than twice the treated families, every
 * family never paid it (said in the result). The policy's own payments are deducted from every window, so the
 * estimate is the effect on the family's other income (for a skill bonus, its wages), not the transfer itself.
 */
public final class PolicyEvaluations {

    /**
     * The evaluation and what it was built from.
     *
     * @param pool "eligible non-recipients" or "all non-recipients"
     */
    public record Evaluation(String policy, String last, int treatedFamilies, int poolFamilies, String pool,
                             @com.fasterxml.jackson.annotation.JsonIgnore PolicyEvaluationHistory.Units units,
                             EvaluationResult result, String refused) {

        /** Treated families left out: paid too recently for a year after, or without ledger rows at T−1 and T+12. */
        public int tooRecent() {
            return units == null ? 0 : units.tooRecent().size();
        }

        public int missingHistory() {
            return units == null ? 0 : units.missingHistory().size();
        }

        public String toJson() {
            return tools.jackson.databind.json.JsonMapper.builder()
                    .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(this);
        }

        /** The evaluation for the console. */
        public String toText() {
            StringBuilder sb = new StringBuilder("Evaluation (政策反馈评价) of " + policy + " with the ledger up to " + last
                    + "\n");
            sb.append(String.format(java.util.Locale.ROOT, "families first paid: %d (too recent: %d, without history: %d); "
                    + "comparison pool: %d %s%n", treatedFamilies, tooRecent(), missingHistory(), poolFamilies, pool));
            if (result == null) {
                return sb.append("no estimate: ").append(refused).append('\n').toString();
            }
            EvaluationResult r = result;
            sb.append(String.format(java.util.Locale.ROOT, "effect on the family's disposable income in the 12 months "
                    + "after the first payment, net of the payments: %.0f yuan (95%% interval %.0f to %.0f, se %.0f)%n",
                    r.estimate(), r.low(), r.high(), r.se()));
            sb.append(String.format(java.util.Locale.ROOT, "treated %d, matched %d, unmatched %d, comparison families "
                    + "used %d; unmatched estimate %.0f%n", r.nTreated(), r.nMatchedTreated(), r.nUnmatched(),
                    r.nControlsUsed(), r.unmatchedEstimate()));
            if (r.placebo() != null) {
                sb.append(String.format(java.util.Locale.ROOT, "pre-trend placebo: %.0f (%.0f to %.0f)%s%n",
                        r.placebo().estimate(), r.placebo().low(), r.placebo().high(),
                        r.placebo().coversZero() ? "" : "  — the comparison families were on another path before"));
            }
            sb.append("balance (standardised mean difference before → after matching):\n");
            for (EvaluationResult.Balance b : r.balance()) {
                sb.append(String.format(java.util.Locale.ROOT, "  %-22s %7.3f → %7.3f%s%n", b.covariate(), b.before(),
                        b.after(), b.unbalanced() ? "  unbalanced" : ""));
            }
            sb.append(r.method()).append('\n');
            return sb.toString();
        }
    }

    private PolicyEvaluations() {
    }

    /** Evaluates a policy paid through the 一卡通 disbursements with the ledger up to {@code last}. */
    public static Evaluation evaluate(Connection c, Policy policy, Period last, EvaluationOptions options) throws SQLException {
        if (policy.receipts().fromAssistance()) {
            return new Evaluation(policy.code(), last.toString(), 0, 0, "", null, null, "paid through the assistance "
                    + "register (" + policy.receipts() + "): the evaluation reads the 一卡通 disbursements only");
        }
        // the policy's payments by family (the payee's family in the month paid for) and month
        Map<String, Map<String, Double>> paid = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT fm.family_key, s.month_period, SUM(s.amount) FROM "
                + "income_subsidy_payment s JOIN person r ON r.id_number = s.person_id JOIN family_member fm ON "
                + "fm.person_key = r.person_key AND fm.data_period = s.month_period WHERE s." + MasterTables.VISIBLE
                + " AND s.policy_code = ? AND s.month_period <= ? AND s.data_period <= ? AND s.amount IS NOT NULL "
                + "GROUP BY fm.family_key, s.month_period")) {
            ps.setString(1, policy.code());
            ps.setString(2, last.toString());
            ps.setString(3, last.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    paid.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getDouble(3));
                }
            }
        }
        Map<String, Period> first = new HashMap<>();
        paid.forEach((f, months) -> first.put(f, Period.parse(((TreeMap<String, Double>) months).firstKey())));
        Set<String> eligible = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT family_key FROM policy_match WHERE policy_code = ? "
                + "AND status = 'MISSED' AND data_period <= ? AND family_key IS NOT NULL")) {
            ps.setString(1, policy.code());
            ps.setString(2, last.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    eligible.add(rs.getString(1));
                }
            }
        }
        eligible.removeAll(paid.keySet());
        String pool = "eligible non-recipients";
        Set<String> comparison = eligible;
        if (eligible.size() < 2 * first.size()) {
            pool = "all non-recipients (eligible non-recipients: " + eligible.size() + ")";
            comparison = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT family_key FROM family_income WHERE data_period = ?")) {
                ps.setString(1, last.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        comparison.add(rs.getString(1));
                    }
                }
            }
            comparison.removeAll(paid.keySet());
        }
        PolicyEvaluationHistory.Deduction deduction = (family, from, to) -> {
            Map<String, Double> m = paid.get(family);
            if (m == null) {
                return 0;
            }
            double sum = 0;
            for (Map.Entry<String, Double> e : m.entrySet()) {
                if (e.getKey().compareTo(from.toString()) >= 0 && e.getKey().compareTo(to.toString()) <= 0) {
                    sum += e.getValue();
                }
            }
            return sum;
        };
        PolicyEvaluationHistory.Units units = PolicyEvaluationHistory.build(c, first, comparison, deduction, last);
        try {
            return new Evaluation(policy.code(), last.toString(), first.size(), comparison.size(), pool, units,
                    units.evaluate(options), null);
        } catch (IllegalArgumentException e) {
            return new Evaluation(policy.code(), last.toString(), first.size(), comparison.size(), pool, units, null,
                    e.getMessage());
        }
    }
}
