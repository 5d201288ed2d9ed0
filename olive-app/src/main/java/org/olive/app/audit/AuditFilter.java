package org.olive.app.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the audit page and its export show: events of an actor, of an action, on a subject (type and/or id), between
 * two dates (both included, in the display time zone). Every part is optional (null: any).
 */
public record AuditFilter(String actor, AuditAction action, String subjectType, String subjectId, LocalDate from,
                          LocalDate to) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);

    public AuditFilter {
        actor = blankToNull(actor);
        subjectType = blankToNull(subjectType);
        subjectId = blankToNull(subjectId);
    }

    /** The filter in words for the audit trail of an export, e.g. "actor=admin action=LOGIN_FAILURE from=2026-01-01". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (actor != null) {
            parts.add("actor=" + actor);
        }
        if (action != null) {
            parts.add("action=" + action.name());
        }
        if (subjectType != null) {
            parts.add("subjectType=" + subjectType);
        }
        if (subjectId != null) {
            parts.add("subjectId=" + subjectId);
        }
        if (from != null) {
            parts.add("from=" + from);
        }
        if (to != null) {
            parts.add("to=" + to);
        }
        return parts.isEmpty() ? "all events" : String.join(" ", parts);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
