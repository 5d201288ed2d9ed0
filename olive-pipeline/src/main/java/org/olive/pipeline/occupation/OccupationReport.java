package org.olive.pipeline.occupation;

import org.olive.export.SmallCells;
import org.olive.export.SpreadsheetCell;
import org.olive.occupation.IndustryClassification;
import org.olive.occupation.OccupationClassification;
import org.olive.period.Period;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The occupation ledger (职业一本账) of a period as step {@code occupations} stored it ({@code person_occupation}), read
 * for {@code olive occupations} and the web's 职业 page: the working-age persons with an occupation and without, by
 * source; the count of each GB/T 6565 中类 and each GB/T 4754 industry 大类 (division), county and by township (the
 * person's township of the period, {@code person_period}); and, over every period with a run, the persons and the
 * coded persons by occupation 大类. Aggregates only: it names no person.
 *
 * <p>Published counts follow a small-cell rule ({@link SmallCells}, the county profile's dated
 * {@code publication.min_cell_persons}): a hidden count is null, and the record holding it names it in its
 * {@code suppressed} list ({@code persons}, {@code byTownship.330922101}, {@code sources.EMPLOYER} …). A group of
 * cells with a published total (the sources, the 中类, the divisions, the townships, a 中类's townships, a period's
 * 大类) hides one more cell when a lone one would come back by subtraction. {@link SmallCells#EXACT} publishes all.
 *
 * @param period         the period
 * @param township       the township asked for, or null for the county
 * @param minCellPersons the smallest count published (0: every count)
 * @param persons        working-age persons with a row (coded or not)
 * @param coded          of whom with an occupation code
 * @param sources        persons by the evidence that gave the code (NONE: no code)
 * @param occupations    every 中类 held, most persons first (hidden counts last, by code)
 * @param industries     every industry division held, most persons first (hidden counts last, by code)
 * @param townships      per township: persons and coded persons (the county's report only)
 * @param trend          every period with a run, oldest first
 * @param suppressed     the hidden counts of this level: {@code persons}, {@code coded}, {@code sources.KEY}
 */
public record OccupationReport(String period, String township, int minCellPersons, Long persons, Long coded,
                               Map<String, Long> sources, List<Count> occupations, List<Count> industries,
                               List<Area> townships, List<Point> trend, List<String> suppressed) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** A code's persons, county (or the township asked for) and by township; null where hidden. */
    public record Count(String code, String name, Long persons, Map<String, Long> byTownship, List<String> suppressed) {
    }

    /** A township's working-age persons with a row and those with a code; null where hidden. */
    public record Area(String township, Long persons, Long coded, List<String> suppressed) {
    }

    /** A period: persons with a row, coded persons, and coded persons by occupation 大类 (1 … 8); null where hidden. */
    public record Point(String period, Long persons, Long coded, Map<String, Long> byMajorGroup, List<String> suppressed) {
    }

    /** Reads the report of a period, for the county ({@code township} null) or one township, every count exact. */
    public static OccupationReport read(Connection c, Period p, String township) throws SQLException {
        return read(c, p, township, SmallCells.EXACT);
    }

    /** Reads the report of a period, for the county ({@code township} null) or one township, under a small-cell rule. */
    public static OccupationReport read(Connection c, Period p, String township, SmallCells rule) throws SQLException {
        OccupationClassification occupations = OccupationClassification.gbt6565();
        IndustryClassification industries = IndustryClassification.gbt4754();
        String where = township == null ? "" : " AND township_code = ?";
        Map<String, Long> sources = new TreeMap<>();
        Map<String, Map<String, Long>> byOccupation = new TreeMap<>();
        Map<String, Map<String, Long>> byIndustry = new TreeMap<>();
        Map<String, long[]> areas = new TreeMap<>();
        long persons = 0;
        long coded = 0;
        // the counts step occupations stored with the period's rows (occupation_count; '' = none)
        try (PreparedStatement ps = c.prepareStatement("SELECT NULLIF(occupation_code, ''), NULLIF(industry_code, ''), "
                + "source, township_code, persons FROM occupation_count WHERE data_period = ?" + where)) {
            ps.setString(1, p.toString());
            if (township != null) {
                ps.setString(2, township);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String code = rs.getString(1);
                    String industry = rs.getString(2);
                    String town = rs.getString(4) == null ? "" : rs.getString(4);
                    long n = rs.getLong(5);
                    persons += n;
                    sources.merge(rs.getString(3), n, Long::sum);
                    long[] a = areas.computeIfAbsent(town, k -> new long[2]);
                    a[0] += n;
                    if (code != null) {
                        coded += n;
                        a[1] += n;
                        byOccupation.computeIfAbsent(code, k -> new TreeMap<>()).merge(town, n, Long::sum);
                    }
                    if (industry != null && industry.length() >= 2) {
                        byIndustry.computeIfAbsent(industry.substring(0, 2), k -> new TreeMap<>()).merge(town, n, Long::sum);
                    }
                }
            }
        }
        List<Count> occ = counts(rule, byOccupation, code -> occupations.name(code).orElse(""));
        List<Count> ind = counts(rule, byIndustry, code -> industries.name(code).orElse(""));
        List<Area> towns = areas(rule, areas);

        Map<String, long[]> totals = new TreeMap<>();
        Map<String, Map<String, Long>> major = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT data_period, NULLIF(occupation_code, ''), SUM(persons) FROM "
                + "occupation_count WHERE data_period <= ?" + where + " GROUP BY data_period, occupation_code")) {
            ps.setString(1, p.toString());
            if (township != null) {
                ps.setString(2, township);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String period = rs.getString(1);
                    String code = rs.getString(2);
                    long n = rs.getLong(3);
                    long[] t = totals.computeIfAbsent(period, k -> new long[2]);
                    t[0] += n;
                    Map<String, Long> m = major.computeIfAbsent(period, k -> new TreeMap<>());
                    if (code != null) {
                        t[1] += n;
                        int dash = code.indexOf('-');
                        m.merge(dash < 0 ? code : code.substring(0, dash), n, Long::sum);
                    }
                }
            }
        }
        List<Point> trend = new ArrayList<>();
        totals.forEach((period, t) -> {
            List<String> hidden = new ArrayList<>();
            trend.add(new Point(period, total(rule, t[0], "persons", hidden), total(rule, t[1], "coded", hidden),
                    mask(rule, major.get(period), "byMajorGroup.", hidden, rule.hides(t[1])), List.copyOf(hidden)));
        });
        List<String> hidden = new ArrayList<>();
        Long shownPersons = total(rule, persons, "persons", hidden);
        Long shownCoded = total(rule, coded, "coded", hidden);
        Map<String, Long> shownSources = mask(rule, sources, "sources.", hidden);
        return new OccupationReport(p.toString(), township, rule.exact() ? 0 : rule.minPersons(), shownPersons,
                shownCoded, shownSources, occ, ind, towns, trend, List.copyOf(hidden));
    }

    /** A total: itself unless it is small (primary suppression only). */
    private static Long total(SmallCells rule, long n, String name, List<String> hidden) {
        if (rule.hides(n)) {
            hidden.add(name);
            return null;
        }
        return n;
    }

    /** The cells of a map with a published total: null where hidden, each hidden key named with its prefix. */
    private static Map<String, Long> mask(SmallCells rule, Map<String, Long> exact, String prefix, List<String> hidden) {
        return mask(rule, exact, prefix, hidden, false);
    }

    /**
     * {@link #mask(SmallCells, Map, String, List)}; with {@code totalHidden} every non-zero cell is hidden, since the
     * cells of a hidden total would add up to it.
     */
    private static Map<String, Long> mask(SmallCells rule, Map<String, Long> exact, String prefix, List<String> hidden,
                                          boolean totalHidden) {
        List<String> keys = new ArrayList<>(exact.keySet());
        boolean[] hide = rule.hide(keys.stream().mapToLong(exact::get).toArray());
        for (int i = 0; i < keys.size() && totalHidden; i++) {
            hide[i] = exact.get(keys.get(i)) > 0;
        }
        Map<String, Long> out = new TreeMap<>();
        for (int i = 0; i < keys.size(); i++) {
            out.put(keys.get(i), hide[i] ? null : exact.get(keys.get(i)));
            if (hide[i]) {
                hidden.add(prefix + keys.get(i));
            }
        }
        return out;
    }

    private static List<Count> counts(SmallCells rule, Map<String, Map<String, Long>> m,
                                      java.util.function.Function<String, String> name) {
        List<String> codes = new ArrayList<>(m.keySet());
        long[] sums = codes.stream().mapToLong(code -> m.get(code).values().stream().mapToLong(Long::longValue).sum())
                .toArray();
        boolean[] hide = rule.hide(sums);
        List<Count> out = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            List<String> hidden = new ArrayList<>();
            if (hide[i]) {
                hidden.add("persons");
            }
            Map<String, Long> towns = mask(rule, m.get(codes.get(i)), "byTownship.", hidden, hide[i]);
            out.add(new Count(codes.get(i), name.apply(codes.get(i)), hide[i] ? null : sums[i], towns, List.copyOf(hidden)));
        }
        // most persons first; hidden counts last, by code (their order says nothing of their size)
        out.sort(Comparator.comparing((Count x) -> x.persons() == null)
                .thenComparing(Comparator.comparing(Count::persons, Comparator.nullsLast(Comparator.reverseOrder())))
                .thenComparing(Count::code));
        return out;
    }

    private static List<Area> areas(SmallCells rule, Map<String, long[]> areas) {
        List<String> towns = new ArrayList<>(areas.keySet());
        boolean[] persons = rule.hide(towns.stream().mapToLong(t -> areas.get(t)[0]).toArray());
        boolean[] coded = rule.hide(towns.stream().mapToLong(t -> areas.get(t)[1]).toArray());
        List<Area> out = new ArrayList<>();
        for (int i = 0; i < towns.size(); i++) {
            long[] a = areas.get(towns.get(i));
            List<String> hidden = new ArrayList<>();
            if (persons[i]) {
                hidden.add("persons");
            }
            if (coded[i]) {
                hidden.add("coded");
            }
            out.add(new Area(towns.get(i), persons[i] ? null : a[0], coded[i] ? null : a[1], List.copyOf(hidden)));
        }
        return out;
    }

    /** Whether the step stored anything for the period (a hidden total is not nothing). */
    public boolean empty() {
        return persons != null && persons == 0;
    }

    /** What a hidden count is shown as in text ({@code <5}). */
    public String hiddenLabel() {
        return "<" + minCellPersons;
    }

    /** A count as text: the number, or {@link #hiddenLabel()} when hidden. */
    public String show(Long n) {
        return n == null ? hiddenLabel() : String.valueOf(n);
    }

    /** Whether any count of the report is hidden. */
    public boolean anySuppressed() {
        return !suppressed.isEmpty() || occupations.stream().anyMatch(x -> !x.suppressed().isEmpty())
                || industries.stream().anyMatch(x -> !x.suppressed().isEmpty())
                || townships.stream().anyMatch(x -> !x.suppressed().isEmpty())
                || trend.stream().anyMatch(x -> !x.suppressed().isEmpty());
    }

    /** The coded share of the working-age persons, or null without any (or when either count is hidden). */
    public Double codedShare() {
        return share(coded, persons);
    }

    /** A share of two published counts, or null when either is hidden or the whole is 0. */
    public static Double share(Long part, Long whole) {
        return part == null || whole == null || whole == 0 ? null : (double) part / whole;
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /**
     * One line per occupation 中类 and per industry division, with a header; every cell escaped. A hidden count is an
     * empty {@code persons} with {@code suppressed} true.
     */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("period,township,classification,code,name,persons,suppressed\n");
        String town = township == null ? "" : township;
        for (String classification : List.of("GB/T 6565", "GB/T 4754")) {
            for (Count x : classification.equals("GB/T 6565") ? occupations : industries) {
                sb.append(String.join(",", cell(period), cell(town), classification, cell(x.code()), cell(x.name()),
                        x.persons() == null ? "" : String.valueOf(x.persons()), String.valueOf(x.persons() == null)))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    /** A plain-text summary for the console: totals, sources, the top 15 occupations and industries, townships. */
    public String toText() {
        StringBuilder sb = new StringBuilder("Occupation ledger (职业一本账) " + period
                + (township == null ? "" : " township " + township) + "\n");
        sb.append(String.format(Locale.ROOT, "working-age persons %s, with an occupation %s (%s %%)%n", show(persons),
                show(coded), codedShare() == null ? "-" : String.format(Locale.ROOT, "%.1f", codedShare() * 100)));
        Map<String, String> bySource = new TreeMap<>();
        sources.forEach((k, v) -> bySource.put(k, show(v)));
        sb.append("by source: ").append(bySource).append('\n');
        sb.append("occupations (GB/T 6565 中类), top 15:\n");
        occupations.stream().limit(15).forEach(x -> sb.append(String.format(Locale.ROOT, "  %-6s %8s  %s%n", x.code(),
                show(x.persons()), x.name())));
        sb.append("industries (GB/T 4754 大类), top 15:\n");
        industries.stream().limit(15).forEach(x -> sb.append(String.format(Locale.ROOT, "  %-6s %8s  %s%n", x.code(),
                show(x.persons()), x.name())));
        if (township == null) {
            sb.append("townships (persons / with an occupation):\n");
            townships.forEach(a -> sb.append(String.format(Locale.ROOT, "  %-10s %8s %8s%n",
                    a.township().isEmpty() ? "(none)" : a.township(), show(a.persons()), show(a.coded()))));
        }
        sb.append("over time (persons / with an occupation):\n");
        trend.forEach(t -> sb.append(String.format(Locale.ROOT, "  %s %8s %8s%n", t.period(), show(t.persons()),
                show(t.coded()))));
        if (anySuppressed()) {
            sb.append(hiddenLabel()).append(": fewer than ").append(minCellPersons).append(" persons, not published "
                    + "(county profile publication.min_cell_persons); where one count alone was hidden, the next "
                    + "smallest of its table is hidden too\n");
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return SpreadsheetCell.csv(s);
    }
}
