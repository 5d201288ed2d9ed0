package org.olive.app.security;

import java.io.Serial;

import org.springframework.security.access.AccessDeniedException;

/**
 * A refusal by {@link PersonalDataAccess}: what was asked for (the target, as the audit log names it) and why.
 * Spring Security turns it into a 403 and {@link DeniedAudit} records it.
 */
public final class AccessRefusal extends AccessDeniedException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Why access was refused; the /denied page says it in words (message {@code denied.reason.<kind>}). */
    public enum Kind {
        /** The role lacks the permission. */
        ROLE,
        /** The target lies outside the user's township. */
        AREA,
        /** The person or family did not belong to the user's township in the period asked for. */
        PERIOD
    }

    private final Kind kind;
    private final String targetType;
    private final String targetId;

    public AccessRefusal(Kind kind, String targetType, String targetId, String reason) {
        super(reason);
        this.kind = kind;
        this.targetType = targetType;
        this.targetId = targetId;
    }

    public Kind kind() {
        return kind;
    }

    /** The audit subject type of the target, e.g. PERSON, FAMILY, FAMILY_CONFLICT. */
    public String targetType() {
        return targetType;
    }

    /** The audit subject id of the target, e.g. {@code person 900001}, a family key, a case id. */
    public String targetId() {
        return targetId;
    }
}
