package org.olive.family;

import java.time.LocalDate;

/** The civil-registration events the family builder uses, each with the record behind it. */
public final class CivilRecords {

    private CivilRecords() {
    }

    /** A marriage or divorce registration (婚姻登记). */
    public record Marriage(String husbandId, String wifeId, boolean divorce, LocalDate date, String source) {
    }

    /** A birth registration (出生登记): the child and, where known, the mother and father. */
    public record Birth(String childId, String motherId, String fatherId, LocalDate date, String source) {
    }

    /** A death registration (死亡登记). */
    public record Death(String personId, LocalDate date, String source) {
    }
}
