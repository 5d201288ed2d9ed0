package org.olive.indicator.registry;

import java.math.BigDecimal;
import java.util.Objects;

/** A closed range [low, high] for a 维持在合理区间 target. */
public record ValueRange(BigDecimal low, BigDecimal high) {

    public ValueRange {
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        if (low.compareTo(high) > 0) {
            throw new IllegalArgumentException("range low " + low + " is above high " + high);
        }
    }

    public boolean contains(BigDecimal v) {
        return v.compareTo(low) >= 0 && v.compareTo(high) <= 0;
    }
}
