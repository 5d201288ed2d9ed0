package org.olive.pipeline.income.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.olive.income.Component;

/** Training targets are clipped at their 1% tails, so one slip in the records cannot teach the model millions. */
class WinsorizeTest {

    @Test
    void aSlipOfMillionsIsClippedToTheTailAndTheRestIsKept() {
        List<ResidualModel.Row> rows = new ArrayList<>();
        for (int i = 0; i < 199; i++) {
            rows.add(new ResidualModel.Row("H" + i, new double[]{i}, 1_000 + i));
        }
        rows.add(new ResidualModel.Row("H199", new double[]{199}, 4_000_000));
        List<String> notes = new ArrayList<>();
        List<ResidualModel.Row> out = SurveyEstimation.winsorized(rows, 0.01, Component.TRANSFER_IN, notes);
        assertThat(out).hasSize(200);
        double max = out.stream().mapToDouble(ResidualModel.Row::target).max().orElseThrow();
        assertThat(max).isEqualTo(1_198);                       // the 99% quantile of the 200 targets
        assertThat(out.get(100).target()).isEqualTo(1_100);     // the middle is untouched
        assertThat(notes).singleElement().asString().contains("TRANSFER_IN", "clipped");
    }

    @Test
    void smallSamplesAreLeftAlone() {
        List<ResidualModel.Row> rows = List.of(new ResidualModel.Row("H", new double[]{1}, 5e6));
        assertThat(SurveyEstimation.winsorized(rows, 0.01, Component.WAGE, new ArrayList<>())).isSameAs(rows);
    }
}
