package org.olive.app.audit;

/** What an audit event records. Stored by name: never rename a constant, add new ones. */
public enum AuditAction {
    LOGIN_SUCCESS,
    LOGIN_FAILURE,
    LOGOUT,
    ACCOUNT_CREATED,
    ACCOUNT_RESET,
    /** Someone looked at personal data of a person or family (M11: every such view is audited). */
    VIEW_PERSONAL_DATA,
    /** Someone downloaded personal data unmasked, e.g. rejected rows to send back to their source department. */
    EXPORT_PERSONAL_DATA,
    /** Someone took a decision on a ledger case: resolved a family conflict, confirmed or rejected a record match. */
    LEDGER_DECISION,
    /** Someone entered data by hand, e.g. an indicator value of the registry that Olive does not compute. */
    DATA_ENTERED,
    /** Too many failed logins: an account or an address is locked for a while (subject ACCOUNT or ADDRESS). */
    LOGIN_LOCKED,
    /** Someone exported (downloaded) audit events. */
    AUDIT_EXPORTED,
    /**
     * A logged-in user's request was refused (status 403): a page or action their role lacks, data outside their
     * township or period, a missing CSRF token. Subject: what was asked for; detail: the reason and the request.
     */
    ACCESS_DENIED,
    /**
     * Someone changed a rule that later runs use: a new version of a tag (or a new tag) saved from the tag editor.
     * Subject: {@code TAG_RULE} "tag@version"; detail: valid_from, the rule and the reason.
     */
    RULE_CHANGED,
    /**
     * Someone downloaded rules that later runs use, to carry them out of the platform: the effective tag definitions
     * as a county profile's tags.yaml. Subject: {@code TAG_RULE} "tags.yaml"; detail: tags, versions, saved versions.
     */
    RULES_EXPORTED
}
