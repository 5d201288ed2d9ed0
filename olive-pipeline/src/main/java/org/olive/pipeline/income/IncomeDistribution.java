package org.olive.pipeline.income;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.olive.indicator.Distribution;
import org.olive.period.Period;

/**
 * The distribution of families' DI that the cockpit draws (docs/cockpit.md), for the county and each township: the
 * histogram of three-person DI in {@value #BIN_WIDTH}-yuan bins up to {@value #TOP} (families at or above share the
 * last, open bin; negative DI joins the first), the Lorenz curve of per-capita DI at {@value #LORENZ_STEPS} steps and its
 * Gini, persons weighted by residents; families with no resident are left out. Step indicators writes them
 * ({@code income_distribution}, {@code income_histogram}, {@code income_lorenz}, V15) so that the cockpit does not
 * read every family of the period on each request; the cockpit computes them the same way for a period written
 * before V15.
 */
public final class IncomeDistribution {

    /** Width of a histogram bin, yuan of three-person DI (5万). */
    public static final double BIN_WIDTH = 50_000;
    /** Bins cover [0, TOP); families at or above TOP share the last, open bin. */
    public static final double TOP = 1_000_000;
    /** The Lorenz curve's points: 0, 1/n, …, 1. */
    public static final int LORENZ_STEPS = 20;

    /** One family: its weight (residents), per-capita DI and three-person DI. */
    public record Point(int residents, double perCapita, double threePerson) {
    }

    /** One bar of the histogram: [from, to) yuan, {@code to} null for the open last bin. */
    public record Bin(double from, Double to, long families, long persons) {
    }

    /**
     * The distribution of one area.
     *
     * @param gini   Gini of per-capita DI (0–1), null without families
     * @param lorenz income shares at population shares 0, 1/n, …, 1; empty without families
     */
    public record Summary(int families, long persons, Double gini, List<Double> lorenz, List<Bin> bins) {
        public Summary {
            lorenz = List.copyOf(lorenz);
            bins = List.copyOf(bins);
        }
    }

    private IncomeDistribution() {
    }

    /** The distribution of some families. */
    public static Summary of(List<Point> points) {
        long persons = points.stream().mapToLong(Point::residents).sum();
        Double gini = null;
        List<Double> lorenz = new ArrayList<>();
        if (!points.isEmpty()) {
            double[] x = points.stream().mapToDouble(Point::perCapita).toArray();
            double[] w = points.stream().mapToDouble(Point::residents).toArray();
            Distribution d = Distribution.of(x, w);
            gini = d.gini();
            for (double v : d.lorenz(LORENZ_STEPS)) {
                lorenz.add(v);
            }
        }
        int n = (int) (TOP / BIN_WIDTH);
        long[] families = new long[n + 1];
        long[] people = new long[n + 1];
        for (Point p : points) {
            int b = p.threePerson() < 0 ? 0 : (int) Math.min(n, Math.floor(p.threePerson() / BIN_WIDTH));
            families[b]++;
            people[b] += p.residents();
        }
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b <= n; b++) {
            double from = b * BIN_WIDTH;
            bins.add(new Bin(from, b == n ? null : from + BIN_WIDTH, families[b], people[b]));
        }
        return new Summary(points.size(), persons, gini, lorenz, bins);
    }

    /**
     * Rewrites the period's distributions from its {@code family_income} rows: the county's (area code '') and each
     * township's that has families (9 digits) — on the caller's connection, the caller commits. Step indicators
     * calls it; public for the tests that compare it with the cockpit's own computation.
     *
     * @return the areas written
     */
    public static int write(Connection c, Period period) throws SQLException {
        String p = period.toString();
        List<Point> county = new ArrayList<>();
        Map<String, List<Point>> townships = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT township_code, residents, per_capita, three_person "
                + "FROM family_income WHERE data_period = ? AND residents > 0")) {
            ps.setString(1, p);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Point pt = new Point(rs.getInt(2), rs.getDouble(3), rs.getDouble(4));
                    county.add(pt);
                    String t = rs.getString(1);
                    if (t != null) {
                        townships.computeIfAbsent(t, k -> new ArrayList<>()).add(pt);
                    }
                }
            }
        }
        for (String table : List.of("income_distribution", "income_histogram", "income_lorenz")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE data_period = ?")) {
                ps.setString(1, p);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement area = c.prepareStatement("INSERT INTO income_distribution (data_period, area_code, "
                + "families, persons, gini) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement bin = c.prepareStatement("INSERT INTO income_histogram (data_period, area_code, bin_index, "
                     + "bin_from, bin_to, families, persons) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement lorenz = c.prepareStatement("INSERT INTO income_lorenz (data_period, area_code, point_index, "
                     + "population_share, income_share) VALUES (?, ?, ?, ?, ?)")) {
            write(area, bin, lorenz, p, "", of(county));
            for (Map.Entry<String, List<Point>> t : townships.entrySet()) {
                write(area, bin, lorenz, p, t.getKey(), of(t.getValue()));
            }
            area.executeBatch();
            bin.executeBatch();
            lorenz.executeBatch();
        }
        return 1 + townships.size();
    }

    private static void write(PreparedStatement area, PreparedStatement bin, PreparedStatement lorenz, String p,
                              String code, Summary s) throws SQLException {
        area.setString(1, p);
        area.setString(2, code);
        area.setInt(3, s.families());
        area.setLong(4, s.persons());
        if (s.gini() == null) {
            area.setNull(5, Types.DOUBLE);
        } else {
            area.setDouble(5, s.gini());
        }
        area.addBatch();
        for (int i = 0; i < s.bins().size(); i++) {
            Bin b = s.bins().get(i);
            bin.setString(1, p);
            bin.setString(2, code);
            bin.setInt(3, i);
            bin.setDouble(4, b.from());
            if (b.to() == null) {
                bin.setNull(5, Types.DOUBLE);
            } else {
                bin.setDouble(5, b.to());
            }
            bin.setLong(6, b.families());
            bin.setLong(7, b.persons());
            bin.addBatch();
        }
        for (int i = 0; i < s.lorenz().size(); i++) {
            lorenz.setString(1, p);
            lorenz.setString(2, code);
            lorenz.setInt(3, i);
            lorenz.setDouble(4, (double) i / (s.lorenz().size() - 1));
            lorenz.setDouble(5, s.lorenz().get(i));
            lorenz.addBatch();
        }
    }
}
