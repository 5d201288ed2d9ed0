package org.olive.pipeline.tag;

import org.olive.fact.PersonVariables;
import org.olive.fact.TagVariables;
import org.olive.rule.Rule;
import org.olive.rule.RuleCompiler;
import org.olive.tag.TagDefinitions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The tag editor's preview (docs/tags.md): a candidate rule (and value) evaluated over the persons or families of a
 * period with the facts a run would give them ({@link TagSubjects#read}): how many match in the county and in an area,
 * and a sample of those in the area. It writes nothing; compiling fails like saving would ({@link Rule}'s
 * {@code RuleException}, naming the rule and each problem's position).
 */
public final class TagPreview {

    /** A matching subject: its key, township, value (null for a plain tag) and evidence. */
    public record Match(String kind, String key, String township, String value, String evidence) {
    }

    /**
     * What the candidate gives: subjects of the kind, matches in the county and in the area (null area: the county),
     * rule failures at run time (counted as no match) with the first message, and the first {@code sample} matches of
     * the area by key.
     */
    public record Result(String period, long subjects, long matches, long areaMatches, long failures, String firstFailure,
                         List<Match> sample) {
    }

    private TagPreview() {
    }

    /** The latest period with a run of step tags (tag_value holds the latest period run), or null. */
    public static String latestPeriod(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(data_period) FROM tag_count");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private record Outcome(TagPreview.Match match, String failure) {
    }

    /**
     * Evaluates the candidate over the subjects.
     *
     * @param township the area of the sample and of {@code areaMatches} (a township code, 9 digits), null for the county
     */
    public static Result preview(TagSubjects subjects, TagDefinitions.Subject kind, String when, String value,
                                 String township, int sample) {
        RuleCompiler compiler = new RuleCompiler(kind == TagDefinitions.Subject.FAMILY ? TagVariables.FAMILY
                : TagVariables.PERSON);
        Rule rule = compiler.compile("preview.when", when);
        Rule val = value == null || value.isBlank() ? null : compiler.compileValue("preview.value", value);
        java.util.function.Function<TagSubjects.Subject, Outcome> eval = s -> {
            if (s.values() == null) {
                return null;
            }
            Rule.Outcome o = rule.test(s.values().values());
            if (o.failure() != null) {
                return new Outcome(null, o.failure());
            }
            if (!o.holds()) {
                return null;
            }
            String v = val == null ? null : val.value(s.values().values());
            if (val != null && v == null) {
                return new Outcome(null, "the value failed");
            }
            return new Outcome(new Match(s.kind(), s.key(), s.township(), v,
                    PersonVariables.evidence(s.values(), rule.facts(), 900)), null);
        };
        List<Outcome> all = (kind == TagDefinitions.Subject.FAMILY ? subjects.families(eval) : subjects.persons(eval));
        long n = all.size();
        List<Outcome> outcomes = all.stream().filter(Objects::nonNull).toList();
        long failures = outcomes.stream().filter(o -> o.failure() != null).count();
        String first = outcomes.stream().map(Outcome::failure).filter(Objects::nonNull).findFirst().orElse(null);
        List<Match> matches = outcomes.stream().map(Outcome::match).filter(Objects::nonNull).toList();
        List<Match> area = new ArrayList<>(matches.stream()
                .filter(m -> township == null || (m.township() != null && m.township().startsWith(township))).toList());
        area.sort(Comparator.comparing((Match m) -> m.key().length()).thenComparing(Match::key));
        return new Result(subjects.period().toString(), n, matches.size(), area.size(), failures, first,
                List.copyOf(area.subList(0, Math.min(sample, area.size()))));
    }
}
