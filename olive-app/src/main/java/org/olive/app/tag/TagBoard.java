package org.olive.app.tag;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.olive.period.Period;
import org.olive.pipeline.county.CountyProfile;
import org.olive.pipeline.tag.TagRuleVersions;
import org.olive.tag.TagDefinitions;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The tag system as the 标签 pages read it: the county profile's tags.yaml with the versions saved from the web laid
 * over them (what the next run uses; {@link TagRuleVersions#overlay}), the stored versions with who saved them, when
 * and why, and the counts of the latest period with a run of step tags ({@code tag_count}). Aggregates only.
 */
@Service
public class TagBoard {

    /** A sub-category of a category with its tags, in the definitions' order. */
    public record Branch(String category, String subcategory, List<TagDefinitions.Tag> tags) {
    }

    /** How many subjects carry a value of a tag at a period. */
    public record ValueCount(String value, long subjects) {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TagDefinitions profile;

    public TagBoard(DataSource dataSource, JdbcClient jdbc, CountyProfile profile) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.profile = profile.tags();
    }

    /** The profile's tags, without the saved versions. */
    public TagDefinitions profile() {
        return profile;
    }

    /** The profile's tags with the saved versions: what the next run uses. */
    public TagDefinitions definitions() {
        try (Connection c = dataSource.getConnection()) {
            return TagRuleVersions.overlay(c, profile);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("tag versions: " + e.getMessage(), e);
        }
    }

    /** The effective tags (profile and saved versions) as a county profile's tags.yaml ({@link TagRuleVersions#export}). */
    public TagRuleVersions.Export export() {
        try (Connection c = dataSource.getConnection()) {
            return TagRuleVersions.export(c, profile);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("tag versions: " + e.getMessage(), e);
        }
    }

    /** The versions saved from the web, oldest first. */
    public List<TagRuleVersions.Stored> stored() {
        try (Connection c = dataSource.getConnection()) {
            return TagRuleVersions.all(c);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("tag versions: " + e.getMessage(), e);
        }
    }

    /** The versions of one tag saved from the web, by their version id ({@code tag@n}). */
    public Map<String, TagRuleVersions.Stored> stored(String tagId) {
        Map<String, TagRuleVersions.Stored> m = new LinkedHashMap<>();
        stored().stream().filter(s -> s.version().tagId().equals(tagId)).forEach(s -> m.put(s.version().versionId(), s));
        return m;
    }

    /** The tree category → sub-category → tags, in the order of the definitions. */
    public static List<Branch> tree(TagDefinitions d) {
        Map<String, Branch> m = new LinkedHashMap<>();
        for (TagDefinitions.Tag t : d.tags()) {
            m.computeIfAbsent(t.category() + "\u0001" + t.subcategory(),
                    k -> new Branch(t.category(), t.subcategory(), new ArrayList<>())).tags().add(t);
        }
        return List.copyOf(m.values());
    }

    /** The latest period with a run of step tags, or null. */
    public String latestPeriod() {
        return jdbc.sql("SELECT MAX(data_period) FROM tag_count").query(String.class).optional().orElse(null);
    }

    /** Subjects per tag at a period (the county). */
    public Map<String, Long> counts(String period) {
        Map<String, Long> m = new HashMap<>();
        if (period != null) {
            jdbc.sql("SELECT tag_id, SUM(subjects) FROM tag_count WHERE data_period = :p GROUP BY tag_id")
                    .param("p", period).query(rs -> {
                        m.put(rs.getString(1), rs.getLong(2));
                    });
        }
        return m;
    }

    /** A valued tag's most frequent values at a period (the county), at most {@code max}. */
    public List<ValueCount> values(String period, String tagId, int max) {
        if (period == null) {
            return List.of();
        }
        return jdbc.sql("SELECT tag_value, SUM(subjects) AS n FROM tag_count WHERE data_period = :p AND tag_id = :t "
                        + "AND tag_value <> '' GROUP BY tag_value ORDER BY n DESC, tag_value LIMIT :m")
                .param("p", period).param("t", tagId).param("m", max)
                .query((rs, n) -> new ValueCount(rs.getString(1), rs.getLong(2))).list();
    }

    /** The version of a tag in force at a period (null period: the latest version). */
    public static Optional<TagDefinitions.TagVersion> inForce(TagDefinitions.Tag t, String period) {
        if (period == null) {
            return t.versions().isEmpty() ? Optional.empty() : Optional.of(t.versions().get(t.versions().size() - 1));
        }
        return t.versionAt(Period.parse(period));
    }

    /** A tag's name in the page's language (Chinese unless English is asked for and given). */
    public static String name(TagDefinitions.Tag t, Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && t.nameEn() != null && !t.nameEn().isBlank()
                ? t.nameEn() : t.nameZh();
    }
}
