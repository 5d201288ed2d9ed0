package org.olive.pipeline.warning;

import org.olive.pipeline.run.Output;

/** What step {@code warnings} publishes for later steps: each family's colour (RED, YELLOW, GREEN) and
 * its facts by family_key. */
public final class WarningOutputs {

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final Output<java.util.Map<String, String>> COLOURS =
            new Output<>("families' warning colours", (Class) java.util.Map.class);

    /** Each family's warning facts (what the rules saw, with their records) by family_key: the policies' family facts. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final Output<java.util.Map<String, org.olive.warning.WarningVariables.Facts>> FACTS =
            new Output<>("families' warning facts", (Class) java.util.Map.class);

    private WarningOutputs() {
    }
}
