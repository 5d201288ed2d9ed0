package org.olive.pipeline.occupation;

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
 * @param period      the period
 * @param township    the township asked for, or null for the county
 * @param persons     working-age persons with a row (coded or not)
 * @param coded       of whom with an occupation code
 * @param sources     persons by the evidence that gave the code (NONE: no code)
 * @param occupations every 中类 held, most persons first
 * @param industries  every industry division held, most persons first
 * @param townships   per township: persons and coded persons (the county's report only)
 * @param trend       every period with a run, oldest first
 */
public record OccupationReport(String period, String township, long persons, long coded, Map<String, Long> sources,
                               List<Count> occupations, List<Count> industries, List<Area> townships, List<Point> trend) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** A code's persons, county (or the township asked for) and by township. */
    public record Count(String code, String name, long persons, Map<String, Long> byTownship) {
    }

    /** A township's working-age persons with a row and those with a code. */
    public record Area(String township, long persons, long coded) {
    }

    /** A period: persons with a row, coded persons, and coded persons by occupation 大类 (1 … 8). */
    public record Point(String period, long persons, long coded, Map<String, Long> byMajorGroup) {
    }

    /** Reads the report of a period, for the county ({@code township} null) or one township. */
    public static OccupationReport read(Connection c, Period p, String township) throws SQLException {
        OccupationClassification occupations = OccupationClassification.gbt6565();
        IndustryClassification industries = IndustryClassification.gbt4754();
        String where = township == null ? "" : " AND pp.township_code = ?";
        Map<String, Long> sources = new TreeMap<>();
        Map<String, Map<String, Long>> byOccupation = new TreeMap<>();
        Map<String, Map<String, Long>> byIndustry = new TreeMap<>();
        Map<String, long[]> areas = new TreeMap<>();
        long persons = 0;
        long coded = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT o.occupation_code, o.industry_code, o.source, "
                + "pp.township_code, COUNT(*) FROM person_occupation o LEFT JOIN person_period pp ON pp.data_period = "
                + "o.data_period AND pp.person_key = o.person_key WHERE o.data_period = ?" + where
                + " GROUP BY o.occupation_code, o.industry_code, o.source, pp.township_code")) {
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
        List<Count> occ = counts(byOccupation, code -> occupations.name(code).orElse(""));
        List<Count> ind = counts(byIndustry, code -> industries.name(code).orElse(""));
        List<Area> towns = new ArrayList<>();
        areas.forEach((t, a) -> towns.add(new Area(t, a[0], a[1])));

        Map<String, long[]> totals = new TreeMap<>();
        Map<String, Map<String, Long>> major = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT o.data_period, o.occupation_code, COUNT(*) FROM "
                + "person_occupation o" + (township == null ? "" : " JOIN person_period pp ON pp.data_period = "
                + "o.data_period AND pp.person_key = o.person_key") + " WHERE o.data_period <= ?" + where
                + " GROUP BY o.data_period, o.occupation_code")) {
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
        totals.forEach((period, t) -> trend.add(new Point(period, t[0], t[1], major.get(period))));
        return new OccupationReport(p.toString(), township, persons, coded, sources, occ, ind, towns, trend);
    }

    private static List<Count> counts(Map<String, Map<String, Long>> m, java.util.function.Function<String, String> name) {
        List<Count> out = new ArrayList<>();
        m.forEach((code, towns) -> out.add(new Count(code, name.apply(code),
                towns.values().stream().mapToLong(Long::longValue).sum(), towns)));
        out.sort(Comparator.comparingLong(Count::persons).reversed().thenComparing(Count::code));
        return out;
    }

    /** Whether the step stored anything for the period. */
    public boolean empty() {
        return persons == 0;
    }

    /** The coded share of the working-age persons, or null without any. */
    public Double codedShare() {
        return persons == 0 ? null : (double) coded / persons;
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /** One line per occupation 中类 and per industry division, with a header; every cell escaped. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("period,township,classification,code,name,persons\n");
        String town = township == null ? "" : township;
        for (Count x : occupations) {
            sb.append(String.join(",", cell(period), cell(town), "GB/T 6565", cell(x.code()), cell(x.name()),
                    String.valueOf(x.persons()))).append('\n');
        }
        for (Count x : industries) {
            sb.append(String.join(",", cell(period), cell(town), "GB/T 4754", cell(x.code()), cell(x.name()),
                    String.valueOf(x.persons()))).append('\n');
        }
        return sb.toString();
    }

    /** A plain-text summary for the console: totals, sources, the top 15 occupations and industries, townships. */
    public String toText() {
        StringBuilder sb = new StringBuilder("Occupation ledger (职业一本账) " + period
                + (township == null ? "" : " township " + township) + "\n");
        sb.append(String.format(Locale.ROOT, "working-age persons %d, with an occupation %d (%s %%)%n", persons, coded,
                codedShare() == null ? "-" : String.format(Locale.ROOT, "%.1f", codedShare() * 100)));
        sb.append("by source: ").append(sources).append('\n');
        sb.append("occupations (GB/T 6565 中类), top 15:\n");
        occupations.stream().limit(15).forEach(x -> sb.append(String.format(Locale.ROOT, "  %-6s %8d  %s%n", x.code(),
                x.persons(), x.name())));
        sb.append("industries (GB/T 4754 大类), top 15:\n");
        industries.stream().limit(15).forEach(x -> sb.append(String.format(Locale.ROOT, "  %-6s %8d  %s%n", x.code(),
                x.persons(), x.name())));
        if (township == null) {
            sb.append("townships (persons / with an occupation):\n");
            townships.forEach(a -> sb.append(String.format(Locale.ROOT, "  %-10s %8d %8d%n",
                    a.township().isEmpty() ? "(none)" : a.township(), a.persons(), a.coded())));
        }
        sb.append("over time (persons / with an occupation):\n");
        trend.forEach(t -> sb.append(String.format(Locale.ROOT, "  %s %8d %8d%n", t.period(), t.persons(), t.coded())));
        return sb.toString();
    }

    private static String cell(String s) {
        return SpreadsheetCell.csv(s);
    }
}
