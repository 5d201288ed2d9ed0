package org.olive.app.tag;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import org.olive.app.web.OwnerApi;
import org.olive.period.Period;
import org.olive.pipeline.county.CountyProfile;
import org.olive.pipeline.fact.PersonFactsReader;
import org.olive.pipeline.tag.TagPreview;
import org.olive.pipeline.tag.TagRuleVersions;
import org.olive.pipeline.tag.TagSubjects;
import org.olive.tag.SavedTagVersion;
import org.olive.tag.TagDefinitions;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tag editor's actions: the preview of a candidate rule over the latest period run ({@link TagPreview} over the
 * facts {@link TagSubjects#read} builds from the stored tables, as step tags would) and saving a version through its
 * owner, {@link TagRuleVersions} (the only writer of {@code tag_rule_version}), in a transaction. Permissions and
 * auditing are the controller's.
 */
@Service
public class TagRuleEditor {

    private final DataSource dataSource;
    private final CountyProfile profile;

    public TagRuleEditor(DataSource dataSource, CountyProfile profile) {
        this.dataSource = dataSource;
        this.profile = profile;
    }

    /**
     * Evaluates a candidate over every person or family of {@code period}: counts for the county and the township
     * (null: county) and a sample of the township's matches. Reads the whole period's facts: seconds on a county.
     */
    public TagPreview.Result preview(String period, TagDefinitions.Subject kind, String when, String value,
                                     String township, int sample) {
        try (Connection c = dataSource.getConnection()) {
            TagSubjects subjects = TagSubjects.read(c, Period.parse(period),
                    PersonFactsReader.of(profile.occupation(), profile.divisions()));
            return TagPreview.preview(subjects, kind, when, value, township, sample);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("tag preview: " + e.getMessage(), e);
        }
    }

    /**
     * Checks and stores a version; throws {@link TagRuleVersions.RefusedException} with the problems when refused.
     */
    @Transactional
    public void save(SavedTagVersion v, String by, String reason) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        OwnerApi.write(dataSource, c -> {
            TagRuleVersions.save(c, profile.tags(), v, by, reason, at);
            return null;
        });
    }
}
