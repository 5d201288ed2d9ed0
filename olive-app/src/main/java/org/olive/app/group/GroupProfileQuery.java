package org.olive.app.group;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.olive.app.population.AgeGroup;
import org.olive.app.population.PopulationLedger.Band;
import org.olive.occupation.IndustryClassification;
import org.olive.occupation.OccupationClassification;
import org.olive.pipeline.ingest.MasterTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 群体画像: the profile of one group at one period, aggregates only — size and tiers, the spread by township and
 * village, the age and sex pyramid ({@code person_period}), education (the hukou's GB/T 4658 category), occupation
 * (GB/T 6565 中类 of {@code person_occupation}) and industry (GB/T 4754 大类), and the income structure
 * ({@code person_income}, {@code family_income}, the brackets of {@code family_flag}). Every query starts from the
 * group's members of the period ({@code ix_group_member_group}: data_period, group_id) and reaches the other tables by
 * their keys: no whole-county scan.
 */
@Repository
public class GroupProfileQuery {

    /** Rows of the occupation and industry mixes shown. */
    public static final int TOP = 10;

    /** GB/T 4658-2006 major categories as the hukou mapping keeps them, in order of schooling. */
    public static final List<String> EDUCATION = List.of("10", "20", "30", "40", "60", "70", "80", "90");

    /** The NBS income components of {@code person_income}, in order. */
    public static final List<String> COMPONENTS = List.of("WAGE", "BUSINESS", "PROPERTY", "TRANSFER_IN", "TRANSFER_OUT");

    /** A count under a code (a township, village, education category, occupation or industry) and its name. */
    public record Count(String code, String name, long count) {
    }

    /**
     * The income structure of the members.
     *
     * @param withIncome   members with a {@code person_income} row (residents, and others with income records)
     * @param withFamily   members whose family has a {@code family_income} row
     * @param p25          first quartile of the per-capita DI of the members' families, over members (each counted
     *                     with their family's figure); null without any
     * @param totals       sum over the members with income of each component (TRANSFER_OUT a deduction) and DI
     * @param shares       each of WAGE, BUSINESS, PROPERTY, TRANSFER_IN as a share of their sum (gross income)
     * @param brackets     members whose family is in each bracket of the profile (family_flag BRACKET), by bracket id
     */
    public record Income(long withIncome, long withFamily, BigDecimal p25, BigDecimal median, BigDecimal p75,
                         Map<String, BigDecimal> totals, Map<String, Double> shares, Map<String, Long> brackets) {
    }

    /**
     * A group's profile at a period.
     *
     * @param tiers       members by tier: STABLE, POTENTIAL, VULNERABLE, NONE
     * @param entered     ENTER events of the period
     * @param left        LEAVE events of the period
     * @param education   members by education category (code '' when the hukou has none)
     */
    public record Profile(String period, String groupId, long members, long manual, Map<String, Long> tiers,
                          long entered, long left, List<Count> byTownship, List<Count> byVillage, List<Band> pyramid,
                          List<Count> education, List<Count> occupations, long occupationUnknown,
                          List<Count> industries, long industryUnknown, Income income) {
    }

    private static final String MEMBERS = " FROM group_member m WHERE m.data_period = :p AND m.group_id = :g";

    private final JdbcClient jdbc;
    private final org.olive.app.population.AreaNames areas;

    public GroupProfileQuery(JdbcClient jdbc, org.olive.app.population.AreaNames areas) {
        this.jdbc = jdbc;
        this.areas = areas;
    }

    /** The profile of group {@code groupId} at {@code period} (empty figures when it has no members then). */
    public Profile profile(String period, String groupId) {
        long[] size = new long[2];
        Map<String, Long> tiers = new LinkedHashMap<>();
        for (String t : List.of("STABLE", "POTENTIAL", "VULNERABLE", "NONE")) {
            tiers.put(t, 0L);
        }
        Map<String, Long> towns = new TreeMap<>();
        jdbc.sql("SELECT m.tier, m.origin, m.township_code, COUNT(*)" + MEMBERS
                        + " GROUP BY m.tier, m.origin, m.township_code")
                .param("p", period).param("g", groupId).query(rs -> {
                    long n = rs.getLong(4);
                    size[0] += n;
                    size[1] += "MANUAL".equals(rs.getString(2)) ? n : 0;
                    tiers.merge(rs.getString(1) == null ? "NONE" : rs.getString(1), n, Long::sum);
                    towns.merge(rs.getString(3) == null ? "" : rs.getString(3), n, Long::sum);
                });
        long[] events = new long[2];
        jdbc.sql("SELECT kind, COUNT(*) FROM group_event WHERE group_id = :g AND data_period = :p GROUP BY kind")
                .param("p", period).param("g", groupId)
                .query(rs -> {
                    events["ENTER".equals(rs.getString(1)) ? 0 : 1] += rs.getLong(2);
                });

        // one row per member: place, sex and age, occupation and industry, own income, family's per-capita DI
        Map<String, Long> villages = new TreeMap<>();
        Map<Integer, long[]> bands = new TreeMap<>();
        Map<String, Long> occupations = new LinkedHashMap<>();
        Map<String, Long> industries = new LinkedHashMap<>();
        long[] unknown = new long[2];
        long[] withIncome = new long[1];
        BigDecimal[] totals = new BigDecimal[COMPONENTS.size() + 1];
        java.util.Arrays.fill(totals, BigDecimal.ZERO);
        List<BigDecimal> perCapita = new ArrayList<>();
        OccupationClassification gbt6565 = OccupationClassification.gbt6565();
        jdbc.sql("SELECT COALESCE(pp.live_village, pp.hukou_village), pp.sex, pp.age, po.occupation_code, "
                        + "po.industry_code, pi.person_key, pi.wage, pi.business, pi.property, pi.transfer_in, "
                        + "pi.transfer_out, pi.disposable, fi.per_capita FROM group_member m "
                        + "LEFT JOIN person_period pp ON pp.data_period = m.data_period AND pp.person_key = m.person_key "
                        + "LEFT JOIN person_occupation po ON po.data_period = m.data_period AND po.person_key = m.person_key "
                        + "LEFT JOIN person_income pi ON pi.data_period = m.data_period AND pi.person_key = m.person_key "
                        + "LEFT JOIN family_income fi ON fi.data_period = m.data_period AND fi.family_key = m.family_key "
                        + "WHERE m.data_period = :p AND m.group_id = :g")
                .param("p", period).param("g", groupId).query(rs -> {
                    villages.merge(rs.getString(1) == null ? "" : rs.getString(1), 1L, Long::sum);
                    int age = rs.getInt(3);
                    if (!rs.wasNull()) {
                        int band = Math.min(age / AgeGroup.BAND, AgeGroup.LAST_BAND_START / AgeGroup.BAND);
                        String sex = rs.getString(2);
                        bands.computeIfAbsent(band, k -> new long[3])["M".equals(sex) ? 0 : "F".equals(sex) ? 1 : 2]++;
                    }
                    String occ = rs.getString(4) == null ? null : gbt6565.level2(rs.getString(4).strip()).orElse(null);
                    if (occ == null) {
                        unknown[0]++;
                    } else {
                        occupations.merge(occ, 1L, Long::sum);
                    }
                    String ind = rs.getString(5);
                    if (ind == null || ind.strip().length() < 2) {
                        unknown[1]++;
                    } else {
                        industries.merge(ind.strip().substring(0, 2), 1L, Long::sum);
                    }
                    if (rs.getObject(6) != null) {
                        withIncome[0]++;
                        for (int i = 0; i <= COMPONENTS.size(); i++) {
                            totals[i] = totals[i].add(rs.getBigDecimal(7 + i));
                        }
                    }
                    if (rs.getBigDecimal(13) != null) {
                        perCapita.add(rs.getBigDecimal(13));
                    }
                });

        Map<String, Long> education = new LinkedHashMap<>();
        jdbc.sql("SELECT x.education, COUNT(*) FROM (SELECT m.person_key, MIN(h.education) AS education "
                        + "FROM group_member m JOIN person p ON p.person_key = m.person_key "
                        + "LEFT JOIN basic_hukou h ON h.person_id = p.id_number AND h.data_period = m.data_period AND h."
                        + MasterTables.VISIBLE + " WHERE m.data_period = :p AND m.group_id = :g GROUP BY m.person_key) x "
                        + "GROUP BY x.education")
                .param("p", period).param("g", groupId).query(rs -> {
                    String code = rs.getString(1) == null ? "" : rs.getString(1).strip();
                    education.merge(EDUCATION.contains(code) ? code : code.isEmpty() ? "" : "90", rs.getLong(2),
                            Long::sum);
                });

        Map<String, Long> brackets = new LinkedHashMap<>();
        jdbc.sql("SELECT ff.flag_id, COUNT(*) FROM group_member m JOIN family_flag ff ON ff.data_period = m.data_period "
                        + "AND ff.family_key = m.family_key AND ff.kind = 'BRACKET' "
                        + "WHERE m.data_period = :p AND m.group_id = :g GROUP BY ff.flag_id ORDER BY ff.flag_id")
                .param("p", period).param("g", groupId).query(rs -> {
                    brackets.put(rs.getString(1), rs.getLong(2));
                });

        List<Band> pyramid = new ArrayList<>();
        bands.forEach((i, c) -> pyramid.add(new Band(i, AgeGroup.bandLabel(i), c[0], c[1], c[2])));
        List<Count> educationRows = new ArrayList<>();
        for (String code : EDUCATION) {
            educationRows.add(new Count(code, null, education.getOrDefault(code, 0L)));
        }
        educationRows.add(new Count("", null, education.getOrDefault("", 0L)));
        IndustryClassification gbt4754 = IndustryClassification.gbt4754();
        return new Profile(period, groupId, size[0], size[1], tiers, events[0], events[1],
                areaRows(towns), areaRows(villages), pyramid, educationRows,
                top(occupations, c -> gbt6565.name(c).orElse(c)), unknown[0],
                top(industries, c -> gbt4754.name(c).orElse(c)), unknown[1],
                income(withIncome[0], totals, perCapita, brackets));
    }

    private List<Count> areaRows(Map<String, Long> counts) {
        List<Count> out = new ArrayList<>();
        counts.forEach((code, n) -> out.add(new Count(code, code.isEmpty() ? null : areas.of(code), n)));
        return out;
    }

    private static List<Count> top(Map<String, Long> counts, java.util.function.Function<String, String> name) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP).map(e -> new Count(e.getKey(), name.apply(e.getKey()), e.getValue())).toList();
    }

    static Income income(long withIncome, BigDecimal[] totals, List<BigDecimal> perCapita, Map<String, Long> brackets) {
        perCapita.sort(Comparator.naturalOrder());
        Map<String, BigDecimal> t = new LinkedHashMap<>();
        for (int i = 0; i < COMPONENTS.size(); i++) {
            t.put(COMPONENTS.get(i), totals[i]);
        }
        t.put("DISPOSABLE", totals[COMPONENTS.size()]);
        BigDecimal gross = totals[0].add(totals[1]).add(totals[2]).add(totals[3]);
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            shares.put(COMPONENTS.get(i), gross.signum() == 0 ? null : totals[i].doubleValue() / gross.doubleValue());
        }
        return new Income(withIncome, perCapita.size(), quantile(perCapita, 0.25), quantile(perCapita, 0.5),
                quantile(perCapita, 0.75), t, shares, brackets);
    }

    /** The q-quantile of sorted values by linear interpolation between order statistics (type 7); null when empty. */
    static BigDecimal quantile(List<BigDecimal> sorted, double q) {
        if (sorted.isEmpty()) {
            return null;
        }
        double h = (sorted.size() - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.size() - 1);
        double v = sorted.get(lo).doubleValue() + (h - lo) * (sorted.get(hi).doubleValue() - sorted.get(lo).doubleValue());
        return BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
