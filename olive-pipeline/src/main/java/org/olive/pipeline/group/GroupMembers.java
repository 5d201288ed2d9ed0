package org.olive.pipeline.group;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The members of each group at a period, as step {@code groups} stored them.
 *
 * @param period  the period
 * @param enabled the groups enabled at the period, in profile order
 * @param members one entry per membership
 */
public record GroupMembers(String period, List<String> enabled, List<Member> members) {

    /** A person in a group: origin RULE or MANUAL, the rule version, tier (or null), family and township. */
    public record Member(long personKey, String groupId, String origin, String ruleVersion, String tier, String familyKey,
                         String township, String evidence) {
    }

    public GroupMembers {
        enabled = List.copyOf(enabled);
        members = List.copyOf(members);
    }

    /**
     * The members step groups stored for a period (group_member): what its run of the period published, for a step
     * or command run without it ({@code --steps}, {@code olive indicators}).
     *
     * @param enabled the groups enabled at the period (the county profile's groups.yaml), or null for the groups that
     *                have members in the table, by id
     */
    public static GroupMembers read(java.sql.Connection c, String period, List<String> enabled) throws java.sql.SQLException {
        List<Member> members = new java.util.ArrayList<>();
        Set<String> seen = new TreeSet<>();
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT person_key, group_id, origin, rule_version, tier, "
                + "family_key, township_code, evidence FROM group_member WHERE data_period = ? ORDER BY person_key, group_id")) {
            ps.setString(1, period);
            ps.setFetchSize(10_000);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seen.add(rs.getString(2));
                    members.add(new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        }
        return new GroupMembers(period, enabled != null ? enabled : List.copyOf(seen), members);
    }

    /** Person keys by group. */
    public Map<String, Set<Long>> byGroup() {
        Map<String, Set<Long>> m = new TreeMap<>();
        enabled.forEach(g -> m.put(g, new TreeSet<>()));
        members.forEach(x -> m.computeIfAbsent(x.groupId(), k -> new TreeSet<>()).add(x.personKey()));
        return m;
    }
}
