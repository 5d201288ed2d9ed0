package org.olive.pipeline.assistance;

import org.olive.assistance.CaseDefinitions;
import org.olive.pipeline.warning.WarningSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/** The parameters of the assistance cases: the {@code cases:} section of the profile's warnings.yaml (docs/cases.md). */
public final class CaseSettings {

    private static CaseDefinitions builtIn;

    private CaseSettings() {
    }

    /** The built-in profile's (Shengsi) section, from the built-in warnings.yaml. */
    public static synchronized CaseDefinitions builtIn() {
        if (builtIn == null) {
            try (InputStream in = Objects.requireNonNull(CaseSettings.class.getResourceAsStream(WarningSettings.RESOURCE),
                    WarningSettings.RESOURCE)) {
                builtIn = CaseDefinitions.read(in, "warnings.yaml");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return builtIn;
    }

    /** A county's warnings.yaml; every problem names the file, the key and the reason. */
    public static CaseDefinitions load(Path warningsFile) {
        return CaseDefinitions.read(warningsFile);
    }
}
