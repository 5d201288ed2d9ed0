package org.olive.pipeline.occupation;

import org.olive.occupation.OccupationRules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/** The county profile's occupation.yaml: the built-in one (Shengsi) or a county's file. */
public final class OccupationSettings {

    /** The built-in file, a resource of this package. */
    public static final String RESOURCE = "/org/olive/pipeline/occupation/occupation.yaml";

    private static OccupationRules builtIn;

    private OccupationSettings() {
    }

    public static synchronized OccupationRules builtIn() {
        if (builtIn == null) {
            try (InputStream in = Objects.requireNonNull(OccupationSettings.class.getResourceAsStream(RESOURCE), RESOURCE)) {
                builtIn = OccupationRules.read(in, "occupation.yaml");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return builtIn;
    }

    /** A county's occupation.yaml; errors name the file, the key and the reason. */
    public static OccupationRules load(Path file) {
        return OccupationRules.read(file);
    }
}
