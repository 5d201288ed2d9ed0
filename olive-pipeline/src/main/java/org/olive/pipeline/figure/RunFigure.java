package org.olive.pipeline.figure;

/**
 * One row of ledger_figure: value = numerator / denominator, with a note saying what each counts.
 *
 * @param areaCode the area ('' for the county, a township code) or, for a figure per group or source, its id
 */
public record RunFigure(String metric, String areaCode, long numerator, long denominator, Double value, String note) {
    /** A figure whose value is num / den, null when den is 0. */
    public static RunFigure of(String metric, String area, long num, long den, String note) {
        return new RunFigure(metric, area, num, den, den == 0 ? null : (double) num / den, note);
    }
}
