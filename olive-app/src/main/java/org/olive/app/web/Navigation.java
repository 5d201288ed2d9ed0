package org.olive.app.web;

import java.util.List;

import org.olive.app.account.Role;
import org.springframework.stereotype.Component;

/**
 * The menu: the eight ledgers for every role (the cockpit, the landing page, first); on the right, the indicator registry for every role, data intake and the ledgers' review queues for
 * {@link Role#ADMIN} and {@link Role#ANALYST} (the conflict queue for {@link Role#CADRE} too), and administration for
 * {@link Role#ADMIN} only.
 */
@Component
public class Navigation {

    /** Ledger ids in menu order; each has a page at {@code /<id>} and messages {@code nav.<id>}, {@code ledger.<id>.*}. */
    public static final List<String> LEDGERS =
            List.of("cockpit", "population", "families", "income", "groups", "warnings", "policies", "map");

    private static final List<NavItem> LEDGER_ITEMS =
            LEDGERS.stream().map(id -> new NavItem(id, "/" + id, "nav." + id)).toList();

    private static final NavItem INTAKE = new NavItem("ingest", "/ingest", "nav.ingest");

    /** The family ledger's conflict queue: ADMIN, ANALYST and CADRE (their township's cases). */
    private static final NavItem CONFLICTS = new NavItem("conflicts", "/conflicts", "nav.conflicts");

    /** The review queue of record matches: ADMIN and ANALYST. */
    private static final NavItem MATCHES = new NavItem("matches", "/matches", "nav.matches");

    /** The indicator registry (targets and progress): every role; entries only for ADMIN and ANALYST. */
    private static final NavItem INDICATORS = new NavItem("indicators", "/indicators", "nav.indicators");

    private static final List<NavItem> ADMIN_ITEMS = List.of(
            INDICATORS,
            INTAKE,
            CONFLICTS,
            MATCHES,
            new NavItem("accounts", "/admin/accounts", "nav.accounts"),
            new NavItem("audit", "/admin/audit", "nav.audit"));

    /** The ledgers a role sees: for now every role sees all eight (data inside is limited by its AreaScope). */
    public List<NavItem> ledgers(Role role) {
        return role == null ? List.of() : LEDGER_ITEMS;
    }

    /**
     * The right-hand menu: the indicator registry (every role), data intake and the two review queues of the ledgers
     * (ADMIN, ANALYST), the conflict queue of their township (CADRE), accounts and audit log (ADMIN).
     */
    public List<NavItem> administration(Role role) {
        if (role == Role.ADMIN) {
            return ADMIN_ITEMS;
        }
        if (role == Role.ANALYST) {
            return List.of(INDICATORS, INTAKE, CONFLICTS, MATCHES);
        }
        if (role == Role.CADRE) {
            return List.of(INDICATORS, CONFLICTS);
        }
        return role == null ? List.of() : List.of(INDICATORS);
    }
}
