package org.olive.pipeline.income;

import org.olive.income.FamilyIncomeRules;
import org.olive.income.IncomeParameters;
import org.olive.income.Validity;
import org.olive.export.SmallCells;
import org.olive.period.Period;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of the income step, from the versioned {@code income.yaml} (every number of domain.md §4 and §5;
 * the file documents each one). A county file replaces the built-in one with {@link #load(Path)}.
 *
 * @param version          the settings' version string, recorded in the run report
 * @param margins          net margins: bnb_net, vessel_owner_on_catch, vessel_crew_share, aquaculture_net
 * @param iit              IIT items per role: wage_items, business_items, property_items, rental_items
 * @param wageBaseTypes    social-insurance types whose base stands for a wage (with an employer)
 * @param confidence       confidence per source kind (recorded, si_base, housing_fund_base, yearly_report,
 *                         village_dividend, bnb, vessel_owner, aquaculture, model, declared)
 * @param family           the dated lines and the named brackets, read by {@link IncomeParameters} (the one source of
 *                         them: a step asks for them at its period, {@code family.at(P)}; the indicators take theirs
 *                         from here too, see {@link IncomeIndicators#defaultSettings(org.olive.period.Period, FamilyIncomeRules)})
 * @param maxIntervalWidth a resident is monitored when their DI interval is at most this wide (yuan)
 * @param childUnderAge    residents under this age count as monitored through their family
 * @param estimation       the {@code estimation:} section, passed through to the estimation untouched
 * @param surveyMinCellPersons the indicators' small-cell rule ({@code indicators.survey_min_cell_persons}): a survey
 *                         group with fewer sample persons has its figures marked unreliable
 * @param minCellPersons   the dated small-cell rule of published counts ({@code publication.min_cell_persons}): the
 *                         smallest count of persons the occupation report and the group profiles publish, from a
 *                         date ({@link #smallCells(Period)})
 */
public record IncomeSettings(String version, Map<String, Double> margins, Map<String, List<String>> iit,
                             List<String> wageBaseTypes, Map<String, Double> confidence, FamilyIncomeRules family,
                             double maxIntervalWidth, int childUnderAge, Map<String, Object> estimation,
                             int surveyMinCellPersons, List<MinCell> minCellPersons) {

    /**
     * One dated figure of {@code publication.min_cell_persons}.
     *
     * @param from    its first day, or null (from the start)
     * @param persons the smallest count published from then on (1 publishes every count)
     * @param key     its key in the profile, e.g. {@code publication.min_cell_persons[0]}
     */
    public record MinCell(java.time.LocalDate from, int persons, String key) {
    }

    static final List<String> MARGINS = List.of("bnb_net", "vessel_owner_on_catch", "vessel_crew_share", "aquaculture_net");
    static final List<String> IIT_ROLES = List.of("wage_items", "business_items", "property_items", "rental_items");
    static final List<String> CONFIDENCES = List.of("recorded", "si_base", "housing_fund_base", "yearly_report",
            "village_dividend", "bnb", "vessel_owner", "aquaculture", "model", "declared");

    public IncomeSettings {
        for (String m : MARGINS) {
            Double v = margins.get(m);
            if (v == null || !(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("margins." + m + " must be between 0 and 1, found " + v);
            }
        }
        for (String k : CONFIDENCES) {
            Double v = confidence.get(k);
            if (v == null || !(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("confidence." + k + " must be between 0 and 1, found " + v);
            }
        }
        for (String r : IIT_ROLES) {
            if (!iit.containsKey(r)) {
                throw new IllegalArgumentException("iit." + r + " is missing (a list of IIT item codes, may be empty)");
            }
        }
        if (surveyMinCellPersons < 0) {
            throw new IllegalArgumentException("indicators.survey_min_cell_persons must not be negative, found " + surveyMinCellPersons);
        }
        if (minCellPersons == null || minCellPersons.isEmpty()) {
            throw new IllegalArgumentException("publication.min_cell_persons must list at least one figure {from, persons}");
        }
        java.util.Set<java.time.LocalDate> froms = new java.util.HashSet<>();
        for (MinCell m : minCellPersons) {
            if (m.persons() < 1 || m.persons() > 1000) {
                throw new IllegalArgumentException(m.key() + ".persons must be a whole number from 1 to 1000 (1 publishes "
                        + "every count), found " + m.persons());
            }
            if (!froms.add(m.from() == null ? java.time.LocalDate.MIN : m.from())) {
                throw new IllegalArgumentException(m.key() + ": a second figure from "
                        + (m.from() == null ? "the start" : m.from()));
            }
        }
        minCellPersons = List.copyOf(minCellPersons);
        if (!(maxIntervalWidth >= 0)) {
            throw new IllegalArgumentException("monitoring.max_interval_width must not be negative");
        }
        margins = Map.copyOf(margins);
        confidence = Map.copyOf(confidence);
        Map<String, List<String>> items = new LinkedHashMap<>();
        iit.forEach((k, v) -> items.put(k, List.copyOf(v)));
        iit = java.util.Collections.unmodifiableMap(items);
        wageBaseTypes = List.copyOf(wageBaseTypes);
        estimation = estimation == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(estimation));
    }

    public double margin(String name) {
        return margins.get(name);
    }

    public double confidence(String name) {
        return confidence.get(name);
    }

    public List<String> items(String role) {
        return iit.get(role);
    }

    /**
     * The small-cell rule of published counts at a period: the latest figure of {@code publication.min_cell_persons}
     * from on or before the period's first day; before the first figure, the first one (a count is never published
     * without a rule).
     */
    public SmallCells smallCells(Period p) {
        MinCell best = null;
        MinCell first = null;
        for (MinCell m : minCellPersons) {
            if (first == null || m.from() == null || first.from() != null && m.from().isBefore(first.from())) {
                first = m;
            }
            if ((m.from() == null || !p.firstDay().isBefore(m.from()))
                    && (best == null || best.from() == null || m.from() != null && m.from().isAfter(best.from()))) {
                best = m;
            }
        }
        return new SmallCells((best == null ? first : best).persons());
    }

    /** Where the built-in file is, as error messages name it. */
    public static final String BUILT_IN = "built-in income.yaml (olive-pipeline org/olive/pipeline/income/income.yaml)";

    /** The settings shipped with Olive (read once). */
    public static IncomeSettings builtIn() {
        return BuiltIn.SETTINGS;
    }

    private static final class BuiltIn {
        static final IncomeSettings SETTINGS = read();

        private static IncomeSettings read() {
            try (InputStream in = Objects.requireNonNull(IncomeSettings.class.getResourceAsStream("income.yaml"), "income.yaml")) {
                return load(in, BUILT_IN);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A county's own settings file (replaces the built-in file as a whole). */
    public static IncomeSettings load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static IncomeSettings load(InputStream in, String source) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(source + ": expected sections version, margins, iit, social_insurance, "
                    + "confidence, lines, brackets, monitoring, indicators");
        }
        try {
            String version = String.valueOf(required(map, "version"));
            Map<String, Double> margins = numbers(section(map, "margins"));
            Map<String, List<String>> iit = new LinkedHashMap<>();
            section(map, "iit").forEach((k, v) -> iit.put(String.valueOf(k), strings(v, "iit." + k)));
            List<String> types = strings(section(map, "social_insurance").get("wage_base_types"),
                    "social_insurance.wage_base_types");
            Map<String, Double> confidence = numbers(section(map, "confidence"));
            FamilyIncomeRules family = IncomeParameters.fromYaml(map, source);
            Map<?, ?> m = section(map, "monitoring");
            double minCell = number(section(map, "indicators").get("survey_min_cell_persons"),
                    "indicators.survey_min_cell_persons");
            if (minCell != Math.rint(minCell)) {
                throw new IllegalArgumentException("indicators.survey_min_cell_persons must be a whole number, found " + minCell);
            }
            List<MinCell> minCells = minCells(section(map, "publication").get("min_cell_persons"));
            Map<String, Object> estimation = new LinkedHashMap<>();
            if (map.get("estimation") instanceof Map<?, ?> e) {
                e.forEach((k, v) -> estimation.put(String.valueOf(k), v));
            }
            return new IncomeSettings(version, margins, iit, types, confidence, family,
                    number(m.get("max_interval_width"), "monitoring.max_interval_width"),
                    (int) number(m.get("child_under_age"), "monitoring.child_under_age"), estimation, (int) minCell, minCells);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** {@code publication.min_cell_persons}: a list of {@code {from, persons}} (from optional: from the start). */
    private static List<MinCell> minCells(Object v) {
        String key = "publication.min_cell_persons";
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(key + " must list figures {from: YYYY-MM, persons: N}, found " + v);
        }
        List<MinCell> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String k = key + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> e)) {
                throw new IllegalArgumentException(k + " must be {from: YYYY-MM, persons: N}, found " + list.get(i));
            }
            for (Object name : e.keySet()) {
                if (!"from".equals(name) && !"persons".equals(name)) {
                    throw new IllegalArgumentException(k + ": unknown key '" + name + "' (known: from, persons)");
                }
            }
            double n = number(e.get("persons"), k + ".persons");
            if (n != Math.rint(n)) {
                throw new IllegalArgumentException(k + ".persons must be a whole number, found " + e.get("persons"));
            }
            out.add(new MinCell(e.get("from") == null ? null : Validity.parse(e.get("from"), false, k + ".from"),
                    (int) n, k));
        }
        return out;
    }

    private static Object required(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing setting '" + key + "'");
        }
        return v;
    }

    private static Map<?, ?> section(Map<?, ?> map, String name) {
        if (!(map.get(name) instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("missing section '" + name + "'");
        }
        return m;
    }

    private static Map<String, Double> numbers(Map<?, ?> m) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), number(v, String.valueOf(k))));
        return out;
    }

    private static double number(Object v, String name) {
        if (v == null) {
            throw new IllegalArgumentException("missing setting '" + name + "'");
        }
        try {
            return Double.parseDouble(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting '" + name + "' must be a number, found '" + v + "'");
        }
    }

    private static List<String> strings(Object v, String name) {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException(name + " must be a list");
        }
        List<String> out = new ArrayList<>();
        l.forEach(o -> out.add(String.valueOf(o)));
        return out;
    }
}
