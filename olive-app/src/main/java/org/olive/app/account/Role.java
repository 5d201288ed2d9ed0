package org.olive.app.account;

/** What a user may do. Only a {@link #CADRE} is bound to a township; everyone else sees the whole county. */
public enum Role {
    /** Manages accounts and reads the audit log; sees the whole county. */
    ADMIN,
    /** County analysts and officials (社建委, statistics bureau, …); whole county. */
    ANALYST,
    /** Township and village cadres (乡镇、村社干部): only their own township. */
    CADRE,
    /** Maintains the policy library and evaluates policies; whole county. */
    POLICY_OFFICER;

    /** The Spring Security authority, e.g. {@code ROLE_CADRE}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Message key of the role's display name. */
    public String messageKey() {
        return "role." + name();
    }

    public boolean isTownshipScoped() {
        return this == CADRE;
    }
}
