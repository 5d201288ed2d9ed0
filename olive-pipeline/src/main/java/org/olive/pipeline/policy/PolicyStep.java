package org.olive.pipeline.policy;

import org.olive.period.Period;
import org.olive.pipeline.figure.RunFigure;
import org.olive.pipeline.figure.RunFigures;
import org.olive.pipeline.group.GroupMembers;
import org.olive.pipeline.group.GroupOutputs;
import org.olive.pipeline.run.MonthlyStep;
import org.olive.pipeline.run.StepContext;
import org.olive.pipeline.tag.TagOutputs;
import org.olive.pipeline.warning.WarningOutputs;
import org.olive.policy.PolicyClassifier;
import org.olive.policy.PolicyDefinitions;
import org.olive.policy.PolicyDefinitions.Policy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Step {@code policies} (政策一本账 matching, issue 15; docs/policies.md): for each policy of the profile's
 * policies.yaml in force at the period, every eligible person or family (the eligibility rule over the facts of
 * {@link PolicySubjects}) against every one receiving it (the 一卡通 disbursements with its code in its receipt window, or
 * an open spell of the assistance register): COVERED, MISSED (the push list to the department) or LEAKAGE (to review),
 * each with the rule version, the amount, the receipts' records and the evidence, in {@code policy_match}. County and
 * township counts go to {@code ledger_figure}; at the end of a quarter, pilot indicator 7: members of the 7+4 groups
 * receiving a policy that targets one of their groups / members.
 */
public final class PolicyStep implements MonthlyStep {

    /** ledger_figure metric of pilot indicator 7 (distinct persons), county ('') and each township; quarter ends only. */
    public static final String COVERAGE = "key_group_policy_coverage";
    /** ledger_figure metric prefix of pilot indicator 7 per group: {@code policy_group:<id>}, county only. */
    public static final String GROUP_METRIC = "policy_group:";
    /** ledger_figure metric prefix of a policy's eligible subjects that receive it: {@code policy:<CODE>}. */
    public static final String POLICY_METRIC = "policy:";

    private final PolicyDefinitions definitions;
    private final PolicySubjectsReader reader;
    private final org.olive.group.GroupDefinitions groups;

    /** The step within a whole run (tests): it needs the outputs of steps facts, warnings, groups and tags. */
    public PolicyStep(PolicyDefinitions definitions) {
        this(definitions, null, null);
    }

    /**
     * The step that may also run without the steps before it ({@code olive run --steps policies}, e.g. after a policy
     * version was saved from the web): the subjects are then read from the tables the period's last run left, as the
     * policy simulation reads them, and the groups' members from group_member.
     */
    public PolicyStep(PolicyDefinitions definitions, PolicySubjectsReader reader, org.olive.group.GroupDefinitions groups) {
        this.definitions = definitions;
        this.reader = reader;
        this.groups = groups;
    }

    @Override
    public String name() {
        return "policies";
    }

    @Override
    public List<String> needs() {
        return List.of("facts", "income", "warnings", "groups", "tags");
    }

    @Override
    public void run(StepContext ctx) throws SQLException {
        long t0 = System.nanoTime();
        Connection c = ctx.connection();
        Period period = ctx.period();
        // the profile's policies with the versions saved from the web laid over them (docs/policies.md)
        PolicyClassifier rules = PolicyRuleVersions.overlay(c, definitions).at(period);
        PolicySubjects subjects;
        boolean fromTables = reader != null && (ctx.find(TagOutputs.SUBJECTS).isEmpty()
                || ctx.find(WarningOutputs.FACTS).isEmpty());
        if (fromTables) {
            subjects = reader.read(c, period).subjects();
            ctx.report().skipped().put("policy subjects", "read from the tables of the period's last run: steps "
                    + "facts, warnings and tags did not run in this one (--steps)");
        } else {
            subjects = new PolicySubjects(ctx.need(TagOutputs.SUBJECTS), ctx.need(TagOutputs.TAGS),
                    ctx.need(WarningOutputs.FACTS), PolicySubjects.policyPayments(c, period));
        }
        long t1 = System.nanoTime();
        PolicyMatching.Eligible eligible = PolicyMatching.eligible(rules, subjects);
        long t2 = System.nanoTime();
        Receipts receipts = Receipts.read(c, period, rules.inForce(), subjects);
        PolicyMatching.EarlierEligibility earlier = earlierEligibility(c, period);
        List<PolicyMatching.Match> matches = PolicyMatching.match(rules.inForce(), eligible, receipts, rules.versions(),
                earlier);
        long t3 = System.nanoTime();
        PolicyTables.replace(c, period, matches);
        List<RunFigure> figures = new ArrayList<>(figures(rules.inForce(), matches));
        if (period.monthValue() % 3 == 0) {
            GroupMembers members = groups == null ? ctx.need(GroupOutputs.MEMBERS) : GroupOutputs.members(ctx, groups);
            figures.addAll(coverage(members, rules.inForce(), matches));
        } else {
            ctx.report().skipped().put("pilot indicator 7", "quarterly: computed at the end of a quarter, not in " + period);
        }
        RunFigures.add(ctx, figures);

        Map<String, Long> ms = ctx.report().millis();
        ms.put("policies_facts", (t1 - t0) / 1_000_000);
        ms.put("policies_eligibility", (t2 - t1) / 1_000_000);
        ms.put("policies_match", (t3 - t2) / 1_000_000);
        ms.put("policies_write", (System.nanoTime() - t3) / 1_000_000);
        Map<String, Long> counts = ctx.report().counts();
        counts.put("policies_in_force", (long) rules.inForce().size());
        Map<String, Long> byStatus = new TreeMap<>();
        matches.forEach(m -> byStatus.merge("policies_" + m.status().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum));
        counts.putAll(byStatus);
        counts.put("policies_receipts_unmatched", receipts.unmatched());
        rules.failures().forEach((r, n) -> counts.put("policy_rule_failures " + r, n));
        rules.firstFailures().forEach((r, m) -> ctx.report().skipped().put("policy rule " + r,
                "failed at run time for " + rules.failures().get(r) + " subject(s), first: " + m));
    }

