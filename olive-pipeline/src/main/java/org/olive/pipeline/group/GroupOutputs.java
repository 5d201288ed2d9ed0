package org.olive.pipeline.group;

import org.olive.pipeline.run.Output;

/** What step {@code groups} publishes for later steps (warnings, policies): the period's memberships. */
public final class GroupOutputs {

    /** The period's group members (after hand decisions). */
    public static final Output<GroupMembers> MEMBERS = new Output<>("group members", GroupMembers.class);

    /**
     * The families' income situation the rules saw (family_flag brackets and lines, typical DI, members), keyed by
     * family_key; step tags uses it instead of reading the three tables again.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final Output<java.util.Map<String, org.olive.fact.PersonVariables.Family>> FAMILIES =
            new Output<>("families' income situation", (Class) java.util.Map.class);

    private GroupOutputs() {
    }
}
