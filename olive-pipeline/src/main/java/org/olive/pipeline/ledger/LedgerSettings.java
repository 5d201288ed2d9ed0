package org.olive.pipeline.ledger;

import org.olive.family.FamilyRules;
import org.olive.person.MatchRules;
import org.olive.population.ResidenceRules;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The configurable thresholds of a ledger run, from {@code ledger.yaml}: the residence rules, the family rules, how
 * far before the window crossings are read, and which ID columns of the other datasets feed the person registry.
 *
 * @param residence     rules turning crossings into presence and residence
 * @param lookbackDays  crossings this many days before the window are read too (the state at the window's start)
 * @param family        rules of family building
 * @param otherSources  "table.column" ID columns of the other person-grain datasets
 * @param matching      weights and thresholds of record matching (section {@code matching}, optional: keys are the
 *                      components of {@link MatchRules}, missing keys keep their defaults)
 * @param checks        the registry checks: stale addresses, name variants, persons without a trace (section
 *                      {@code checks}, optional: the shipped values)
 * @param noCrossingsAwayAges [from, to] ages (inclusive) at which a registered person with no crossing at all over a
 *                      window fully covered by crossings is presumed living away; empty turns the rule off
 */
public record LedgerSettings(ResidenceRules residence, int lookbackDays, FamilyRules family, List<String> otherSources,
                             MatchRules matching, RegistryChecks checks, List<Integer> noCrossingsAwayAges) {

    private static final Pattern SOURCE = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");

    public LedgerSettings {
        if (lookbackDays < 0) {
            throw new IllegalArgumentException("residence.lookback_days must not be negative, found " + lookbackDays);
        }
        for (String s : otherSources) {
            if (!SOURCE.matcher(s).matches()) {
                throw new IllegalArgumentException("registry.other_sources: '" + s + "' is not a table.column name");
            }
        }
        otherSources = List.copyOf(otherSources);
    }

    /** The settings shipped with Olive. */
    public static LedgerSettings builtIn() {
        InputStream in = Objects.requireNonNull(LedgerSettings.class.getResourceAsStream("ledger.yaml"), "ledger.yaml");
        return load(in, "built-in ledger.yaml");
    }

    public static LedgerSettings load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static LedgerSettings load(InputStream in, String source) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(source + ": expected sections residence, family, registry");
        }
        Map<?, ?> r = section(map, "residence", source);
        Map<?, ?> f = section(map, "family", source);
        Map<?, ?> g = section(map, "registry", source);
        ResidenceRules rules;
        try {
            rules = new ResidenceRules(integer(r, "window_days", source), integer(r, "resident_days", source),
                    Duration.ofHours(integer(r, "duplicate_within_hours", source)),
                    ResidenceRules.DayRule.valueOf(text(r, "day_rule", source)),
                    Duration.ofDays(integer(r, "fallback_away_days", source)),
                    Boolean.parseBoolean(text(r, "no_crossings_means_present", source)),
                    Duration.ofDays(integer(r, "unregistered_open_stay_days", source,
                            (int) ResidenceRules.DEFAULT_UNREGISTERED_OPEN_STAY.toDays())));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": residence: " + e.getMessage(), e);
        }
        Object list = g.get("other_sources");
        List<String> others = new ArrayList<>();
        if (list instanceof List<?> l) {
            l.forEach(o -> others.add(String.valueOf(o)));
        } else if (list != null) {
            throw new IllegalArgumentException(source + ": registry.other_sources must be a list of table.column");
        }
        FamilyRules d = FamilyRules.defaults();
        FamilyRules family;
        try {
            family = new FamilyRules(integer(f, "min_parent_age_gap", source), integer(f, "max_age", source),
                    integer(f, "max_parent_age_gap", source, d.maxParentAgeGap()),
                    integer(f, "max_spouse_age_gap", source, d.maxSpouseAgeGap()),
                    integer(f, "adult_age", source, d.adultAge()),
                    integer(f, "typical_parent_age", source, d.typicalParentAge()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": family: " + e.getMessage(), e);
        }
        MatchRules matching = MatchRules.defaults();
        if (map.get("matching") != null) {
            Map<String, String> values = new LinkedHashMap<>();
            section(map, "matching", source).forEach((k, v) -> values.put(String.valueOf(k), String.valueOf(v)));
            try {
                matching = MatchRules.fromProperties(values);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": matching: " + e.getMessage(), e);
            }
        }
        RegistryChecks checks = RegistryChecks.defaults();
        if (map.get("checks") != null) {
            checks = checks(section(map, "checks", source), source, checks);
        }
        List<Integer> awayAges = new ArrayList<>();
        if (r.get("no_crossings_away_ages") instanceof List<?> l) {
            l.forEach(o -> awayAges.add(Integer.valueOf(String.valueOf(o))));
        }
        if (!awayAges.isEmpty() && (awayAges.size() != 2 || awayAges.get(0) > awayAges.get(1))) {
            throw new IllegalArgumentException(source + ": residence.no_crossings_away_ages must be [from, to] or [], found "
                    + awayAges);
        }
        return new LedgerSettings(rules, integer(r, "lookback_days", source), family, others, matching, checks, List.copyOf(awayAges));
    }

    private static RegistryChecks checks(Map<?, ?> k, String source, RegistryChecks d) {
        List<String> sources = list(k, "no_trace_sources", d.noTraceSources(), source);
        List<String> records = list(k, "village_records", d.villageRecords(), source);
        try {
            return new RegistryChecks(integer(k, "previous_period_votes", source, d.previousPeriodVotes()),
                    integer(k, "village_record_votes", source, d.villageRecordVotes()), records,
                    integer(k, "name_history_months", source, d.nameHistoryMonths()),
                    integer(k, "no_trace_months", source, d.noTraceMonths()),
                    integer(k, "no_trace_min_age", source, d.noTraceMinAge()), sources);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static List<String> list(Map<?, ?> k, String key, List<String> fallback, String source) {
        Object list = k.get(key);
        if (list == null) {
            return fallback;
        }
        if (!(list instanceof List<?> l)) {
            throw new IllegalArgumentException(source + ": checks." + key + " must be a list of table.column");
        }
        List<String> out = new ArrayList<>();
        l.forEach(o -> out.add(String.valueOf(o)));
        return out;
    }

    private static Map<?, ?> section(Map<?, ?> map, String name, String source) {
        if (!(map.get(name) instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(source + ": missing section '" + name + "'");
        }
        return m;
    }

    private static String text(Map<?, ?> m, String key, String source) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException(source + ": missing setting '" + key + "'");
        }
        return String.valueOf(v);
    }

    private static int integer(Map<?, ?> m, String key, String source, int fallback) {
        return m.get(key) == null ? fallback : integer(m, key, source);
    }

    private static int integer(Map<?, ?> m, String key, String source) {
        String v = text(m, key, source);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": setting '" + key + "' must be a whole number, found '" + v + "'");
        }
    }
}
