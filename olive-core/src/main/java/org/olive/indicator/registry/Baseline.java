package org.olive.indicator.registry;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * An indicator's baseline: the value of the baseline year (2020 for the county's targets, the 2022 actual for the
 * pilot), an estimate ("预计55"), or missing ("——" or "/").
 *
 * @param year     the baseline year
 * @param value    the value, or null when the source gives none
 * @param estimate true when the source marks the value as an estimate
 * @param text     the cell as written in the source
 */
public record Baseline(int year, BigDecimal value, boolean estimate, String text) {

    public Baseline {
        Objects.requireNonNull(text, "text");
        if (value == null && estimate) {
            throw new IllegalArgumentException("an estimate needs a value");
        }
    }

    /** The value when the source gives one. */
    public Optional<BigDecimal> known() {
        return Optional.ofNullable(value);
    }

    public boolean missing() {
        return value == null;
    }
}
