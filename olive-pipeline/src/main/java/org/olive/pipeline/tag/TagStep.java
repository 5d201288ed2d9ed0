package org.olive.pipeline.tag;

import org.olive.fact.PersonVariables;
import org.olive.occupation.Occupation;
import org.olive.period.Period;
import org.olive.pipeline.fact.FactOutputs;
import org.olive.pipeline.fact.PersonFacts;
import org.olive.pipeline.group.GroupMembers;
import org.olive.pipeline.group.GroupOutputs;
import org.olive.pipeline.occupation.OccupationOutputs;
import org.olive.pipeline.run.MonthlyStep;
import org.olive.pipeline.run.StepContext;
import org.olive.tag.TagClassifier;
import org.olive.tag.TagDefinitions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Step {@code tags} (标签体系, issue 13; docs/tags.md): every person and family of the period gets the tags of the
 * profile's tags.yaml (with the versions saved from the web laid over them, {@link TagRuleVersions}) whose rule
 * holds, with the value, the definition's version and the evidence; the facts are {@link TagSubjects}'. The values of the
 * latest period run are kept in {@code tag_value} (a run of an earlier period leaves them); the counts per period,
 * tag, value and township in {@code tag_count}.
 */
public final class TagStep implements MonthlyStep {

    private final TagDefinitions definitions;

    public TagStep(TagDefinitions definitions) {
        this.definitions = definitions;
    }

    @Override
    public String name() {
        return "tags";
    }

    @Override
    public List<String> needs() {
        return List.of("facts", "occupations", "income", "groups");
    }

    private record Tagged(String kind, String key, String township, List<TagClassifier.Hit> hits) {
    }

