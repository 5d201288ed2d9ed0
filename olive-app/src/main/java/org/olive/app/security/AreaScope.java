package org.olive.app.security;

import java.util.Objects;

import org.olive.geography.Division;
import org.olive.geography.Divisions;

/**
 * The area whose data a user may see (M11: role- and region-scoped access): the whole county, or one township for a
 * cadre. Controllers take it as a parameter ({@link AreaScopeArgumentResolver}) and filter every query with it.
 *
 * @param code 12-digit code of the county or the township
 * @param name name of the county or the township
 */
public record AreaScope(Kind kind, String code, String name) {

    public enum Kind { COUNTY, TOWNSHIP }

    public AreaScope {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(code);
        Objects.requireNonNull(name);
    }

    public static AreaScope county(Divisions divisions) {
        Division c = divisions.county();
        return new AreaScope(Kind.COUNTY, c.code(), c.name());
    }

    public static AreaScope township(Division township) {
        if (township.level() != Division.Level.TOWNSHIP) {
            throw new IllegalArgumentException(township.code() + " is not a township");
        }
        return new AreaScope(Kind.TOWNSHIP, township.code(), township.name());
    }

    /** The scope of a user: their township for a cadre, the county for everyone else. */
    public static AreaScope of(OliveUser user, Divisions divisions) {
        if (user.role().isTownshipScoped()) {
            Division t = divisions.get(user.townshipCode());
            if (t == null) {
                throw new IllegalStateException("cadre " + user.getUsername() + " has unknown township "
                        + user.townshipCode());
            }
            return township(t);
        }
        return county(divisions);
    }

    public boolean isCounty() {
        return kind == Kind.COUNTY;
    }

    /** Whether a division (township or village, 12-digit code) lies inside this scope. */
    public boolean includes(String divisionCode) {
        if (divisionCode == null || divisionCode.length() != 12) {
            return false;
        }
        int prefix = isCounty() ? 6 : 9;
        return divisionCode.regionMatches(0, code, 0, prefix);
    }
}
