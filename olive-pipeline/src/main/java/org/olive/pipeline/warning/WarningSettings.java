package org.olive.pipeline.warning;

import org.olive.warning.WarningDefinitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/** The county profile's warnings.yaml: the built-in one (Shengsi) or a county's file. */
public final class WarningSettings {

    /** The built-in file, a resource of this package. */
    public static final String RESOURCE = "/org/olive/pipeline/warning/warnings.yaml";

    private static WarningDefinitions builtIn;

    private WarningSettings() {
    }

    public static synchronized WarningDefinitions builtIn() {
        if (builtIn == null) {
            try (InputStream in = Objects.requireNonNull(WarningSettings.class.getResourceAsStream(RESOURCE), RESOURCE)) {
                builtIn = WarningDefinitions.read(in, "warnings.yaml");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return builtIn;
    }

    /** A county's warnings.yaml; every problem names the file, the key and the reason (a rule's line and column). */
    public static WarningDefinitions load(Path file) {
        return WarningDefinitions.read(file);
    }
}
