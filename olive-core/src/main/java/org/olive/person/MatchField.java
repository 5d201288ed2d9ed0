package org.olive.person;

/** The fields compared between a record and a candidate, each with its own weights in {@link MatchRules}. */
public enum MatchField {
    /** The first 17 characters of the raw ID (everything but the check character) against the candidate's. */
    ID_BODY,
    /** The name, equal or differing in one character. */
    NAME,
    /** The birth date, from the record's own column or else encoded in the raw ID. */
    BIRTH_DATE,
    /** The sex, from the record's own column or else encoded in the raw ID. */
    SEX,
    /** The record's village among the villages the candidate is known at. */
    VILLAGE
}
