package org.olive.pipeline.warning;

import org.olive.export.SpreadsheetCell;
import org.olive.period.Period;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The read model of {@code olive warnings} (docs/warnings.md): a period's warned families (RED, then YELLOW, by family
 * key), optionally of one township, with the rules that fired and their evidence, the counts by colour against the
 * families with an income figure, the colour changes of the period and how often each rule fired. Reads what step
 * warnings stored; computes nothing.
 *
 * @param families families with an income figure (in the township)
 * @param colours  RED and YELLOW → families
 * @param changes  "FROM→TO" → families that changed so at the period
 * @param rules    rule version → families it fired for
 */
public record WarningReport(String period, String township, boolean stored, long families, Map<String, Long> colours,
                            Map<String, Long> changes, Map<String, Long> rules, List<Family> warned) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** A warned family. */
    public record Family(String familyKey, String township, String colour, String rules, String evidence) {
    }

    /** A family's warning at one period, and its colour changes (the history of the family page). */
    public record History(List<Family> warnings, List<Change> changes) {
    }

    /** A colour change of a family. */
    public record Change(String period, String changedOn, String from, String to, String reason) {
    }

    public static WarningReport read(Connection c, Period p, String township) throws SQLException {
        String area = township == null ? "" : " AND township_code = ?";
        long families;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM family_income WHERE data_period = ?" + area)) {
            bind(ps, p, township);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                families = rs.getLong(1);
            }
        }
        boolean stored;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM ledger_figure WHERE data_period = ? "
                + "AND metric LIKE 'warning:%'")) {
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                stored = rs.getLong(1) > 0;
            }
        }
        Map<String, Long> colours = new LinkedHashMap<>();
        colours.put("RED", 0L);
        colours.put("YELLOW", 0L);
        Map<String, Long> rules = new TreeMap<>();
        List<Family> warned = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT family_key, township_code, colour, rules, evidence FROM "
                + "family_warning WHERE data_period = ?" + area + " ORDER BY family_key")) {
            bind(ps, p, township);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Family f = new Family(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
                    warned.add(f);
                    colours.merge(f.colour(), 1L, Long::sum);
                    for (String r : f.rules().split(";")) {
                        if (!r.isEmpty()) {
                            rules.merge(r, 1L, Long::sum);
                        }
                    }
                }
            }
        }
        warned.sort((a, b) -> a.colour().equals(b.colour()) ? a.familyKey().compareTo(b.familyKey())
                : a.colour().equals("RED") ? -1 : 1);
        Map<String, Long> changes = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT from_colour, to_colour, COUNT(*) FROM warning_event WHERE "
                + "data_period = ?" + area + " GROUP BY from_colour, to_colour")) {
            bind(ps, p, township);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changes.put(rs.getString(1) + "→" + rs.getString(2), rs.getLong(3));
                }
            }
        }
        return new WarningReport(p.toString(), township, stored, families, colours, changes, rules, warned);
    }

    /** One family's warnings over every period run and its colour changes, newest first. */
    public static History family(Connection c, String familyKey) throws SQLException {
        List<Family> warnings = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT data_period, township_code, colour, rules, evidence FROM "
                + "family_warning WHERE family_key = ? ORDER BY data_period DESC")) {
            ps.setString(1, familyKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // familyKey holds the period here: the history is one family's
                    warnings.add(new Family(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT data_period, changed_on, from_colour, to_colour, reason FROM "
                + "warning_event WHERE family_key = ? ORDER BY data_period DESC")) {
            ps.setString(1, familyKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changes.add(new Change(rs.getString(1), String.valueOf(rs.getDate(2)), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
        }
        return new History(warnings, changes);
    }

    private static void bind(PreparedStatement ps, Period p, String township) throws SQLException {
        ps.setString(1, p.toString());
        if (township != null) {
            ps.setString(2, township);
        }
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /** One line per warned family, with a header; every cell escaped against spreadsheet formulas. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("period,family_key,township_code,colour,rules,evidence\n");
        for (Family f : warned) {
            sb.append(String.join(",", cell(period), cell(f.familyKey()), cell(f.township()), cell(f.colour()),
                    cell(f.rules()), cell(f.evidence()))).append('\n');
        }
        return sb.toString();
    }

    /** The counts, the changes, the rules and the warned families, for the console. */
    public String toText() {
        StringBuilder sb = new StringBuilder("Warnings (预警) " + period + (township == null ? "" : " township " + township)
                + "\n");
        sb.append(String.format(Locale.ROOT, "families with an income figure: %d; red %d (%s %%), yellow %d (%s %%)%n",
                families, colours.get("RED"), pct(colours.get("RED")), colours.get("YELLOW"), pct(colours.get("YELLOW"))));
        if (!changes.isEmpty()) {
            sb.append("colour changes since the previous period: ");
            List<String> parts = new ArrayList<>();
            changes.forEach((k, n) -> parts.add(k + " " + n));
            sb.append(String.join(", ", parts)).append('\n');
        }
        rules.forEach((r, n) -> sb.append(String.format(Locale.ROOT, "  %-28s %6d%n", r, n)));
        for (Family f : warned) {
            sb.append(String.format(Locale.ROOT, "%-6s %-12s %-9s %s%n         %s%n", f.colour(), f.familyKey(),
                    f.township() == null ? "" : f.township(), f.rules(), f.evidence()));
        }
        return sb.toString();
    }

    private String pct(long n) {
        return families == 0 ? "" : String.format(Locale.ROOT, "%.1f", 100.0 * n / families);
    }

    private static String cell(String s) {
        return SpreadsheetCell.csv(s);
    }
}
