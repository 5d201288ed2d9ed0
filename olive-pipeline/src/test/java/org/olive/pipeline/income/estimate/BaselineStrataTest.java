package org.olive.pipeline.income.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The baseline is applied per record stratum, only where it beats the learner on held-out rows by enough standard
 * errors: better for persons without records, worse for persons with records (as XGBoost against the group mean for
 * wage on the default county) gives the baseline the first stratum only.
 */
class BaselineStrataTest {

    @Test
    void theBaselineTakesOnlyTheStrataWhereItIsClearlyBetter() {
        SplittableRandom r = new SplittableRandom(1);
        List<ResidualModel.Row> rows = new ArrayList<>();
        List<Double> learner = new ArrayList<>(), baseline = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            boolean records = i % 3 == 0;
            double y = records ? 1000 : 20_000 + 10_000 * r.nextDouble();
            rows.add(new ResidualModel.Row("H" + i, new double[] {records ? 1 : 0}, y));
            // learner: a group mean (10,000 off for no-record rows, 1,000 for record rows); baseline: close for
            // no-record rows, 5,000 off for record rows
            learner.add(records ? y + 1000 * (r.nextDouble() - 0.5) * 2 : y + (r.nextBoolean() ? 10_000 : -10_000));
            baseline.add(records ? y + 5000 + 1000 * r.nextDouble() : y + 500 * (r.nextDouble() - 0.5));
        }
        List<String> notes = new ArrayList<>();
        var strata = SurveyEstimation.baselineStrata(rows, learner.stream().mapToDouble(Double::doubleValue).toArray(),
                baseline.stream().mapToDouble(Double::doubleValue).toArray(), x -> x[0] > 0 ? "records" : "none", 2,
                "WAGE, ", "GROUP_MEAN", "XGBOOST", notes);
        assertThat(strata).containsExactly("none");
        assertThat(notes).hasSize(2).anySatisfy(n -> assertThat(n).startsWith("WAGE, none (80 survey rows)")
                .endsWith("XGBOOST applied")).anySatisfy(n -> assertThat(n).startsWith("WAGE, records (40 survey rows)")
                .endsWith("GROUP_MEAN applied"));

        // a baseline better on some households and as much worse on others (a tie) takes no stratum at 2 SE
        double[] l = learner.stream().mapToDouble(Double::doubleValue).toArray();
        double[] tie = new double[l.length];
        for (int i = 0; i < l.length; i++) {
            double y = rows.get(i).target();
            double e = l[i] - y;
            // 300 yuan closer on even rows, 300 further on odd rows (each row is its own household)
            tie[i] = y + e + Math.signum(e) * (i % 2 == 0 ? -300 : 300);
        }
        List<String> tieNotes = new ArrayList<>();
        assertThat(SurveyEstimation.baselineStrata(rows, l, tie, x -> x[0] > 0 ? "records" : "none", 2, "", "A", "B",
                tieNotes)).isEmpty();
        assertThat(tieNotes).allSatisfy(n -> assertThat(n).endsWith("A applied"));
    }
}
