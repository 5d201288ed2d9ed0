package org.olive.app.group;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import org.olive.app.web.OwnerApi;
import org.olive.pipeline.group.GroupDecisions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hand decisions on group membership (人工入列/出列) from the web: recorded through their owner,
 * {@link GroupDecisions} (the only writer of {@code group_decision}), in a transaction. Checking who may decide and
 * auditing is the controller's; the decision takes effect at the next run of a period.
 */
@Service
public class GroupHandDecisions {

    /** Longest reason kept (the column holds 1000). */
    public static final int MAX_REASON = 1000;

    private final DataSource dataSource;

    public GroupHandDecisions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records ADD or REMOVE with a reason (an open decision of the same person and group is withdrawn by it). */
    @Transactional
    public long decide(long personKey, String groupId, String action, String reason, String by) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return OwnerApi.write(dataSource, c -> GroupDecisions.decide(c, personKey, groupId, action, reason, by, at));
    }

    /** Withdraws the open decision of a person and group; false when none was open. */
    @Transactional
    public boolean withdraw(long personKey, String groupId, String by) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return OwnerApi.write(dataSource, c -> GroupDecisions.withdraw(c, personKey, groupId, by, at));
    }
}
