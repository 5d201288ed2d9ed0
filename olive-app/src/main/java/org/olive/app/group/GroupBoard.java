package org.olive.app.group;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.olive.group.GroupDefinitions;
import org.olive.period.Period;
import org.olive.pipeline.county.CountyProfile;
import org.olive.pipeline.group.GroupReport;
import org.olive.pipeline.group.GroupStep;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The key groups as the 群体 pages read them: the periods with a run of step {@code groups} (those with pilot indicator
 * 6 in {@code ledger_figure}), the report of a period ({@link GroupReport}, the pipeline's read model), the groups of
 * the county profile ({@code groups.yaml}) and a group's size over every period from its {@code group:<id>} figure.
 * Aggregates only.
 */
@Service
public class GroupBoard {

    /** A group's size at one period with a run of the step: members, of whom income-monitored. */
    public record Point(String period, long members, long monitored) {
        public Double share() {
            return members == 0 ? null : (double) monitored / members;
        }
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final GroupDefinitions definitions;

    public GroupBoard(JdbcClient jdbc, DataSource dataSource, CountyProfile profile) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.definitions = profile.groups();
    }

    /** The groups of the county profile, in its order. */
    public GroupDefinitions definitions() {
        return definitions;
    }

    public Optional<GroupDefinitions.Group> group(String id) {
        return id == null ? Optional.empty() : definitions.group(id);
    }

    /** A group's name in the page's language (Chinese unless English is asked for); the id when unknown. */
    public String name(String id, java.util.Locale locale) {
        return group(id).map(g -> locale != null && "en".equals(locale.getLanguage()) ? g.nameEn() : g.nameZh())
                .orElse(id);
    }

    /** Periods with a run of step groups (pilot indicator 6 stored for the county), newest first. */
    public List<String> periods() {
        return jdbc.sql("SELECT data_period FROM ledger_figure WHERE metric = :m AND area_code = '' "
                + "ORDER BY data_period DESC").param("m", GroupStep.MONITORING).query(String.class).list();
    }

    /** The periods with a run and the one to show: the asked period when it has a run, else the latest one. */
    public org.olive.app.web.PeriodChoice choice(String period) {
        return org.olive.app.web.PeriodChoice.of(periods(), period);
    }

    /** The asked period when it has a run, else the latest one, else null. */
    public String choose(String period) {
        return choice(period).chosen();
    }

    /** The report of a period: every group of the profile with its size, changes, tiers, entries, exits, indicator 6. */
    public GroupReport report(String period) {
        try (Connection c = dataSource.getConnection()) {
            return GroupReport.read(c, definitions, Period.parse(period), null);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("group report of " + period + ": " + e.getMessage(), e);
        }
    }

    /**
     * A group's size over every period with a run, oldest first, from its {@code group:<id>} figure (written for the
     * periods at which the group is enabled).
     */
    public List<Point> trend(String groupId) {
        List<Point> out = new ArrayList<>();
        jdbc.sql("SELECT data_period, numerator, denominator FROM ledger_figure WHERE metric = :m AND area_code = '' "
                        + "ORDER BY data_period").param("m", GroupStep.GROUP_METRIC + groupId)
                .query(rs -> {
                    out.add(new Point(rs.getString(1), rs.getLong(3), rs.getLong(2)));
                });
        return out;
    }

    /**
     * A group's accuracy against the synthetic county's truth at a period, as olive-accuracy's step {@code truth} stored
     * it (metrics {@code group_precision}: true members the ledger lists / members in the ledger, and {@code
     * group_recall}: the same / true members; docs/accuracy.md). The group id "" is every membership together.
     */
    public record Accuracy(String groupId, long matched, long listed, long truth) {
        public Double precision() {
            return listed == 0 ? null : (double) matched / listed;
        }

        public Double recall() {
            return truth == 0 ? null : (double) matched / truth;
        }
    }

    /**
     * Every group's precision and recall against the truth at a period, the groups in the profile's order and every
     * membership last; empty when the period's run had no truth (a real county's never has).
     */
    public List<Accuracy> accuracy(String period) {
        java.util.Map<String, long[]> m = new java.util.HashMap<>(); // group → {matched, listed, truth}
        jdbc.sql("SELECT metric, area_code, numerator, denominator FROM ledger_figure WHERE data_period = :p AND metric "
                        + "IN ('group_precision', 'group_recall')").param("p", period)
                .query(rs -> {
                    long[] a = m.computeIfAbsent(rs.getString(2), k -> new long[3]);
                    a[0] = rs.getLong(3);
                    a[rs.getString(1).equals("group_precision") ? 1 : 2] = rs.getLong(4);
                });
        List<Accuracy> out = new ArrayList<>();
        for (GroupDefinitions.Group g : definitions.groups()) {
            long[] a = m.get(g.id());
            if (a != null) {
                out.add(new Accuracy(g.id(), a[0], a[1], a[2]));
            }
        }
        long[] all = m.get("");
        if (all != null) {
            out.add(new Accuracy("", all[0], all[1], all[2]));
        }
        return out;
    }

    /** The size at a period from the trend, or null when the period has no figure of the group. */
    public static Long sizeAt(List<Point> trend, String period) {
        return trend.stream().filter(p -> p.period().equals(period)).map(Point::members).findFirst().orElse(null);
    }
}
