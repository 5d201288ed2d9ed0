package org.olive.pipeline.income.estimate;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.olive.geography.Division;
import org.olive.geography.Divisions;
import org.olive.geography.UrbanRural;
import org.olive.income.Component;
import org.olive.period.Period;
import org.olive.pipeline.income.PreciseIncome;
import org.olive.pipeline.ingest.MasterTables;

/**
 * The features the estimation model sees for each person of a period, read with SQL from the period's ledgers
 * (person_period, family_member, family_period) and the master tables (visible rows only, {@link MasterTables#VISIBLE}),
 * plus the person's precise income (amount and months per component) so that the model learns what the records
 * already cover. Dataset rows are attached to persons by their ID number (person.id_number); rows whose ID number did
 * not match a person are not features of anyone.
 *
 * <p>Monthly datasets count over the 12 months ending with the period; snapshot datasets (hukou, market entities,
 * disability) use the period's own delivery (monthly rows are read from the deliveries of the window, a month being
 * delivered in its own period or later); cumulative ones (skill certificates, property titles) everything
 * delivered up to the period. The order of {@link #NAMES} is the order of every feature row.
 */
public final class EstimationFeatures {

    /** Feature names, in row order. */
    public static final List<String> NAMES;
    private static final List<String> BASE = List.of(
            "age", "female", "education", "urban", "village_class", "skill_major_group", "skill_level",
            "entities_operated", "individual_businesses", "entity_employees", "crew_months", "crew_officer",
            "vessels_owned", "aquaculture_mu", "bnb_rooms", "platform_months", "family_members", "family_residents",
            "family_children", "family_elderly", "family_kwh_month", "family_water_m3_month", "properties",
            "property_m2", "disability_grade", "assistance_months");

