package org.olive.ingest.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.olive.geography.Divisions;
import org.olive.period.Period;

/**
 * What field validation needs from outside the file: the latest plausible date (dates after it are "in the
 * future"), the county's divisions, and the default plausible ranges of numbers, each a named, replaceable setting.
 *
 * @param earliestDate    the earliest plausible date (birth dates of the living start around 1900)
 * @param latestDate      the latest plausible date, usually today or the last day of the period being loaded
 * @param divisions       the county's divisions, for division codes
 * @param integerMin      default smallest plausible whole number
 * @param integerMax      default largest plausible whole number
 * @param amountMin       default smallest plausible amount in yuan (negative allowed for corrections)
 * @param amountMax       default largest plausible amount in yuan on one row
 * @param textMaxLength   default longest text
 * @param references      the fields checked against reference codes from outside the file (the county's policies);
 *                        empty when none
 */
public record ValidationContext(LocalDate earliestDate, LocalDate latestDate, Divisions divisions, long integerMin, long integerMax,
                                BigDecimal amountMin, BigDecimal amountMax, int textMaxLength,
                                java.util.List<ReferenceCodes> references) {

    public ValidationContext {
        references = java.util.List.copyOf(references);
    }

    /** Default whole-number range: 0 to 999 999 999. */
    public static final long DEFAULT_INTEGER_MIN = 0;
    public static final long DEFAULT_INTEGER_MAX = 999_999_999L;
    /** Default amount range on one row: ±100 million yuan (1亿). */
    public static final BigDecimal DEFAULT_AMOUNT_MIN = new BigDecimal("-100000000");
    public static final BigDecimal DEFAULT_AMOUNT_MAX = new BigDecimal("100000000");

    /** Defaults for a county, with dates up to {@code latestDate}. */
    public static ValidationContext of(LocalDate latestDate, Divisions divisions) {
        return new ValidationContext(org.olive.ingest.field.DateParser.DEFAULT_EARLIEST, latestDate, divisions, DEFAULT_INTEGER_MIN, DEFAULT_INTEGER_MAX, DEFAULT_AMOUNT_MIN,
                DEFAULT_AMOUNT_MAX, org.olive.ingest.field.TextParser.DEFAULT_MAX_LENGTH, java.util.List.of());
    }

    /** This context with the given reference codes (replacing any it had). */
    public ValidationContext withReferences(java.util.List<ReferenceCodes> references) {
        return new ValidationContext(earliestDate, latestDate, divisions, integerMin, integerMax, amountMin, amountMax,
                textMaxLength, references);
    }

    /** The reference codes of a field of a dataset, if any. */
    public java.util.Optional<ReferenceCodes> reference(String dataset, String field) {
        return references.stream().filter(r -> r.appliesTo(dataset, field)).findFirst();
    }

    /** Shengsi's divisions, with dates up to {@code latestDate}. */
    public static ValidationContext shengsi(LocalDate latestDate) {
        return of(latestDate, Divisions.shengsi());
    }

    public Period earliestMonth() {
        return new Period(java.time.YearMonth.from(earliestDate));
    }

    public Period latestMonth() {
        return new Period(java.time.YearMonth.from(latestDate));
    }

    public LocalDateTime latestDateTime() {
        return latestDate.atTime(LocalTime.MAX);
    }
}
