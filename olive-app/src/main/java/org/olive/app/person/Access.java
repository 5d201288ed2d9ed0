package org.olive.app.person;

import org.olive.app.account.Role;
import org.olive.app.security.AreaScope;
import org.olive.app.security.OliveUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who may see what of the ledgers (M11): every logged-in role sees masked ID numbers; only {@link Role#ADMIN} and
 * {@link Role#ANALYST} may ask for an unmasked ID (an explicit, audited action). A cadre's queries are limited to
 * their township: the ledgers' {@code township_code} columns hold the 9-digit township prefix, which
 * {@link #township(AreaScope)} gives (null for the county).
 */
public final class Access {

    private Access() {
    }

    /** The 9-digit township code a scope limits queries to, or null when the scope is the whole county. */
    public static String township(AreaScope scope) {
        return scope.isCounty() ? null : scope.code().substring(0, 9);
    }

    /** Whether a row of a township (9- or 12-digit code, may be null) lies inside the scope. */
    public static boolean allows(AreaScope scope, String townshipCode) {
        if (scope.isCounty()) {
            return true;
        }
        return townshipCode != null && townshipCode.length() >= 9 && townshipCode.startsWith(township(scope));
    }

    /** Refuses (403) a row outside the scope. */
    public static void require(AreaScope scope, String townshipCode, String what) {
        if (!allows(scope, townshipCode)) {
            throw new AccessDeniedException(what + " lies outside the user's area " + scope.code());
        }
    }

    /** The logged-in user's role, or null. */
    public static Role currentRole() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof OliveUser u ? u.role() : null;
    }

    /** The logged-in user's name ("?" without one). */
    public static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "?" : auth.getName();
    }

    /** Whether the current role may see an ID number unmasked (ADMIN, ANALYST). */
    public static boolean mayUnmask() {
        Role r = currentRole();
        return r == Role.ADMIN || r == Role.ANALYST;
    }
}
