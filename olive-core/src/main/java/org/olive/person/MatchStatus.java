package org.olive.person;

/** What the matcher concluded for a record. */
public enum MatchStatus {
    /** The best candidate reached the match threshold and beat the runner-up by the required margin. */
    MATCHED,
    /** A candidate reached the review threshold (or two were too close to tell apart): a person must decide. */
    REVIEW,
    /** No candidate came near enough: the record stays unresolved. */
    NO_CANDIDATE
}
