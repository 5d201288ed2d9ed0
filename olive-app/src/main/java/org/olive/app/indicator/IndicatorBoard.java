package org.olive.app.indicator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.olive.app.web.Figures;
import org.olive.indicator.registry.Indicator;
import org.olive.indicator.registry.IndicatorRegistry;
import org.olive.indicator.registry.IndicatorSet;
import org.olive.indicator.registry.Progress;
import org.olive.indicator.registry.ProgressEvaluator;
import org.olive.indicator.registry.Section;
import org.olive.indicator.registry.TargetSpan;
import org.olive.pipeline.indicator.IndicatorValue;
import org.olive.pipeline.indicator.IndicatorValues;
import org.springframework.stereotype.Service;

/**
 * The registry page's content: for a chosen year, every indicator with its target for that year (or the next
 * milestone the year is on the way to), its value for that year and the verdict with its reason.
 */
@Service
public class IndicatorBoard {

    /** Lowest and highest year the page accepts. */
    public static final int FIRST_YEAR = 2020;
    public static final int LAST_YEAR = 2030;

    private final IndicatorRegistry registry;
    private final IndicatorValues values;
    private final ProgressEvaluator evaluator;
    private final Clock clock;

    public IndicatorBoard(IndicatorRegistry registry, IndicatorValues values, ProgressEvaluator evaluator) {
        this.registry = registry;
        this.values = values;
        this.evaluator = evaluator;
        this.clock = Clock.systemDefaultZone();
    }

    /**
     * The year shown by default: the last completed year (yearly figures are published after the year ends), but not
     * beyond the registry's last target year.
     */
    public int defaultYear() {
        int lastTarget = registry.indicators().stream().flatMap(i -> i.targets().stream())
                .mapToInt(TargetSpan::toYear).max().orElse(LAST_YEAR);
        return Math.max(FIRST_YEAR, Math.min(Year.now(clock).getValue() - 1, lastTarget));
    }

    /** Every set with its sections and rows for {@code year}. */
    public List<SetView> board(int year) {
        Map<String, TreeMap<Integer, IndicatorValue>> all = values.all();
        List<SetView> out = new ArrayList<>();
        for (IndicatorSet set : registry.sets()) {
            List<SectionView> sections = new ArrayList<>();
            for (Section s : set.sections()) {
                List<Row> rows = s.indicators().stream()
                        .map(i -> row(i, year, all.getOrDefault(i.id(), new TreeMap<>()))).toList();
                sections.add(new SectionView(s, rows));
            }
            out.add(new SetView(set, sections));
        }
        return out;
    }

    /** One indicator's rows for each year from its baseline year to its last target year, plus its stored values. */
    public List<Row> years(Indicator indicator) {
        TreeMap<Integer, IndicatorValue> byYear = values.byYear(indicator.id());
        int from = indicator.baseline().year() + 1;
        int to = indicator.targets().get(indicator.targets().size() - 1).toYear();
        if (!byYear.isEmpty()) {
            from = Math.min(from, byYear.firstKey());
            to = Math.max(to, byYear.lastKey());
        }
        List<Row> rows = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            rows.add(row(indicator, y, byYear));
        }
        return rows;
    }

    private Row row(Indicator i, int year, TreeMap<Integer, IndicatorValue> byYear) {
        IndicatorValue value = byYear.get(year);
        Map<Integer, BigDecimal> history = IndicatorValues.values(byYear.headMap(year, false));
        Progress progress = evaluator.evaluate(i, year, value == null ? null : value.value(), history);
        Optional<TargetSpan> own = i.targetFor(year);
        TargetSpan target = own.orElseGet(() -> i.targetAfter(year).orElse(null));
        Map.Entry<Integer, IndicatorValue> earlier = byYear.lowerEntry(year);
        return new Row(i, year, target, own.isPresent(), value, earlier == null ? null : earlier.getValue(), progress);
    }

    /** A target set on the page. */
    public record SetView(IndicatorSet set, List<SectionView> sections) {
    }

    /** A category with its rows. */
    public record SectionView(Section section, List<Row> rows) {
    }

    /**
     * One indicator in one year.
     *
     * @param target      the year's own target, else the next milestone, else null
     * @param ownTarget   true when {@code target} is the year's own
     * @param value       the year's value, or null
     * @param earlier     the latest value of an earlier year, shown when the year has none
     * @param progress    the verdict
     */
    public record Row(Indicator indicator, int year, TargetSpan target, boolean ownTarget, IndicatorValue value,
                      IndicatorValue earlier, Progress progress) {

        /** The status as a CSS/message suffix, e.g. {@code met}, {@code not-evaluable}. */
        public String statusKey() {
            return progress.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** The reason's arguments for the message bundle, values formatted by the indicator's unit ({@link Figures}). */
        public Object[] reasonArguments() {
            return new Figures().reasonArguments(indicator, progress);
        }
    }

    /** A number as entered: no trailing zeros, no exponent. */
    public static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }
}
