package org.olive.app.security;

import org.olive.app.account.Permission;
import org.olive.app.account.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who the logged-in user is and what their scope covers (M11). The ledgers' {@code township_code} columns hold the
 * 9-digit township prefix, which {@link #township(AreaScope)} gives (null for the county): query classes filter
 * with it. Deciding and refusing access to a person's or family's data is {@link PersonalDataAccess}'s job.
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

    /** Whether the logged-in user's role has a permission (docs/access.md). */
    public static boolean may(Permission permission) {
        return permission.allows(currentRole());
    }

    /** Whether the current role may see an ID number unmasked (ADMIN, ANALYST). */
    public static boolean mayUnmask() {
        return may(Permission.UNMASK_ID);
    }
}
