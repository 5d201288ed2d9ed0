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

    /**
     * The members step groups published in this run, else (the step not run: {@code --steps}) those it stored for the
     * period, with the profile's groups enabled at the period.
     */
    public static GroupMembers members(org.olive.pipeline.run.StepContext ctx, org.olive.group.GroupDefinitions groups)
            throws java.sql.SQLException {
        java.util.Optional<GroupMembers> published = ctx.find(MEMBERS);
        return published.isPresent() ? published.get()
                : GroupMembers.read(ctx.connection(), ctx.period().toString(), groups.at(ctx.period()).groupIds());
    }
}
