package org.olive.pipeline.tag;

import org.olive.fact.PersonFact;
import org.olive.fact.PersonVariables;
import org.olive.fact.TagVariables;
import org.olive.occupation.Occupation;
import org.olive.period.Period;
import org.olive.pipeline.fact.PersonFacts;
import org.olive.pipeline.fact.PersonFactsReader;
import org.olive.pipeline.group.GroupStep;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The persons and families of a period with the facts tag rules may name ({@link TagVariables}): built once, either
 * from a run's outputs (step {@code tags}) or from the tables a run of the period left ({@link #read}, the tag editor's
 * preview), so that the preview evaluates a candidate rule over exactly the facts a run would.
 */
public final class TagSubjects {

    /** A person or family with its tag facts. */
    public record Subject(String kind, String key, String township, PersonVariables.Values values) {
    }

    private final Period period;
    private final PersonFacts facts;
    private final Map<Long, Occupation> occupations;
    private final Map<Long, List<String>> groups;
    private final Map<String, PersonVariables.Family> families;
    private final Map<Long, String> roles = new HashMap<>();
    private final Map<String, List<Long>> membersOf = new HashMap<>();
    private final Map<Long, TagVariables.Income> incomes = new HashMap<>();

    private TagSubjects(Period period, PersonFacts facts, Map<Long, Occupation> occupations,
                        Map<Long, List<String>> groups, Map<String, PersonVariables.Family> families) {
        this.period = period;
        this.facts = facts;
        this.occupations = occupations;
        this.groups = groups;
        this.families = families;
    }

    /**
     * From a run's outputs: the person facts, the occupation ledger, each person's groups and each family's situation
     * (as step groups read them); the family roles and the income step's figures are read from the period's tables.
     */
    public static TagSubjects of(Connection c, Period p, PersonFacts facts, Map<Long, Occupation> occupations,
                                 Map<Long, List<String>> groups, Map<String, PersonVariables.Family> families)
            throws SQLException {
        TagSubjects s = new TagSubjects(p, facts, occupations, groups, families);
        s.readRolesAndIncomes(c);
        return s;
    }

    /**
     * From the tables a run of the period left: the person facts ({@code reader}, as step facts reads them), the
     * occupation ledger ({@code person_occupation}), the key groups ({@code group_member}) and the families'
     * brackets, lines and typical DI ({@link GroupStep#families}).
     */
    public static TagSubjects read(Connection c, Period p, PersonFactsReader reader) throws SQLException {
        String period = p.toString();
        PersonFacts facts = reader.read(c, p);
        Map<Long, Occupation> occupations = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT person_key, occupation_code, occupation_detail, "
                + "industry_code, source, confidence, reason, evidence FROM person_occupation WHERE data_period = ?")) {
            ps.setString(1, period);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    occupations.put(rs.getLong(1), new Occupation(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getDouble(6), rs.getString(7), rs.getString(8)));
                }
            }
        }
        Map<Long, List<String>> groups = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT person_key, group_id FROM group_member WHERE data_period = ? "
                + "ORDER BY person_key, group_id")) {
            ps.setString(1, period);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    groups.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2)).add(rs.getString(2));
                }
            }
        }
        return of(c, p, facts, occupations, groups, GroupStep.families(c, period));
    }

    private void readRolesAndIncomes(Connection c) throws SQLException {
        String p = period.toString();
        try (PreparedStatement ps = c.prepareStatement("SELECT person_key, family_key, role FROM family_member WHERE data_period = ?")) {
            ps.setString(1, p);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roles.put(rs.getLong(1), rs.getString(3) == null ? null : rs.getString(3).toLowerCase(Locale.ROOT));
                    membersOf.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getLong(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT person_key, wage, business, property, transfer_in FROM "
                + "person_income WHERE data_period = ?")) {
            ps.setString(1, p);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    incomes.put(rs.getLong(1), new TagVariables.Income(rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                            rs.getDouble(5)));
                }
            }
        }
    }

    public Period period() {
        return period;
    }

    /** The person facts of the period. */
    public PersonFacts facts() {
        return facts;
    }

    /** A person's role in their family (head, spouse, child …), or null. */
    public String role(long personKey) {
        return roles.get(personKey);
    }

    /** Applies {@code f} to every person of the period with their tag facts, on all cores; in the facts' order. */
    public <R> List<R> persons(Function<Subject, R> f) {
        return facts.all().parallelStream().map(x -> f.apply(person(x))).toList();
    }

    /**
     * Applies {@code f} to every family of the period with its tag facts, on all cores, in family-key order; a family
     * none of whose members has facts gets {@code f} of a subject without facts (null values).
     */
    public <R> List<R> families(Function<Subject, R> f) {
        List<String> keys = new ArrayList<>(membersOf.keySet());
        keys.sort(null);
        return keys.parallelStream().map(k -> f.apply(family(k))).toList();
    }

    private Subject person(PersonFact f) {
        PersonVariables.Values v = TagVariables.person(GroupStep.variables(f, occupations, families, period),
                groups.getOrDefault(f.personKey(), List.of()), roles.get(f.personKey()), incomes.get(f.personKey()));
        return new Subject("PERSON", String.valueOf(f.personKey()), f.township(), v);
    }

    private Subject family(String k) {
        List<TagVariables.Member> members = new ArrayList<>();
        for (long person : membersOf.get(k)) {
            PersonFact f = facts.get(person);
            if (f != null) {
                members.add(new TagVariables.Member(f, roles.get(person), groups.getOrDefault(person, List.of())));
            }
        }
        if (members.isEmpty()) {
            return new Subject("FAMILY", k, null, null);
        }
        PersonVariables.Values v = TagVariables.family(members, families.getOrDefault(k, PersonVariables.Family.NONE),
                period);
        return new Subject("FAMILY", k, (String) v.values().get("township"), v);
    }
}
