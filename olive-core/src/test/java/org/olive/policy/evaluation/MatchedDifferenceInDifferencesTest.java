package org.olive.policy.evaluation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MatchedDifferenceInDifferencesTest {

    private static final double EFFECT = 1_200;
    private final MatchedDifferenceInDifferences evaluator =
            new MatchedDifferenceInDifferences(EvaluationOptions.defaults());

    @Test
    void theIntervalHoldsTheKnownEffectWhereTheNaiveDifferenceIsBiased() {
        EvaluationResult r = evaluator.evaluate(SimulatedPolicy.COVARIATES,
                SimulatedPolicy.draw(7, 1_500, EFFECT, 0));
        System.out.printf("effect %.0f: estimate %.1f se %.1f [%.1f, %.1f], naive %.1f, treated %d matched %d controls %d"
                        + " unmatched %d, placebo %s%n", EFFECT, r.estimate(), r.se(), r.low(), r.high(),
                r.unmatchedEstimate(), r.nTreated(), r.nMatchedTreated(), r.nControlsUsed(), r.nUnmatched(), r.placebo());
        assertThat(r.covers(EFFECT)).as("interval [%s, %s] holds %s", r.low(), r.high(), EFFECT).isTrue();
        assertThat(r.high() - r.low()).isLessThan(800);
        // Poorer families are chosen and grow less: the naive DiD is hundreds of yuan low and outside the interval.
        assertThat(r.unmatchedEstimate()).isLessThan(EFFECT - 400);
        assertThat(r.covers(r.unmatchedEstimate())).isFalse();
        assertThat(r.nMatchedTreated() + r.nUnmatched()).isEqualTo(r.nTreated());
        assertThat(r.unmatchedKeys()).hasSize(r.nUnmatched());
        assertThat(r.method()).contains("Abadie-Imbens", "caliper 0.2");
    }

    @Test
    void withNoEffectTheIntervalCoversZero() {
        EvaluationResult r = evaluator.evaluate(SimulatedPolicy.COVARIATES, SimulatedPolicy.draw(11, 1_500, 0, 0));
        assertThat(r.covers(0)).as("interval [%s, %s]", r.low(), r.high()).isTrue();
    }

    @Test
    void theIntervalCoversTheTruthAtRoughlyItsNominalRate() {
        int replications = 200;
        int covered = 0;
        int placeboCovered = 0;
        double sum = 0;
        double squares = 0;
        double seSum = 0;
        for (int seed = 0; seed < replications; seed++) {
            EvaluationResult r = evaluator.evaluate(SimulatedPolicy.COVARIATES,
                    SimulatedPolicy.draw(1_000 + seed, 600, EFFECT, 0));
            covered += r.covers(EFFECT) ? 1 : 0;
            sum += r.estimate();
            squares += r.estimate() * r.estimate();
            seSum += r.se();
            placeboCovered += r.placebo() != null && r.placebo().coversZero() ? 1 : 0;
        }
        double coverage = covered / (double) replications;
        double placeboCoverage = placeboCovered / (double) replications;
        double mean = sum / replications;
        System.out.printf("coverage over %d replications: %.3f; placebo covers 0: %.3f; mean estimate %.1f, SD of the "
                        + "estimates %.1f, mean se %.1f%n", replications, coverage, placeboCoverage, mean,
                Math.sqrt(squares / replications - mean * mean), seSum / replications);
        assertThat(coverage).isBetween(0.90, 0.99);
        assertThat(placeboCoverage).isBetween(0.90, 0.99);
    }

    @Test
    void matchingShrinksTheStandardisedMeanDifferences() {
        EvaluationResult r = evaluator.evaluate(SimulatedPolicy.COVARIATES, SimulatedPolicy.draw(3, 1_500, EFFECT, 0));
        assertThat(r.balance()).extracting(EvaluationResult.Balance::covariate).containsExactly("x1", "x2");
        for (EvaluationResult.Balance b : r.balance()) {
            System.out.printf("balance %s: SMD before %.3f after %.3f%n", b.covariate(), b.before(), b.after());
            assertThat(Math.abs(b.after())).isLessThan(Math.abs(b.before()));
            assertThat(b.unbalanced()).isEqualTo(Math.abs(b.after()) > 0.1);
        }
        assertThat(Math.abs(r.balance().get(0).before())).isGreaterThan(0.5);
        assertThat(r.anyUnbalanced()).isFalse();
    }

    @Test
    void outcomesShiftedForTheComparisonFamiliesOnlyMakeTheIntervalMissTheTruth() {
        EvaluationResult r = evaluator.evaluate(SimulatedPolicy.COVARIATES,
                SimulatedPolicy.draw(7, 1_500, EFFECT, 2_000));
        assertThat(r.covers(EFFECT)).isFalse();
        assertThat(r.estimate()).isCloseTo(EFFECT - 2_000, within(300.0));
    }

    @Test
    void aTrendThatDiffersBeforeTreatmentFailsThePlacebo() {
        List<EvaluationUnit> units = new ArrayList<>();
        for (EvaluationUnit u : SimulatedPolicy.draw(5, 1_500, EFFECT, 0)) {
            // the treated were already gaining 1,500 a year faster before the policy
            double prePre = u.treated() ? u.prePre() - 1_500 : u.prePre();
            units.add(new EvaluationUnit(u.key(), u.treated(), u.pre(), u.post(), u.covariates(), u.stratum(), prePre));
        }
        EvaluationResult r = evaluator.evaluate(SimulatedPolicy.COVARIATES, units);
        assertThat(r.placebo()).isNotNull();
        assertThat(r.placebo().coversZero()).isFalse();
        assertThat(r.placebo().estimate()).isCloseTo(1_500, within(300.0));
    }

    @Test
    void withoutASecondPrePeriodThereIsNoPlacebo() {
        List<EvaluationUnit> units = SimulatedPolicy.draw(5, 800, EFFECT, 0).stream()
                .map(u -> new EvaluationUnit(u.key(), u.treated(), u.pre(), u.post(), u.covariates(), u.stratum()))
                .toList();
        assertThat(evaluator.evaluate(SimulatedPolicy.COVARIATES, units).placebo()).isNull();
    }

    @Test
    void refusesTooFewBeneficiaries() {
        List<EvaluationUnit> units = new ArrayList<>();
        List<EvaluationUnit> drawn = SimulatedPolicy.draw(9, 800, EFFECT, 0);
        int treated = 0;
        for (EvaluationUnit u : drawn) {
            if (!u.treated() || treated++ < 29) {
                units.add(u);
            }
        }
        assertThatThrownBy(() -> evaluator.evaluate(SimulatedPolicy.COVARIATES, units))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not enough history or beneficiaries: 29 treated units, at least 30");
        EvaluationResult smaller = new MatchedDifferenceInDifferences(EvaluationOptions.defaults().withMinimumTreated(20))
                .evaluate(SimulatedPolicy.COVARIATES, units);
        assertThat(smaller.nTreated()).isEqualTo(29);
    }

    @Test
    void treatedUnitsWithoutAComparisonInTheirStratumAreCountedAndNamed() {
        List<EvaluationUnit> units = new ArrayList<>(SimulatedPolicy.draw(13, 1_000, EFFECT, 0));
        for (int i = 0; i < 5; i++) {
            units.add(new EvaluationUnit("island" + i, true, 20_000, 22_000, new double[] {0, 0}, "island"));
        }
        EvaluationResult r = evaluator.evaluate(SimulatedPolicy.COVARIATES, units);
        assertThat(r.unmatchedKeys()).contains("island0", "island4");
        assertThat(r.nUnmatched()).isGreaterThanOrEqualTo(5);
        assertThat(r.nMatchedTreated()).isEqualTo(r.nTreated() - r.nUnmatched());
    }

    @Test
    void moreNeighboursAndNoCaliperStillHoldTheEffect() {
        EvaluationOptions options = EvaluationOptions.defaults().withNeighbours(4)
                .withCaliperSd(Double.POSITIVE_INFINITY);
        EvaluationResult r = new MatchedDifferenceInDifferences(options)
                .evaluate(SimulatedPolicy.COVARIATES, SimulatedPolicy.draw(17, 1_500, EFFECT, 0));
        assertThat(r.covers(EFFECT)).as("[%s, %s]", r.low(), r.high()).isTrue();
        assertThat(r.nUnmatched()).isZero();
    }

    @Test
    void nearestWalksOutwardsWithinTheCaliper() {
        double[] logit = {0.0, 1.0, 1.5, 3.0};
        int[] sorted = {0, 1, 2, 3};
        assertThat(MatchedDifferenceInDifferences.nearest(sorted, logit, 1.4, 2, 1.0)).containsExactly(2, 1);
        assertThat(MatchedDifferenceInDifferences.nearest(sorted, logit, 1.4, 5, 1.0)).containsExactly(2, 1);
        assertThat(MatchedDifferenceInDifferences.nearest(sorted, logit, 5.0, 1, 1.0)).isEmpty();
    }

    @Test
    void rejectsMalformedUnits() {
        List<EvaluationUnit> units = List.of(new EvaluationUnit("a", true, 1, 2, new double[] {1}, ""));
        assertThatThrownBy(() -> evaluator.evaluate(SimulatedPolicy.COVARIATES, units))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit a has 1 covariates");
        List<EvaluationUnit> infinite = List.of(new EvaluationUnit("b", true, 1, Double.NaN, new double[] {1, 2}, ""));
        assertThatThrownBy(() -> evaluator.evaluate(SimulatedPolicy.COVARIATES, infinite))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite outcome");
    }
}
