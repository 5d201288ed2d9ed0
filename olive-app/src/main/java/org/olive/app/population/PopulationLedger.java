package org.olive.app.population;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.olive.identity.IdNumber;
import org.olive.period.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the population lists of a period (written by {@code olive run}): counts per list, per township and village,
 * per 5-year age band and sex, the members page by page and the exits (members of the previous period who are not
 * members now). Read-only; every query is limited to the filter's township when the user is a cadre.
 *
 * <p>The figures come from what step lists precomputes for the pages (V15, {@code PopulationListFigures}): the counts
 * from {@code population_count}, the pages from {@code population_member}, the exits from {@code population_exit}, so
 * that no page scans the period's {@code person_period} rows. Two cases still scan them: an age filter that is not a
 * whole number of 5-year bands (for the counts; the member pages filter on the exact age), and a period whose lists were
 * written before V15 (no {@code population_count} rows) until it is run again.
 */
@Repository
public class PopulationLedger {

    /** Exits shown on the page at most (the count is always complete). */
    static final int MAX_EXITS = 200;

    /**
     * What the page shows: a period and list, and the optional filters (null = any).
     *
     * @param township 9-digit township code
     * @param village  12-digit village code
     * @param sex      M, F or U
     */
    public record Filter(String period, PopulationList list, String township, String village, String sex,
                         AgeGroup age) {
    }

    /** Members of a list in one area. */
    public record AreaCount(String code, long count) {
    }

    /** One 5-year band of the pyramid: its label and the members by sex. */
    public record Band(int index, String label, long male, long female, long unknown) {
        public long total() {
            return male + female + unknown;
        }
    }

    /** One member (or former member) of a list. */
    public record Member(long personKey, String idNumber, String name, String sex, Integer age, String village,
                         String since) {
        /** The ID number masked (first 6 and last 4 characters). */
        public String maskedId() {
            return IdNumber.mask(idNumber);
        }
    }

    /** A page of members and how many there are. */
    public record MemberPage(List<Member> rows, long total, int page, int pageSize) {
        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }

    private final JdbcClient jdbc;
    /** Periods known to have precomputed figures (a run never removes them). */
    private final java.util.Set<String> precomputed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public PopulationLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the period's lists were written with their precomputed figures (V15). */
    boolean precomputed(String period) {
        if (precomputed.contains(period)) {
            return true;
        }
        boolean found = !jdbc.sql("SELECT 1 FROM population_count WHERE data_period = :p LIMIT 1").param("p", period)
                .query(Integer.class).list().isEmpty();
        if (found) {
            precomputed.add(period);
        }
        return found;
    }

    /** Whether the filter's counts can be summed from {@code population_count}. */
    private boolean fromCounts(Filter f) {
        return (f.age() == null || f.age().wholeBands()) && precomputed(f.period());
    }

    /** Periods with a successful ledger run, newest first. */
    public List<String> periods() {
        return jdbc.sql("SELECT DISTINCT data_period FROM ledger_run WHERE status = 'SUCCEEDED' ORDER BY data_period DESC")
                .query(String.class).list();
    }

    /** Members of each list under the filter's area, sex and age (the list itself is ignored). */
    public Map<PopulationList, Long> counts(Filter f) {
        if (fromCounts(f)) {
            Where w = countWhere(f, null);
            Map<PopulationList, Long> out = new EnumMap<>(PopulationList.class);
            jdbc.sql("SELECT c.population_list, SUM(c.persons) FROM population_count c" + w.sql + " GROUP BY c.population_list")
                    .params(w.params).query((java.sql.ResultSet rs) -> {
                        PopulationList l = PopulationList.of(rs.getString(1)).orElse(null);
                        if (l != null) {
                            out.put(l, rs.getLong(2));
                        }
                    });
            for (PopulationList l : PopulationList.values()) {
                out.putIfAbsent(l, 0L);
            }
            return out;
        }
        return scannedCounts(f);
    }

    /** {@link #counts} from the period's person_period rows. */
    Map<PopulationList, Long> scannedCounts(Filter f) {
        Where w = where(f, false);
        StringBuilder sql = new StringBuilder("SELECT ");
        for (PopulationList l : PopulationList.values()) {
            sql.append("SUM(CASE WHEN pp.").append(l.column()).append(" THEN 1 ELSE 0 END), ");
        }
        sql.setLength(sql.length() - 2);
        sql.append(" FROM person_period pp").append(w.sql);
        Map<PopulationList, Long> out = new EnumMap<>(PopulationList.class);
        jdbc.sql(sql.toString()).params(w.params).query((java.sql.ResultSet rs) -> {
            for (PopulationList l : PopulationList.values()) {
                out.put(l, rs.getLong(l.ordinal() + 1));
            }
        });
        for (PopulationList l : PopulationList.values()) {
            out.putIfAbsent(l, 0L);
        }
        return out;
    }

