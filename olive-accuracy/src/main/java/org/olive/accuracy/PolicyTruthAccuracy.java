package org.olive.accuracy;

import org.olive.period.Period;
import org.olive.pipeline.figure.RunFigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The policy ledger against the synthetic county's truth (docs/policies.md, "Accuracy"): per policy and in all, over
 * every subject Olive classified, not only those the truth lists.
 * <ul>
 *   <li><b>eligibility</b>: precision = Olive's eligible subjects (COVERED or MISSED) truly eligible at the period /
 *   Olive's eligible; recall = truly eligible subjects Olive found eligible / truly eligible
 *   ({@code truth/policy_eligibility.csv}: the payees; a family policy's subject is the payee's family in the ledger,
 *   a payee the registry does not know is a truly eligible subject Olive cannot find);</li>
 *   <li><b>leakage</b>: precision = Olive's LEAKAGE subjects with a payment the truth marks ineligible in the 24 months
 *   up to the period / Olive's LEAKAGE subjects that are known persons or families; recall = subjects paid ineligibly
 *   for the period's month ({@code truth/policy_receipts.csv}, eligible false) that Olive flags as LEAKAGE / those
 *   subjects.</li>
 * </ul>
 * The figures are stored as {@code policy_eligible_precision} … with area '' for all policies and the policy code
 * as area for each policy.
 */
public final class PolicyTruthAccuracy {

    public static final String ELIGIBLE_PRECISION = "policy_eligible_precision";
    public static final String ELIGIBLE_RECALL = "policy_eligible_recall";
    public static final String LEAKAGE_PRECISION = "policy_leakage_precision";
    public static final String LEAKAGE_RECALL = "policy_leakage_recall";

    private PolicyTruthAccuracy() {
    }

    /** The folder holding the policy truth files: the period's truth folder or its parent (truth/). */
    static Path folder(Path truthDir) {
        for (Path d : new Path[] {truthDir, truthDir.getParent()}) {
            if (d != null && Files.isRegularFile(d.resolve("policy_eligibility.csv"))) {
                return d;
            }
        }
        return null;
    }

