package org.olive.pipeline.policy;

import org.olive.period.Period;
import org.olive.policy.PolicyDefinitions;
import org.olive.policy.PolicyDefinitions.Policy;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.olive.export.SpreadsheetCell.csv;

/**
 * The read model of the policy ledger at a period (政策一本账; {@code olive policies}, the 政策 page): per policy the
 * eligible, covered, missed and leakage counts, the coverage and the money (the eligible amounts a payment, what was
 * received in the window), optionally limited to a township; with {@code --policy}, every entry with its status,
 * amount, receipts and evidence; and pilot indicator 7 of the latest quarter by the period. Subjects are person and
 * family keys; the CLI masks any ID number in the evidence.
 */
public record PolicyReport(String period, String township, boolean stored, List<Row> policies, List<Entry> entries,
                           Coverage coverage) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** One policy's counts at the period. */
    public record Row(String code, String name, String department, String kind, String unit, String version,
                      long eligible, long covered, long missed, long leakage, Double coverage, double eligibleAmount,
                      double receivedAmount) {
    }

    /** One entry of a policy's ledger. */
    public record Entry(String code, String status, String subjectKind, String subjectKey, String familyKey,
                        String township, String version, Double eligibleAmount, double receivedAmount, String receipts,
                        String evidence) {
    }

    /** Pilot indicator 7 at the latest quarter's end by the period: covered members / members, and per group. */
    public record Coverage(String quarterEnd, long covered, long members, Double share, Map<String, long[]> groups) {
    }

    /**
     * Reads the stored ledger of {@code p}.
     *
     * @param township a 9-digit township code, or null for the county
     * @param policy   a policy code to list its entries, or null for none
     */
    public static PolicyReport read(Connection c, PolicyDefinitions definitions, Period p, String township, String policy)
            throws SQLException {
        String period = p.toString();
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, double[]> money = new LinkedHashMap<>();
        Map<String, String> versions = new LinkedHashMap<>();
        boolean stored = false;
        try (PreparedStatement ps = c.prepareStatement("SELECT policy_code, status, COUNT(*), COALESCE(SUM(eligible_amount), 0), "
                + "COALESCE(SUM(received_amount), 0), MAX(policy_version) FROM policy_match WHERE data_period = ?"
                + (township == null ? "" : " AND township_code = ?") + " GROUP BY policy_code, status")) {
            ps.setString(1, period);
            if (township != null) {
                ps.setString(2, township);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored = true;
                    long[] n = counts.computeIfAbsent(rs.getString(1), k -> new long[3]);
                    double[] m = money.computeIfAbsent(rs.getString(1), k -> new double[2]);
                    int i = switch (rs.getString(2)) {
                        case "COVERED" -> 0;
                        case "MISSED" -> 1;
                        default -> 2;
                    };
                    n[i] += rs.getLong(3);
                    if (i < 2) {
                        m[0] += rs.getDouble(4);
                    }
                    m[1] += rs.getDouble(5);
                    versions.merge(rs.getString(1), rs.getString(6), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
            }
        }
        if (!stored) {
            stored = ran(c, period);
        }
        List<Row> rows = new ArrayList<>();
        for (Policy x : definitions.policies()) {
            long[] n = counts.getOrDefault(x.code(), new long[3]);
            double[] m = money.getOrDefault(x.code(), new double[2]);
            long eligible = n[0] + n[1];
            String version = versions.getOrDefault(x.code(), x.at(p).map(PolicyDefinitions.PolicyVersion::version).orElse("-"));
            rows.add(new Row(x.code(), x.nameZh(), x.department(), x.kind().name(), x.unit().name(), version, eligible,
                    n[0], n[1], n[2], eligible == 0 ? null : (double) n[0] / eligible, m[0], m[1]));
        }
        List<Entry> entries = new ArrayList<>();
        if (policy != null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT policy_code, status, subject_kind, subject_key, family_key, "
                    + "township_code, policy_version, eligible_amount, received_amount, receipts, evidence FROM policy_match "
                    + "WHERE data_period = ? AND policy_code = ?" + (township == null ? "" : " AND township_code = ?")
                    + " ORDER BY CASE status WHEN 'MISSED' THEN 0 WHEN 'LEAKAGE' THEN 1 ELSE 2 END, township_code, subject_key")) {
                ps.setString(1, period);
                ps.setString(2, policy);
                if (township != null) {
                    ps.setString(3, township);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        java.math.BigDecimal amount = rs.getBigDecimal(8);
                        entries.add(new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), amount == null ? null : amount.doubleValue(),
                                rs.getDouble(9), rs.getString(10), rs.getString(11)));
                    }
                }
            }
        }
        return new PolicyReport(period, township, stored, List.copyOf(rows), List.copyOf(entries), coverage(c, p, township));
    }

    /** Whether step policies ran for the period (its county figures are there even when no one is eligible). */
    static boolean ran(Connection c, String period) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ledger_figure WHERE data_period = ? AND metric LIKE ? "
                + "FETCH FIRST 1 ROWS ONLY")) {
            ps.setString(1, period);
            ps.setString(2, PolicyStep.POLICY_METRIC + "%");
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Pilot indicator 7 at the latest quarter end by {@code p}, or null when step policies did not run then. */
    static Coverage coverage(Connection c, Period p, String township) throws SQLException {
        Period q = p.minusMonths(p.monthValue() % 3);
        Long covered = null;
        long members = 0;
        Map<String, long[]> groups = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT metric, area_code, numerator, denominator FROM ledger_figure "
                + "WHERE data_period = ? AND (metric = ? OR metric LIKE ?) ORDER BY metric")) {
            ps.setString(1, q.toString());
            ps.setString(2, PolicyStep.COVERAGE);
            ps.setString(3, PolicyStep.GROUP_METRIC + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String metric = rs.getString(1);
                    String area = rs.getString(2) == null ? "" : rs.getString(2);
                    if (metric.equals(PolicyStep.COVERAGE) && area.equals(township == null ? "" : township)) {
                        covered = rs.getLong(3);
                        members = rs.getLong(4);
                    } else if (metric.startsWith(PolicyStep.GROUP_METRIC) && township == null) {
                        groups.put(metric.substring(PolicyStep.GROUP_METRIC.length()), new long[] {rs.getLong(3), rs.getLong(4)});
                    }
                }
            }
        }
        return covered == null ? null : new Coverage(q.toString(), covered, members,
                members == 0 ? null : (double) covered / members, groups);
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /** The policies' counts, or with a policy its entries. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        if (!entries.isEmpty()) {
            sb.append("period,policy_code,status,subject_kind,subject_key,family_key,township_code,policy_version,"
                    + "eligible_amount,received_amount,receipts,evidence\n");
            for (Entry e : entries) {
                sb.append(String.join(",", csv(period), csv(e.code()), csv(e.status()), csv(e.subjectKind()),
                        csv(e.subjectKey()), csv(e.familyKey()), csv(e.township()), csv(e.version()),
                        e.eligibleAmount() == null ? "" : money(e.eligibleAmount()), money(e.receivedAmount()),
                        csv(e.receipts()), csv(e.evidence()))).append('\n');
            }
            return sb.toString();
        }
        sb.append("period,township_code,policy_code,name,department,kind,unit,version,eligible,covered,missed,leakage,"
                + "coverage,eligible_amount,received_amount\n");
        for (Row r : policies) {
            sb.append(String.join(",", csv(period), csv(township), csv(r.code()), csv(r.name()), csv(r.department()),
                    csv(r.kind()), csv(r.unit()), csv(r.version()), String.valueOf(r.eligible()), String.valueOf(r.covered()),
                    String.valueOf(r.missed()), String.valueOf(r.leakage()),
                    r.coverage() == null ? "" : String.format(Locale.ROOT, "%.4f", r.coverage()),
                    money(r.eligibleAmount()), money(r.receivedAmount()))).append('\n');
        }
        return sb.toString();
    }

    public String toText() {
        StringBuilder sb = new StringBuilder("Policies (政策一本账) " + period + (township == null ? "" : " township " + township)
                + "\n");
        sb.append(String.format(Locale.ROOT, "%-22s %-10s %8s %8s %8s %8s %8s %14s %14s%n", "policy", "department",
                "eligible", "covered", "missed", "leakage", "coverage", "eligible yuan", "received yuan"));
        for (Row r : policies) {
            sb.append(String.format(Locale.ROOT, "%-22s %-10s %8d %8d %8d %8d %8s %14s %14s%n", r.code(), r.department(),
                    r.eligible(), r.covered(), r.missed(), r.leakage(),
                    r.coverage() == null ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * r.coverage()),
                    money(r.eligibleAmount()), money(r.receivedAmount())));
        }
        if (coverage != null) {
            sb.append(String.format(Locale.ROOT, "pilot indicator 7 (key-group incentive-policy coverage), quarter ending %s: "
                    + "%d of %d members, %s%n", coverage.quarterEnd(), coverage.covered(), coverage.members(),
                    coverage.share() == null ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * coverage.share())));
            coverage.groups().forEach((g, n) -> sb.append(String.format(Locale.ROOT, "  %-22s %6d / %6d%n", g, n[0], n[1])));
        }
        for (Entry e : entries) {
            sb.append(String.format(Locale.ROOT, "%-8s %-6s %-14s %-9s %10s %10s  %s%n         %s%n", e.status(),
                    e.subjectKind(), e.subjectKey(), e.township() == null ? "" : e.township(),
                    e.eligibleAmount() == null ? "-" : money(e.eligibleAmount()), money(e.receivedAmount()),
                    e.receipts() == null ? "" : e.receipts(), e.evidence() == null ? "" : e.evidence()));
        }
        return sb.toString();
    }

    private static String money(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }
}
