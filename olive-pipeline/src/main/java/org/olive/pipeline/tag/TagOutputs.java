package org.olive.pipeline.tag;

import org.olive.pipeline.run.Output;

import java.util.List;
import java.util.Map;

/**
 * What step {@code tags} publishes for later steps (the policies): the subjects with their tag facts, and the tags of
 * each subject ({@code PERSON|key} or {@code FAMILY|key} → tag ids).
 */
public final class TagOutputs {

    public static final Output<TagSubjects> SUBJECTS = new Output<>("tag subjects", TagSubjects.class);

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final Output<Map<String, List<String>>> TAGS = new Output<>("tags of persons and families",
            (Class) Map.class);

    private TagOutputs() {
    }

    /** The key of a subject in {@link #TAGS}. */
    public static String key(String kind, String key) {
        return kind + "|" + key;
    }
}
