package org.olive.indicator.registry;

import java.math.BigDecimal;

/** Which way an indicator improves. Set per indicator in the registry, never inferred from its targets. */
public enum Better {
    HIGHER,
    LOWER;

    /** True when {@code value} is at least as good as {@code reference}. */
    public boolean atLeastAsGood(BigDecimal value, BigDecimal reference) {
        int c = value.compareTo(reference);
        return this == HIGHER ? c >= 0 : c <= 0;
    }
}
