package org.olive.indicator.registry;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Thresholds of the progress evaluation, from the registry file's {@code evaluation} block.
 *
 * @param stableRelativeTolerance 保持稳定 holds when |value − previous| ≤ tolerance × |previous| (e.g. 0.05)
 */
public record EvaluationSettings(BigDecimal stableRelativeTolerance) {

    public EvaluationSettings {
        Objects.requireNonNull(stableRelativeTolerance, "stableRelativeTolerance");
        if (stableRelativeTolerance.signum() < 0) {
            throw new IllegalArgumentException("stable tolerance must not be negative");
        }
    }
}
