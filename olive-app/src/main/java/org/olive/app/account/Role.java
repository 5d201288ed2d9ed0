package org.olive.app.account;

/**
 * Who a user is. What each role may do is {@link Permission} (docs/access.md). Only a {@link #CADRE} is bound to a
 * township; everyone else sees the whole county.
 */
public enum Role {
    /** Manages accounts, reads the audit log, runs data intake; the county's data, like an analyst. */
    ADMIN,
    /** County analysts and officials (社建委, statistics bureau, …); the whole county's data. */
    ANALYST,
    /** Township and village cadres (乡镇、村社干部): the personal data of their own township only. */
    CADRE,
    /** Maintains the policy library and evaluates policies: county-wide aggregates, no personal rows. */
    POLICY_OFFICER;

    /** The Spring Security authority, e.g. {@code ROLE_CADRE}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Message key of the role's display name. */
    public String messageKey() {
        return "role." + name();
    }

    /** Whether this role has a permission. */
    public boolean may(Permission permission) {
        return permission.allows(this);
    }

    public boolean isTownshipScoped() {
        return this == CADRE;
    }
}