    @Override
    public void run(StepContext ctx) throws SQLException {
        long t0 = System.nanoTime();
        Connection c = ctx.connection();
        Period period = ctx.period();
        String p = period.toString();
        // the profile's tags with the versions saved from the web laid over them (docs/tags.md)
        TagClassifier rules = TagRuleVersions.overlay(c, definitions).at(period);
        PersonFacts facts = ctx.need(FactOutputs.PERSON_FACTS);
        Map<Long, Occupation> occupations = ctx.need(OccupationOutputs.OCCUPATIONS);
        Map<Long, List<String>> groups = new HashMap<>();
        for (GroupMembers.Member m : ctx.need(GroupOutputs.MEMBERS).members()) {
            groups.computeIfAbsent(m.personKey(), k -> new ArrayList<>(2)).add(m.groupId());
        }
        // by group id, as TagSubjects.read lists them from group_member: the tags, their evidence and the policies'
        // evidence are then the same whether a step reads its subjects from this run or from the stored tables
        groups.values().forEach(l -> l.sort(null));
        Map<String, PersonVariables.Family> families = ctx.need(GroupOutputs.FAMILIES); // as step groups read them
        TagSubjects subjects = TagSubjects.of(c, period, facts, occupations, groups, families);
        long t1 = System.nanoTime();
        List<Tagged> tagged = new ArrayList<>(subjects.persons(s -> new Tagged(s.kind(), s.key(), s.township(),
                rules.person(s.values()))));
        tagged.addAll(subjects.families(s -> new Tagged(s.kind(), s.key(), s.township(),
                s.values() == null ? List.of() : rules.family(s.values()))));

        Map<String, List<String>> tagsOf = new HashMap<>();
        for (Tagged t : tagged) {
            if (!t.hits().isEmpty()) {
                tagsOf.put(TagOutputs.key(t.kind(), t.key()), t.hits().stream().map(TagClassifier.Hit::tagId).toList());
            }
        }
        ctx.publish(TagOutputs.SUBJECTS, subjects);
        ctx.publish(TagOutputs.TAGS, java.util.Collections.unmodifiableMap(tagsOf));
        long t2 = System.nanoTime();
        String latest = null;
        // the table holds one period (the latest run): any row's period is it, no scan of the whole table
        try (PreparedStatement ps = c.prepareStatement("SELECT data_period FROM tag_value FETCH FIRST 1 ROWS ONLY");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                latest = rs.getString(1);
            }
        }
        boolean keepValues = latest == null || p.compareTo(latest) >= 0;
        long values = 0;
        if (keepValues) {
            // the subjects stored now (keys only: the primary key's index): a subject still tagged is updated in
            // place, a new one inserted, one no longer tagged deleted — on H2 deleting every row and inserting them
            // again cost twice the updates (docs/benchmarks.md)
            java.util.Set<String> stored = new java.util.HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT subject_kind, subject_key FROM tag_value")) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.add(rs.getString(1) + "|" + rs.getString(2));
                    }
                }
            }
            java.util.Set<String> kept = new java.util.HashSet<>();
            try (PreparedStatement update = c.prepareStatement("UPDATE tag_value SET data_period = ?, tags = ?, versions = ?, "
                    + "evidence = ? WHERE subject_kind = ? AND subject_key = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO tag_value (data_period, tags, versions, "
                         + "evidence, subject_kind, subject_key) VALUES (?, ?, ?, ?, ?, ?)")) {
                int updates = 0;
                int inserts = 0;
                for (Tagged t : tagged) {
                    if (t.hits().isEmpty()) {
                        continue;
                    }
                    StringBuilder tags = new StringBuilder(";");
                    StringBuilder versions = new StringBuilder(";");
                    StringBuilder evidence = new StringBuilder();
                    for (TagClassifier.Hit h : t.hits()) {
                        tags.append(h.tagId());
                        if (h.value() != null) {
                            tags.append('=').append(clip(h.value().replace(';', ','), 200));
                        }
                        tags.append(';');
                        versions.append(h.version()).append(';');
                        if (h.evidence() != null && !h.evidence().isEmpty()) {
                            evidence.append(evidence.length() == 0 ? "" : " | ").append(h.tagId()).append(": ")
                                    .append(h.evidence());
                        }
                        values++;
                    }
                    String key = t.kind() + "|" + t.key();
                    boolean exists = stored.contains(key);
                    kept.add(key);
                    PreparedStatement ps = exists ? update : insert;
                    ps.setString(1, p);
                    ps.setString(2, clip(tags.toString(), 2000));
                    ps.setString(3, clip(versions.toString(), 1000));
                    ps.setString(4, clip(evidence.toString(), 4000));
                    ps.setString(5, t.kind());
                    ps.setString(6, t.key());
                    ps.addBatch();
                    if (exists && ++updates % 5_000 == 0) {
                        update.executeBatch();
                    } else if (!exists && ++inserts % 5_000 == 0) {
                        insert.executeBatch();
                    }
                }
                update.executeBatch();
                insert.executeBatch();
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM tag_value WHERE subject_kind = ? AND "
                    + "subject_key = ?")) {
                int n = 0;
                for (String key : stored) {
                    if (!kept.contains(key)) {
                        int bar = key.indexOf('|');
                        delete.setString(1, key.substring(0, bar));
                        delete.setString(2, key.substring(bar + 1));
                        delete.addBatch();
                        if (++n % 5_000 == 0) {
                            delete.executeBatch();
                        }
                    }
                }
                delete.executeBatch();
                ctx.report().counts().put("tags_subjects_removed", (long) n);
            }
        } else {
            ctx.report().skipped().put("tag values", "kept those of " + latest + ", the latest period run; "
                    + "counts of " + p + " written");
        }
        long t3 = System.nanoTime();
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, String> versions = new HashMap<>();
        for (Tagged t : tagged) {
            for (TagClassifier.Hit h : t.hits()) {
                String k = t.kind() + "\u0001" + h.tagId() + "\u0001" + (h.value() == null ? "" : clip(h.value(), 200))
                        + "\u0001" + (t.township() == null ? "" : t.township());
                counts.computeIfAbsent(k, x -> new long[1])[0]++;
                versions.put(k, h.version());
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM tag_count WHERE data_period = ?")) {
            ps.setString(1, p);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tag_count (data_period, subject_kind, tag_id, tag_value, "
                + "township_code, subjects, rule_version) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, long[]> e : counts.entrySet()) {
                String[] k = e.getKey().split("\u0001", -1);
                ps.setString(1, p);
                ps.setString(2, k[0]);
                ps.setString(3, k[1]);
                ps.setString(4, k[2]);
                ps.setString(5, k[3]);
                ps.setLong(6, e.getValue()[0]);
                ps.setString(7, versions.get(e.getKey()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Map<String, Long> ms = ctx.report().millis();
        ms.put("tags_read", (t1 - t0) / 1_000_000);
        ms.put("tags_classify", (t2 - t1) / 1_000_000);
        ms.put("tags_write_values", (t3 - t2) / 1_000_000);
        ms.put("tags_write_counts", (System.nanoTime() - t3) / 1_000_000);
        Map<String, Long> report = ctx.report().counts();
        report.put("tags_person_rules", (long) rules.personTags());
        report.put("tags_family_rules", (long) rules.familyTags());
        report.put("tags_values", tagged.stream().mapToLong(t -> t.hits().size()).sum());
        report.put("tags_values_stored", values);
        rules.failures().forEach((r, n) -> report.put("tag_rule_failures " + r, n));
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

}
