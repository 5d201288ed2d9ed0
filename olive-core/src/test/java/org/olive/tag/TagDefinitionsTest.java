package org.olive.tag;

import org.junit.jupiter.api.Test;
import org.olive.fact.PersonFact;
import org.olive.fact.PersonVariables;
import org.olive.fact.TagVariables;
import org.olive.period.Period;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagDefinitionsTest {

    static final Period P = Period.of(2024, 6);

    static final String FILE = """
            version: t-1
            tags:
              - {id: elderly, subject: PERSON, category: 人口特征, subcategory: 年龄, name_zh: 老年人,
                 versions: [{version: "1", valid_from: 2023-01, when: "age >= 60"},
                            {version: "2", valid_from: 2024-07, when: "age >= 65"}]}
              - {id: age_band, subject: PERSON, category: 人口特征, subcategory: 年龄, name_zh: 年龄段,
                 versions: [{version: "1", valid_from: 2023-01, when: "age >= 0", value: "age < 60 ? 'young' : 'old'"}]}
              - {id: key_groups, subject: PERSON, category: 重点群体, subcategory: 7+4, name_zh: 重点群体,
                 versions: [{version: "1", valid_from: 2023-01, when: "size(groups) > 0", value: groups}]}
              - {id: single_elderly, subject: FAMILY, category: 家庭结构, subcategory: 老年, name_zh: 独居老人,
                 versions: [{version: "1", valid_from: 2023-01, when: "members == 1 && elderly == 1"}]}
              - {id: three_generations, subject: FAMILY, category: 家庭结构, subcategory: 代际, name_zh: 三代同堂,
                 versions: [{version: "1", valid_from: 2023-01, when: "generations >= 3"}]}
              - {id: left_behind, subject: FAMILY, category: 家庭结构, subcategory: 儿童, name_zh: 留守儿童,
                 versions: [{version: "1", valid_from: 2023-01, when: "left_behind_children > 0",
                             value: "string(left_behind_children)"}]}
              - {id: second_child, subject: FAMILY, category: 家庭结构, subcategory: 子女, name_zh: 二孩,
                 versions: [{version: "1", valid_from: 2023-01, when: "child_members == 2"}]}
            """;

    static TagDefinitions read(String text) {
        return TagDefinitions.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "tags.yaml");
    }

    static PersonFact person(long key, int age, boolean resident) {
        return new PersonFact(key, "F1", age % 2 == 0 ? "M" : "F", age, true, resident, false, "330922100",
                "330922100201", false, "", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), 0);
    }

    static PersonVariables.Values personValues(PersonFact f, List<String> groups) {
        return TagVariables.person(PersonVariables.of(f, PersonVariables.Work.NONE, PersonVariables.Family.NONE, P),
                groups, "head", null);
    }

    static PersonVariables.Values family(TagVariables.Member... members) {
        return TagVariables.family(List.of(members), PersonVariables.Family.NONE, P);
    }

    @Test
    void personTagsAreDatedAndValued() {
        TagDefinitions d = read(FILE);
        PersonVariables.Values v = personValues(person(1, 62, true), List.of("hardship", "fisher_farmer"));
        assertThat(d.at(P).person(v)).extracting(TagClassifier.Hit::tagId, TagClassifier.Hit::version, TagClassifier.Hit::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("elderly", "elderly@1", null),
                        org.assertj.core.groups.Tuple.tuple("age_band", "age_band@1", "old"),
                        org.assertj.core.groups.Tuple.tuple("key_groups", "key_groups@1", "hardship,fisher_farmer"));
        // version 2 (from 2024-07) starts at 65
        assertThat(d.at(Period.of(2024, 7)).person(v)).extracting(TagClassifier.Hit::tagId).doesNotContain("elderly");
        assertThat(d.at(P).person(v).get(0).evidence()).isEqualTo("age=62");
    }

    @Test
    void familyStructureFromRolesAgesAndResidence() {
        TagClassifier c = read(FILE).at(P);
        assertThat(c.family(family(new TagVariables.Member(person(1, 78, true), "head", List.of()))))
                .extracting(TagClassifier.Hit::tagId).containsExactly("single_elderly");
        // grandparents at home with two grandchildren whose parents work away: three generations, two left behind
        PersonVariables.Values away = family(
                new TagVariables.Member(person(1, 66, true), "parent", List.of()),
                new TagVariables.Member(person(2, 40, false), "head", List.of()),
                new TagVariables.Member(person(3, 38, false), "spouse", List.of()),
                new TagVariables.Member(person(4, 9, true), "child", List.of()),
                new TagVariables.Member(person(5, 6, true), "child", List.of()));
        assertThat(c.family(away)).extracting(TagClassifier.Hit::tagId, TagClassifier.Hit::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("three_generations", null),
                org.assertj.core.groups.Tuple.tuple("left_behind", "2"),
                org.assertj.core.groups.Tuple.tuple("second_child", null));
        // one parent at home: not left behind
        PersonVariables.Values home = family(
                new TagVariables.Member(person(2, 40, false), "head", List.of()),
                new TagVariables.Member(person(3, 38, true), "spouse", List.of()),
                new TagVariables.Member(person(4, 9, true), "child", List.of()));
        assertThat(c.family(home)).extracting(TagClassifier.Hit::tagId).doesNotContain("left_behind", "three_generations");
    }

    @Test
    void badDefinitionsAreRefusedWithKeyAndPosition() {
        String bad = FILE.replace("when: \"age >= 60\"}", "when: \"agee >= 60\"}")
                .replace("subject: FAMILY, category: 家庭结构, subcategory: 代际", "subject: HOUSE, category: 家庭结构, subcategory: 代际")
                .replace("value: \"age < 60 ? 'young' : 'old'\"", "value: \"age < 60 ? 'young'\"")
                .replace("when: \"members == 1 && elderly == 1\"", "when: \"members == 1 && age > 60\"");
        assertThatThrownBy(() -> read(bad)).isInstanceOfSatisfying(org.olive.rule.RuleFile.ProblemsException.class, e -> {
            assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                    .startsWith("tags[0] (elderly).versions[0].when: line 1, column 1: undeclared reference to 'agee'"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("tags[1] (age_band).versions[0].value: line 1"));
            // a family rule cannot name a person fact
            assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                    .startsWith("tags[3] (single_elderly).versions[0].when: line 1, column 17: undeclared reference to 'age'"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                    .isEqualTo("tags[4] (three_generations).subject: 'HOUSE' must be PERSON or FAMILY"));
        });
    }

    @Test
    void aValueFailingForOneSubjectGivesNoTagAndIsCounted() {
        TagClassifier c = read(FILE.replace("value: \"string(left_behind_children)\"",
                "value: \"string(10 / (left_behind_children - 1))\"")).at(P);
        PersonVariables.Values one = family(
                new TagVariables.Member(person(2, 40, false), "head", List.of()),
                new TagVariables.Member(person(4, 9, true), "child", List.of()));
        assertThat(c.family(one)).extracting(TagClassifier.Hit::tagId).doesNotContain("left_behind");
        assertThat(c.failures()).containsEntry("left_behind@1.value", 1L);
    }

    @Test
    void writtenAsYamlTheDefinitionsReadBackEqualWithEveryVersionAndTheSavedOnes() {
        TagDefinitions d = read(FILE).withVersions(List.of(
                SavedTagVersion.of("elderly", 3, Period.of(2025, 1), "age >= 65 &&\n  education != '大学'", null),
                new SavedTagVersion("working_age", 1, Period.of(2024, 1), "age >= 16 && age < 60", "string(age)",
                        TagDefinitions.Subject.PERSON, "人口特征", "年龄", "劳动年龄人口: \"16-59\"", null)));
        String yaml = d.toYaml();
        assertThat(yaml).startsWith("version: t-1\n").contains("劳动年龄人口").doesNotContain("\\u");
        TagDefinitions back = read(yaml);
        assertThat(back).isEqualTo(d);
        assertThat(back.tag("elderly").orElseThrow().versions()).extracting(TagDefinitions.TagVersion::version)
                .containsExactly("elderly@1", "elderly@2", "elderly@3");
        assertThat(back.tags().stream().mapToInt(t -> t.versions().size()).sum()).isEqualTo(10);
    }
}
