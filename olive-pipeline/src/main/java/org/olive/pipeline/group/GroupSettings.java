package org.olive.pipeline.group;

import org.olive.group.GroupDefinitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/** The county profile's groups.yaml: the built-in one (Shengsi, the 7+4 groups) or a county's file. */
public final class GroupSettings {

    /** The built-in file, a resource of this package. */
    public static final String RESOURCE = "/org/olive/pipeline/group/groups.yaml";

    private static GroupDefinitions builtIn;

    private GroupSettings() {
    }

    public static synchronized GroupDefinitions builtIn() {
        if (builtIn == null) {
            try (InputStream in = Objects.requireNonNull(GroupSettings.class.getResourceAsStream(RESOURCE), RESOURCE)) {
                builtIn = GroupDefinitions.read(in, "groups.yaml");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return builtIn;
    }

    /** A county's groups.yaml; every problem names the key and the reason (and a rule's line and column). */
    public static GroupDefinitions load(Path file) {
        return GroupDefinitions.read(file);
    }
}
