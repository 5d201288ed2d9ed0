package org.olive.indicator.registry;

import java.util.Objects;

/**
 * A target and the years it applies to: one year ("2022") or, for a merged cell of the source table, a span
 * ("2022-2025": the same target in each of those years).
 */
public record TargetSpan(int fromYear, int toYear, Target target) {

    public TargetSpan {
        Objects.requireNonNull(target, "target");
        if (toYear < fromYear) {
            throw new IllegalArgumentException("span " + fromYear + "-" + toYear + " ends before it starts");
        }
    }

    public boolean covers(int year) {
        return year >= fromYear && year <= toYear;
    }

    /** "2022" or "2022-2025". */
    public String years() {
        return fromYear == toYear ? String.valueOf(fromYear) : fromYear + "-" + toYear;
    }
}
