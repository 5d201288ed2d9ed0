package org.olive.pipeline.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;

import javax.sql.DataSource;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.period.Period;
import org.olive.pipeline.county.CountyProfile;
import org.olive.pipeline.ingest.Databases;
import org.olive.tag.SavedTagVersion;
import org.olive.tag.TagDefinitions;

/**
 * The export of the effective tags back into a county profile (docs/tags.md, "Back into the profile"): the built-in
 * tags.yaml with versions saved through {@link TagRuleVersions}, exported, written into a profile folder and loaded as
 * {@code olive county check} loads it, gives exactly the definitions every run uses, the saved versions included.
 */
class TagExportTest {

    @TempDir
    Path dir;

    @Test
    void theExportedFileLoadsAsTheProfileToTheEffectiveDefinitionsWithTheSavedVersions() throws Exception {
        DataSource ds = Databases.h2Memory();
        TagDefinitions builtIn = TagSettings.builtIn();
        int builtInVersions = versions(builtIn);
        try (Connection c = ds.getConnection()) {
            TagRuleVersions.save(c, builtIn, SavedTagVersion.of("elderly", 2, Period.of(2025, 4),
                    "age >= 65 &&\n  education != '10'", null), "admin", "按新口径统计\n第二行", Instant.parse("2026-01-05T08:00:00Z"));
            TagRuleVersions.save(c, builtIn, new SavedTagVersion("working_age", 1, Period.of(2025, 3),
                    "age >= 16 && age < 60", "string(age)", TagDefinitions.Subject.PERSON, "人口特征", "年龄",
                    "劳动年龄人口", "Working age"), "admin", "新增", Instant.parse("2026-01-06T08:00:00Z"));
            TagDefinitions effective = TagRuleVersions.overlay(c, builtIn);

            TagRuleVersions.Export export = TagRuleVersions.export(c, builtIn);
            assertThat(export.saved()).isEqualTo(2);
            assertThat(export.versions()).isEqualTo(builtInVersions + 2);
            assertThat(export.yaml()).contains("#   elderly@2 valid_from 2025-04, saved by admin at 2026-01-05T08:00:00Z: "
                    + "按新口径统计 第二行\n", "#   working_age@1 valid_from 2025-03");

            // into a profile folder, loaded as olive county check and every command load it
            CountyProfile.writeBuiltIn(dir);
            Files.writeString(dir.resolve("tags.yaml"), export.yaml(), StandardCharsets.UTF_8);
            assertThat(CountyProfile.check(dir)).isEmpty();
            TagDefinitions loaded = CountyProfile.load(dir).tags();
            // a dropped version fails here: the file holds the profile's versions and both saved ones
            assertThat(versions(loaded)).isEqualTo(builtInVersions + 2);
            assertThat(loaded).isEqualTo(effective);
            assertThat(loaded.tag("elderly").orElseThrow().versions())
                    .extracting(TagDefinitions.TagVersion::version, v -> v.validFrom().toString(), TagDefinitions.TagVersion::when)
                    .containsExactly(Tuple.tuple("elderly@1", "2023-01", "age >= 60"),
                            Tuple.tuple("elderly@2", "2025-04", "age >= 65 &&\n  education != '10'"));
            assertThat(loaded.tag("working_age").orElseThrow()).satisfies(t -> {
                assertThat(t.nameZh()).isEqualTo("劳动年龄人口");
                assertThat(t.versions()).singleElement().satisfies(v -> assertThat(v.value()).isEqualTo("string(age)"));
            });

            // the exported profile with the rows still stored gives the same runs (a saved version replaces its copy)
            assertThat(TagRuleVersions.overlay(c, loaded)).isEqualTo(effective);
            assertThat(SavedTagVersion.nextNumber(loaded, "elderly")).isEqualTo(3);
        }
    }

    @Test
    void withNothingSavedTheExportIsTheProfile() throws Exception {
        try (Connection c = Databases.h2Memory().getConnection()) {
            TagRuleVersions.Export export = TagRuleVersions.export(c, TagSettings.builtIn());
            assertThat(export.saved()).isZero();
            Path file = dir.resolve("tags.yaml");
            Files.writeString(file, export.yaml(), StandardCharsets.UTF_8);
            assertThat(TagSettings.load(file)).isEqualTo(TagSettings.builtIn());
            assertThat(TagSettings.builtIn().tags()).hasSize(41);
        }
    }

    private static int versions(TagDefinitions d) {
        return d.tags().stream().mapToInt(t -> t.versions().size()).sum();
    }
}
