package org.olive.tag;

import org.olive.fact.TagVariables;
import org.olive.period.Period;
import org.olive.rule.RuleCompiler;
import org.olive.rule.RuleFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tag version saved from the web's tag editor (table {@code tag_rule_version}, docs/tags.md): a new version of a
 * profile's tag, or the first version of a new tag, whose definition ({@code subject}, the two levels, names) it then
 * carries. {@link TagDefinitions#withVersions} lays these over the profile's versions; {@link #problems} is what the
 * one writer checks before it stores one.
 *
 * @param number    the version's number within the tag (the profile's {@code version: "1"} is 1); it only increases
 * @param value     the value expression, null for a plain tag
 * @param subject   the new tag's subject (null for a version of an existing tag: the tag's own is kept)
 */
public record SavedTagVersion(String tagId, int number, Period validFrom, String when, String value,
                              TagDefinitions.Subject subject, String category, String subcategory, String nameZh,
                              String nameEn) {

    /** A version of an existing tag (the definition is the tag's). */
    public static SavedTagVersion of(String tagId, int number, Period validFrom, String when, String value) {
        return new SavedTagVersion(tagId, number, validFrom, when, value, null, null, null, null, null);
    }

    /** The version's id as runs record it in {@code tag_value.versions}: {@code id@number}. */
    public String versionId() {
        return tagId + "@" + number;
    }

    /** Whether this version defines a tag (it carries a subject). */
    public boolean definesTag() {
        return subject != null;
    }

    /**
     * The number the next saved version of a tag takes: one more than the highest number among the tag's versions in
     * {@code current} (profile and already saved), 1 for a new tag.
     */
    public static int nextNumber(TagDefinitions current, String tagId) {
        int max = 0;
        for (TagDefinitions.TagVersion v : current.tag(tagId).map(TagDefinitions.Tag::versions).orElse(List.of())) {
            max = Math.max(max, number(v));
        }
        return max + 1;
    }

    /** A version's number (the part after {@code @}), 0 when it is not a number. */
    static int number(TagDefinitions.TagVersion v) {
        String s = v.version().substring(v.version().indexOf('@') + 1);
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * What stops this version from being saved over {@code current} (the profile with the versions saved so far): the
     * rule or value does not compile or names an unknown fact (the message names the rule and gives line and
     * column), the number is not the next one, {@code valid_from} lies before the latest version's, or a new tag's
     * definition is incomplete. Empty when it may be saved.
     */
    public List<String> problems(TagDefinitions current) {
        List<String> problems = new ArrayList<>();
        String key = "tags: " + tagId + "@" + number;
        Optional<TagDefinitions.Tag> tag = current.tag(tagId);
        TagDefinitions.Subject s = tag.map(TagDefinitions.Tag::subject).orElse(subject);
        if (tag.isEmpty()) {
            if (tagId == null || !tagId.matches("[a-z][a-z0-9_]{0,39}")) {
                problems.add(key + ".id: '" + tagId + "' must be 1–40 lower-case letters, digits or _");
            }
            if (subject == null) {
                problems.add(key + ".subject: a new tag needs PERSON or FAMILY");
            }
            if (blank(category) || blank(subcategory) || blank(nameZh)) {
                problems.add(key + ": a new tag needs category, subcategory and name_zh");
            }
        }
        if (number != nextNumber(current, tagId)) {
            problems.add(key + ".version: the next version of " + tagId + " is " + nextNumber(current, tagId));
        }
        if (validFrom == null) {
            problems.add(key + ".valid_from: missing (YYYY-MM)");
        } else {
            tag.flatMap(t -> t.versions().stream().map(TagDefinitions.TagVersion::validFrom).max(Period::compareTo))
                    .filter(latest -> validFrom.compareTo(latest) < 0)
                    .ifPresent(latest -> problems.add(key + ".valid_from: " + validFrom
                            + " lies before the latest version's " + latest));
        }
        if (s != null) {
            RuleCompiler compiler = new RuleCompiler(s == TagDefinitions.Subject.FAMILY ? TagVariables.FAMILY
                    : TagVariables.PERSON);
            RuleFile.check(compiler, key + ".when", when, false, problems);
            if (!blank(value)) {
                RuleFile.check(compiler, key + ".value", value, true, problems);
            }
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