    public static List<RunFigure> compare(Connection c, Period period, Path truthDir) throws SQLException {
        Path dir = folder(truthDir);
        String p = period.toString();
        if (dir == null || !TruthAccuracyStep.hasRows(c, "policy_match", p)) {
            return List.of();
        }
        // Olive's classification of the period
        Map<String, String> kinds = new HashMap<>(); // policy → PERSON or FAMILY
        Map<String, Set<String>> eligible = new TreeMap<>();
        Map<String, Set<String>> leakage = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT policy_code, subject_kind, subject_key, status FROM policy_match "
                + "WHERE data_period = ?")) {
            ps.setString(1, p);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    kinds.put(rs.getString(1), rs.getString(2));
                    (rs.getString(4).equals("LEAKAGE") ? leakage : eligible).computeIfAbsent(rs.getString(1),
                            k -> new HashSet<>()).add(rs.getString(3));
                }
            }
        }
        Map<String, Long> keyOf = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id_number, person_key FROM person")) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keyOf.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        Map<Long, String> familyOf = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT person_key, family_key FROM family_member WHERE data_period = ?")) {
            ps.setString(1, p);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    familyOf.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        // the truth, as Olive's subjects
        Map<String, Set<String>> trulyEligible = new TreeMap<>();
        TruthAccuracy.read(dir.resolve("policy_eligibility.csv"), List.of("period", "policy_code", "person_id"), r -> {
            if (r[0].equals(p)) {
                trulyEligible.computeIfAbsent(r[1], k -> new HashSet<>()).add(subject(kinds.get(r[1]), r[2], keyOf, familyOf));
            }
        });
        String from = period.minusMonths(23).toString();
        Map<String, Set<String>> paidIneligibly = new HashMap<>(); // in the 24 months
        Map<String, Set<String>> paidIneligiblyNow = new HashMap<>(); // for the period's month
        TruthAccuracy.read(dir.resolve("policy_receipts.csv"), List.of("period", "policy_code", "person_id", "eligible"), r -> {
            if (r[3].equals("false") && r[0].compareTo(from) >= 0 && r[0].compareTo(p) <= 0) {
                String s = subject(kinds.get(r[1]), r[2], keyOf, familyOf);
                paidIneligibly.computeIfAbsent(r[1], k -> new HashSet<>()).add(s);
                if (r[0].equals(p)) {
                    paidIneligiblyNow.computeIfAbsent(r[1], k -> new HashSet<>()).add(s);
                }
            }
        });
        List<RunFigure> out = new ArrayList<>();
        long[] all = new long[8];
        Set<String> policies = new TreeSet<>(eligible.keySet());
        policies.addAll(trulyEligible.keySet());
        policies.addAll(leakage.keySet());
        for (String code : policies) {
            Set<String> e = eligible.getOrDefault(code, Set.of());
            Set<String> t = trulyEligible.getOrDefault(code, Set.of());
            Set<String> l = new HashSet<>(leakage.getOrDefault(code, Set.of()));
            l.removeIf(s -> s.startsWith("unmatched:")); // payments to unknown IDs: no truth to compare with
            Set<String> bad = paidIneligibly.getOrDefault(code, Set.of());
            Set<String> badNow = paidIneligiblyNow.getOrDefault(code, Set.of());
            long[] n = {count(e, t), e.size(), count(t, e), t.size(), count(l, bad), l.size(),
                    count(badNow, leakage.getOrDefault(code, Set.of())), badNow.size()};
            for (int i = 0; i < 8; i++) {
                all[i] += n[i];
            }
            add(out, code, n);
        }
        add(out, "", all);
        return out;
    }

    private static void add(List<RunFigure> out, String area, long[] n) {
        out.add(RunFigure.of(ELIGIBLE_PRECISION, area, n[0], n[1], "Olive's eligible subjects truly eligible / Olive's eligible"));
        out.add(RunFigure.of(ELIGIBLE_RECALL, area, n[2], n[3], "truly eligible subjects Olive found eligible / truly eligible"));
        out.add(RunFigure.of(LEAKAGE_PRECISION, area, n[4], n[5], "Olive's leakage subjects truly paid ineligibly in 24 months "
                + "/ Olive's leakage subjects (known persons or families)"));
        out.add(RunFigure.of(LEAKAGE_RECALL, area, n[6], n[7], "subjects truly paid ineligibly for the month flagged as "
                + "leakage / those subjects"));
    }

    private static long count(Set<String> a, Set<String> b) {
        long n = 0;
        for (String s : a) {
            n += b.contains(s) ? 1 : 0;
        }
        return n;
    }

    /** A truth payee as Olive's subject of the policy: the person key, or the payee's family; unknown: the ID itself. */
    static String subject(String kind, String id, Map<String, Long> keyOf, Map<Long, String> familyOf) {
        Long key = keyOf.get(id);
        if (key == null) {
            return "truth:" + id;
        }
        if ("FAMILY".equals(kind)) {
            String f = familyOf.get(key);
            return f == null ? "truth-family-of:" + key : f;
        }
        return String.valueOf(key);
    }

    /** One line per policy: eligibility precision and recall, leakage precision and recall. */
    static String table(List<RunFigure> figures) {
        Map<String, Map<String, RunFigure>> by = new TreeMap<>();
        for (RunFigure f : figures) {
            if (f.metric().startsWith("policy_eligible_") || f.metric().startsWith("policy_leakage_")) {
                by.computeIfAbsent(f.areaCode().isEmpty() ? "(all)" : f.areaCode(), k -> new HashMap<>()).put(f.metric(), f);
            }
        }
        if (by.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT,
                "  policies against the truth:%n    %-22s %22s %22s %18s %18s%n", "policy", "eligible precision",
                "eligible recall", "leakage precision", "leakage recall"));
        by.forEach((k, m) -> b.append(String.format(java.util.Locale.ROOT, "    %-22s %22s %22s %18s %18s%n", k,
                cell(m.get(ELIGIBLE_PRECISION)), cell(m.get(ELIGIBLE_RECALL)), cell(m.get(LEAKAGE_PRECISION)),
                cell(m.get(LEAKAGE_RECALL)))));
        return b.toString();
    }

    private static String cell(RunFigure f) {
        return f == null ? "–" : (f.value() == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f%%", 100 * f.value()))
                + " (" + f.numerator() + "/" + f.denominator() + ")";
    }
}
