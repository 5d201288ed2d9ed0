package org.olive.pipeline.group;

import org.olive.export.SpreadsheetCell;
import org.olive.group.GroupDefinitions;
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
import java.util.Map;
import java.util.TreeMap;

/**
 * The key groups of a period as step {@code groups} stored them, read for {@code olive groups} and the web's 群体
 * page: per group its size, the change since the previous month and the same month a year before, the tiers, the
 * entries and exits of the month, pilot indicator 6 and the spread by township. Aggregates only: no person.
 *
 * @param period the period
 * @param groups one entry per group of the profile (enabled or not at the period)
 * @param overall pilot indicator 6 over all groups (distinct persons): monitored / members, or null without a run
 */
public record GroupReport(String period, List<Group> groups, Coverage overall) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Monitored members / members. */
    public record Coverage(long monitored, long members) {
        public Double share() {
            return members == 0 ? null : (double) monitored / members;
        }
    }

    /**
     * One group.
     *
     * @param enabled      identified at the period (its enabled_from is not later)
     * @param ruleVersion  the rule version the period's members were decided by (null when none)
     * @param members      members at the period
     * @param manual       of which added by hand
     * @param lastMonth    members the month before (null when that month has no run of the step)
     * @param lastYear     members twelve months before (null likewise)
     * @param tiers        members by tier (STABLE, POTENTIAL, VULNERABLE, NONE)
     * @param entered      persons who entered at the period
     * @param left         persons who left at the period
     * @param coverage     pilot indicator 6 of the group
     * @param byTownship   members by township code
     */
    public record Group(String id, String nameZh, String nameEn, String family, String enabledFrom, boolean enabled,
                        String ruleVersion, long members, long manual, Long lastMonth, Long lastYear,
                        Map<String, Long> tiers, long entered, long left, Coverage coverage,
                        Map<String, Long> byTownship) {
    }

    /** Reads the report of period {@code p}; {@code only} restricts it to one group id (null for all). */
    public static GroupReport read(Connection c, GroupDefinitions definitions, Period p, String only) throws SQLException {
        String period = p.toString();
        Map<String, long[]> counts = new LinkedHashMap<>(); // group → {members, manual, stable, potential, vulnerable, none}
        Map<String, String> versions = new LinkedHashMap<>();
        Map<String, Map<String, Long>> towns = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT group_id, origin, tier, township_code, rule_version, COUNT(*) "
                + "FROM group_member WHERE data_period = ? GROUP BY group_id, origin, tier, township_code, rule_version")) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String g = rs.getString(1);
                    long n = rs.getLong(6);
                    long[] x = counts.computeIfAbsent(g, k -> new long[6]);
                    x[0] += n;
                    x[1] += "MANUAL".equals(rs.getString(2)) ? n : 0;
                    String tier = rs.getString(3);
                    x[tier == null ? 5 : switch (tier) {
                        case "STABLE" -> 2;
                        case "POTENTIAL" -> 3;
                        default -> 4;
                    }] += n;
                    String town = rs.getString(4) == null ? "" : rs.getString(4);
                    towns.computeIfAbsent(g, k -> new TreeMap<>()).merge(town, n, Long::sum);
                    versions.merge(g, rs.getString(5), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
            }
        }
        Map<String, Long> lastMonth = sizes(c, p.minusMonths(1).toString());
        Map<String, Long> lastYear = sizes(c, p.minusMonths(12).toString());
        Map<String, long[]> events = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT group_id, kind, COUNT(*) FROM group_event WHERE data_period = ? "
                + "GROUP BY group_id, kind")) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.computeIfAbsent(rs.getString(1), k -> new long[2])["ENTER".equals(rs.getString(2)) ? 0 : 1] +=
                            rs.getLong(3);
                }
            }
        }
        Map<String, Coverage> coverage = new LinkedHashMap<>();
        Coverage overall = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT metric, numerator, denominator FROM ledger_figure WHERE "
                + "data_period = ? AND area_code = '' AND (metric = ? OR metric LIKE ?)")) {
            ps.setString(1, period);
            ps.setString(2, GroupStep.MONITORING);
            ps.setString(3, GroupStep.GROUP_METRIC + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Coverage cv = new Coverage(rs.getLong(2), rs.getLong(3));
                    if (rs.getString(1).equals(GroupStep.MONITORING)) {
                        overall = cv;
                    } else {
                        coverage.put(rs.getString(1).substring(GroupStep.GROUP_METRIC.length()), cv);
                    }
                }
            }
        }
        boolean anyRun = !lastMonth.isEmpty();
        boolean yearRun = !lastYear.isEmpty();
        List<Group> out = new ArrayList<>();
        for (GroupDefinitions.Group g : definitions.groups()) {
            if (only != null && !only.equals(g.id())) {
                continue;
            }
            long[] x = counts.getOrDefault(g.id(), new long[6]);
            long[] e = events.getOrDefault(g.id(), new long[2]);
            Map<String, Long> tiers = new LinkedHashMap<>();
            tiers.put("STABLE", x[2]);
            tiers.put("POTENTIAL", x[3]);
            tiers.put("VULNERABLE", x[4]);
            tiers.put("NONE", x[5]);
            out.add(new Group(g.id(), g.nameZh(), g.nameEn(), g.family(), g.enabledFrom().toString(),
                    g.ruleAt(p).isPresent(), versions.get(g.id()), x[0], x[1],
                    anyRun ? lastMonth.getOrDefault(g.id(), 0L) : null, yearRun ? lastYear.getOrDefault(g.id(), 0L) : null,
                    tiers, e[0], e[1], coverage.get(g.id()), towns.getOrDefault(g.id(), Map.of())));
        }
        return new GroupReport(period, out, overall);
    }

    /** Members per group at a period; empty when the period has none. */
    public static Map<String, Long> sizes(Connection c, String period) throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT group_id, COUNT(*) FROM group_member WHERE data_period = ? "
                + "GROUP BY group_id")) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return m;
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /** One line per group, with a header; every cell escaped against spreadsheet formulas. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("period,group_id,name_zh,family,enabled,rule_version,members,manual,"
                + "last_month,last_year,stable,potential,vulnerable,no_tier,entered,left,monitored,monitoring_coverage\n");
        for (Group g : groups) {
            sb.append(String.join(",", cell(period), cell(g.id()), cell(g.nameZh()), cell(g.family()),
                    String.valueOf(g.enabled()), cell(g.ruleVersion()), String.valueOf(g.members()),
                    String.valueOf(g.manual()), num(g.lastMonth()), num(g.lastYear()),
                    String.valueOf(g.tiers().get("STABLE")), String.valueOf(g.tiers().get("POTENTIAL")),
                    String.valueOf(g.tiers().get("VULNERABLE")), String.valueOf(g.tiers().get("NONE")),
                    String.valueOf(g.entered()), String.valueOf(g.left()),
                    g.coverage() == null ? "" : String.valueOf(g.coverage().monitored()),
                    g.coverage() == null || g.coverage().share() == null ? ""
                            : String.format(java.util.Locale.ROOT, "%.4f", g.coverage().share()))).append('\n');
        }
        return sb.toString();
    }

    /** A plain-text table for the console. */
    public String toText() {
        StringBuilder sb = new StringBuilder("Key groups (群体一本账) " + period + "\n");
        sb.append(String.format(java.util.Locale.ROOT, "%-22s %-12s %8s %8s %8s %8s %8s %8s %8s  %s%n", "group", "",
                "members", "Δ month", "Δ year", "entered", "left", "vulner.", "monit.%", "rule"));
        for (Group g : groups) {
            sb.append(String.format(java.util.Locale.ROOT, "%-22s %-12s %8s %8s %8s %8d %8d %8d %8s  %s%n", g.id(),
                    g.nameZh(), g.enabled() ? String.valueOf(g.members()) : "-",
                    delta(g.members(), g.lastMonth()), delta(g.members(), g.lastYear()), g.entered(), g.left(),
                    g.tiers().get("VULNERABLE"), pct(g.coverage()),
                    g.enabled() ? String.valueOf(g.ruleVersion()) : "enabled from " + g.enabledFrom()));
        }
        sb.append("pilot indicator 6 (key-group income monitoring coverage): ").append(pct(overall)).append(" %")
                .append(overall == null ? " (no run of step groups for the period)"
                        : " = " + overall.monitored() + " / " + overall.members() + " members").append('\n');
        return sb.toString();
    }

    private static String delta(long now, Long before) {
        return before == null ? "" : (now - before >= 0 ? "+" : "") + (now - before);
    }

    private static String pct(Coverage c) {
        return c == null || c.share() == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", c.share() * 100);
    }

    private static String num(Long n) {
        return n == null ? "" : String.valueOf(n);
    }

    private static String cell(String s) {
        return SpreadsheetCell.csv(s);
    }
}
