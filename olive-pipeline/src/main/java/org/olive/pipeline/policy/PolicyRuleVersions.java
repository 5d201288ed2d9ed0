package org.olive.pipeline.policy;

import org.olive.period.Period;
import org.olive.policy.PolicyDefinitions;
import org.olive.policy.PolicyDefinitions.PolicyVersion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Policy versions saved from the web's policy editor, the one writer of {@code policy_rule_version} (V33;
 * docs/policies.md, "Editing a policy"): a version is checked against the profile's policies with the versions saved
 * so far ({@link PolicyDefinitions#check}: the rules compile, the number is the next, the dates are in order) and
 * refused with each problem's field, or stored. Every later run lays the stored versions over the profile's
 * ({@link #overlay}, called by step {@code policies}). Rows are never changed: a correction is a new version.
 */
public final class PolicyRuleVersions {

    /** A stored version with who saved it, when and why. */
    public record Stored(String code, PolicyVersion version, String savedBy, Instant savedAt, String reason) {
    }

    /** A version refused before it was stored, with every problem. */
    public static final class RefusedException extends IllegalArgumentException {
        private final List<String> problems;

        RefusedException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private PolicyRuleVersions() {
    }

    /** The stored versions in the order they were saved. */
    public static List<Stored> all(Connection c) throws SQLException {
        List<Stored> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT policy_code, version, valid_from, valid_to, eligible, amount, "
                + "saved_by, saved_at, reason FROM policy_rule_version ORDER BY saved_at, policy_code, version");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String to = rs.getString(4);
                out.add(new Stored(rs.getString(1), new PolicyVersion(rs.getString(1) + "@" + rs.getInt(2),
                        Period.parse(rs.getString(3)), to == null ? null : Period.parse(to), rs.getString(5), rs.getString(6)),
                        rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9)));
            }
        }
        return out;
    }

    /** The profile's policies with the stored versions laid over them (versions of policies no longer in the profile are left out). */
    public static PolicyDefinitions overlay(Connection c, PolicyDefinitions profile) throws SQLException {
        Map<String, List<PolicyVersion>> added = new HashMap<>();
        for (Stored s : all(c)) {
            if (profile.policy(s.code()).isPresent()) {
                added.computeIfAbsent(s.code(), k -> new ArrayList<>()).add(s.version());
            }
        }
        return profile.withVersions(added);
    }

    /**
     * Checks and stores a new version of a policy: its number is the policy's next. Returns the stored version;
     * refuses ({@link RefusedException}) with every problem, storing nothing.
     */
    public static PolicyVersion save(Connection c, PolicyDefinitions profile, String code, Period validFrom, Period validTo,
                                     String eligible, String amount, String user, String reason) throws SQLException {
        PolicyDefinitions current = overlay(c, profile);
        int next = current.nextVersion(code);
        List<String> problems = new ArrayList<>(current.check(code, next, validFrom, validTo, eligible, amount));
        if (reason == null || reason.isBlank()) {
            problems.add("reason: a reason is required (it is kept with the version and audited)");
        } else if (reason.length() > 1000) {
            problems.add("reason: at most 1000 characters");
        }
        if (user == null || user.isBlank()) {
            problems.add("user: missing");
        }
        if (!problems.isEmpty()) {
            throw new RefusedException(problems);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO policy_rule_version (policy_code, version, valid_from, "
                + "valid_to, eligible, amount, saved_by, saved_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, code);
            ps.setInt(2, next);
            ps.setString(3, validFrom.toString());
            ps.setString(4, validTo == null ? null : validTo.toString());
            ps.setString(5, eligible.strip());
            ps.setString(6, amount.strip());
            ps.setString(7, user);
            ps.setTimestamp(8, Timestamp.from(Instant.now()));
            ps.setString(9, reason.strip());
            ps.executeUpdate();
        }
        return new PolicyVersion(code + "@" + next, validFrom, validTo, eligible.strip(), amount.strip());
    }
}
