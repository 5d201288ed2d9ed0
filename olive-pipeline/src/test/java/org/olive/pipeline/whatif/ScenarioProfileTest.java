package org.olive.pipeline.whatif;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.pipeline.county.CountyProfile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A profile folder's scenarios: written by init, validated by check with the file, the line and the reason. */
class ScenarioProfileTest {

    @Test
    void initWritesTheExamplesAndCheckNamesABadScenariosFileAndLine(@TempDir Path dir) throws Exception {
        CountyProfile.writeBuiltIn(dir);
        for (String n : Scenarios.BUILT_IN) {
            assertThat(dir.resolve("scenarios/" + n + ".yaml")).isRegularFile();
        }
        assertThat(CountyProfile.check(dir)).isEmpty();
        Files.writeString(dir.resolve("scenarios/bad.yaml"), """
                name: bad
                shocks:
                  - sources: [bnb]
                    areas: [330922999]
                    change: -10%
                """, StandardCharsets.UTF_8);
        assertThat(CountyProfile.check(dir)).extracting(CountyProfile.Problem::toString)
                .containsExactly("scenarios/bad.yaml: line 4: areas: unknown area '330922999' (not a township (9 digits) "
                        + "or village (12 digits) of divisions.csv)");
        // a profile without scenarios/ is complete: the folder is optional
        Files.delete(dir.resolve("scenarios/bad.yaml"));
        for (String n : Scenarios.BUILT_IN) {
            Files.delete(dir.resolve("scenarios/" + n + ".yaml"));
        }
        assertThat(CountyProfile.check(dir)).isEmpty();
    }
}
