package org.olive.app.security;

import java.util.List;
import java.util.function.Function;

import org.olive.app.account.Permission;
import org.olive.app.account.Role;
import org.olive.geography.Division;
import org.olive.geography.Divisions;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The one place that decides what of a person's or a family's data the logged-in user may see, and refuses the rest
 * (docs/access.md). Every controller that shows personal data calls it:
 * <ul>
 *   <li>{@link #require(Permission, String, String)}: the role must have the permission (the matrix of
 *       {@link Permission});</li>
 *   <li>{@link #person}, {@link #family}: the <em>period rule</em>. A county-wide role sees every period of a person or
 *       family. A cadre sees a person or family only for the periods in which it belonged to the cadre's township —
 *       {@code person_period.township_code} (where the person lived, else where their hukou was) and
 *       {@code family_period.township_code} of that period. The {@link Window} it returns lists those periods and the
 *       one to show; the page shows nothing of the other periods ({@link Window#filter});</li>
 *   <li>{@link #requireArea}: a row with one township (a conflict, a record match, a filter) must lie in the scope;
 *       {@link #rowsTownship}: the township of a list's rows from its {@code township=} filter and the scope.</li>
 * </ul>
 * Every refusal is an {@link AccessRefusal} naming the target and the reason; {@link DeniedAudit} records it in the
 * audit log and shows the /denied page.
 */
@Component
public class PersonalDataAccess {

    /** Audit subject type of a person and a family (the same as their views). */
    public static final String PERSON = "PERSON";
    public static final String FAMILY = "FAMILY";

    /**
     * The periods of a person or family the user may see, newest first, the period the page shows (null when the
     * subject has no period at all) and whether the periods are a cadre's share ({@code restricted}) or all of them.
     */
    public record Window(List<String> periods, String shown, boolean restricted) {

        /** Whether the page may show something of this period. */
        public boolean includes(String period) {
            return !restricted || periods.contains(period);
        }

        /** The rows of the visible periods (all rows for a county-wide role). */
        public <T> List<T> filter(List<T> rows, Function<? super T, String> periodOf) {
            return restricted ? rows.stream().filter(r -> periods.contains(periodOf.apply(r))).toList() : rows;
        }

        /** The oldest visible period, or null. */
        public String first() {
            return periods.isEmpty() ? null : periods.get(periods.size() - 1);
        }

        /** The newest visible period, or null. */
        public String last() {
            return periods.isEmpty() ? null : periods.get(0);
        }
    }

    /** A subject's township in one period. */
    private record Belonging(String period, String township) {
    }

    private final JdbcClient jdbc;
    private final Divisions divisions;

    public PersonalDataAccess(JdbcClient jdbc, Divisions divisions) {
        this.jdbc = jdbc;
        this.divisions = divisions;
    }

    /**
     * The township (9 digits; null = the county) of a list's personal rows: the asked one ({@code township=}, 9 or 12
     * digits) when it lies in the scope (another is refused as {@code TOWNSHIP} and audited), else the scope's own.
     *
     * @throws ResponseStatusException 400 when the asked code is no township of the county
     */
    public String rowsTownship(AreaScope scope, String asked) {
        String a = asked == null || asked.isBlank() ? null : asked.strip();
        if (a == null) {
            return Access.township(scope);
        }
        Division d = a.length() == 9 || a.length() == 12 ? divisions.get(a.length() == 9 ? a + "000" : a) : null;
        if (d == null || d.level() != Division.Level.TOWNSHIP) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "township '" + a + "': not a township of "
                    + divisions.county().name());
        }
        String code = d.code().substring(0, 9);
        requireArea(scope, code, "TOWNSHIP", code);
        return code;
    }

    /** Refuses unless the current role has the permission; {@code targetType}/{@code targetId} name what was asked. */
    public void require(Permission permission, String targetType, String targetId) {
        Role role = Access.currentRole();
        if (!permission.allows(role)) {
            throw new AccessRefusal(AccessRefusal.Kind.ROLE, targetType, targetId,
                    "role " + role + " lacks permission " + permission);
        }
    }

    /** Refuses a target of one township (9- or 12-digit code, may be null) that lies outside the scope. */
    public void requireArea(AreaScope scope, String township, String targetType, String targetId) {
        if (!Access.allows(scope, township)) {
            throw new AccessRefusal(AccessRefusal.Kind.AREA, targetType, targetId,
                    targetType + " " + targetId + " lies in township " + (township == null ? "unknown" : township)
                            + ", outside the user's " + Access.township(scope));
        }
    }

    /**
     * The window on a person's data: needs {@link Permission#READ_PERSONAL_DATA}; a cadre is refused a person who
     * never belonged to their township, and a {@code period} in which the person belonged to another one. Without a
     * period, or with one the person does not have, the window shows the latest visible period.
     */
    public Window person(long personKey, String period, AreaScope scope) {
        return open(PERSON, "person " + personKey, jdbc.sql("SELECT data_period, township_code FROM person_period "
                        + "WHERE person_key = :k ORDER BY data_period DESC").param("k", personKey)
                .query((rs, n) -> new Belonging(rs.getString(1), rs.getString(2))).list(), period, scope);
    }

    /** The window on a family's data, by the same rule as {@link #person}. */
    public Window family(String familyKey, String period, AreaScope scope) {
        return open(FAMILY, familyKey, jdbc.sql("SELECT data_period, township_code FROM family_period "
                        + "WHERE family_key = :k ORDER BY data_period DESC").param("k", familyKey)
                .query((rs, n) -> new Belonging(rs.getString(1), rs.getString(2))).list(), period, scope);
    }

    private Window open(String type, String id, List<Belonging> belongings, String period, AreaScope scope) {
        require(Permission.READ_PERSONAL_DATA, type, id);
        List<String> visible = belongings.stream().filter(b -> Access.allows(scope, b.township()))
                .map(Belonging::period).toList();
        String own = Access.township(scope);
        if (!scope.isCounty() && visible.isEmpty()) {
            throw new AccessRefusal(AccessRefusal.Kind.AREA, type, id,
                    type + " " + id + " never belonged to the user's township " + own);
        }
        String asked = period == null || period.isBlank() ? null : period.strip();
        if (asked != null && !visible.contains(asked)) {
            for (Belonging b : belongings) {
                if (b.period().equals(asked)) {
                    throw new AccessRefusal(AccessRefusal.Kind.PERIOD, type, id, type + " " + id + " belonged to "
                            + "township " + (b.township() == null ? "unknown" : b.township()) + " in " + asked
                            + ", not to the user's " + own + " (visible: " + visible.get(visible.size() - 1) + " to "
                            + visible.get(0) + ")");
                }
            }
            asked = null; // a period the subject does not have: the latest visible one
        }
        return new Window(visible, asked != null ? asked : visible.isEmpty() ? null : visible.get(0),
                !scope.isCounty());
    }
}
