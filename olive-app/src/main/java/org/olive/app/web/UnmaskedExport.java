package org.olive.app.web;

import org.olive.app.account.Permission;
import org.olive.app.security.Access;
import org.olive.app.security.AccessRefusal;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The one rule for exports of personal data (issue 11, item 8): every export is masked by default; an unmasked export
 * is an explicit POST by a role that may unmask ({@link Access#mayUnmask()}), with a stated reason of
 * {@value #MIN_REASON}–{@value #MAX_REASON} characters that goes into the audit event.
 */
public final class UnmaskedExport {

    public static final int MIN_REASON = 4;
    public static final int MAX_REASON = 200;

    private UnmaskedExport() {
    }

    /**
     * The trimmed reason of an unmasked export; refuses (403) a role that may not unmask and (400) a missing, too short
     * or too long reason.
     */
    public static String reason(String raw) {
        if (!Access.mayUnmask()) {
            // audited as ACCESS_DENIED by DeniedAudit, like every refusal
            throw new AccessRefusal(AccessRefusal.Kind.ROLE, "EXPORT", "unmasked", "role " + Access.currentRole()
                    + " lacks permission " + Permission.UNMASK_ID + " for an unmasked export");
        }
        String reason = raw == null ? "" : raw.strip();
        if (reason.length() < MIN_REASON || reason.length() > MAX_REASON) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "导出完整身份证号须说明理由（" + MIN_REASON + "–"
                    + MAX_REASON + "字）；an unmasked export needs a reason of " + MIN_REASON + "–" + MAX_REASON + " characters");
        }
        return reason;
    }
}