    /** Members of the list per township (9-digit code), in code order. */
    public List<AreaCount> byTownship(Filter f) {
        if (fromCounts(f)) {
            Where w = countWhere(f, f.list());
            return jdbc.sql("SELECT c.township_code, SUM(c.persons) FROM population_count c" + w.sql
                            + " GROUP BY c.township_code ORDER BY c.township_code")
                    .params(w.params).query((rs, n) -> new AreaCount(rs.getString(1), rs.getLong(2))).list();
        }
        return scannedByTownship(f);
    }

    /** {@link #byTownship} from the period's person_period rows. */
    List<AreaCount> scannedByTownship(Filter f) {
        Where w = where(f, true);
        return jdbc.sql("SELECT pp.township_code, COUNT(*) FROM person_period pp" + w.sql
                        + " GROUP BY pp.township_code ORDER BY pp.township_code")
                .params(w.params).query((rs, n) -> new AreaCount(rs.getString(1), rs.getLong(2))).list();
    }

    /** Members of the list per village (the list's village column), in code order. */
    public List<AreaCount> byVillage(Filter f) {
        if (fromCounts(f)) {
            Where w = countWhere(f, f.list());
            String v = "c." + f.list().villageColumn();
            return jdbc.sql("SELECT " + v + ", SUM(c.persons) FROM population_count c" + w.sql + " GROUP BY " + v
                            + " ORDER BY " + v)
                    .params(w.params).query((rs, n) -> new AreaCount(rs.getString(1), rs.getLong(2))).list();
        }
        return scannedByVillage(f);
    }

    /** {@link #byVillage} from the period's person_period rows. */
    List<AreaCount> scannedByVillage(Filter f) {
        Where w = where(f, true);
        String v = "pp." + f.list().villageColumn();
        return jdbc.sql("SELECT " + v + ", COUNT(*) FROM person_period pp" + w.sql + " GROUP BY " + v + " ORDER BY " + v)
                .params(w.params).query((rs, n) -> new AreaCount(rs.getString(1), rs.getLong(2))).list();
    }

    /** The pyramid: members of the list per 5-year band and sex; persons of unknown age are left out. */
    public List<Band> pyramid(Filter f) {
        if (fromCounts(f)) {
            Where w = countWhere(f, f.list());
            return pyramid("SELECT c.age_band, c.sex, SUM(c.persons) FROM population_count c" + w.sql
                    + " AND c.age_band IS NOT NULL GROUP BY c.age_band, c.sex", w);
        }
        return scannedPyramid(f);
    }

    /** {@link #pyramid} from the period's person_period rows. */
    List<Band> scannedPyramid(Filter f) {
        Where w = where(f, true);
        return pyramid("SELECT pp.age / " + AgeGroup.BAND + ", pp.sex, COUNT(*) FROM person_period pp" + w.sql
                + " AND pp.age IS NOT NULL GROUP BY pp.age / " + AgeGroup.BAND + ", pp.sex", w);
    }

    private List<Band> pyramid(String sql, Where w) {
        Map<Integer, long[]> bands = new TreeMap<>();
        jdbc.sql(sql).params(w.params).query((java.sql.ResultSet rs) -> {
                    int band = Math.min(rs.getInt(1), AgeGroup.LAST_BAND_START / AgeGroup.BAND);
                    String sex = rs.getString(2);
                    long[] c = bands.computeIfAbsent(band, k -> new long[3]);
                    c["M".equals(sex) ? 0 : "F".equals(sex) ? 1 : 2] += rs.getLong(3);
                });
        List<Band> out = new ArrayList<>();
        bands.forEach((i, c) -> out.add(new Band(i, AgeGroup.bandLabel(i), c[0], c[1], c[2])));
        return out;
    }

