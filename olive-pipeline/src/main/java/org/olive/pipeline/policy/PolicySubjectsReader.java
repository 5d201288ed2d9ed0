package org.olive.pipeline.policy;

import org.olive.income.FamilyIncomeRules;
import org.olive.period.Period;
import org.olive.pipeline.fact.PersonFactsReader;
import org.olive.pipeline.tag.TagOutputs;
import org.olive.pipeline.tag.TagRuleVersions;
import org.olive.pipeline.tag.TagSubjects;
import org.olive.pipeline.vulnerability.VulnerabilityOutputs;
import org.olive.pipeline.warning.WarningStep;
import org.olive.tag.TagClassifier;
import org.olive.tag.TagDefinitions;
import org.olive.vulnerability.VulnerabilitySettings;
import org.olive.warning.WarningVariables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link PolicySubjects} of a period built from the tables a run of that period left, not from the run's outputs: the
 * tag subjects ({@link TagSubjects#read}), their tags classified again with the profile's tags and the versions saved
 * from the web ({@link TagRuleVersions#overlay}, as step tags does), and the families' income facts as step warnings
 * built them ({@link WarningStep#familyFacts} over family_income, with the vulnerability the run published). The policy
 * simulation and the policy editor's preview evaluate rules over exactly the facts step policies saw
 * (PolicySimulationLedgerTest checks the eligibility against policy_match). What the step stored in policy_match is
 * read too: the simulation takes the baseline of the policies a reform leaves alone from it instead of evaluating them
 * again.
 */
public final class PolicySubjectsReader {

    /**
     * What was read: the subjects, the families' rows of family_income (their area, residents, per-capita DI and rigid
     * expenditure, which the simulation's measures need) and the time it took.
     */
    public record Read(PolicySubjects subjects, List<WarningStep.FamilyRow> families,
                       Map<String, List<Stored>> stored, long millis) {
    }

    /**
     * An eligible subject as step policies stored it in policy_match (COVERED or MISSED): the policy, the rule version,
     * the subject and the amount of a payment (NaN when the formula failed).
     */
    public record Stored(String code, String version, String kind, String key, String family, String township,
                         double amount) {
    }

    private final PersonFactsReader facts;
    private final TagDefinitions tags;
    private final FamilyIncomeRules income;
    private final VulnerabilitySettings vulnerability;

    /**
     * @param facts         the reader of step facts ({@link PersonFactsReader#of} with the profile's occupation rules)
     * @param tags          the profile's tags.yaml
     * @param income        the profile's family income rules (income.yaml: the lines of each area)
     * @param vulnerability the profile's vulnerability.yaml (whether a cross-section model's figures warn)
     */
    public PolicySubjectsReader(PersonFactsReader facts, TagDefinitions tags, FamilyIncomeRules income,
                                VulnerabilitySettings vulnerability) {
        this.facts = facts;
        this.tags = tags;
        this.income = income;
        this.vulnerability = vulnerability;
    }

    /** The subjects of {@code p}; empty (no person, no family) when no run of the period left its tables. */
    public Read read(Connection c, Period p) throws SQLException {
        long t0 = System.nanoTime();
        TagSubjects subjects = TagSubjects.read(c, p, facts);
        TagClassifier rules = TagRuleVersions.overlay(c, tags).at(p);
        Map<String, List<String>> tagsOf = new HashMap<>();
        subjects.persons(s -> Map.entry(TagOutputs.key(s.kind(), s.key()), rules.person(s.values())))
                .forEach(e -> put(tagsOf, e));
        subjects.families(s -> Map.entry(TagOutputs.key(s.kind(), s.key()),
                s.values() == null ? List.<TagClassifier.Hit>of() : rules.family(s.values()))).forEach(e -> put(tagsOf, e));
        List<WarningStep.FamilyRow> families = WarningStep.families(c, p.toString());
        Map<String, WarningVariables.Facts> familyFacts = WarningStep.familyFacts(c, p, income.at(p).lines(), families,
                subjects.facts(), VulnerabilityOutputs.stored(c, p, vulnerability));
        return new Read(new PolicySubjects(subjects, tagsOf, familyFacts, PolicySubjects.policyPayments(c, p)), families,
                stored(c, p), (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * What {@link #read} depends on, as a key: the period's last succeeded ledger run (its tables) and the tag versions
     * saved from the web (laid over the profile's tags). Two reads under the same key give the same subjects, so a
     * caller may keep them (the /policies/simulate page).
     */
    public static String stamp(Connection c, Period p) throws SQLException {
        StringBuilder key = new StringBuilder(p.toString());
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM ledger_run WHERE data_period = ? "
                + "AND status = 'SUCCEEDED'")) {
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                key.append("|run ").append(rs.next() ? rs.getLong(1) : 0);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MAX(saved_at) FROM tag_rule_version");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            key.append("|tags ").append(rs.getLong(1)).append(' ').append(rs.getObject(2));
        }
        return key.toString();
    }

    /** The eligible subjects step policies stored for the period, by policy code (none when it did not run). */
    static Map<String, List<Stored>> stored(Connection c, Period p) throws SQLException {
        Map<String, List<Stored>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT policy_code, policy_version, subject_kind, subject_key, "
                + "family_key, township_code, eligible_amount FROM policy_match WHERE data_period = ? AND status <> ?")) {
            ps.setString(1, p.toString());
            ps.setString(2, PolicyMatching.Status.LEAKAGE.name());
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.math.BigDecimal amount = rs.getBigDecimal(7);
                    out.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(new Stored(rs.getString(1),
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            amount == null ? Double.NaN : amount.doubleValue()));
                }
            }
        }
        return out;
    }

    /** A subject's tag ids, as step tags publishes them (subjects without a tag are left out). */
    private static void put(Map<String, List<String>> tagsOf, Map.Entry<String, List<TagClassifier.Hit>> e) {
        if (!e.getValue().isEmpty()) {
            tagsOf.put(e.getKey(), e.getValue().stream().map(TagClassifier.Hit::tagId).toList());
        }
    }
}
