package org.olive.app.tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.olive.app.ingest.Masking;
import org.olive.identity.IdNumber;
import org.olive.tag.TagDefinitions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A person's or family's tags as the latest period run stored them ({@code tag_value}: one row per subject), split into
 * one row per tag with its value, the rule version and the evidence (ID numbers masked, {@link Masking#ids}), grouped
 * by category. The controllers show them only when that period is visible to the user.
 */
@Repository
public class TagValueQueries {

    /** One tag a subject carries. */
    public record Item(String tagId, String nameZh, String nameEn, String subcategory, String value, String version,
                       String evidence) {
        /** The name in the page's language (Chinese unless English is asked for and given). */
        public String name(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn
                    : nameZh;
        }
    }

    /** The tags of one category. */
    public record Category(String name, List<Item> items) {
    }

    /** A subject's tags at the latest period run. */
    public record Tags(String period, List<Category> categories) {
        public int size() {
            return categories.stream().mapToInt(c -> c.items().size()).sum();
        }
    }

    /** A person of the preview's sample: name and masked ID number. */
    public record Person(long key, String name, String maskedId) {
    }

    private final JdbcClient jdbc;

    public TagValueQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tags of a subject (kind PERSON or FAMILY) with names from {@code definitions} (both languages); empty when none is stored. */
    public Optional<Tags> of(String kind, String key, TagDefinitions definitions) {
        return jdbc.sql("SELECT data_period, tags, versions, evidence FROM tag_value WHERE subject_kind = :k AND "
                        + "subject_key = :s").param("k", kind).param("s", key)
                .query((rs, n) -> parse(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        definitions)).optional();
    }

    /** The names and masked ID numbers of persons, by key. */
    public Map<Long, Person> persons(List<Long> keys) {
        Map<Long, Person> m = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return m;
        }
        jdbc.sql("SELECT person_key, name, id_number FROM person WHERE person_key IN (:k)").param("k", keys)
                .query(rs -> {
                    m.put(rs.getLong(1), new Person(rs.getLong(1), rs.getString(2), IdNumber.mask(rs.getString(3))));
                });
        return m;
    }

    static Tags parse(String period, String tags, String versions, String evidence, TagDefinitions d) {
        List<String> ids = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String t : tags.split(";")) {
            if (t.isEmpty()) {
                continue;
            }
            int eq = t.indexOf('=');
            ids.add(eq < 0 ? t : t.substring(0, eq));
            values.add(eq < 0 ? null : t.substring(eq + 1));
        }
        Map<String, String> version = new LinkedHashMap<>();
        for (String v : versions.split(";")) {
            int at = v.indexOf('@');
            if (at > 0) {
                version.put(v.substring(0, at), v.substring(at + 1));
            }
        }
        Map<String, StringBuilder> why = new LinkedHashMap<>();
        String current = null;
        for (String piece : (evidence == null ? "" : evidence).split(" \\| ")) {
            int colon = piece.indexOf(": ");
            String id = colon > 0 ? piece.substring(0, colon) : null;
            if (id != null && ids.contains(id)) {
                current = id;
                why.put(id, new StringBuilder(piece.substring(colon + 2)));
            } else if (current != null) {
                why.get(current).append(" | ").append(piece); // the evidence itself held the separator
            }
        }
        Map<String, List<Item>> byCategory = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Optional<TagDefinitions.Tag> t = d.tag(id);
            StringBuilder e = why.get(id);
            byCategory.computeIfAbsent(t.map(TagDefinitions.Tag::category).orElse("–"), k -> new ArrayList<>())
                    .add(new Item(id, t.map(TagDefinitions.Tag::nameZh).orElse(id), t.map(TagDefinitions.Tag::nameEn).orElse(null),
                            t.map(TagDefinitions.Tag::subcategory).orElse(""), values.get(i), version.get(id),
                            e == null ? null : Masking.ids(e.toString())));
        }
        List<Category> out = new ArrayList<>();
        byCategory.forEach((c, items) -> out.add(new Category(c, List.copyOf(items))));
        return new Tags(period, List.copyOf(out));
    }
}
