package org.olive.pipeline.warning;

import org.olive.pipeline.run.Output;

/** What step {@code warnings} publishes for later steps: each family's colour (RED, YELLOW, GREEN) by family_key. */
public final class WarningOutputs {

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final Output<java.util.Map<String, String>> COLOURS =
            new Output<>("families' warning colours", (Class) java.util.Map.class);

    private WarningOutputs() {
    }
}
