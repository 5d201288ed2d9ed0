package org.olive.pipeline.policy;

import org.olive.policy.PolicyDefinitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/** The county profile's policies.yaml (the policy library, docs/policies.md): the built-in one (Shengsi) or a county's file. */
public final class PolicySettings {

    /** The built-in file, a resource of this package. */
    public static final String RESOURCE = "/org/olive/pipeline/policy/policies.yaml";

    private static PolicyDefinitions builtIn;

    private PolicySettings() {
    }

    public static synchronized PolicyDefinitions builtIn() {
        if (builtIn == null) {
            try (InputStream in = Objects.requireNonNull(PolicySettings.class.getResourceAsStream(RESOURCE), RESOURCE)) {
                builtIn = PolicyDefinitions.read(in, "policies.yaml");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return builtIn;
    }

    /** A county's policies.yaml; every problem names the file, the key and the reason (a rule's line and column). */
    public static PolicyDefinitions load(Path file) {
        return PolicyDefinitions.read(file);
    }
}
