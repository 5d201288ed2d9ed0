package org.olive.indicator.registry;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Judges a year's value of an indicator against its target.
 *
 * <ul>
 * <li><b>Number</b> (58000): met when the value is at least as good as the number in the indicator's better direction.
 * <li><b>Bound</b> (1.5以内, 55以上, ≥70): met when the value lies within the bound.
 * <li><b>Direction</b>: 稳步下降/稳步提升 compare with the previous year's value (the latest earlier value, else the
 *     baseline); 保持稳定 accepts a relative change up to the configured tolerance; 持续巩固 asks for a value not worse
 *     than the baseline (the previous value when the baseline is missing); 维持在合理区间 needs a configured range.
 * <li><b>Quota</b> (完成上级下达指标): not evaluable — the assigned quota is not in the registry.
 * <li>A year <b>between milestones</b> (2023 of a 2022/2025 plan, 2021 after a 2020 baseline): on track when the value
 *     already meets the next milestone, or is at least as good as the straight line from the previous milestone's
 *     number (else the baseline) to the next one; otherwise not met.
 * </ul>
 */
public final class ProgressEvaluator {

    private static final MathContext MC = new MathContext(12, RoundingMode.HALF_EVEN);

    private final EvaluationSettings settings;

    public ProgressEvaluator(EvaluationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Evaluates {@code observed} for {@code year}.
     *
     * @param observed the year's value, or null when there is none
     * @param history  earlier values by year (later years are ignored); may be empty
     */
    public Progress evaluate(Indicator indicator, int year, BigDecimal observed, Map<Integer, BigDecimal> history) {
        if (observed == null) {
            return verdict(ProgressStatus.NOT_EVALUABLE, Reason.NO_VALUE, String.valueOf(year));
        }
        NavigableMap<Integer, BigDecimal> earlier = new TreeMap<>(history).headMap(year, false);
        Optional<TargetSpan> span = indicator.targetFor(year);
        if (span.isPresent()) {
            return against(indicator, year, observed, span.get().target(), earlier);
        }
        return betweenMilestones(indicator, year, observed);
    }

    private Progress against(Indicator ind, int year, BigDecimal v, Target target, NavigableMap<Integer, BigDecimal> earlier) {
        String y = String.valueOf(year);
        if (target instanceof Target.NumberTarget n) {
            String needs = ind.better() == Better.HIGHER ? "≥" : "≤";
            return ind.better().atLeastAsGood(v, n.value())
                    ? verdict(ProgressStatus.MET, Reason.NUMBER_MET, plain(v), y, n.text(), needs)
                    : verdict(ProgressStatus.NOT_MET, Reason.NUMBER_NOT_MET, plain(v), y, n.text(), needs);
        }
        if (target instanceof Target.BoundTarget b) {
            return b.comparison().holds(v, b.value())
                    ? verdict(ProgressStatus.MET, Reason.BOUND_MET, plain(v), y, b.text())
                    : verdict(ProgressStatus.NOT_MET, Reason.BOUND_NOT_MET, plain(v), y, b.text());
        }
        if (target instanceof Target.DirectionTarget d) {
            return direction(ind, v, d, earlier);
        }
        return verdict(ProgressStatus.NOT_EVALUABLE, Reason.QUOTA, target.text());
    }

    private Progress direction(Indicator ind, BigDecimal v, Target.DirectionTarget d,
                               NavigableMap<Integer, BigDecimal> earlier) {
        if (d.trend() == Trend.IN_RANGE) {
            ValueRange r = ind.range();
            if (r == null) {
                return verdict(ProgressStatus.NOT_EVALUABLE, Reason.NO_RANGE, d.text());
            }
            return r.contains(v)
                    ? verdict(ProgressStatus.MET, Reason.RANGE_MET, plain(v), plain(r.low()), plain(r.high()))
                    : verdict(ProgressStatus.NOT_MET, Reason.RANGE_NOT_MET, plain(v), plain(r.low()), plain(r.high()));
        }
        Optional<Map.Entry<Integer, BigDecimal>> ref = d.trend() == Trend.CONSOLIDATE && !ind.baseline().missing()
                ? Optional.of(Map.entry(ind.baseline().year(), ind.baseline().value()))
                : previous(ind, earlier);
        if (ref.isEmpty()) {
            return verdict(ProgressStatus.NOT_EVALUABLE, Reason.NO_REFERENCE, d.text());
        }
        BigDecimal r = ref.get().getValue();
        boolean holds = switch (d.trend()) {
            case DECLINE -> v.compareTo(r) < 0;
            case RISE -> v.compareTo(r) > 0;
            case STABLE -> v.subtract(r).abs().compareTo(settings.stableRelativeTolerance().multiply(
                    r.signum() == 0 ? BigDecimal.ONE : r.abs())) <= 0;
            case CONSOLIDATE -> ind.better().atLeastAsGood(v, r);
            case IN_RANGE -> throw new IllegalStateException("handled above");
        };
        return verdict(holds ? ProgressStatus.MET : ProgressStatus.NOT_MET,
                holds ? Reason.TREND_MET : Reason.TREND_NOT_MET, plain(v), plain(r),
                String.valueOf(ref.get().getKey()), d.text());
    }

    /** The latest earlier value, else the baseline. */
    private static Optional<Map.Entry<Integer, BigDecimal>> previous(Indicator ind,
                                                                     NavigableMap<Integer, BigDecimal> earlier) {
        Map.Entry<Integer, BigDecimal> last = earlier.lastEntry();
        if (last != null && last.getValue() != null) {
            return Optional.of(last);
        }
        return ind.baseline().missing() ? Optional.empty()
                : Optional.of(Map.entry(ind.baseline().year(), ind.baseline().value()));
    }

    private Progress betweenMilestones(Indicator ind, int year, BigDecimal v) {
        String y = String.valueOf(year);
        Optional<TargetSpan> next = ind.targetAfter(year);
        if (next.isEmpty() || year <= ind.baseline().year()) {
            return verdict(ProgressStatus.NOT_EVALUABLE, Reason.NO_TARGET, y);
        }
        TargetSpan to = next.get();
        Optional<BigDecimal> goal = numeric(to.target());
        if (goal.isEmpty()) {
            return verdict(ProgressStatus.NOT_EVALUABLE, Reason.NO_TARGET, y);
        }
        String toYear = String.valueOf(to.fromYear());
        boolean reached = to.target() instanceof Target.BoundTarget b ? b.comparison().holds(v, b.value())
                : ind.better().atLeastAsGood(v, goal.get());
        if (reached) {
            return verdict(ProgressStatus.ON_TRACK, Reason.PATH_AHEAD, plain(v), toYear, to.target().text());
        }
        Optional<TargetSpan> before = ind.targetBefore(year);
        int fromYear;
        BigDecimal start;
        if (before.isPresent() && numeric(before.get().target()).isPresent()) {
            fromYear = before.get().toYear();
            start = numeric(before.get().target()).get();
        } else if (!ind.baseline().missing()) {
            fromYear = ind.baseline().year();
            start = ind.baseline().value();
        } else {
            return verdict(ProgressStatus.NOT_EVALUABLE, Reason.NO_TARGET, y);
        }
        BigDecimal share = BigDecimal.valueOf(year - fromYear).divide(BigDecimal.valueOf(to.fromYear() - fromYear), MC);
        BigDecimal path = start.add(goal.get().subtract(start).multiply(share, MC), MC);
        Better better = to.target() instanceof Target.BoundTarget b ? b.comparison().better() : ind.better();
        boolean onPath = better.atLeastAsGood(v, path);
        return verdict(onPath ? ProgressStatus.ON_TRACK : ProgressStatus.NOT_MET,
                onPath ? Reason.PATH_ON_TRACK : Reason.PATH_BEHIND, plain(v), toYear, to.target().text(), y,
                plain(path.setScale(Math.max(2, goal.get().scale()), RoundingMode.HALF_EVEN)));
    }

    private static Optional<BigDecimal> numeric(Target t) {
        if (t instanceof Target.NumberTarget n) {
            return Optional.of(n.value());
        }
        if (t instanceof Target.BoundTarget b) {
            return Optional.of(b.value());
        }
        return Optional.empty();
    }

    private static Progress verdict(ProgressStatus s, Reason r, String... args) {
        return new Progress(s, r, List.of(args));
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
