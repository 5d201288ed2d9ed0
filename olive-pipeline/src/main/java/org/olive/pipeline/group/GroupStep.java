package org.olive.pipeline.group;

import org.olive.pipeline.figure.RunFigure;
import org.olive.fact.PersonFact;
import org.olive.fact.PersonVariables;
import org.olive.group.GroupClassifier;
import org.olive.group.GroupDefinitions;
import org.olive.occupation.Occupation;
import org.olive.period.Period;
import org.olive.pipeline.fact.FactOutputs;
import org.olive.pipeline.fact.PersonFacts;
import org.olive.pipeline.ledger.LedgerResult;
import org.olive.pipeline.figure.RunFigures;
import org.olive.pipeline.occupation.OccupationOutputs;
import org.olive.pipeline.run.MonthlyStep;
import org.olive.pipeline.run.StepContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * Step {@code groups} (群体一本账, issue 13; docs/groups.md): every person of the period's facts is tested against the
 * rules of the groups enabled at the period (groups.yaml, compiled once), hand decisions are applied (a REMOVE keeps
 * a person out although the rule holds, an ADD keeps them in although it does not), each member gets a tier from
 * their family, and entering and leaving against the previous period's members are kept with their reason. Writes
 * {@code group_member} and {@code group_event} of the period (replacing them) and pilot indicator 6 (key-group income
 * monitoring coverage: members whose income is monitored / members, per group and overall, in {@code ledger_figure}).
 */
public final class GroupStep implements MonthlyStep {

    /** ledger_figure metric of pilot indicator 6, all groups (distinct persons), county ('') and each township. */
    public static final String MONITORING = "key_group_monitoring";
    /** ledger_figure metric prefix of pilot indicator 6 per group: {@code group:<id>}, county only. */
    public static final String GROUP_METRIC = "group:";

    private final GroupDefinitions definitions;

    public GroupStep(GroupDefinitions definitions) {
        this.definitions = definitions;
    }

    @Override
    public String name() {
        return "groups";
    }

    @Override
    public List<String> needs() {
        return List.of("facts", "occupations", "income", "figures", "warnings");
    }

