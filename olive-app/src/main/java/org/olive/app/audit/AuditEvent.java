package org.olive.app.audit;

import java.time.OffsetDateTime;

/**
 * One row of {@code audit_event}: who ({@code actor}, {@code actorRole}) did what ({@code action}) when, to which
 * subject ({@code subjectType}, {@code subjectId}), with which outcome, from where.
 *
 * @param id null until stored
 */
public record AuditEvent(Long id, OffsetDateTime occurredAt, String actor, String actorRole, AuditAction action,
                         String subjectType, String subjectId, Outcome outcome, String remoteAddr, String detail) {

    public enum Outcome { SUCCESS, FAILURE }

    /** Actor name used when the system itself acts (demo start-up, the command line). */
    public static final String SYSTEM = "system";
}
