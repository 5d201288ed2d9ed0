package org.olive.policy.evaluation;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What the estimator must do whatever the data: the matches depend on the covariates only, so a common shock to every
 * family's outcome leaves the estimate unchanged, and a shift of the treated families' post outcome moves it by exactly
 * that shift without touching the standard error or the balance.
 */
class MatchedDifferenceInDifferencesPropertiesTest {

    private final MatchedDifferenceInDifferences evaluator =
            new MatchedDifferenceInDifferences(EvaluationOptions.defaults().withNeighbours(2));

    @Property(tries = 25)
    void aCommonShockCancelsAndATreatedShiftPassesThrough(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                          @ForAll @DoubleRange(min = -5_000, max = 5_000) double shift) {
        List<EvaluationUnit> units = SimulatedPolicy.draw(seed, 400, 500, 0);
        EvaluationResult base = evaluator.evaluate(SimulatedPolicy.COVARIATES, units);

        EvaluationResult common = evaluator.evaluate(SimulatedPolicy.COVARIATES,
                map(units, u -> withPost(u, u.post() + shift)));
        assertThat(common.estimate()).isCloseTo(base.estimate(), within(1e-6));
        assertThat(common.se()).isCloseTo(base.se(), within(1e-6));

        EvaluationResult treated = evaluator.evaluate(SimulatedPolicy.COVARIATES,
                map(units, u -> u.treated() ? withPost(u, u.post() + shift) : u));
        assertThat(treated.estimate()).isCloseTo(base.estimate() + shift, within(1e-6));
        assertThat(treated.se()).isCloseTo(base.se(), within(1e-6));
        assertThat(treated.balance()).isEqualTo(base.balance());
        assertThat(treated.unmatchedKeys()).isEqualTo(base.unmatchedKeys());
    }

    private static List<EvaluationUnit> map(List<EvaluationUnit> units, UnaryOperator<EvaluationUnit> f) {
        return units.stream().map(f).toList();
    }

    private static EvaluationUnit withPost(EvaluationUnit u, double post) {
        return new EvaluationUnit(u.key(), u.treated(), u.pre(), post, u.covariates(), u.stratum(), u.prePre());
    }
}
