package org.olive.accuracy;

import org.olive.pipeline.figure.RunFigure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.pipeline.ledger.LedgerResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Residence accuracy counts everyone we classify: phantoms (visitors listed as resident) must show. */
class TruthAccuracyResidenceTest {

    @TempDir
    Path truth;

    private Map<String, RunFigure> compare(Set<String> ours) throws IOException {
        // the truth lists 100 persons of the county, 90 of them resident; visitors are not listed at all
        StringBuilder csv = new StringBuilder("period,person_id,registered,category,present_days,resident\n");
        for (int i = 0; i < 100; i++) {
            csv.append("2025-12,R").append(i).append(",1,x,300,").append(i < 90 ? 1 : 0).append('\n');
        }
        Files.writeString(truth.resolve("residence.csv"), csv);
        return TruthAccuracy.compare(truth, ours, null).stream()
                .collect(Collectors.toMap(RunFigure::metric, Function.identity()));
    }

    private static Set<String> trueResidents() {
        Set<String> s = new HashSet<>();
        for (int i = 0; i < 90; i++) {
            s.add("R" + i);
        }
        return s;
    }

    @Test
    void theRightResidentsScorePerfectly() throws IOException {
        Map<String, RunFigure> f = compare(trueResidents());
        assertThat(f.get("residence_precision").value()).isEqualTo(1.0);
        assertThat(f.get("residence_recall").value()).isEqualTo(1.0);
        assertThat(f.get("resident_count").value()).isEqualTo(1.0);
    }

    @Test
    void phantomVisitorsNotInTheTruthLowerPrecisionAndRaiseTheCount() throws IOException {
        Set<String> ours = trueResidents();
        for (int i = 0; i < 10; i++) {
            ours.add("V" + i); // visitors: absent from the truth file
        }
        ours.add("R95"); // listed by the truth as not resident
        Map<String, RunFigure> f = compare(ours);
        assertThat(f.get("residence_precision").numerator()).isEqualTo(90);
        assertThat(f.get("residence_precision").denominator()).isEqualTo(101);
        assertThat(f.get("residence_precision").value()).isLessThan(0.9);
        assertThat(f.get("residence_precision").note()).contains("11 false residents");
        assertThat(f.get("residence_recall").value()).isEqualTo(1.0);
        assertThat(f.get("resident_count").numerator()).isEqualTo(101);
        assertThat(f.get("resident_count").denominator()).isEqualTo(90);
        assertThat(f.get("resident_count").value()).isCloseTo(101.0 / 90, within(1e-9));
        assertThat(f.get("resident_count").note()).contains("+11", "+12.22%");
    }

    @Test
    void missedResidentsLowerRecallAndTheCount() throws IOException {
        Set<String> ours = trueResidents();
        ours.removeAll(List.of("R0", "R1", "R2"));
        Map<String, RunFigure> f = compare(ours);
        assertThat(f.get("residence_recall").value()).isCloseTo(87.0 / 90, within(1e-9));
        assertThat(f.get("residence_precision").value()).isEqualTo(1.0);
        assertThat(f.get("resident_count").note()).contains("-3", "-3.33%");
    }
}
