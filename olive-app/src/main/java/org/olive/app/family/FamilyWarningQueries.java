package org.olive.app.family;

import org.olive.app.ingest.Masking;
import org.olive.pipeline.county.CountyProfile;
import org.olive.warning.WarningDefinitions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A family's warning (预警, step warnings; docs/warnings.md) for the family page: its colour at the shown period, each
 * rule that fired with its name, figures and records, and its colour history (warning_event) over the periods the
 * user may see. ID numbers inside evidence and reasons are masked.
 */
@Repository
public class FamilyWarningQueries {

    /** A rule that fired: its version ({@code id@n}), names and evidence. */
    public record Fired(String version, String colour, String nameZh, String nameEn, String evidence) {
        public String name(Locale locale) {
            return locale != null && locale.getLanguage().equals("en") && !nameEn.isEmpty() ? nameEn : nameZh;
        }
    }

    /** A colour change. */
    public record Change(String period, String changedOn, String from, String to, String reason) {
    }

    /**
     * The family's warning at the shown period: {@code colour} RED, YELLOW, GREEN (an income figure, no warning) or
     * null (no income figure, or no run of step warnings for the period).
     */
    public record Warning(String period, String colour, List<Fired> fired, List<Change> history,
                          Vulnerability vulnerability) {
    }

    /** One input of the vulnerability model: its name, the family's value and how much it moved the expectation. */
    public record Driver(String feature, String value, String contribution) {
    }

    /**
     * The family's vulnerability at the period (step vulnerability; docs/vulnerability.md): the probability that its
     * per-capita DI is below the 低边 line at {@code target}, its per-capita DI now, the expected one then and the
     * line then, σ of the log ratio, the inputs that drove it and how the model was fitted.
     */
    public record Vulnerability(String target, double probability, double perCapita, double expected, double line,
                                double sigma, List<Driver> drivers, String method, Integer trainingFamilies,
                                String trainingFrom, String trainingTo) {
        public String percent() {
            return String.format(Locale.ROOT, "%.1f%%", probability * 100);
        }
    }

    private final JdbcClient jdbc;
    private final WarningDefinitions definitions;

    public FamilyWarningQueries(JdbcClient jdbc, CountyProfile profile) {
        this.jdbc = jdbc;
        this.definitions = profile.warnings();
    }

    /** The family's vulnerability at the period, or null when the period has none for it. */
    Vulnerability vulnerability(String familyKey, String period) {
        return jdbc.sql("SELECT v.target_period, v.probability, v.per_capita, v.expected, v.line, v.sigma, v.drivers, "
                        + "m.method, m.training_families, m.training_from, m.training_to FROM family_vulnerability v "
                        + "LEFT JOIN vulnerability_model m ON m.data_period = v.data_period WHERE v.data_period = :p AND "
                        + "v.family_key = :k").param("p", period).param("k", familyKey)
                .query((rs, i) -> new Vulnerability(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                        rs.getDouble(5), rs.getDouble(6), drivers(rs.getString(7)), rs.getString(8),
                        (Integer) rs.getObject(9, Integer.class), rs.getString(10), rs.getString(11)))
                .optional().orElse(null);
    }

    /** The stored drivers {@code feature=value (contribution); …}. */
    static List<Driver> drivers(String text) {
        List<Driver> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split("; ")) {
            int eq = part.indexOf('=');
            int open = part.indexOf(" (");
            if (eq < 0 || open < eq) {
                continue;
            }
            out.add(new Driver(part.substring(0, eq), part.substring(eq + 1, open),
                    part.substring(open + 2, part.length() - (part.endsWith(")") ? 1 : 0))));
        }
        return out;
    }

    /** The warning at {@code period} and the colour changes of the periods {@code visible} accepts, newest first. */
    public Warning of(String familyKey, String period, Predicate<String> visible) {
        List<Object[]> row = jdbc.sql("SELECT colour, rules, evidence FROM family_warning WHERE data_period = :p AND "
                        + "family_key = :k").param("p", period).param("k", familyKey)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        String colour;
        List<Fired> fired = new ArrayList<>();
        if (!row.isEmpty()) {
            colour = (String) row.get(0)[0];
            for (String part : ((String) row.get(0)[2]).split(" \\| ")) {
                int colon = part.indexOf(": ");
                String version = colon < 0 ? part : part.substring(0, colon);
                String id = version.contains("@") ? version.substring(0, version.indexOf('@')) : version;
                var rule = definitions.rule(id);
                fired.add(new Fired(version, rule.map(r -> r.colour().name()).orElse(""),
                        rule.map(WarningDefinitions.WarningRule::nameZh).orElse(id),
                        rule.map(WarningDefinitions.WarningRule::nameEn).orElse(""),
                        Masking.ids(colon < 0 ? "" : part.substring(colon + 2))));
            }
        } else {
            boolean run = jdbc.sql("SELECT COUNT(*) FROM ledger_figure WHERE data_period = :p AND metric LIKE 'warning:%'")
                    .param("p", period).query(Long.class).single() > 0;
            boolean income = jdbc.sql("SELECT COUNT(*) FROM family_income WHERE data_period = :p AND family_key = :k")
                    .param("p", period).param("k", familyKey).query(Long.class).single() > 0;
            colour = run && income ? "GREEN" : null;
        }
        List<Change> history = jdbc.sql("SELECT data_period, changed_on, from_colour, to_colour, reason FROM warning_event "
                        + "WHERE family_key = :k ORDER BY data_period DESC").param("k", familyKey)
                .query((rs, i) -> new Change(rs.getString(1), String.valueOf(rs.getDate(2)), rs.getString(3),
                        rs.getString(4), Masking.ids(rs.getString(5)))).list()
                .stream().filter(c -> visible.test(c.period())).toList();
        return new Warning(period, colour, List.copyOf(fired), history, vulnerability(familyKey, period));
    }
}
