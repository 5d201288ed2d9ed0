package org.olive.app.account;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a role may do beyond the pages every logged-in user has (the cockpit, the indicator registry, the aggregate
 * population and income tables, the accuracy page and the pages still to come). The one source of the role matrix:
 * the URL rules ({@code SecurityConfiguration}), the controllers (through {@code PersonalDataAccess}), the menu and
 * {@code docs/access.md} all follow it; {@code AccessMatrixDocTest} keeps the document in step.
 */
public enum Permission {
    /**
     * Pages with personal rows: person search and page, the family list and page, a person's income, the rows of the
     * population lists and their CSV, the families of the income drill-down, the conflict queue and its cases. A cadre
     * sees them for their township only, and a person or family only in the periods it belonged to it.
     */
    READ_PERSONAL_DATA(Role.ADMIN, Role.ANALYST, Role.CADRE),
    /** Show a full ID number (an explicit, audited POST). */
    UNMASK_ID(Role.ADMIN, Role.ANALYST),
    /** Resolve a family conflict (a cadre: cases of their township). */
    RESOLVE_CONFLICT(Role.ADMIN, Role.ANALYST, Role.CADRE),
    /**
     * Add a person to a key group or remove them by hand (人工入列/出列), or withdraw such a decision, with a reason; it
     * takes effect at the next run of the period ({@code GroupDecisions}). A cadre: persons of their township only.
     */
    DECIDE_GROUP(Role.ADMIN, Role.ANALYST, Role.CADRE),
    /** Review record matches (confirm or reject a source row's person): it merges rows into the county registry. */
    REVIEW_MATCHES(Role.ADMIN, Role.ANALYST),
    /** Declare or withdraw an income correction (申报更正). */
    DECLARE_INCOME(Role.ADMIN, Role.ANALYST),
    /** Enter a value of an indicator Olive does not compute. */
    ENTER_INDICATOR(Role.ADMIN, Role.ANALYST),
    /** Data intake: runs, reports, rejected rows and their unmasked downloads for the departments. */
    DATA_INTAKE(Role.ADMIN, Role.ANALYST),
    /** Accounts and the audit log. */
    ADMINISTER(Role.ADMIN),
    /**
     * Save a new version of a tag's rule (标签体系) or define a new tag from the web; every later run uses it
     * ({@code TagRuleVersions}). The tag pages, the syntax check and the preview's counts are for every role.
     */
    EDIT_TAGS(Role.ADMIN),
    /**
     * Run what-if scenarios (重大变量影响, {@code /whatif}; docs/whatif.md), save and compare them: aggregates only; the
     * changed families' rows need READ_PERSONAL_DATA as well.
     */
    RUN_WHATIF(Role.ADMIN, Role.ANALYST, Role.POLICY_OFFICER),

    /**

     * Act on an assistance case (帮扶): record a visit, assistance given, a referral, assign a cadre, move its state,
     * close it with a reason (docs/cases.md). A cadre: cases of their township only. Analysts read the cases.
     */
    WORK_CASES(Role.ADMIN, Role.CADRE),
    /**
     * Set the handling status of an entry of a policy's push list (政策一本账: 待办 / 已办 / 不符合, with a note;
     * {@code PolicyDesk}, docs/policies-web.md): the administrator and the policy officer, who hand the list to the
     * responsible department and record what it did. Cadres and analysts read the lists without handling them.
     */
    HANDLE_POLICY(Role.ADMIN, Role.POLICY_OFFICER);

    private final Set<Role> roles;

    Permission(Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    /** The roles that have this permission. */
    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }

    /** Whether a role (null: nobody logged in) has this permission. */
    public boolean allows(Role role) {
        return role != null && roles.contains(role);
    }

    /** The role names for Spring Security's {@code hasAnyRole}. */
    public String[] roleNames() {
        return roles.stream().map(Role::name).toArray(String[]::new);
    }
}
