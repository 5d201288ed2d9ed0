package org.olive.accuracy;

import org.olive.pipeline.figure.RunFigure;
import org.olive.pipeline.ledger.LedgerResult;

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
import java.util.TreeSet;

/**
 * Accuracy of the key-group ledger (group_member, issue 13) against the generator's truth ({@code groups.csv}: the
 * true memberships of the 11 groups at every period), for the groups enabled at the period (the truth lists all 11;
 * a group the county's profile enables only from a later year is not measured before). For each enabled group (area =
 * group id) and over all of them (area '', micro-averaged: every membership counts once):
 * <ul>
 *   <li>{@code group_precision}: members of the ledger (all origins, RULE and MANUAL) who are members in the truth /
 *       members of the ledger (a person the truth does not list at all counts as wrong);</li>
 *   <li>{@code group_recall}: true members whom the ledger lists in the group / true members;</li>
 *   <li>{@code group_size}: members in the ledger / members in the truth (value = their ratio);</li>
 *   <li>{@code group_manual_precision}: MANUAL members (added by hand) who are true members / MANUAL members, for the
 *       groups with any and over all.</li>
 * </ul>
 * Only the command line and tests use the truth.
 */
final class GroupTruthAccuracy {

    static final String PRECISION = "group_precision";
    static final String RECALL = "group_recall";
    static final String SIZE = "group_size";
    static final String MANUAL_PRECISION = "group_manual_precision";

    private GroupTruthAccuracy() {
    }

    /** Whether the ledger has rows for the period (the group step ran). */
    static boolean hasLedger(Connection c, String period) throws SQLException {
        return TruthAccuracyStep.hasRows(c, "group_member", period);
    }

    /** The distinct group ids of group_member at the period. */
    static Set<String> ledgerGroups(Connection c, String period) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT group_id FROM group_member WHERE data_period = ?")) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * @param enabledGroups the groups enabled at the period (the others' rows, on both sides, are left out)
     */
    static List<RunFigure> compare(Connection c, String period, Path truthDir, Set<String> enabledGroups)
            throws SQLException {
        List<RunFigure> out = new ArrayList<>();
        Path file = truthDir.resolve("groups.csv");
        if (!Files.isRegularFile(file) || enabledGroups.isEmpty()) {
            return out;
        }
        Set<String> groups = new TreeSet<>(enabledGroups);
        Map<String, Set<String>> truth = new HashMap<>();
        groups.forEach(g -> truth.put(g, new HashSet<>()));
        TruthAccuracy.read(file, List.of("person_id", "group_id"), r -> {
            Set<String> members = truth.get(r[1]);
            if (members != null) {
                members.add(r[0]);
            }
        });
        Map<String, Set<String>> ours = new HashMap<>();
        Map<String, Set<String>> manual = new HashMap<>();
        groups.forEach(g -> {
            ours.put(g, new HashSet<>());
            manual.put(g, new HashSet<>());
        });
        try (PreparedStatement ps = c.prepareStatement("SELECT p.id_number, g.group_id, g.origin FROM group_member g "
                + "JOIN person p ON p.person_key = g.person_key WHERE g.data_period = ?")) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String g = rs.getString(2);
                    if (!groups.contains(g)) {
                        continue;
                    }
                    ours.get(g).add(rs.getString(1));
                    if ("MANUAL".equals(rs.getString(3))) {
                        manual.get(g).add(rs.getString(1));
                    }
                }
            }
        }
        long tp = 0;
        long listed = 0;
        long trueMembers = 0;
        long manualTrue = 0;
        long manualAll = 0;
        List<RunFigure> perGroup = new ArrayList<>();
        for (String g : groups) {
            Set<String> t = truth.get(g);
            Set<String> o = ours.get(g);
            long both = o.stream().filter(t::contains).count();
            long m = manual.get(g).size();
            long mTrue = manual.get(g).stream().filter(t::contains).count();
            tp += both;
            listed += o.size();
            trueMembers += t.size();
            manualTrue += mTrue;
            manualAll += m;
            perGroup.add(RunFigure.of(PRECISION, g, both, o.size(),
                    "members of " + g + " in the ledger who are members in the truth / members in the ledger ("
                            + (o.size() - both) + " not true members)"));
            perGroup.add(RunFigure.of(RECALL, g, both, t.size(),
                    "true members of " + g + " whom the ledger lists / true members (" + (t.size() - both) + " missed)"));
            perGroup.add(RunFigure.of(SIZE, g, o.size(), t.size(),
                    "members of " + g + " in the ledger / in the truth"));
            if (m > 0) {
                perGroup.add(RunFigure.of(MANUAL_PRECISION, g, mTrue, m,
                        "members of " + g + " added by hand (MANUAL) who are true members / those added by hand"));
            }
        }
        out.add(RunFigure.of(PRECISION, "", tp, listed,
                "memberships of the ledger (all origins) that are true / memberships of the ledger, over the enabled groups "
                        + groups + " (micro-average)"));
        out.add(RunFigure.of(RECALL, "", tp, trueMembers,
                "true memberships that the ledger lists / true memberships, over the enabled groups (micro-average)"));
        out.add(RunFigure.of(SIZE, "", listed, trueMembers,
                "memberships in the ledger / in the truth, over the enabled groups"));
        out.add(RunFigure.of(MANUAL_PRECISION, "", manualTrue, manualAll,
                "memberships added by hand (MANUAL) that are true / memberships added by hand"));
        out.addAll(perGroup);
        return out;
    }
}
