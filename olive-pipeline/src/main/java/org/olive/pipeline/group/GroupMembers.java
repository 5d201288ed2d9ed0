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

    /** Person keys by group. */
    public Map<String, Set<Long>> byGroup() {
        Map<String, Set<Long>> m = new TreeMap<>();
        enabled.forEach(g -> m.put(g, new TreeSet<>()));
        members.forEach(x -> m.computeIfAbsent(x.groupId(), k -> new TreeSet<>()).add(x.personKey()));
        return m;
    }
}
