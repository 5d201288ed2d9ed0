package org.olive.pipeline.tag;

import org.olive.tag.TagDefinitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/** The county profile's tags.yaml: the built-in tag set or a county's file. */
public final class TagSettings {

    /** The built-in file, a resource of this package. */
    public static final String RESOURCE = "/org/olive/pipeline/tag/tags.yaml";

    private static TagDefinitions builtIn;

    private TagSettings() {
    }

    public static synchronized TagDefinitions builtIn() {
        if (builtIn == null) {
            try (InputStream in = Objects.requireNonNull(TagSettings.class.getResourceAsStream(RESOURCE), RESOURCE)) {
                builtIn = TagDefinitions.read(in, "tags.yaml");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return builtIn;
    }

    /** A county's tags.yaml; every problem names the key and the reason (and a rule's line and column). */
    public static TagDefinitions load(Path file) {
        return TagDefinitions.read(file);
    }
}