    @Override
    public void run(StepContext ctx) throws SQLException {
        long t0 = System.nanoTime();
        Connection c = ctx.connection();
        Period period = ctx.period();
        String p = period.toString();
        GroupClassifier rules = definitions.at(period);
        PersonFacts facts = ctx.need(FactOutputs.PERSON_FACTS);
        Map<Long, Occupation> occupations = ctx.need(OccupationOutputs.OCCUPATIONS);
        Map<String, PersonVariables.Family> families = families(c, p);
        Map<Long, Boolean> monitored = monitored(c, p);
        Map<String, GroupDecisions.Decision> decisions = GroupDecisions.open(c);
        Map<String, String> before = previousMembers(c, period.minusMonths(1).toString());

        List<GroupMembers.Member> members = new ArrayList<>();
        Map<String, String> leaveReasons = new HashMap<>(); // person|group → why the rule does not hold now
        Map<String, String> enterReasons = new HashMap<>();
        long manualAdds = 0;
        long outside = 0;
        long manualRemovals = 0;
        Set<String> enabled = new HashSet<>(rules.groupIds());
        Map<String, Long> holds = new LinkedHashMap<>();
        rules.groupIds().forEach(g -> holds.put(g, 0L));
        // the rules of every person, on every core (the compiled programs are immutable); then, in person order, the
        // hand decisions, the members and the reasons
        long t1 = System.nanoTime();
        // the hand decisions and the previous members by person, so that a person's rules look up only their own
        Map<Long, Map<String, GroupDecisions.Decision>> decisionsOf = new HashMap<>();
        decisions.values().forEach(d -> decisionsOf.computeIfAbsent(d.personKey(), k -> new HashMap<>()).put(d.groupId(), d));
        Map<Long, Set<String>> groupsBefore = new HashMap<>();
        before.keySet().forEach(k -> {
            int bar = k.indexOf('|');
            groupsBefore.computeIfAbsent(Long.parseLong(k.substring(0, bar)), x -> new HashSet<>(2)).add(k.substring(bar + 1));
        });
        List<Decided> decided = facts.all().parallelStream()
                .map(f -> decide(f, rules, period, occupations, families,
                        decisionsOf.getOrDefault(f.personKey(), Map.of()),
                        groupsBefore.getOrDefault(f.personKey(), Set.of()))).toList();
        long t2 = System.nanoTime();
        for (Decided d0 : decided) {
            PersonFact f = d0.fact();
            if (!d0.inPopulation()) {
                outside++;
                for (String g : rules.groupIds()) {
                    if (before.containsKey(f.personKey() + "|" + g)) {
                        leaveReasons.put(f.personKey() + "|" + g, "no longer in the population the groups are drawn "
                                + "from (" + definitions.population() + ")");
                    }
                }
                continue;
            }
            d0.hits().keySet().forEach(g -> holds.merge(g, 1L, Long::sum));
            leaveReasons.putAll(d0.leave());
            Map<String, GroupDecisions.Decision> own = decisionsOf.getOrDefault(f.personKey(), Map.of());
            if (d0.hits().isEmpty() && own.isEmpty()) {
                continue; // in no group
            }
            for (String g : rules.groupIds()) {
                GroupDecisions.Decision d = own.get(g);
                GroupClassifier.Hit hit = d0.hits().get(g);
                String origin;
                String evidence;
                if (d != null && d.action().equals("REMOVE")) {
                    if (hit != null) {
                        manualRemovals++;
                        leaveReasons.put(f.personKey() + "|" + g, "removed by hand by " + d.by() + ": " + d.reason()
                                + " (the rule holds: " + hit.evidence() + ")");
                    }
                    continue;
                } else if (hit != null) {
                    origin = "RULE";
                    evidence = hit.evidence();
                } else if (d != null && d.action().equals("ADD")) {
                    origin = "MANUAL";
                    evidence = "added by hand by " + d.by() + ": " + d.reason();
                    manualAdds++;
                } else {
                    continue;
                }
                members.add(new GroupMembers.Member(f.personKey(), g, origin, rules.ruleVersion(g), d0.tier(),
                        f.familyKey(), f.township(), evidence));
                enterReasons.put(f.personKey() + "|" + g, origin.equals("RULE") ? "rule " + rules.ruleVersion(g)
                        + " holds: " + evidence : evidence);
            }
        }

        long t3 = System.nanoTime();
        delete(c, "group_member", p);
        delete(c, "group_event", p);
        writeMembers(c, p, members);
        long[] events = writeEvents(c, p, before, members, enabled, facts, enterReasons, leaveReasons);
        List<RunFigure> figures = monitoring(rules.groupIds(), members, monitored);
        RunFigures.add(ctx, figures);
        Map<String, Long> ms = ctx.report().millis();
        ms.put("groups_read", (t1 - t0) / 1_000_000);
        ms.put("groups_classify", (t2 - t1) / 1_000_000);
        ms.put("groups_members", (t3 - t2) / 1_000_000);
        ms.put("groups_write", (System.nanoTime() - t3) / 1_000_000);

        Map<String, Long> counts = ctx.report().counts();
        counts.put("groups_enabled", (long) rules.groupIds().size());
        counts.put("groups_memberships", (long) members.size());
        counts.put("groups_persons", members.stream().mapToLong(GroupMembers.Member::personKey).distinct().count());
        holds.forEach((g, n) -> counts.put("group_" + g, n));
        counts.put("groups_entered", events[0]);
        counts.put("groups_left", events[1]);
        counts.put("groups_manual_adds", manualAdds);
        counts.put("groups_outside_population", outside);
        counts.put("groups_manual_removals", manualRemovals);
        rules.failures().forEach((r, n) -> counts.put("group_rule_failures " + r, n));
        rules.firstFailures().forEach((r, m) -> ctx.report().skipped().put("group rule " + r,
                "failed at run time (counted as false) for " + rules.failures().get(r) + " person(s), first: " + m));
        ctx.publish(GroupOutputs.MEMBERS, new GroupMembers(p, rules.groupIds(), members));
        ctx.publish(GroupOutputs.FAMILIES, java.util.Collections.unmodifiableMap(families));
    }

    /** A person's rule facts at the period: their facts, their occupation ledger row and their family's situation. */
    public static PersonVariables.Values variables(PersonFact f, Map<Long, Occupation> occupations,
                                                   Map<String, PersonVariables.Family> families, Period period) {
        Occupation o = occupations.get(f.personKey());
        PersonVariables.Work work = o == null ? PersonVariables.Work.NONE
                : new PersonVariables.Work(nz(o.code()), nz(o.source()), nz(o.industry()));
        PersonVariables.Family family = f.familyKey() == null ? PersonVariables.Family.NONE
                : families.getOrDefault(f.familyKey(), PersonVariables.Family.NONE);
        return PersonVariables.of(f, work, family, period);
    }

    /** One person's rules: in the population, the groups whose rule holds, the tier, why rules no longer hold. */
    private record Decided(PersonFact fact, boolean inPopulation, Map<String, GroupClassifier.Hit> hits, String tier,
                           Map<String, String> leave) {
    }

