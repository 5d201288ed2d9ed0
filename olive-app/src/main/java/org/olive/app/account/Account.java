package org.olive.app.account;

import java.time.OffsetDateTime;

/** A user account as listed to administrators. Never carries the password hash. */
public record Account(long id, String username, String displayName, Role role, String townshipCode, boolean enabled,
                      OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
