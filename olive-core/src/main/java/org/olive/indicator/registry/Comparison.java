package org.olive.indicator.registry;

import java.math.BigDecimal;

/** The comparison of a bound target: "1.5以内" is {@link #LE}, "55以上" and "≥70" are {@link #GE}. */
public enum Comparison {
    LE("≤"),
    LT("<"),
    GE("≥"),
    GT(">");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** True when {@code value} satisfies "value op bound". */
    public boolean holds(BigDecimal value, BigDecimal bound) {
        int c = value.compareTo(bound);
        return switch (this) {
            case LE -> c <= 0;
            case LT -> c < 0;
            case GE -> c >= 0;
            case GT -> c > 0;
        };
    }

    /** The better direction implied by the bound: an upper bound means lower is better. */
    public Better better() {
        return this == LE || this == LT ? Better.LOWER : Better.HIGHER;
    }
}