    static {
        List<String> names = new ArrayList<>(BASE);
        for (Component c : Component.values()) {
            names.add("precise_" + c.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (Component c : Component.values()) {
            names.add("months_" + c.name().toLowerCase(java.util.Locale.ROOT));
        }
        NAMES = List.copyOf(names);
    }

    private static final int AGE = 0, FEMALE = 1, EDUCATION = 2, URBAN = 3, VILLAGE_CLASS = 4, SKILL_MAJOR = 5,
            SKILL_LEVEL = 6, ENTITIES = 7, INDIVIDUAL = 8, EMPLOYEES = 9, CREW_MONTHS = 10, CREW_OFFICER = 11,
            VESSELS = 12, AQUACULTURE = 13, BNB_ROOMS = 14, PLATFORM = 15, FAMILY_MEMBERS = 16,
            FAMILY_RESIDENTS = 17, CHILDREN = 18, ELDERLY = 19, KWH = 20, WATER = 21, PROPERTIES = 22,
            PROPERTY_M2 = 23, DISABILITY = 24, ASSISTANCE = 25, PRECISE = 26, MONTHS = PRECISE + 5;

    /** One person's features in a period, with what the applicability rules need. */
    public record Person(long personKey, boolean resident, int age, String familyKey, double[] features) {
    }

    private static final Pattern CLASS_CODE = Pattern.compile("urban-rural code (\\d{3})");

    private final Divisions divisions;

    public EstimationFeatures(Divisions divisions) {
        this.divisions = divisions;
    }

    /**
     * Every person of the period's person_period (resident or not) with their features.
     *
     * @param precise the period's precise income by person_key (persons without an entry have none)
     */
    public Map<Long, Person> read(Connection c, Period p, Map<Long, PreciseIncome> precise) throws SQLException {
        String period = p.toString();
        String first = p.minusMonths(11).toString();
        Map<Long, double[]> x = new HashMap<>();
        Map<Long, Boolean> resident = new HashMap<>();
        Map<Long, Integer> ages = new HashMap<>();
        query(c, "SELECT person_key, resident, age, sex, COALESCE(live_village, hukou_village) FROM person_period "
                + "WHERE data_period = ?", ps -> set(ps, period), rs -> {
            long k = rs.getLong(1);
            double[] f = new double[NAMES.size()];
            x.put(k, f);
            resident.put(k, rs.getBoolean(2));
            int age = rs.getInt(3);
            ages.put(k, rs.wasNull() ? -1 : age);
            f[AGE] = rs.wasNull() ? -1 : age;
            f[FEMALE] = "F".equals(rs.getString(4)) ? 1 : 0;
            village(f, rs.getString(5));
        });
        query(c, "SELECT p.person_key, MAX(t.education) FROM (SELECT person_id, education FROM basic_hukou WHERE "
                + MasterTables.VISIBLE + " AND data_period = ?) t JOIN person p ON p.id_number = t.person_id "
                + "GROUP BY p.person_key", ps -> set(ps, period), rs -> put(x, rs, EDUCATION, education(rs.getString(2))));
        query(c, "SELECT p.person_key, t.occupation_code, t.level FROM (SELECT person_id, occupation_code, level FROM "
                + "work_skill_cert WHERE " + MasterTables.VISIBLE + " AND data_period <= ?) t "
                + "JOIN person p ON p.id_number = t.person_id", ps -> set(ps, period), rs -> {
            double[] f = x.get(rs.getLong(1));
            String level = rs.getString(3);
            int strength = level == null || level.isBlank() ? 1 : 6 - Integer.parseInt(level.strip());
            if (f != null && strength > f[SKILL_LEVEL]) {
                f[SKILL_LEVEL] = strength;
                String code = rs.getString(2);
                f[SKILL_MAJOR] = code == null || code.isEmpty() || !Character.isDigit(code.charAt(0)) ? 0 : code.charAt(0) - '0';
            }
        });
        Date lastDay = Date.valueOf(p.lastDay());
        query(c, "SELECT p.person_key, SUM(CASE WHEN t.kind = 'INDIVIDUAL' THEN 0 ELSE 1 END), "
                + "SUM(CASE WHEN t.kind = 'INDIVIDUAL' THEN 1 ELSE 0 END), SUM(COALESCE(t.employees, 0)) FROM "
                + "(SELECT operator_id, kind, employees FROM work_market_entity WHERE " + MasterTables.VISIBLE
                + " AND data_period = ? AND (closed_date IS NULL OR closed_date > ?)) t "
                + "JOIN person p ON p.id_number = t.operator_id GROUP BY p.person_key", ps -> {
            ps.setString(1, period);
            ps.setDate(2, lastDay);
        }, rs -> {
            put(x, rs, ENTITIES, rs.getDouble(2));
            put(x, rs, INDIVIDUAL, rs.getDouble(3));
            put(x, rs, EMPLOYEES, rs.getDouble(4));
        });
        query(c, "SELECT p.person_key, COUNT(DISTINCT t.month_period), MAX(CASE WHEN t.role IN ('船长', '轮机长', "
                + "'大副', '二副', '三副', '大管轮', '二管轮') THEN 1 ELSE 0 END) FROM (SELECT person_id, month_period, role "
                + "FROM work_fishery_crew WHERE " + MasterTables.VISIBLE + window() + ") t "
                + "JOIN person p ON p.id_number = t.person_id GROUP BY p.person_key", ps -> window(ps, first, period), rs -> {
            put(x, rs, CREW_MONTHS, rs.getDouble(2));
            put(x, rs, CREW_OFFICER, rs.getDouble(3));
        });
        query(c, "SELECT p.person_key, COUNT(DISTINCT t.vessel_no) FROM (SELECT owner_id, vessel_no FROM "
                + "work_fishery_vessels WHERE " + MasterTables.VISIBLE + window() + ") t "
                + "JOIN person p ON p.id_number = t.owner_id GROUP BY p.person_key", ps -> window(ps, first, period),
                rs -> put(x, rs, VESSELS, rs.getDouble(2)));
        query(c, "SELECT p.person_key, SUM(t.area) FROM (SELECT holder_id, licence_no, MAX(area_mu) AS area FROM "
                + "work_fishery_aquaculture WHERE " + MasterTables.VISIBLE + window() + " GROUP BY holder_id, licence_no) t "
                + "JOIN person p ON p.id_number = t.holder_id GROUP BY p.person_key", ps -> window(ps, first, period),
                rs -> put(x, rs, AQUACULTURE, rs.getDouble(2)));
        query(c, "SELECT p.person_key, SUM(t.rooms) FROM (SELECT owner_id, bnb_no, MAX(rooms) AS rooms FROM work_bnb "
                + "WHERE " + MasterTables.VISIBLE + window() + " GROUP BY owner_id, bnb_no) t "
                + "JOIN person p ON p.id_number = t.owner_id GROUP BY p.person_key", ps -> window(ps, first, period),
                rs -> put(x, rs, BNB_ROOMS, rs.getDouble(2)));
        query(c, "SELECT p.person_key, COUNT(DISTINCT t.month_period) FROM (SELECT person_id, month_period FROM "
                + "work_platform_work WHERE " + MasterTables.VISIBLE + window() + ") t "
                + "JOIN person p ON p.id_number = t.person_id GROUP BY p.person_key", ps -> window(ps, first, period),
                rs -> put(x, rs, PLATFORM, rs.getDouble(2)));
        Map<Long, double[]> heldUtilities = new HashMap<>();
        query(c, "SELECT p.person_key, SUM(t.kwh), SUM(t.water) FROM (SELECT holder_id, SUM(kwh) / COUNT(*) AS kwh, "
                + "SUM(water_m3) / COUNT(*) AS water FROM income_utilities WHERE " + MasterTables.VISIBLE + window()
                + " GROUP BY holder_id, account_no) t JOIN person p ON p.id_number = t.holder_id GROUP BY p.person_key",
                ps -> window(ps, first, period),
                rs -> heldUtilities.put(rs.getLong(1), new double[] {rs.getDouble(2), rs.getDouble(3)}));
        query(c, "SELECT p.person_key, COUNT(DISTINCT t.property_id), SUM(t.area) FROM (SELECT owner_id, property_id, "
                + "MAX(area_m2) AS area FROM income_property_ownership WHERE " + MasterTables.VISIBLE
                + " AND data_period <= ? GROUP BY owner_id, property_id) t JOIN person p ON p.id_number = t.owner_id "
                + "GROUP BY p.person_key", ps -> set(ps, period), rs -> {
            put(x, rs, PROPERTIES, rs.getDouble(2));
            put(x, rs, PROPERTY_M2, rs.getDouble(3));
        });
        query(c, "SELECT p.person_key, MIN(t.grade) FROM (SELECT person_id, grade FROM basic_disability WHERE "
                + MasterTables.VISIBLE + " AND data_period = ?) t JOIN person p ON p.id_number = t.person_id "
                + "GROUP BY p.person_key", ps -> set(ps, period), rs -> {
            String g = rs.getString(2);
            put(x, rs, DISABILITY, g == null || g.isBlank() ? 4 : 5 - Integer.parseInt(g.strip()));
        });
        query(c, "SELECT p.person_key, COUNT(DISTINCT t.data_period) FROM (SELECT person_id, data_period FROM "
                + "income_assistance WHERE " + MasterTables.VISIBLE + " AND data_period BETWEEN ? AND ?) t "
                + "JOIN person p ON p.id_number = t.person_id GROUP BY p.person_key", ps -> {
            ps.setString(1, first);
            ps.setString(2, period);
        }, rs -> put(x, rs, ASSISTANCE, rs.getDouble(2)));

        Map<Long, String> familyOf = new HashMap<>();
        Map<String, List<Long>> membersOf = new HashMap<>();
        query(c, "SELECT person_key, family_key FROM family_member WHERE data_period = ?", ps -> set(ps, period), rs -> {
            familyOf.put(rs.getLong(1), rs.getString(2));
            membersOf.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getLong(1));
        });
        Map<String, int[]> families = new HashMap<>();
        query(c, "SELECT family_key, members, residents FROM family_period WHERE data_period = ?", ps -> set(ps, period),
                rs -> families.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)}));
        for (Map.Entry<String, List<Long>> e : membersOf.entrySet()) {
            int[] size = families.getOrDefault(e.getKey(), new int[] {e.getValue().size(), 0});
            int children = 0, elderly = 0;
            double kwh = 0, water = 0;
            for (long m : e.getValue()) {
                Integer age = ages.get(m);
                if (Boolean.TRUE.equals(resident.get(m)) && age != null && age >= 0) {
                    children += age < 16 ? 1 : 0;
                    elderly += age >= 60 ? 1 : 0;
                }
                double[] u = heldUtilities.get(m);
                if (u != null) {
                    kwh += u[0];
                    water += u[1];
                }
            }
            for (long m : e.getValue()) {
                double[] f = x.get(m);
                if (f != null) {
                    f[FAMILY_MEMBERS] = size[0];
                    f[FAMILY_RESIDENTS] = size[1];
                    f[CHILDREN] = children;
                    f[ELDERLY] = elderly;
                    f[KWH] = kwh;
                    f[WATER] = water;
                }
            }
        }
        for (Map.Entry<Long, double[]> e : x.entrySet()) {
            double[] f = e.getValue();
            if (!familyOf.containsKey(e.getKey())) {
                double[] u = heldUtilities.get(e.getKey());
                f[FAMILY_MEMBERS] = 1;
                f[FAMILY_RESIDENTS] = Boolean.TRUE.equals(resident.get(e.getKey())) ? 1 : 0;
                f[KWH] = u == null ? 0 : u[0];
                f[WATER] = u == null ? 0 : u[1];
            }
            PreciseIncome pi = precise.get(e.getKey());
            if (pi != null) {
                for (Component comp : Component.values()) {
                    f[PRECISE + comp.ordinal()] = pi.amount(comp);
                    f[MONTHS + comp.ordinal()] = pi.months(comp);
                }
            }
        }
        Map<Long, Person> out = new HashMap<>();
        for (Map.Entry<Long, double[]> e : x.entrySet()) {
            long k = e.getKey();
            out.put(k, new Person(k, resident.get(k), ages.get(k), familyOf.get(k), e.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** A copy of a feature row with the precise amounts and months replaced (none: zeros). */
    public static double[] withPrecise(double[] features, PreciseIncome precise) {
        double[] f = features.clone();
        for (Component comp : Component.values()) {
            f[PRECISE + comp.ordinal()] = precise == null ? 0 : precise.amount(comp);
            f[MONTHS + comp.ordinal()] = precise == null ? 0 : precise.months(comp);
        }
        return f;
    }

    /** The months of precise records of a component, as a feature row holds them. */
    public static int months(double[] features, Component c) {
        return (int) features[MONTHS + c.ordinal()];
    }

    /** The age of a feature row (−1 unknown). */
    public static int age(double[] features) {
        return (int) features[AGE];
    }

    private void village(double[] f, String code) {
        Division d = code == null ? null : divisions.get(code);
        if (d == null || d.urbanRural() == null) {
            f[URBAN] = -1;
            return;
        }
        f[URBAN] = d.urbanRural() == UrbanRural.URBAN ? 1 : 0;
        Matcher m = CLASS_CODE.matcher(d.urbanRuralBasis() == null ? "" : d.urbanRuralBasis());
        f[VILLAGE_CLASS] = m.find() ? Integer.parseInt(m.group(1)) : d.urbanRural() == UrbanRural.URBAN ? 100 : 200;
    }

    /** GB/T 4658 major category 10 (postgraduate) … 90 (other) as 9 … 1 (higher = more schooling); 0 unknown. */
    private static double education(String code) {
        if (code == null || code.length() < 2 || !Character.isDigit(code.charAt(0))) {
            return 0;
        }
        return 10 - (code.charAt(0) - '0');
    }

    private static String window() {
        // a month is delivered in its own period or later: the data_period range lets the period index work
        return " AND month_period BETWEEN ? AND ? AND data_period BETWEEN ? AND ?";
    }

    private static void window(PreparedStatement ps, String first, String period) throws SQLException {
        ps.setString(1, first);
        ps.setString(2, period);
        ps.setString(3, first);
        ps.setString(4, period);
    }

    private static void set(PreparedStatement ps, String period) throws SQLException {
        ps.setString(1, period);
    }

    private static void put(Map<Long, double[]> x, ResultSet rs, int index, double value) throws SQLException {
        double[] f = x.get(rs.getLong(1));
        if (f != null) {
            f[index] = value;
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, Binder binder, RowReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }
}
