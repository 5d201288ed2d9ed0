package org.olive.app.web;

import java.util.ArrayList;
import java.util.List;

import org.olive.app.account.Permission;
import org.olive.app.account.Role;
import org.springframework.stereotype.Component;

/**
 * The menu, by the role's {@link Permission}s (docs/access.md): the eight ledgers (the cockpit, the landing page,
 * first; the key groups, {@code /groups}, and the occupations, {@code /occupations}, aggregates for every role; the family ledger, whose pages are all personal rows, only with READ_PERSONAL_DATA); on the right, the
 * indicator registry for every role, data intake (DATA_INTAKE), the conflict queue (READ_PERSONAL_DATA), the match
 * queue (REVIEW_MATCHES), accounts and the audit log (ADMINISTER).
 */
@Component
public class Navigation {

    /** Ledger ids in menu order; each has a page at {@code /<id>} and messages {@code nav.<id>}, {@code ledger.<id>.*}. */
    public static final List<String> LEDGERS =
            List.of("cockpit", "population", "families", "income", "groups", "occupations", "warnings", "policies", "map");

    private static final List<NavItem> LEDGER_ITEMS =
            LEDGERS.stream().map(id -> new NavItem(id, "/" + id, "nav." + id)).toList();

    private static final NavItem INTAKE = new NavItem("ingest", "/ingest", "nav.ingest");

    /** The family ledger's conflict queue: ADMIN, ANALYST and CADRE (their township's cases). */
    private static final NavItem CONFLICTS = new NavItem("conflicts", "/conflicts", "nav.conflicts");

    /** The review queue of record matches: ADMIN and ANALYST. */
    private static final NavItem MATCHES = new NavItem("matches", "/matches", "nav.matches");

    /** The indicator registry (targets and progress): every role; entries only for ADMIN and ANALYST. */
    private static final NavItem INDICATORS = new NavItem("indicators", "/indicators", "nav.indicators");

    /** The tag system (标签体系): every role (aggregates); its editor saves only with EDIT_TAGS. */
    private static final NavItem TAGS = new NavItem("tags", "/tags", "nav.tags");

    /** The what-if (重大变量影响): RUN_WHATIF. */
    private static final NavItem WHATIF = new NavItem("whatif", "/whatif", "nav.whatif");
    /** The policy simulation (政策施行可预测): RUN_WHATIF. */
    private static final NavItem SIMULATE = new NavItem("simulate", "/policies/simulate", "nav.simulate");
    /** The assistance cases' worklist (帮扶): READ_PERSONAL_DATA (a cadre: their township's cases). */
    private static final NavItem CASES = new NavItem("cases", "/cases", "nav.cases");

    private static final NavItem ACCOUNTS = new NavItem("accounts", "/admin/accounts", "nav.accounts");
    private static final NavItem AUDIT = new NavItem("audit", "/admin/audit", "nav.audit");

    /** The ledgers a role sees: all nine, but the family ledger only for roles that read personal data. */
    public List<NavItem> ledgers(Role role) {
        if (role == null) {
            return List.of();
        }
        return role.may(Permission.READ_PERSONAL_DATA) ? LEDGER_ITEMS
                : LEDGER_ITEMS.stream().filter(i -> !i.id().equals("families")).toList();
    }

    /**
     * The right-hand menu: the indicator registry (every role), data intake, the conflict queue (of their township
     * for a cadre), the match queue, accounts and audit log — each for the roles with its permission.
     */
    public List<NavItem> administration(Role role) {
        if (role == null) {
            return List.of();
        }
        List<NavItem> items = new ArrayList<>();
        items.add(INDICATORS);
        items.add(TAGS);
        if (role.may(Permission.RUN_WHATIF)) {
            items.add(WHATIF);
            items.add(SIMULATE);
        }
        if (role.may(Permission.DATA_INTAKE)) {
            items.add(INTAKE);
        }
        if (role.may(Permission.READ_PERSONAL_DATA)) {
            items.add(CONFLICTS);
            items.add(CASES);
        }
        if (role.may(Permission.REVIEW_MATCHES)) {
            items.add(MATCHES);
        }
        if (role.may(Permission.ADMINISTER)) {
            items.add(ACCOUNTS);
            items.add(AUDIT);
        }
        return List.copyOf(items);
    }
}