    /**
     * @param decisions the person's open hand decisions by group
     * @param before    the groups the person was a member of the previous period
     */
    private static Decided decide(PersonFact f, GroupClassifier rules, Period period, Map<Long, Occupation> occupations,
                                  Map<String, PersonVariables.Family> families,
                                  Map<String, GroupDecisions.Decision> decisions, Set<String> before) {
        PersonVariables.Values v = variables(f, occupations, families, period);
        Map<String, GroupClassifier.Hit> hits = new LinkedHashMap<>();
        if (!rules.inPopulation(v)) {
            // outside the population no rule applies; a hand ADD still does (a person's decision overrides the rules)
            boolean added = decisions.values().stream().anyMatch(d -> d.action().equals("ADD")
                    && rules.groupIds().contains(d.groupId()));
            if (!added) {
                return new Decided(f, false, Map.of(), null, Map.of());
            }
        } else {
            for (GroupClassifier.Hit h : rules.classify(v)) {
                hits.put(h.groupId(), h);
            }
        }
        Map<String, String> leave = before.isEmpty() ? Map.of() : new HashMap<>();
        boolean anyMember = !hits.isEmpty();
        for (GroupDecisions.Decision d : decisions.values()) {
            anyMember |= d.action().equals("ADD") && rules.groupIds().contains(d.groupId());
        }
        for (String g : before) {
            if (!hits.containsKey(g) && rules.groupIds().contains(g)) {
                leave.put(f.personKey() + "|" + g, "rule " + rules.ruleVersion(g) + " does not hold: "
                        + PersonVariables.evidence(v, rules.facts(g), 900));
            }
        }
        GroupClassifier.Tier t = anyMember ? rules.tier(v) : null;
        return new Decided(f, true, hits, t == null ? null : t.name(), leave);
    }

