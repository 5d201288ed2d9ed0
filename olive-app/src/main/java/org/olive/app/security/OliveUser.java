package org.olive.app.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.olive.app.account.Role;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in user. Kept in the HTTP session: holds no password (the hash is erased right after authentication).
 */
public final class OliveUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String username;
    private final String displayName;
    private final Role role;
    private final String townshipCode;
    private final boolean enabled;
    private String passwordHash;

    public OliveUser(String username, String displayName, Role role, String townshipCode, boolean enabled,
                     String passwordHash) {
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.townshipCode = townshipCode;
        this.enabled = enabled;
        this.passwordHash = passwordHash;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    /** The township a cadre is bound to (12-digit code); null for everyone else. */
    public String townshipCode() {
        return townshipCode;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OliveUser u && u.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "OliveUser[" + username + ", " + role + (townshipCode == null ? "" : ", " + townshipCode) + "]";
    }
}
