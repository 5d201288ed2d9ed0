package org.olive.pipeline.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * All three are computed here from one read of the rows just written (and of the previous period's): the same
 * integer division as the pages' own queries, the page order with nulls first as H2 orders them; so they are what a
 * scan of the period would return at the time of the run.
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
     * The period's rows (with the names) and the previous period's are read once; the counts, the page order and the
     * exits are computed here and written in batches (the database's GROUP BY, ROW_NUMBER() and anti-join per list
     * took 6–24 s a month for the default county, docs/benchmarks.md).
     */
    public static void write(Connection c, String period, String previous) throws SQLException {
        delete(c, "population_count", period);
        delete(c, "population_member", period);
        delete(c, "population_exit", period);
        List<Row> rows = read(c, period, true);
        counts(c, period, rows);
        members(c, period, rows);
        exits(c, period, rows, previous == null ? List.of() : read(c, previous, false));
    }

    /** One person of a period as the pages show them; {@code lists[i]} / {@code since[i]} per {@link ListColumns}. */
    private record Row(long key, String township, String hukouVillage, String liveVillage, String sex, Integer age,
                       String name, boolean[] lists, String[] since) {

        String village(ListColumns l) {
            return l.villageColumn().equals("hukou_village") ? hukouVillage : liveVillage;
        }
    }

    /** Nulls first, then the natural order of the text (H2's order of the pages' own ORDER BY). */
    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());

    private static List<Row> read(Connection c, String period, boolean names) throws SQLException {
        ListColumns[] lists = ListColumns.values();
        StringBuilder sql = new StringBuilder("SELECT pp.person_key, pp.township_code, pp.hukou_village, pp.live_village, "
                + "pp.sex, pp.age, " + (names ? "p.name" : "CAST(NULL AS VARCHAR(100))"));
        for (ListColumns l : lists) {
            sql.append(", pp.").append(l.column()).append(", pp.").append(l.sinceColumn());
        }
        sql.append(" FROM person_period pp").append(names ? " JOIN person p ON p.person_key = pp.person_key" : "")
                .append(" WHERE pp.data_period = ?");
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setString(1, period);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int age = rs.getInt(6);
                    Integer known = rs.wasNull() ? null : age;
                    boolean[] on = new boolean[lists.length];
                    String[] since = new String[lists.length];
                    for (int i = 0; i < lists.length; i++) {
                        on[i] = rs.getBoolean(8 + 2 * i);
                        since[i] = rs.getString(9 + 2 * i);
                    }
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            known, rs.getString(7), on, since));
                }
            }
        }
        return rows;
    }

    /**
     * population_count: members per list, township, hukou village, village lived in, sex, age band (integer division
     * towards zero, as the pages' SQL) and whether the age is below zero.
     */
    private static void counts(Connection c, String period, List<Row> rows) throws SQLException {
        ListColumns[] lists = ListColumns.values();
        Map<List<Object>, long[]> cube = new LinkedHashMap<>();
        for (Row r : rows) {
            for (int i = 0; i < lists.length; i++) {
                if (r.lists()[i]) {
                    List<Object> key = java.util.Arrays.asList(lists[i].column(), r.township(), r.hukouVillage(),
                            r.liveVillage(), r.sex(), r.age() == null ? null : r.age() / AGE_BAND,
                            r.age() != null && r.age() < 0);
                    cube.computeIfAbsent(key, k -> new long[1])[0]++;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO population_count (data_period, population_list, "
                + "township_code, hukou_village, live_village, sex, age_band, below_zero, persons) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Map.Entry<List<Object>, long[]> e : cube.entrySet()) {
                List<Object> k = e.getKey();
                ps.setString(1, period);
                for (int i = 0; i < 5; i++) {
                    ps.setString(2 + i, (String) k.get(i));
                }
                age(ps, 7, (Integer) k.get(5));
                ps.setBoolean(8, (Boolean) k.get(6));
                ps.setLong(9, e.getValue()[0]);
                ps.addBatch();
                if (++n % 5000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /**
     * population_member: each list's members in page order (the list's village, name, person key), numbered here:
     * the database's ROW_NUMBER() over a join with person sorted the whole list on disk (10 s for the resident list of
     * the default county, docs/benchmarks.md).
     */
    private static void members(Connection c, String period, List<Row> rows) throws SQLException {
        ListColumns[] lists = ListColumns.values();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO population_member (data_period, population_list, "
                + "list_order, person_key, township_code, village_code, sex, age) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int batch = 0;
            for (int i = 0; i < lists.length; i++) {
                int li = i;
                ListColumns l = lists[i];
                List<Row> members = new ArrayList<>();
                for (Row r : rows) {
                    if (r.lists()[li]) {
                        members.add(r);
                    }
                }
                members.sort(Comparator.comparing((Row r) -> r.village(l), TEXT).thenComparing(Row::name, TEXT)
                        .thenComparingLong(Row::key));
                int order = 0;
                for (Row r : members) {
                    ps.setString(1, period);
                    ps.setString(2, l.column());
                    ps.setInt(3, ++order);
                    ps.setLong(4, r.key());
                    ps.setString(5, r.township());
                    ps.setString(6, r.village(l));
                    ps.setString(7, r.sex());
                    age(ps, 8, r.age());
                    ps.addBatch();
                    if (++batch % 5000 == 0) {
                        ps.executeBatch();
                    }
                }
            }
            ps.executeBatch();
        }
    }

    /** population_exit: members of the previous period's list who are not on the list in the period. */
    private static void exits(Connection c, String period, List<Row> rows, List<Row> previous) throws SQLException {
        ListColumns[] lists = ListColumns.values();
        Map<Long, Row> now = new HashMap<>();
        for (Row r : rows) {
            now.put(r.key(), r);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO population_exit (data_period, population_list, "
                + "person_key, township_code, village_code, sex, age, member_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int batch = 0;
            for (int i = 0; i < lists.length; i++) {
                for (Row r : previous) {
                    Row cur = now.get(r.key());
                    if (!r.lists()[i] || (cur != null && cur.lists()[i])) {
                        continue;
                    }
                    ps.setString(1, period);
                    ps.setString(2, lists[i].column());
                    ps.setLong(3, r.key());
                    ps.setString(4, r.township());
                    ps.setString(5, r.village(lists[i]));
                    ps.setString(6, r.sex());
                    age(ps, 7, r.age());
                    ps.setString(8, r.since()[i]);
                    ps.addBatch();
                    if (++batch % 5000 == 0) {
                        ps.executeBatch();
                    }
                }
            }
            ps.executeBatch();
        }
    }

    private static void age(PreparedStatement ps, int col, Integer age) throws SQLException {
        if (age == null) {
            ps.setNull(col, java.sql.Types.INTEGER);
        } else {
            ps.setInt(col, age);
        }
    }
}
