package org.olive.pipeline.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.geography.Divisions;
import org.olive.pipeline.county.CountyProfile;
import org.olive.pipeline.group.GroupSettings;
import org.olive.policy.reform.Reform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The profile's reforms: the built-in examples load, init writes them, check names a bad file with its line. */
class PolicySimulationReformsTest {

    static final PolicySimulationReforms.Library LIBRARY = PolicySimulationReforms.Library.of(PolicySettings.builtIn(),
            GroupSettings.builtIn(), Divisions.shengsi());

    @Test
    void theBuiltInExamplesLoadAgainstTheBuiltInLibrary() {
        Map<String, Reform> r = PolicySimulationReforms.of(null, LIBRARY);
        assertThat(r).containsOnlyKeys(PolicySimulationReforms.BUILT_IN);
        assertThat(r.get("old-age-150").parameters()).containsEntry("old_age_80", 150.0);
        assertThat(r.get("dibian-2-5").rules()).singleElement().satisfies(x -> assertThat(x.code()).isEqualTo("DIBIAN_AID"));
        assertThat(r.get("fishery-income").added()).singleElement()
                .satisfies(p -> assertThat(p.targetGroups()).containsExactly("fishery_worker"));
    }

    @Test
    void initWritesTheExamplesAndCheckNamesABadReformFileAndLine(@TempDir Path dir) throws Exception {
        CountyProfile.writeBuiltIn(dir);
        for (String n : PolicySimulationReforms.BUILT_IN) {
            assertThat(dir.resolve("reforms/" + n + ".yaml")).isRegularFile();
        }
        assertThat(CountyProfile.check(dir)).isEmpty();
        Files.writeString(dir.resolve("reforms/bad.yaml"), """
                name: bad
                parameters:
                  old_age_80: 150.0
                  old_age_75: 80.0
                """, StandardCharsets.UTF_8);
        assertThat(CountyProfile.check(dir)).extracting(CountyProfile.Problem::toString).singleElement()
                .asString().startsWith("reforms/bad.yaml: line 4: parameters: unknown parameter 'old_age_75'");
        Files.delete(dir.resolve("reforms/bad.yaml"));
        for (String n : PolicySimulationReforms.BUILT_IN) {
            Files.delete(dir.resolve("reforms/" + n + ".yaml"));
        }
        assertThat(CountyProfile.check(dir)).isEmpty();
    }
}
