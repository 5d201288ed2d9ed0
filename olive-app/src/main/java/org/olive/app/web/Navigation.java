package org.olive.app.web;

import java.util.List;

import org.olive.app.account.Role;
import org.springframework.stereotype.Component;

/**
 * The menu: the eight ledgers for every role; on the right, data intake for {@link Role#ADMIN} and
 * {@link Role#ANALYST}, and administration for {@link Role#ADMIN} only.
 */
@Component
public class Navigation {

    /** Ledger ids in menu order; each has a page at {@code /<id>} and messages {@code nav.<id>}, {@code ledger.<id>.*}. */
    public static final List<String> LEDGERS =
            List.of("population", "families", "income", "groups", "warnings", "policies", "cockpit", "map");

    private static final List<NavItem> LEDGER_ITEMS =
            LEDGERS.stream().map(id -> new NavItem(id, "/" + id, "nav." + id)).toList();

    private static final NavItem INTAKE = new NavItem("ingest", "/ingest", "nav.ingest");

    private static final List<NavItem> ADMIN_ITEMS = List.of(
            INTAKE,
            new NavItem("accounts", "/admin/accounts", "nav.accounts"),
            new NavItem("audit", "/admin/audit", "nav.audit"));

    /** The ledgers a role sees: for now every role sees all eight (data inside is limited by its AreaScope). */
    public List<NavItem> ledgers(Role role) {
        return role == null ? List.of() : LEDGER_ITEMS;
    }

    /** The right-hand menu: data intake (ADMIN, ANALYST), accounts and audit log (ADMIN). */
    public List<NavItem> administration(Role role) {
        if (role == Role.ADMIN) {
            return ADMIN_ITEMS;
        }
        return role == Role.ANALYST ? List.of(INTAKE) : List.of();
    }
}
