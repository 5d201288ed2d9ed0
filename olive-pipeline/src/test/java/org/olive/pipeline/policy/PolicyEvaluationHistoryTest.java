package org.olive.pipeline.policy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.olive.period.Period;
import org.olive.pipeline.ingest.Databases;
import org.olive.policy.evaluation.EvaluationOptions;
import org.olive.policy.evaluation.EvaluationResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger of 600 families over 30 months (2024-01..2026-06) written straight into family_income: poorer families
 * grow more slowly and are more often treated, from 2025-03 or 2025-05 (a few from 2025-09, too recent for a year
 * after). Treated families gain 1,200 a year of their own income from T on and receive the policy's payment of 3,000 a
 * year, which the deduction removes. The evaluation recovers the 1,200; the naive difference and an evaluation that
 * forgets the deduction do not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyEvaluationHistoryTest {

    static final Period FIRST = Period.of(2024, 1);
    static final Period LAST = Period.of(2026, 6);
    static final double EFFECT = 1_200;
    static final double PAYMENT = 3_000;
    static final String[] TOWNSHIPS = {"330922100", "330922101"};
    static final Period[] COHORTS = {Period.of(2025, 3), Period.of(2025, 5)};
    static final Period RECENT = Period.of(2025, 9);

    DataSource ds;
    final Map<String, Period> firstTreated = new HashMap<>();
    final Set<String> comparison = new HashSet<>();
    final PolicyEvaluationHistory.Deduction payments = (family, from, to) -> {
        Period t = firstTreated.get(family);
        if (t == null) {
            return 0;
        }
        int months = 0;
        for (Period p : Period.range(from, to)) {
            months += p.compareTo(t) >= 0 ? 1 : 0;
        }
        return PAYMENT / 12 * months;
    };

    @BeforeAll
    void writeLedger() throws SQLException {
        ds = Databases.h2Memory();
        Random random = new Random(42);
        List<Period> months = Period.range(FIRST.minusMonths(11), LAST);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO family_income "
                + "(data_period, family_key, township_code, village_code, urban, residents, disposable, di_low, di_high, "
                + "per_capita, three_person, medical_oop, after_rigid_monthly, method, monitored_members) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PRECISE', ?)")) {
            for (int f = 0; f < 600; f++) {
                String family = String.format("F%05d", f);
                double z = random.nextGaussian();
                int residents = 1 + random.nextInt(4);
                boolean urban = random.nextBoolean();
                String township = TOWNSHIPS[random.nextInt(TOWNSHIPS.length)];
                double medical = 500 + 2_000 * random.nextDouble();
                double level = 30_000 * Math.exp(0.3 * z) * residents / 12; // monthly family income
                double slope = 12 + 18 * z + (urban ? 5 : 0);               // its growth, yuan a month each month
                Period t = null;
                if (random.nextDouble() < 1 / (1 + Math.exp(1.2 + 1.2 * z))) {
                    t = random.nextDouble() < 0.1 ? RECENT : COHORTS[random.nextInt(COHORTS.length)];
                    firstTreated.put(family, t);
                } else {
                    comparison.add(family);
                }
                double[] monthly = new double[months.size()];
                for (int m = 0; m < months.size(); m++) {
                    monthly[m] = level + slope * m + 300 * random.nextGaussian();
                    if (t != null && months.get(m).compareTo(t) >= 0) {
                        monthly[m] += (EFFECT + PAYMENT) / 12;
                    }
                }
                for (int m = 11; m < months.size(); m++) {
                    double di = 0;
                    for (int k = m - 11; k <= m; k++) {
                        di += monthly[k];
                    }
                    ps.setString(1, months.get(m).toString());
                    ps.setString(2, family);
                    ps.setString(3, township);
                    ps.setString(4, township + "001");
                    ps.setBoolean(5, urban);
                    ps.setInt(6, residents);
                    ps.setDouble(7, di);
                    ps.setDouble(8, di);
                    ps.setDouble(9, di);
                    ps.setDouble(10, di / residents);
                    ps.setDouble(11, 3 * di / residents);
                    ps.setDouble(12, medical);
                    ps.setDouble(13, (di - medical) / residents / 12);
                    ps.setInt(14, residents);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    @Test
    void recoversTheEffectNetOfThePolicysOwnPayments() throws SQLException {
        PolicyEvaluationHistory.Units units;
        try (Connection c = ds.getConnection()) {
            units = PolicyEvaluationHistory.build(c, firstTreated, comparison, payments, LAST);
        }
        EvaluationResult r = units.evaluate(EvaluationOptions.defaults());
        System.out.printf("ledger: estimate %.1f se %.1f [%.1f, %.1f], naive %.1f, treated %d (matched %d, unmatched %d,"
                        + " too recent %d), comparison units %d (used %d), placebo %s, balance %s%n", r.estimate(),
                r.se(), r.low(), r.high(), r.unmatchedEstimate(), r.nTreated(), r.nMatchedTreated(), r.nUnmatched(),
                units.tooRecent().size(), units.comparisonUsed(), r.nControlsUsed(), r.placebo(), r.balance());
        assertThat(r.covers(EFFECT)).as("[%s, %s] holds %s", r.low(), r.high(), EFFECT).isTrue();
        assertThat(r.unmatchedEstimate()).as("poorer families grow less: the naive DiD is low")
                .isLessThan(EFFECT - 1_000);
        assertThat(r.placebo()).isNotNull();
        assertThat(r.placebo().coversZero()).isTrue();
        long recent = firstTreated.values().stream().filter(RECENT::equals).count();
        assertThat(recent).isPositive();
        assertThat(units.tooRecent()).hasSize((int) recent);
        assertThat(units.treatedUsed()).isEqualTo(firstTreated.size() - (int) recent);
        assertThat(units.comparisonUsed()).isEqualTo(COHORTS.length * comparison.size());
        assertThat(units.units()).allSatisfy(u -> assertThat(u.stratum()).matches("2025-0[35]\\|33092210[01]"));
    }

    @Test
    void withoutTheDeductionThePaymentIsTakenForAnEffect() throws SQLException {
        EvaluationResult r;
        try (Connection c = ds.getConnection()) {
            r = PolicyEvaluationHistory.build(c, firstTreated, comparison, PolicyEvaluationHistory.Deduction.none(),
                    LAST).evaluate(EvaluationOptions.defaults());
        }
        assertThat(r.covers(EFFECT)).isFalse();
        assertThat(r.covers(EFFECT + PAYMENT)).isTrue();
    }

    @Test
    void familiesWithoutTheYearAfterAreLeftOutAndCounted() throws SQLException {
        PolicyEvaluationHistory.Units units;
        Period cut = COHORTS[1].plusMonths(11); // the 2025-05 cohort's T+12 is one month later
        try (Connection c = ds.getConnection()) {
            units = PolicyEvaluationHistory.build(c, firstTreated, comparison, payments, cut);
        }
        long inCohort = firstTreated.values().stream().filter(COHORTS[1]::equals).count();
        long recent = firstTreated.values().stream().filter(RECENT::equals).count();
        assertThat(units.tooRecent()).hasSize((int) (inCohort + recent));
        assertThat(units.units()).noneMatch(u -> u.stratum().startsWith(COHORTS[1].toString()));
        assertThat(units.missingHistory()).isEmpty();
    }

    @Test
    void aTreatedFamilyMissingItsRowAtTPlusTwelveLacksHistory() throws SQLException {
        String family = firstTreated.entrySet().stream().filter(e -> e.getValue().equals(COHORTS[0])).findFirst()
                .orElseThrow().getKey();
        String comparisonFamily = comparison.iterator().next();
        Map<String, Period> treated = new HashMap<>(firstTreated);
        Set<String> pool = new HashSet<>(comparison);
        pool.add(family); // a treated family offered as a comparison is ignored
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM family_income WHERE family_key IN (?, ?) "
                    + "AND data_period = ?")) {
                del.setString(1, family);
                del.setString(2, comparisonFamily);
                del.setString(3, COHORTS[0].plusMonths(12).toString());
                del.executeUpdate();
            }
            PolicyEvaluationHistory.Units units = PolicyEvaluationHistory.build(c, treated, pool, payments, LAST);
            assertThat(units.missingHistory()).containsExactly(family);
            assertThat(units.units()).noneMatch(u -> u.key().equals(comparisonFamily + "@" + COHORTS[0]));
            assertThat(units.units()).anyMatch(u -> u.key().equals(comparisonFamily + "@" + COHORTS[1]));
            assertThat(units.units()).filteredOn(u -> !u.treated()).noneMatch(u -> u.key().startsWith(family));
            c.rollback();
        }
    }
}
