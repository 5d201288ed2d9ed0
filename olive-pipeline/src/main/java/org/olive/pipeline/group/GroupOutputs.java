package org.olive.pipeline.group;

import org.olive.pipeline.run.Output;

/** What step {@code groups} publishes for later steps (warnings, policies): the period's memberships. */
public final class GroupOutputs {

    /** The period's group members (after hand decisions). */
    public static final Output<GroupMembers> MEMBERS = new Output<>("group members", GroupMembers.class);

    private GroupOutputs() {
    }
}
