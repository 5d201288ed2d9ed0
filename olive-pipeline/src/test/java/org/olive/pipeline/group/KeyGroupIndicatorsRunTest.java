package org.olive.pipeline.group;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.olive.family.FamilyBuilder;
import org.olive.period.Period;
import org.olive.pipeline.ingest.PeriodIngest;
import org.olive.pipeline.ledger.LedgerCounty;
import org.olive.pipeline.ledger.LedgerResult;
import org.olive.pipeline.ledger.LedgerRun;
import org.olive.pipeline.ledger.LedgerSettings;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The breakdown by key group (KEY_GROUP) of step indicators inside the standard run, on the module's generated county
 * (LedgerCounty, 2025-01; the county has no survey before its first December, so only the POPULATION basis here; the
 * survey side is IncomeIndicatorStepTest's): a row set for every enabled group, a group's persons = its resident
 * members in group_member, a group's per-capita DI recomputed by hand from the ledger tables, and a selective group
 * (困难群体) that differs from the county, which a breakdown silently over all residents would not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyGroupIndicatorsRunTest {

    static final Period P = LedgerCounty.JANUARY;
    DataSource ds;
    LedgerRun ledger;
    LedgerResult result;

    @BeforeAll
    void ingestAndRun() {
        ds = LedgerCounty.h2Memory();
        PeriodIngest.withDefaults(ds).ingest(LedgerCounty.generated().resolve(P.toString()), P);
        ledger = new LedgerRun(ds, LedgerSettings.builtIn(), new FamilyBuilder(LedgerSettings.builtIn().family())::build,
                m -> { });
        result = ledger.run(P);
        System.out.println("indicators step " + P + ": " + result.millis().get("indicators") + " ms wall, "
                + result.millis().get("indicators_cpu") + " ms CPU; groups step " + result.millis().get("groups") + " ms");
    }

    @Test
    void everyEnabledGroupHasItsFiguresOverItsResidentMembers() throws SQLException {
        List<String> enabled = GroupSettings.builtIn().at(P).groupIds();
        try (Connection c = ds.getConnection()) {
            for (String g : enabled) {
                Double persons = figure(c, "POPULATION", g, "persons");
                assertThat(persons).as(g).isNotNull();
                long residentMembers = count(c, "SELECT COUNT(*) FROM group_member m JOIN person_income i ON i.data_period = "
                        + "m.data_period AND i.person_key = m.person_key AND i.resident = TRUE WHERE m.data_period = ? "
                        + "AND m.group_id = ?", g);
                assertThat(persons).as(g).isEqualTo((double) residentMembers);
                assertThat(figure(c, "POPULATION", g, "per_capita_di") != null).as(g).isEqualTo(residentMembers > 0);
            }
            assertThat(count(c, "SELECT COUNT(DISTINCT group_code) FROM income_indicator WHERE data_period = ? "
                    + "AND basis = 'POPULATION' AND breakdown = 'KEY_GROUP'", null)).isEqualTo(enabled.size());
        }
    }

    @Test
    void aGroupsPerCapitaDiIsTheMeanOfItsMembersFamilyPerCapitaDi() throws SQLException {
        try (Connection c = ds.getConnection()) {
            // as the county figure: family_income.disposable over the family's residents in person_income; a resident
            // without a family of family_income counts alone with their own DI
            Map<String, Double> familyDi = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT family_key, disposable FROM family_income WHERE data_period = ?")) {
                ps.setString(1, P.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        familyDi.put(rs.getString(1), rs.getDouble(2));
                    }
                }
            }
            Map<String, Integer> residentsOf = new HashMap<>();
            Map<Long, double[]> own = new HashMap<>(); // person → {disposable}
            Map<Long, String> familyOf = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT person_key, family_key, disposable FROM person_income "
                    + "WHERE data_period = ? AND resident = TRUE")) {
                ps.setString(1, P.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String f = rs.getString(2);
                        if (f != null && familyDi.containsKey(f)) {
                            residentsOf.merge(f, 1, Integer::sum);
                            familyOf.put(rs.getLong(1), f);
                        }
                        own.put(rs.getLong(1), new double[]{rs.getDouble(3)});
                    }
                }
            }
            Set<Long> hardship = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT person_key FROM group_member WHERE data_period = ? "
                    + "AND group_id = 'hardship'")) {
                ps.setString(1, P.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        hardship.add(rs.getLong(1));
                    }
                }
            }
            double sum = 0;
            int n = 0;
            for (long k : hardship) {
                if (!own.containsKey(k)) {
                    continue; // not a resident
                }
                String f = familyOf.get(k);
                sum += f != null ? familyDi.get(f) / residentsOf.get(f) : own.get(k)[0];
                n++;
            }
            assertThat(n).isGreaterThan(10);
            double byHand = sum / n;
            assertThat(figure(c, "POPULATION", "hardship", "per_capita_di")).isCloseTo(byHand, within(1e-6 * byHand));

            // a selective group is not the county: fewer persons and a clearly different per-capita DI
            double county = figure(c, "POPULATION", "COUNTY", "", "per_capita_di");
            assertThat(figure(c, "POPULATION", "hardship", "persons"))
                    .isLessThan(figure(c, "POPULATION", "COUNTY", "", "persons") / 5);
            assertThat(Math.abs(byHand - county)).isGreaterThan(0.05 * county);
        }
    }

    @Test
    void aRunOfStepIndicatorsAloneReadsTheStoredMembersAndGivesTheSameFigures() throws SQLException {
        List<Object[]> before;
        try (Connection c = ds.getConnection()) {
            before = keyGroupRows(c);
        }
        LedgerResult alone = ledger.run(P, List.of("indicators"));
        assertThat(alone.skipped()).doesNotContainKey("indicators");
        try (Connection c = ds.getConnection()) {
            List<Object[]> after = keyGroupRows(c);
            assertThat(after).hasSameSizeAs(before);
            for (int i = 0; i < before.size(); i++) {
                assertThat(after.get(i)).as(String.valueOf(before.get(i)[0])).containsExactly(before.get(i));
            }
        }
    }

    /** Not a bound: prints the cost of the breakdown, the indicators computed with and without it on the same data. */
    @Test
    void theCostOfTheBreakdown() throws SQLException {
        org.olive.indicator.CountySettings all = org.olive.pipeline.income.IncomeIndicators.defaultSettings(P);
        java.util.EnumSet<org.olive.indicator.Breakdown> others = java.util.EnumSet.allOf(org.olive.indicator.Breakdown.class);
        others.remove(org.olive.indicator.Breakdown.KEY_GROUP);
        org.olive.indicator.CountySettings without = all.withBreakdowns(others);
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
        try (Connection c = ds.getConnection()) {
            for (int i = 0; i < 7; i++) {
                for (int k = 0; k < 2; k++) {
                    long t = System.nanoTime();
                    org.olive.pipeline.income.IncomeIndicators.compute(c, P, k == 0 ? without : all,
                            org.olive.geography.Divisions.shengsi());
                    best[k] = Math.min(best[k], System.nanoTime() - t);
                }
            }
        }
        System.out.printf("indicators computed (read + both bases), best of 7: without KEY_GROUP %.1f ms, with %.1f ms%n",
                best[0] / 1e6, best[1] / 1e6);
    }

    private List<Object[]> keyGroupRows(Connection c) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT group_code, metric, figure FROM income_indicator WHERE "
                + "data_period = ? AND breakdown = 'KEY_GROUP' ORDER BY basis, group_code, metric")) {
            ps.setString(1, P.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Object[]{rs.getString(1), rs.getString(2), rs.getObject(3)});
                }
            }
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    private static Double figure(Connection c, String basis, String group, String metric) throws SQLException {
        return figure(c, basis, "KEY_GROUP", group, metric);
    }

    private static Double figure(Connection c, String basis, String breakdown, String group, String metric) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT figure FROM income_indicator WHERE data_period = ? AND basis = ? "
                + "AND breakdown = ? AND group_code = ? AND metric = ?")) {
            ps.setString(1, P.toString());
            ps.setString(2, basis);
            ps.setString(3, breakdown);
            ps.setString(4, group);
            ps.setString(5, metric);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                double v = rs.getDouble(1);
                return rs.wasNull() ? null : v;
            }
        }
    }

    private static long count(Connection c, String sql, String group) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, P.toString());
            if (group != null) {
                ps.setString(2, group);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
