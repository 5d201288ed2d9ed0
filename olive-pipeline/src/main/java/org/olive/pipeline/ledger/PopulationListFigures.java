package org.olive.pipeline.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

import static org.olive.pipeline.ledger.LedgerWork.delete;

/**
 * What the population pages read instead of scanning {@code person_period} (V15, docs/population.md), written by step
 * lists after the period's rows, in the run's transaction, replacing the period's rows:
 *
 * <ul>
 *   <li>{@code population_count}: members of each list per township, hukou village, village lived in, sex and
 *       {@value #AGE_BAND}-year age band;</li>
 *   <li>{@code population_member}: each list's members in the page order (the list's village, name, person key);</li>
 *   <li>{@code population_exit}: members of the previous period's list who are not members now, with the previous
 *       period's row.</li>
 * </ul>
 *
 * The counts and exits are computed by the database from the rows just written (the same integer division as the
 * pages' own queries); the members' page order is numbered here, nulls first as H2 orders them, so all three are what
 * a scan of the period would return at the time of the run.
 */
public final class PopulationListFigures {

    /** Width of the age bands of {@code population_count} and of the population pyramid. */
    public static final int AGE_BAND = 5;

    /**
     * The four lists (domain.md §2): the boolean column of {@code person_period} is the list's name in lower case, with
     * a {@code <list>_since} column; a member is counted in the list's village column.
     */
    public enum ListColumns {
        REGISTERED("hukou_village"),
        RESIDENT("live_village"),
        FLOATING("live_village"),
        SEPARATED("hukou_village");

        private final String villageColumn;

        ListColumns(String villageColumn) {
            this.villageColumn = villageColumn;
        }

        /** The boolean column of {@code person_period}, also the list's value in the figures' tables. */
        public String column() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The column holding the period the membership began. */
        public String sinceColumn() {
            return column() + "_since";
        }

        /** The village a member of this list is counted in. */
        public String villageColumn() {
            return villageColumn;
        }
    }

    private PopulationListFigures() {
    }

    /**
     * Rewrites the figures of a period from its person_period rows and the previous period's, on the caller's
     * connection (the caller commits). Step lists calls it; public for the tests that compare them with the scans.
     */
    public static void write(Connection c, String period, String previous) throws SQLException {
        delete(c, "population_count", period);
        delete(c, "population_member", period);
        delete(c, "population_exit", period);
        String band = "pp.age / " + AGE_BAND;
        String belowZero = "CASE WHEN pp.age < 0 THEN TRUE ELSE FALSE END";
        members(c, period);
        for (ListColumns l : ListColumns.values()) {
            String flag = "pp." + l.column();
            update(c, "INSERT INTO population_count (data_period, population_list, township_code, hukou_village, "
                    + "live_village, sex, age_band, below_zero, persons) SELECT pp.data_period, '" + l.column() + "', "
                    + "pp.township_code, pp.hukou_village, pp.live_village, pp.sex, " + band + ", " + belowZero
                    + ", COUNT(*) FROM person_period pp WHERE pp.data_period = ? AND " + flag
                    + " GROUP BY pp.data_period, pp.township_code, pp.hukou_village, pp.live_village, pp.sex, " + band
                    + ", " + belowZero, period);
            update(c, "INSERT INTO population_exit (data_period, population_list, person_key, township_code, "
                    + "village_code, sex, age, member_since) SELECT ?, '" + l.column() + "', pp.person_key, "
                    + "pp.township_code, pp." + l.villageColumn() + ", pp.sex, pp.age, pp." + l.sinceColumn()
                    + " FROM person_period pp LEFT JOIN person_period cur ON cur.data_period = ? "
                    + "AND cur.person_key = pp.person_key WHERE pp.data_period = ? AND " + flag
                    + " AND (cur.person_key IS NULL OR NOT cur." + l.column() + ")", period, period, previous);
        }
    }

    /** One person of the period as the member pages show them. */
    private record Row(long key, String township, String hukouVillage, String liveVillage, String sex, Integer age,
                       String name, boolean[] lists) {
    }

    /** Nulls first, then the natural order of the text (H2's order of the pages' own ORDER BY). */
    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());

    /**
     * population_member: each list's members in page order (the list's village, name, person key), numbered here
     * and written in batches: the database's ROW_NUMBER() over a join with person sorted the whole list on disk
     * (10 s for the resident list of the default county, docs/benchmarks.md).
     */
    private static void members(Connection c, String period) throws SQLException {
        ListColumns[] lists = ListColumns.values();
        StringBuilder sql = new StringBuilder("SELECT pp.person_key, pp.township_code, pp.hukou_village, pp.live_village, "
                + "pp.sex, pp.age, p.name");
        for (ListColumns l : lists) {
            sql.append(", pp.").append(l.column());
        }
        sql.append(" FROM person_period pp JOIN person p ON p.person_key = pp.person_key WHERE pp.data_period = ?");
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setString(1, period);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean[] on = new boolean[lists.length];
                    for (int i = 0; i < lists.length; i++) {
                        on[i] = rs.getBoolean(8 + i);
                    }
                    int age = rs.getInt(6);
                    Integer known = rs.wasNull() ? null : age;
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            known, rs.getString(7), on));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO population_member (data_period, population_list, "
                + "list_order, person_key, township_code, village_code, sex, age) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int batch = 0;
            for (int i = 0; i < lists.length; i++) {
                int li = i;
                boolean hukou = lists[i].villageColumn().equals("hukou_village");
                java.util.function.Function<Row, String> village = hukou ? Row::hukouVillage : Row::liveVillage;
                List<Row> members = new ArrayList<>();
                for (Row r : rows) {
                    if (r.lists()[li]) {
                        members.add(r);
                    }
                }
                members.sort(Comparator.comparing(village, TEXT).thenComparing(Row::name, TEXT)
                        .thenComparingLong(Row::key));
                int order = 0;
                for (Row r : members) {
                    ps.setString(1, period);
                    ps.setString(2, lists[i].column());
                    ps.setInt(3, ++order);
                    ps.setLong(4, r.key());
                    ps.setString(5, r.township());
                    ps.setString(6, village.apply(r));
                    ps.setString(7, r.sex());
                    if (r.age() == null) {
                        ps.setNull(8, java.sql.Types.INTEGER);
                    } else {
                        ps.setInt(8, r.age());
                    }
                    ps.addBatch();
                    if (++batch % 5000 == 0) {
                        ps.executeBatch();
                    }
                }
            }
            ps.executeBatch();
        }
    }

    private static void update(Connection c, String sql, String... periods) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < periods.length; i++) {
                ps.setString(i + 1, periods[i]);
            }
            ps.executeUpdate();
        }
    }
}