    /**
     * Each family's brackets and lines (family_flag), typical-family DI (three_person), members and warning colour
     * (family_warning, step warnings: RED or YELLOW; GREEN for a family with an income figure and no warning).
     */
    public static Map<String, PersonVariables.Family> families(Connection c, String p) throws SQLException {
        Map<String, List<String>> brackets = new HashMap<>();
        Map<String, List<String>> lines = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT family_key, kind, flag_id FROM family_flag WHERE "
                + "data_period = ? AND kind IN ('BRACKET', 'LINE')")) {
            ps.setString(1, p);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    (rs.getString(2).equals("BRACKET") ? brackets : lines)
                            .computeIfAbsent(rs.getString(1), k -> new ArrayList<>(2)).add(rs.getString(3));
                }
            }
        }
        Map<String, Double> typical = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT family_key, three_person FROM family_income WHERE data_period = ?")) {
            ps.setString(1, p);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    typical.put(rs.getString(1), rs.getDouble(2));
                }
            }
        }
        Map<String, String> warnings = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT family_key, colour FROM family_warning WHERE data_period = ?")) {
            ps.setString(1, p);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    warnings.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        Map<String, PersonVariables.Family> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT family_key, members FROM family_period WHERE data_period = ?")) {
            ps.setString(1, p);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String k = rs.getString(1);
                    Double t = typical.get(k);
                    out.put(k, new PersonVariables.Family(brackets.getOrDefault(k, List.of()),
                            lines.getOrDefault(k, List.of()), t == null ? -1.0 : t, rs.getInt(2),
                            t == null ? "" : warnings.getOrDefault(k, "GREEN")));
                }
            }
        }
        return out;
    }

    /** Whether each person's income is monitored (person_income.monitored, pilot indicator 5's definition). */
    static Map<Long, Boolean> monitored(Connection c, String p) throws SQLException {
        Map<Long, Boolean> m = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT person_key, monitored FROM person_income WHERE data_period = ?")) {
            ps.setString(1, p);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getLong(1), rs.getBoolean(2));
                }
            }
        }
        return m;
    }

    /** Pilot indicator 6: monitored members / members, overall (distinct persons) by area, and per group. */
    static List<RunFigure> monitoring(List<String> groups, List<GroupMembers.Member> members,
                                                Map<Long, Boolean> monitored) {
        Map<Long, String> persons = new LinkedHashMap<>();
        Map<String, long[]> byGroup = new LinkedHashMap<>();
        groups.forEach(g -> byGroup.put(g, new long[2]));
        for (GroupMembers.Member m : members) {
            long[] n = byGroup.computeIfAbsent(m.groupId(), k -> new long[2]);
            n[0] += Boolean.TRUE.equals(monitored.get(m.personKey())) ? 1 : 0;
            n[1]++;
            persons.putIfAbsent(m.personKey(), m.township());
        }
        long num = 0;
        Map<String, long[]> byTown = new TreeMap<>();
        for (Map.Entry<Long, String> e : persons.entrySet()) {
            long n = Boolean.TRUE.equals(monitored.get(e.getKey())) ? 1 : 0;
            num += n;
            if (e.getValue() != null) {
                long[] t = byTown.computeIfAbsent(e.getValue(), k -> new long[2]);
                t[0] += n;
                t[1]++;
            }
        }
        String note = "members of the key groups whose income is monitored (each applicable component precise or "
                + "estimated narrowly enough) / members (pilot indicator 6)";
        List<RunFigure> out = new ArrayList<>();
        out.add(RunFigure.of(MONITORING, "", num, persons.size(), note + "; groups enabled: " + groups.size()));
        byTown.forEach((t, n) -> out.add(RunFigure.of(MONITORING, t, n[0], n[1], note)));
        byGroup.forEach((g, n) -> out.add(RunFigure.of(GROUP_METRIC + g, "", n[0], n[1], note)));
        return out;
    }

    private static void writeMembers(Connection c, String p, List<GroupMembers.Member> members) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO group_member (data_period, person_key, group_id, origin, "
                + "rule_version, tier, family_key, township_code, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (GroupMembers.Member m : members) {
                ps.setString(1, p);
                ps.setLong(2, m.personKey());
                ps.setString(3, m.groupId());
                ps.setString(4, m.origin());
                ps.setString(5, m.ruleVersion());
                ps.setString(6, m.tier());
                ps.setString(7, m.familyKey());
                ps.setString(8, m.township());
                ps.setString(9, clip(m.evidence(), 2000));
                ps.addBatch();
                if (++n % 5_000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Entering and leaving against the previous period's members; returns {entered, left}. */
    /** The previous period's memberships: person|group → rule version. */
    private static Map<String, String> previousMembers(Connection c, String previous) throws SQLException {
        Map<String, String> before = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT person_key, group_id, rule_version FROM group_member "
                + "WHERE data_period = ?")) {
            ps.setString(1, previous);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    before.put(rs.getLong(1) + "|" + rs.getString(2), rs.getString(3));
                }
            }
        }
        return before;
    }

    private static long[] writeEvents(Connection c, String p, Map<String, String> before, List<GroupMembers.Member> members,
                                      Set<String> enabled, PersonFacts facts, Map<String, String> enterReasons,
                                      Map<String, String> leaveReasons) throws SQLException {
        Map<String, GroupMembers.Member> now = new HashMap<>();
        members.forEach(m -> now.put(m.personKey() + "|" + m.groupId(), m));
        long entered = 0;
        long left = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO group_event (data_period, person_key, group_id, kind, "
                + "rule_version, reason) VALUES (?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Map.Entry<String, GroupMembers.Member> e : now.entrySet()) {
                if (before.containsKey(e.getKey())) {
                    continue;
                }
                GroupMembers.Member m = e.getValue();
                event(ps, p, m.personKey(), m.groupId(), "ENTER", m.ruleVersion(), enterReasons.get(e.getKey()));
                entered++;
                if (++n % 5_000 == 0) {
                    ps.executeBatch();
                }
            }
            for (Map.Entry<String, String> e : before.entrySet()) {
                if (now.containsKey(e.getKey())) {
                    continue;
                }
                int bar = e.getKey().indexOf('|');
                long person = Long.parseLong(e.getKey().substring(0, bar));
                String group = e.getKey().substring(bar + 1);
                String reason;
                if (!enabled.contains(group)) {
                    reason = "the group is not enabled at " + p;
                } else if (facts.get(person) == null) {
                    reason = "not in the period's ledger (moved away, died or no longer listed)";
                } else {
                    reason = leaveReasons.getOrDefault(e.getKey(), "the rule no longer holds");
                }
                event(ps, p, person, group, "LEAVE", e.getValue(), reason);
                left++;
                if (++n % 5_000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return new long[] {entered, left};
    }

    private static void event(PreparedStatement ps, String p, long person, String group, String kind, String version,
                              String reason) throws SQLException {
        ps.setString(1, p);
        ps.setLong(2, person);
        ps.setString(3, group);
        ps.setString(4, kind);
        ps.setString(5, version);
        ps.setString(6, clip(reason, 1000));
        ps.addBatch();
    }

    private static void delete(Connection c, String table, String p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE data_period = ?")) {
            ps.setString(1, p);
            ps.executeUpdate();
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
