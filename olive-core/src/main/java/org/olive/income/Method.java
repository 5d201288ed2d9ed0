package org.olive.income;

/**
 * How an income figure was obtained (domain.md §4 provenance). The order is from strongest to weakest evidence for
 * computed figures; a declared figure overrides both.
 */
public enum Method {
    /** Read from departmental records of the amount (or of a base with a documented rule). 精准. */
    PRECISE,
    /** Estimated by the model trained on the household survey (模糊推算), with an interval. */
    ESTIMATED,
    /** Declared by a permitted user (申报更正), audited. */
    DECLARED
}
