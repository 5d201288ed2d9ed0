package org.olive.pipeline.tag;

import org.olive.period.Period;
import org.olive.tag.SavedTagVersion;
import org.olive.tag.TagDefinitions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Tag versions saved from the web's tag editor, the one writer of {@code tag_rule_version} (V23; docs/tags.md): a
 * version is checked against the profile's tags with the versions saved so far ({@link SavedTagVersion#problems}: the
 * rule compiles over the documented facts, its number is the tag's next, valid_from is not before the latest
 * version's) and refused with the rule's name and position, or stored. Every later run lays the stored versions over
 * the profile's ({@link #overlay}, called by step {@code tags}). Rows are never changed: a correction is a new version.
 */
public final class TagRuleVersions {

    /** A stored version with who saved it, when and why. */
    public record Stored(SavedTagVersion version, String savedBy, Instant savedAt, String reason) {
    }

    /** A version refused before it was stored; {@link #problems()} name the rule and each problem's position. */
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

    /** Longest reason kept (the column holds 1000). */
    public static final int MAX_REASON = 1000;

    private TagRuleVersions() {
    }

    /** The stored versions in the order they were saved (by time, then tag and number). */
    public static List<Stored> all(Connection c) throws SQLException {
        List<Stored> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tag_id, version, valid_from, when_rule, value_rule, "
                + "subject_kind, category, subcategory, name_zh, name_en, saved_by, saved_at, reason FROM tag_rule_version "
                + "ORDER BY saved_at, tag_id, version");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String subject = rs.getString(6);
                SavedTagVersion v = new SavedTagVersion(rs.getString(1), rs.getInt(2), Period.parse(rs.getString(3)),
                        rs.getString(4), rs.getString(5), subject == null ? null : TagDefinitions.Subject.valueOf(subject),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
                out.add(new Stored(v, rs.getString(11), rs.getTimestamp(12).toInstant(), rs.getString(13)));
            }
        }
        return out;
    }

    /** The profile's tags with the stored versions laid over them: what a run uses. */
    public static TagDefinitions overlay(Connection c, TagDefinitions profile) throws SQLException {
        return profile.withVersions(all(c).stream().map(Stored::version).toList());
    }

    /** The effective tags exported as a county profile's tags.yaml; {@code saved} counts the stored versions in it. */
    public record Export(TagDefinitions definitions, int saved, String yaml) {

        /** How many versions the file holds (the profile's and the stored ones). */
        public int versions() {
            return definitions.tags().stream().mapToInt(t -> t.versions().size()).sum();
        }
    }

    /**
     * The profile's tags with the stored versions laid over them ({@link #overlay}), as a tags.yaml text in exactly
     * the profile's format ({@link TagDefinitions#toYaml}) that {@code olive county check} and every run read back to
     * the same definitions (docs/tags.md, "Back into the profile"). A comment at the top names each stored version
     * with who saved it, when and why; the file itself holds only what tags.yaml holds.
     */
    public static Export export(Connection c, TagDefinitions profile) throws SQLException {
        List<Stored> stored = all(c);
        TagDefinitions effective = profile.withVersions(stored.stream().map(Stored::version).toList());
        StringBuilder head = new StringBuilder("# tags.yaml exported by Olive (olive tags export, or 导出 tags.yaml on "
                + "/tags): the county profile's tags (version " + profile.version() + ") with the " + stored.size()
                + " version(s) saved from the web.\n# Put it into the profile folder and check it: olive county check DIR.\n");
        for (Stored s : stored) {
            head.append("#   ").append(s.version().versionId()).append(" valid_from ").append(s.version().validFrom())
                    .append(", saved by ").append(s.savedBy()).append(" at ").append(s.savedAt()).append(": ")
                    .append(s.reason().replaceAll("\\R", " ")).append('\n');
        }
        return new Export(effective, stored.size(), head + effective.toYaml());
    }

    /**
     * Checks and stores a version.
     *
     * @throws RefusedException when the version or the reason is refused (nothing is stored)
     */
    public static void save(Connection c, TagDefinitions profile, SavedTagVersion v, String by, String reason,
                            Instant at) throws SQLException {
        List<String> problems = new ArrayList<>(v.problems(overlay(c, profile)));
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            problems.add("reason: a new version needs a reason (at most " + MAX_REASON + " characters)");
        }
        if (!problems.isEmpty()) {
            throw new RefusedException(problems);
        }
        boolean defines = profile.tag(v.tagId()).isEmpty() && v.number() == 1;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tag_rule_version (tag_id, version, valid_from, "
                + "when_rule, value_rule, subject_kind, category, subcategory, name_zh, name_en, saved_by, saved_at, reason) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, v.tagId());
            ps.setInt(2, v.number());
            ps.setString(3, v.validFrom().toString());
            ps.setString(4, v.when().strip());
            ps.setString(5, v.value() == null || v.value().isBlank() ? null : v.value().strip());
            ps.setString(6, defines ? v.subject().name() : null);
            ps.setString(7, defines ? v.category().strip() : null);
            ps.setString(8, defines ? v.subcategory().strip() : null);
            ps.setString(9, defines ? v.nameZh().strip() : null);
            ps.setString(10, defines && v.nameEn() != null ? v.nameEn().strip() : null);
            ps.setString(11, by);
            ps.setTimestamp(12, Timestamp.from(at));
            ps.setString(13, reason.strip());
            ps.executeUpdate();
        }
    }
}
