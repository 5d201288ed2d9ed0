package org.olive.pipeline.income;

import org.olive.period.Period;
import org.olive.pipeline.group.GroupMembers;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The key-group memberships the indicators break down by (breakdown KEY_GROUP): the groups enabled at the period in
 * display order, and the groups of each person (person_key), as step groups stored them in {@code group_member}.
 *
 * @param enabled  the groups of the breakdown, each with its figures even without members
 * @param byPerson person_key → the groups they are in
 */
public record KeyGroupMembers(List<String> enabled, Map<Long, List<String>> byPerson) {

    public KeyGroupMembers {
        enabled = List.copyOf(enabled);
        byPerson = Map.copyOf(byPerson);
    }

    /** The groups of a person (empty when in none). */
    public List<String> of(long personKey) {
        return byPerson.getOrDefault(personKey, List.of());
    }

    /** From what step groups published in this run. */
    public static KeyGroupMembers of(GroupMembers m) {
        Map<Long, List<String>> by = new HashMap<>();
        for (GroupMembers.Member x : m.members()) {
            by.computeIfAbsent(x.personKey(), k -> new ArrayList<>(2)).add(x.groupId());
        }
        return new KeyGroupMembers(m.enabled(), by);
    }

    /**
     * From {@code group_member} of the period (a run of chosen steps without step groups, {@code olive indicators}).
     *
     * @param enabled the groups enabled at the period (the county profile's groups.yaml), or null for the groups that
     *                have members in the table, by id
     */
    public static KeyGroupMembers read(Connection c, Period p, List<String> enabled) throws SQLException {
        return of(GroupMembers.read(c, p.toString(), enabled));
    }
}