    /**
     * Earlier eligibility from the ledgers of the months paid for (before the period): a subject found eligible
     * (COVERED or MISSED) in one of them. Read per policy and month once, on demand.
     */
    static PolicyMatching.EarlierEligibility earlierEligibility(Connection c, Period period) {
        Map<String, Set<String>> cache = new HashMap<>(); // code|month → eligible subjects
        return (code, subject, months) -> {
            for (String m : months) {
                if (m.compareTo(period.toString()) >= 0) {
                    continue; // the period itself: its eligibility is the one just computed
                }
                Set<String> s = cache.computeIfAbsent(code + "|" + m, k -> {
                    Set<String> out = new HashSet<>();
                    try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT subject_key FROM policy_match WHERE "
                            + "data_period = ? AND policy_code = ? AND status IN ('COVERED', 'MISSED')")) {
                        ps.setString(1, m);
                        ps.setString(2, code);
                        try (java.sql.ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.add(rs.getString(1));
                            }
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException("cannot read the policy ledger of " + m + ": " + e.getMessage(), e);
                    }
                    return out;
                });
                if (s.contains(subject)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Per policy: eligible subjects receiving it / eligible subjects (county and township), with the counts. */
    static List<RunFigure> figures(List<Policy> policies, List<PolicyMatching.Match> matches) {
        Map<String, long[]> n = new LinkedHashMap<>(); // code|area → covered, eligible, leakage
        for (Policy p : policies) {
            n.put(p.code() + "|", new long[3]);
        }
        for (PolicyMatching.Match m : matches) {
            for (String area : new String[] {"", m.township() == null ? null : m.township()}) {
                if (area == null) {
                    continue;
                }
                long[] x = n.computeIfAbsent(m.policy().code() + "|" + area, k -> new long[3]);
                switch (m.status()) {
                    case COVERED -> {
                        x[0]++;
                        x[1]++;
                    }
                    case MISSED -> x[1]++;
                    case LEAKAGE -> x[2]++;
                }
            }
        }
        List<RunFigure> out = new ArrayList<>();
        n.forEach((k, x) -> {
            int bar = k.indexOf('|');
            out.add(RunFigure.of(POLICY_METRIC + k.substring(0, bar), k.substring(bar + 1), x[0], x[1],
                    "eligible receiving (covered) / eligible; leakage (receiving, not eligible): " + x[2]));
        });
        return out;
    }

    /**
     * Pilot indicator 7 (重点群体精准激励政策覆盖率): members of the key groups receiving (covered, or receiving without
     * being found eligible) a policy that targets one of their groups — a person policy paid to them or a family policy
     * paid to their family — over the members, distinct persons, by area; and per group.
     */
    static List<RunFigure> coverage(GroupMembers members, List<Policy> policies, List<PolicyMatching.Match> matches) {
        Map<String, Set<String>> receiving = new HashMap<>(); // policy code → subjects (PERSON|key, FAMILY|key)
        for (PolicyMatching.Match m : matches) {
            if (m.status() != PolicyMatching.Status.MISSED) {
                receiving.computeIfAbsent(m.policy().code(), k -> new HashSet<>()).add(m.kind() + "|" + m.key());
            }
        }
        Map<String, List<Policy>> byGroup = new HashMap<>();
        for (Policy p : policies) {
            p.targetGroups().forEach(g -> byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(p));
        }
        Map<Long, String> persons = new LinkedHashMap<>();
        Set<Long> covered = new HashSet<>();
        Map<String, long[]> perGroup = new LinkedHashMap<>();
        members.enabled().forEach(g -> perGroup.put(g, new long[2]));
        for (GroupMembers.Member m : members.members()) {
            boolean in = false;
            for (Policy p : byGroup.getOrDefault(m.groupId(), List.of())) {
                Set<String> r = receiving.getOrDefault(p.code(), Set.of());
                if (r.contains("PERSON|" + m.personKey()) || (m.familyKey() != null && r.contains("FAMILY|" + m.familyKey()))) {
                    in = true;
                    break;
                }
            }
            long[] g = perGroup.computeIfAbsent(m.groupId(), k -> new long[2]);
            g[0] += in ? 1 : 0;
            g[1]++;
            persons.putIfAbsent(m.personKey(), m.township());
            if (in) {
                covered.add(m.personKey());
            }
        }
        String note = "members of the key groups receiving a policy that targets one of their groups (policies.yaml "
                + "target_groups) / members (pilot indicator 7)";
        List<RunFigure> out = new ArrayList<>();
        out.add(RunFigure.of(COVERAGE, "", covered.size(), persons.size(), note));
        Map<String, long[]> byTown = new TreeMap<>();
        persons.forEach((k, t) -> {
            if (t != null) {
                long[] x = byTown.computeIfAbsent(t, z -> new long[2]);
                x[0] += covered.contains(k) ? 1 : 0;
                x[1]++;
            }
        });
        byTown.forEach((t, x) -> out.add(RunFigure.of(COVERAGE, t, x[0], x[1], note)));
        perGroup.forEach((g, x) -> out.add(RunFigure.of(GROUP_METRIC + g, "", x[0], x[1], note
                + (byGroup.containsKey(g) ? "" : "; no policy targets this group"))));
        return out;
    }
}
