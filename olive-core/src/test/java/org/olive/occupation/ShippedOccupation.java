package org.olive.occupation;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shipped occupation.yaml (olive-pipeline's resource), for core tests: the same file the product loads. */
final class ShippedOccupation {

    static final Path FILE = Path.of("../olive-pipeline/src/main/resources/org/olive/pipeline/occupation/occupation.yaml");

    private static OccupationRules rules;

    private ShippedOccupation() {
    }

    static synchronized OccupationRules rules() {
        if (rules == null) {
            if (!Files.isRegularFile(FILE)) {
                throw new IllegalStateException("the shipped occupation.yaml is not at " + FILE.toAbsolutePath());
            }
            rules = OccupationRules.read(FILE);
        }
        return rules;
    }
}
