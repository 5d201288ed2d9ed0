package org.olive.pipeline.county;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code olive county init/check} with warnings.yaml: written, loaded, and a rule naming an unknown fact refused. */
class CountyProfileWarningsTest {

    @TempDir
    Path tmp;

    @Test
    void initWritesItAndTheProfileLoadsIt() {
        Path dir = tmp.resolve("clean");
        CountyProfile.writeBuiltIn(dir);
        assertThat(dir.resolve("warnings.yaml")).isRegularFile();
        assertThat(CountyProfile.check(dir)).isEmpty();
        var loaded = CountyProfile.load(dir).warnings();
        assertThat(loaded.rules()).isEqualTo(CountyProfile.builtIn().warnings().rules());
        assertThat(loaded.parameters()).isEqualTo(CountyProfile.builtIn().warnings().parameters());
    }

    @Test
    void aRuleWithAnUnknownFactIsAProblemNamingFileRuleAndPosition() throws IOException {
        Path dir = tmp.resolve("wrong");
        CountyProfile.writeBuiltIn(dir);
        Path f = dir.resolve("warnings.yaml");
        Files.writeString(f, Files.readString(f).replace("when: \"di_per_capita < dibian_line\"",
                "when: \"di_per_capita < dibian_lines\""));
        List<String> problems = CountyProfile.check(dir).stream().map(CountyProfile.Problem::toString).toList();
        assertThat(problems).singleElement().asString()
                .startsWith("warnings.yaml: ")
                .contains("rules[2] (below_dibian).versions[0].when: line 1, column 17: undeclared reference to "
                        + "'dibian_lines'");
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        Path dir = tmp.resolve("missing");
        CountyProfile.writeBuiltIn(dir);
        Files.delete(dir.resolve("warnings.yaml"));
        assertThat(CountyProfile.check(dir).stream().map(CountyProfile.Problem::toString).toList())
                .anyMatch(p -> p.startsWith("warnings.yaml: missing"));
    }
}
