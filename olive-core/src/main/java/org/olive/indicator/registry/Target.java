package org.olive.indicator.registry;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A year's target in one of the four forms of the targets documents. Every form keeps the cell's text as written
 * ({@link #text()}), so the page shows "1.5以内", not a rewritten "≤ 1.5".
 */
public sealed interface Target {

    /** The target as written in the source, e.g. "58000", "1.5以内", "稳步下降", "完成上级下达指标". */
    String text();

    /** A number to reach: reached when the value is at least as good as it (in the indicator's better direction). */
    record NumberTarget(BigDecimal value, String text) implements Target {
        public NumberTarget {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(text, "text");
        }
    }

    /** A bound: "1.5以内" (≤ 1.5), "55以上" (≥ 55), "≥70". */
    record BoundTarget(Comparison comparison, BigDecimal value, String text) implements Target {
        public BoundTarget {
            Objects.requireNonNull(comparison, "comparison");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(text, "text");
        }
    }

    /** A direction only: 稳步下降, 保持稳定, 持续巩固, 维持在合理区间 … */
    record DirectionTarget(Trend trend, String text) implements Target {
        public DirectionTarget {
            Objects.requireNonNull(trend, "trend");
            Objects.requireNonNull(text, "text");
        }
    }

    /** The quota a higher level assigns (完成上级下达指标); its value is not in the registry. */
    record QuotaTarget(String text) implements Target {
        public QuotaTarget {
            Objects.requireNonNull(text, "text");
        }
    }
}
