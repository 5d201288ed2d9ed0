package org.olive.pipeline.county;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code olive county init/check} with occupation.yaml: written, loaded, and its problems named by file and key. */
class CountyProfileOccupationTest {

    @TempDir
    Path tmp;

    @Test
    void initWritesItAndTheProfileLoadsIt() {
        Path dir = tmp.resolve("clean");
        CountyProfile.writeBuiltIn(dir);
        assertThat(dir.resolve("occupation.yaml")).isRegularFile();
        assertThat(CountyProfile.check(dir)).isEmpty();
        assertThat(CountyProfile.load(dir).occupation().version()).isEqualTo(CountyProfile.builtIn().occupation().version());
    }

    @Test
    void aWrongValueIsAProblemNamingFileKeyAndReason() throws IOException {
        Path dir = tmp.resolve("wrong");
        CountyProfile.writeBuiltIn(dir);
        Path f = dir.resolve("occupation.yaml");
        Files.writeString(f, Files.readString(f).replace("industry_fallback: '8-00'", "industry_fallback: '8-01'")
                .replace("PLATFORM: 3", "PLATFORM: 0"));
        List<String> problems = CountyProfile.check(dir).stream().map(CountyProfile.Problem::toString).toList();
        assertThat(problems).singleElement().asString()
                .startsWith("occupation.yaml: ")
                .contains("activity_months.PLATFORM: '0' is not a whole number from 1 to 12")
                .contains("industry_fallback: '8-01' is not a GB/T 6565 中类");
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        Path dir = tmp.resolve("missing");
        CountyProfile.writeBuiltIn(dir);
        Files.delete(dir.resolve("occupation.yaml"));
        assertThat(CountyProfile.check(dir).stream().map(CountyProfile.Problem::toString).toList())
                .anyMatch(p -> p.startsWith("occupation.yaml: missing"));
    }
}
