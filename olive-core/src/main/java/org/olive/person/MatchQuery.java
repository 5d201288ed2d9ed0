package org.olive.person;

import java.time.LocalDate;

/**
 * A source record whose ID number could not be used (invalid or missing), described by what did parse: the raw ID
 * text as written, the name, sex ({@code M}, {@code F}; {@code U} or {@code null} when unknown), the birth date and
 * the village code. Any of them may be {@code null}.
 *
 * @param rawId       the ID number as written in the source, or {@code null} when the cell was empty
 * @param name        the name as written
 * @param sex         {@code M} or {@code F}; anything else counts as unknown
 * @param birthDate   the birth date from its own column, if the dataset has one
 * @param villageCode the 12-digit village (community) code of the record, if the dataset has one
 */
public record MatchQuery(String rawId, String name, String sex, LocalDate birthDate, String villageCode) {
}
