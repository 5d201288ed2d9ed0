package org.olive.pipeline.income;

import org.olive.income.FamilyArea;
import org.olive.income.FamilyFlag;
import org.olive.income.FamilyIncome;
import org.olive.income.IncomeRulesAt;
import org.olive.period.Period;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes the family figures of the income step: {@code family_income} (one row per family with a resident member) and
 * {@code family_flag} (one row per bracket the family is in and per line it is below: V17, flags as rows), from
 * person_income of the period and the family rules at the period (the profile's lines of the family's area, its
 * brackets valid then). The only writer of both tables.
 */
final class FamilyIncomeTables {

    /** The tables, in the order they are cleared. */
    static final List<String> TABLES = List.of("family_flag", "family_income");

    private FamilyIncomeTables() {
    }

    /** Removes the period's rows (the income step rewrites them). */
    static void delete(Connection c, Period p) throws SQLException {
        for (String t : TABLES) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t + " WHERE data_period = ?")) {
                ps.setString(1, p.toString());
                ps.executeUpdate();
            }
        }
    }

    /**
     * Writes the period's family rows.
     *
     * @param medical out-of-pocket medical cost per person over the window
     * @param education education fees per person over the window, summed over all members of the family (students
     *                  studying away still cost their family)
     * @param urban   the urban-rural class of a village code (null when unknown)
     * @param counts  the run report's counts: income_families, income_families_without_residents, income_family_flags
     */
    static void write(Connection c, Period p, IncomeRulesAt rules, Map<Long, Double> medical, Map<Long, Double> education,
                      Function<String, Boolean> urban, Map<String, Long> counts) throws SQLException {
        record Fam(String township, String village, List<FamilyIncome.Member> members, double[] oop, Set<String> methods,
                   int[] monitored) {
        }
        Map<String, Fam> families = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT f.family_key, f.township_code, f.village_code, pi.person_key, "
                + "pi.disposable, pi.di_low, pi.di_high, pi.method, pi.monitored FROM family_period f "
                + "JOIN family_member m ON m.data_period = f.data_period AND m.family_key = f.family_key "
                + "JOIN person_income pi ON pi.data_period = m.data_period AND pi.person_key = m.person_key AND pi.resident = TRUE "
                + "WHERE f.data_period = ? ORDER BY f.family_key, pi.person_key")) {
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    Fam f = families.get(key);
                    if (f == null) {
                        f = new Fam(rs.getString(2), rs.getString(3), new ArrayList<>(), new double[1], new HashSet<>(),
                                new int[1]);
                        families.put(key, f);
                    }
                    double di = rs.getBigDecimal(5).doubleValue();
                    f.members().add(new FamilyIncome.Member(di, Math.min(di, rs.getBigDecimal(6).doubleValue()),
                            Math.max(di, rs.getBigDecimal(7).doubleValue())));
                    f.oop()[0] += medical.getOrDefault(rs.getLong(4), 0.0);
                    f.methods().add(rs.getString(8));
                    f.monitored()[0] += rs.getBoolean(9) ? 1 : 0;
                }
            }
        }
        // education: every member's fees, resident or not (a student at college away is the family's expenditure)
        Map<String, Double> educationOf = new HashMap<>();
        if (!education.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT family_key, person_key FROM family_member "
                    + "WHERE data_period = ?")) {
                ps.setString(1, p.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Double v = education.get(rs.getLong(2));
                        if (v != null) {
                            educationOf.merge(rs.getString(1), v, Double::sum);
                        }
                    }
                }
            }
        }
        long total;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM family_period WHERE data_period = ?")) {
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        long flags = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO family_income (data_period, family_key, township_code, "
                + "village_code, urban, residents, disposable, di_low, di_high, per_capita, three_person, medical_oop, "
                + "after_rigid_monthly, method, monitored_members, education_expense) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?)");
             PreparedStatement fl = c.prepareStatement("INSERT INTO family_flag (data_period, family_key, kind, flag_id, "
                     + "evidence) VALUES (?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Map.Entry<String, Fam> e : families.entrySet()) {
                Fam f = e.getValue();
                Boolean isUrban = urban.apply(f.village());
                FamilyIncome fi = FamilyIncome.of(f.members(), f.oop()[0], educationOf.getOrDefault(e.getKey(), 0.0),
                        new FamilyArea(f.township(), f.village(), isUrban),
                        rules);
                ps.setString(1, p.toString());
                ps.setString(2, e.getKey());
                ps.setString(3, f.township());
                ps.setString(4, f.village());
                ps.setObject(5, isUrban, Types.BOOLEAN);
                ps.setInt(6, fi.residents());
                ps.setBigDecimal(7, decimal(fi.disposable()));
                ps.setBigDecimal(8, decimal(fi.low()));
                ps.setBigDecimal(9, decimal(fi.high()));
                ps.setBigDecimal(10, decimal(fi.perCapita()));
                ps.setBigDecimal(11, decimal(fi.threePerson()));
                ps.setBigDecimal(12, decimal(fi.medicalOop()));
                ps.setBigDecimal(13, decimal(fi.afterRigidMonthly()));
                Set<String> m = f.methods();
                ps.setString(14, m.contains("DECLARED") ? "DECLARED" : m.contains("ESTIMATED") ? "ESTIMATED"
                        : m.contains("PRECISE") ? "PRECISE" : "NONE");
                ps.setInt(15, f.monitored()[0]);
                ps.setBigDecimal(16, decimal(fi.educationExpense()));
                ps.addBatch();
                for (FamilyFlag flag : fi.flags()) {
                    fl.setString(1, p.toString());
                    fl.setString(2, e.getKey());
                    fl.setString(3, flag.kind().name());
                    fl.setString(4, flag.id());
                    fl.setString(5, flag.evidence());
                    fl.addBatch();
                    flags++;
                }
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                    fl.executeBatch();
                }
            }
            ps.executeBatch();
            fl.executeBatch();
        }
        counts.put("income_families", (long) families.size());
        counts.put("income_families_without_residents", total - families.size());
        counts.put("income_family_flags", flags);
    }

    private static BigDecimal decimal(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }
}