    /** Members of the list in the broad age groups (0-14, 15-59, 60+), from the pyramid's bands. */
    public static Map<String, Long> broadGroups(List<Band> pyramid) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (AgeGroup g : AgeGroup.BROAD) {
            out.put(g.label(), pyramid.stream().filter(b -> g.contains(b.index() * AgeGroup.BAND))
                    .mapToLong(Band::total).sum());
        }
        return out;
    }

    /** A page (1-based) of the list's members, by village, name and registry number. */
    public MemberPage members(Filter f, int page, int pageSize) {
        if (!precomputed(f.period())) {
            return scannedMembers(f, page, pageSize);
        }
        Where w = memberWhere(f, "m");
        long total;
        if (fromCounts(f)) {
            Where c = countWhere(f, f.list());
            total = jdbc.sql("SELECT COALESCE(SUM(c.persons), 0) FROM population_count c" + c.sql).params(c.params)
                    .query(Long.class).single();
        } else {
            total = jdbc.sql("SELECT COUNT(*) FROM population_member m" + w.sql).params(w.params).query(Long.class).single();
        }
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int p = Math.min(Math.max(1, page), pages);
        long offset = (long) (p - 1) * pageSize;
        boolean filtered = f.township() != null || f.village() != null || f.sex() != null || f.age() != null;
        // the page's first and last place in the list: without a filter a range of list_order (1..n per list); with
        // one, the filter's rows by list_order (index only, nothing joined for the rows skipped)
        List<Integer> places = filtered
                ? jdbc.sql("SELECT m.list_order FROM population_member m" + w.sql + " ORDER BY m.list_order LIMIT :n OFFSET :o")
                        .params(w.params).param("n", pageSize).param("o", offset).query(Integer.class).list()
                : List.of((int) offset + 1, (int) Math.min(total, offset + pageSize));
        if (places.isEmpty() || places.get(0) > places.get(places.size() - 1)) {
            return new MemberPage(List.of(), total, p, pageSize);
        }
        // then the page's rows, joined to person_period and person one by one from population_member
        List<Member> rows = jdbc.sql("SELECT pp.person_key, p.id_number, p.name, pp.sex, pp.age, pp."
                        + f.list().villageColumn() + " AS village, pp." + f.list().sinceColumn() + " FROM population_member m "
                        + "JOIN person_period pp ON pp.data_period = m.data_period AND pp.person_key = m.person_key "
                        + "JOIN person p ON p.person_key = m.person_key" + w.sql
                        + " AND m.list_order >= :first AND m.list_order <= :last ORDER BY m.list_order")
                .params(w.params).param("first", places.get(0)).param("last", places.get(places.size() - 1))
                .query(PopulationLedger::member).list();
        return new MemberPage(rows, total, p, pageSize);
    }

    /** {@link #members} from the period's person_period rows, sorted on each request. */
    MemberPage scannedMembers(Filter f, int page, int pageSize) {
        Where w = where(f, true);
        long total = jdbc.sql("SELECT COUNT(*) FROM person_period pp" + w.sql).params(w.params).query(Long.class).single();
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int p = Math.min(Math.max(1, page), pages);
        List<Member> rows = jdbc.sql(memberSelect(f.list()) + w.sql + " ORDER BY village, p.name, pp.person_key "
                        + "LIMIT :n OFFSET :o")
                .params(w.params).param("n", pageSize).param("o", (long) (p - 1) * pageSize)
                .query(PopulationLedger::member).list();
        return new MemberPage(rows, total, p, pageSize);
    }

    /** Every member of the list under the filter, in page order (for the CSV export). */
    public void eachMember(Filter f, Consumer<Member> out) {
        Where w = where(f, true);
        jdbc.sql(memberSelect(f.list()) + w.sql + " ORDER BY village, p.name, pp.person_key")
                .params(w.params).query((java.sql.ResultSet rs) -> {
                    out.accept(member(rs, 0));
                });
    }

    /** How many members of the previous month's list are not members in the filter's period. */
    public long exitCount(Filter f) {
        if (precomputed(f.period())) {
            Where w = memberWhere(f, "e");
            return jdbc.sql("SELECT COUNT(*) FROM population_exit e" + w.sql).params(w.params).query(Long.class).single();
        }
        return scannedExitCount(f);
    }

    /** {@link #exitCount} from the two periods' person_period rows. */
    long scannedExitCount(Filter f) {
        Where w = exitWhere(f);
        return jdbc.sql("SELECT COUNT(*) FROM person_period pp LEFT JOIN person_period cur ON cur.data_period = :p "
                        + "AND cur.person_key = pp.person_key" + w.sql)
                .params(w.params).query(Long.class).single();
    }

    /**
     * The exits: members of the previous month's list who are not members in the filter's period (gone from the
     * ledger or no longer on the list); {@code since} is the period their membership had begun.
     */
    public List<Member> exits(Filter f) {
        if (precomputed(f.period())) {
            Where w = memberWhere(f, "e");
            return jdbc.sql("SELECT e.person_key, p.id_number, p.name, e.sex, e.age, e.village_code AS village, "
                            + "e.member_since FROM population_exit e JOIN person p ON p.person_key = e.person_key" + w.sql
                            + " ORDER BY village, p.name, e.person_key LIMIT :n")
                    .params(w.params).param("n", MAX_EXITS).query(PopulationLedger::member).list();
        }
        return scannedExits(f);
    }

    /** {@link #exits} from the two periods' person_period rows. */
    List<Member> scannedExits(Filter f) {
        Where w = exitWhere(f);
        return jdbc.sql("SELECT pp.person_key, p.id_number, p.name, pp.sex, pp.age, pp." + f.list().villageColumn()
                        + " AS village, pp." + f.list().sinceColumn() + " FROM person_period pp "
                        + "JOIN person p ON p.person_key = pp.person_key "
                        + "LEFT JOIN person_period cur ON cur.data_period = :p AND cur.person_key = pp.person_key"
                        + w.sql + " ORDER BY village, p.name, pp.person_key LIMIT :n")
                .params(w.params).param("n", MAX_EXITS).query(PopulationLedger::member).list();
    }

    /** The previous month of a period. */
    public static String previous(String period) {
        return Period.parse(period).minusMonths(1).toString();
    }

    private static String memberSelect(PopulationList list) {
        return "SELECT pp.person_key, p.id_number, p.name, pp.sex, pp.age, pp." + list.villageColumn() + " AS village, pp."
                + list.sinceColumn() + " FROM person_period pp JOIN person p ON p.person_key = pp.person_key";
    }

    private static Member member(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        int age = rs.getInt(5);
        Integer a = rs.wasNull() ? null : age;
        return new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), a, rs.getString(6),
                rs.getString(7));
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    /** The filter as a WHERE clause on {@code person_period pp}; with {@code onList}, members of the list only. */
    private static Where where(Filter f, boolean onList) {
        StringBuilder sql = new StringBuilder(" WHERE pp.data_period = :p");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("p", f.period());
        if (onList) {
            sql.append(" AND pp.").append(f.list().column());
        }
        restrict(f, sql, params, "pp", onList ? f.list().villageColumn() : "live_village");
        return new Where(sql.toString(), params);
    }

    /**
     * The filter on {@code population_count c}: of one list with the list's village column, or of every list
     * ({@code list} null) with the village lived in, as {@link #where} does.
     */
    private static Where countWhere(Filter f, PopulationList list) {
        StringBuilder sql = new StringBuilder(" WHERE c.data_period = :p");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("p", f.period());
        if (list != null) {
            sql.append(" AND c.population_list = :l");
            params.put("l", list.column());
        }
        Filter areaSexOnly = new Filter(f.period(), f.list(), f.township(), f.village(), f.sex(), null);
        restrict(areaSexOnly, sql, params, "c", list != null ? list.villageColumn() : "live_village");
        if (f.age() != null) {
            // whole bands only (fromCounts): ages under 0 share band 0 in the division, and no age group includes them
            sql.append(" AND NOT c.below_zero AND c.age_band >= :bmin");
            params.put("bmin", f.age().min() / AgeGroup.BAND);
            if (f.age().max() != null) {
                sql.append(" AND c.age_band <= :bmax");
                params.put("bmax", (f.age().max() + 1) / AgeGroup.BAND - 1);
            }
        }
        return new Where(sql.toString(), params);
    }

    /** The filter on {@code population_member} or {@code population_exit} (alias {@code a}) of the filter's list. */
    private static Where memberWhere(Filter f, String a) {
        StringBuilder sql = new StringBuilder(" WHERE " + a + ".data_period = :p AND " + a + ".population_list = :l");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("p", f.period());
        params.put("l", f.list().column());
        restrict(f, sql, params, a, "village_code");
        return new Where(sql.toString(), params);
    }

    private static Where exitWhere(Filter f) {
        StringBuilder sql = new StringBuilder(" WHERE pp.data_period = :prev AND pp.").append(f.list().column())
                .append(" AND (cur.person_key IS NULL OR NOT cur.").append(f.list().column()).append(")");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("p", f.period());
        params.put("prev", previous(f.period()));
        restrict(f, sql, params, "pp", f.list().villageColumn());
        return new Where(sql.toString(), params);
    }

    /** The filter's township, village (in {@code villageColumn}), sex and age on the table of alias {@code a}. */
    private static void restrict(Filter f, StringBuilder sql, Map<String, Object> params, String a, String villageColumn) {
        if (f.township() != null) {
            sql.append(" AND ").append(a).append(".township_code = :t");
            params.put("t", f.township());
        }
        if (f.village() != null) {
            sql.append(" AND ").append(a).append('.').append(villageColumn).append(" = :v");
            params.put("v", f.village());
        }
        if (f.sex() != null) {
            sql.append(" AND ").append(a).append(".sex = :s");
            params.put("s", f.sex());
        }
        if (f.age() != null) {
            sql.append(" AND ").append(a).append(".age >= :amin");
            params.put("amin", f.age().min());
            if (f.age().max() != null) {
                sql.append(" AND ").append(a).append(".age <= :amax");
                params.put("amax", f.age().max());
            }
        }
    }
}
