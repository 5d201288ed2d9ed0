package org.olive.occupation;

/**
 * A person's occupation at a period (a row of person_occupation; docs/occupations.md).
 *
 * @param personKey  the registry's key
 * @param code       the GB/T 6565 中类 (level 2, e.g. {@code 4-03}), or null when unknown or retired
 * @param detail     the finest code the evidence gave (a certificate's 细类, a platform kind's occupation …), or null
 * @param industry   the GB/T 4754 小类 (4 digits) of the work (employer, business, vessel, B&B …), or null
 * @param source     the {@link OccupationSource} that decided, by name (CERTIFICATE … NONE)
 * @param confidence 0..1, the occupation profile's confidence of that source
 * @param reason     why, in words (at most 200 characters): what decided, or why nothing could
 * @param evidence   the facts used with their records ({@code dataset:file:row}), at most 2000 characters
 */
public record Occupation(long personKey, String code, String detail, String industry, String source, double confidence,
                         String reason, String evidence) {
}
