package org.olive.app.cli;

import org.olive.pipeline.county.CountyProfile;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/** {@code --county DIR}: the county profile a command works with (docs/county-profile.md); the built-in one by default. */
public class CountyOption {

    @Option(names = "--county", paramLabel = "DIR",
            description = "County profile folder: divisions, mappings, lines, brackets, parameters, indicators "
                    + "(olive county init DIR writes an editable copy). Default: the built-in profile shengsi.")
    Path dir;

    private CountyProfile profile;

    /** The profile, loaded once; a profile with problems ends the command with exit 2 and every problem listed. */
    CountyProfile profile() {
        if (profile == null) {
            profile = CountyProfile.of(dir);
        }
        return profile;
    }

    /** The property that gives the web application the same profile. */
    Map<String, Object> springProperties() {
        profile(); // refuse a bad profile before starting anything
        return dir == null ? Map.of() : Map.of("olive.county", dir.toAbsolutePath().toString());
    }
}
