package org.olive.tag;

import org.junit.jupiter.api.Test;
import org.olive.fact.PersonFact;
import org.olive.period.Period;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Web-saved tag versions laid over the profile's ({@link TagDefinitions#withVersions}) and checked before saving. */
class SavedTagVersionTest {

    static final TagDefinitions PROFILE = TagDefinitionsTest.read(TagDefinitionsTest.FILE);

    static List<String> tagsOf(TagDefinitions d, Period p, int age) {
        PersonFact f = TagDefinitionsTest.person(1, age, true);
        return d.at(p).person(TagDefinitionsTest.personValues(f, List.of())).stream()
                .map(h -> h.tagId() + "=" + h.version()).toList();
    }

    @Test
    void aSavedVersionIsInForceFromItsMonthAndRecordsItsId() {
        // the profile: elderly@1 (60+) from 2023-01, elderly@2 (65+) from 2024-07; saved elderly@3 (70+) from 2025-01
        TagDefinitions d = PROFILE.withVersions(List.of(SavedTagVersion.of("elderly", 3, Period.of(2025, 1), "age >= 70", null)));
        assertThat(tagsOf(d, Period.of(2024, 12), 66)).contains("elderly=elderly@2");
        assertThat(tagsOf(d, Period.of(2025, 1), 66)).noneMatch(t -> t.startsWith("elderly="));
        assertThat(tagsOf(d, Period.of(2025, 1), 71)).contains("elderly=elderly@3");
        // the profile itself is unchanged, and the other tags are the profile's
        assertThat(tagsOf(PROFILE, Period.of(2025, 1), 66)).contains("elderly=elderly@2");
        assertThat(d.tags()).hasSize(PROFILE.tags().size());
        assertThat(d.tag("age_band")).isEqualTo(PROFILE.tag("age_band"));
    }

    @Test
    void atTheSameMonthTheSavedVersionWinsAndTheLaterSavedOneOverThat() {
        TagDefinitions d = PROFILE.withVersions(List.of(
                SavedTagVersion.of("elderly", 3, Period.of(2024, 7), "age >= 80", null)));
        assertThat(tagsOf(d, Period.of(2024, 8), 66)).noneMatch(t -> t.startsWith("elderly="));
        assertThat(tagsOf(d, Period.of(2024, 8), 81)).contains("elderly=elderly@3");
        TagDefinitions e = d.withVersions(List.of(SavedTagVersion.of("elderly", 4, Period.of(2024, 7), "age >= 50", null)));
        assertThat(tagsOf(e, Period.of(2024, 8), 55)).contains("elderly=elderly@4");
    }

    @Test
    void aProfileVersionWithTheSavedNumberIsReplacedAndANewTagIsAdded() {
        SavedTagVersion same = SavedTagVersion.of("elderly", 2, Period.of(2024, 7), "age >= 75", null);
        TagDefinitions d = PROFILE.withVersions(List.of(same));
        assertThat(d.tag("elderly").orElseThrow().versions()).extracting(TagDefinitions.TagVersion::when)
                .containsExactly("age >= 60", "age >= 75");
        SavedTagVersion fresh = new SavedTagVersion("working_age", 1, Period.of(2024, 1), "age >= 16 && age < 60",
                null, TagDefinitions.Subject.PERSON, "人口特征", "年龄", "劳动年龄", "Working age");
        TagDefinitions n = PROFILE.withVersions(List.of(fresh, SavedTagVersion.of("nothing", 1, Period.of(2024, 1), "true", null)));
        assertThat(n.tags()).hasSize(PROFILE.tags().size() + 1);
        assertThat(n.tag("working_age").orElseThrow().nameZh()).isEqualTo("劳动年龄");
        assertThat(n.tag("nothing")).isEmpty();
        assertThat(tagsOf(n, Period.of(2024, 6), 30)).contains("working_age=working_age@1");
    }

    @Test
    void aVersionIsCheckedBeforeItIsSaved() {
        assertThat(SavedTagVersion.nextNumber(PROFILE, "elderly")).isEqualTo(3);
        assertThat(SavedTagVersion.nextNumber(PROFILE, "brand_new")).isEqualTo(1);
        assertThat(SavedTagVersion.of("elderly", 3, Period.of(2025, 1), "age >= 70", null).problems(PROFILE)).isEmpty();
        // an unknown fact: named with its rule, line and column
        assertThat(SavedTagVersion.of("elderly", 3, Period.of(2025, 1), "age >= 70 &&\n  agee < 90", null).problems(PROFILE))
                .singleElement().asString().contains("tags: elderly@3.when: line 2, column 3: ", "agee");
        assertThat(SavedTagVersion.of("elderly", 3, Period.of(2025, 1), "age >= 70", "age +").problems(PROFILE))
                .singleElement().asString().startsWith("tags: elderly@3.value: line 1");
        // before the latest version's month, or not the next number
        assertThat(SavedTagVersion.of("elderly", 3, Period.of(2024, 6), "age >= 70", null).problems(PROFILE))
                .singleElement().asString().contains("valid_from: 2024-06 lies before the latest version's 2024-07");
        assertThat(SavedTagVersion.of("elderly", 2, Period.of(2025, 1), "age >= 70", null).problems(PROFILE))
                .singleElement().asString().contains("the next version of elderly is 3");
        // a family rule is checked over the family facts
        assertThat(SavedTagVersion.of("single_elderly", 2, Period.of(2025, 1), "age > 1", null).problems(PROFILE))
                .singleElement().asString().contains("undeclared reference to 'age'");
        // a new tag needs its definition
        assertThat(SavedTagVersion.of("brand_new", 1, Period.of(2025, 1), "age > 1", null).problems(PROFILE))
                .anyMatch(p -> p.contains("needs PERSON or FAMILY")).anyMatch(p -> p.contains("needs category"));
    }
}
