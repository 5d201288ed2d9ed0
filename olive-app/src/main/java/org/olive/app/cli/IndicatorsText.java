package org.olive.app.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.olive.app.web.Figures;
import org.olive.indicator.Breakdown;
import org.olive.pipeline.income.IncomeIndicatorFormat;
import org.olive.pipeline.income.IncomeIndicatorFormat.Line;
import org.olive.pipeline.income.IncomeIndicators;
import org.olive.pipeline.income.IncomeMetrics;

/**
 * The text report of {@code olive indicators --period} (the default format): the lines of
 * {@link IncomeIndicatorFormat#lines}, every figure with its unit and precision as on the cockpit ({@link Figures}:
 * shares in per cent with one decimal, yuan whole and grouped, ratios with two decimals). JSON and CSV stay
 * {@link IncomeIndicatorFormat}'s: plain numbers at full precision, for machines.
 */
final class IndicatorsText {

    private static final Figures FIGURES = new Figures();

    private IndicatorsText() {
    }

    /**
     * How a metric's figure is shown: {@code yuan}, {@code share} (a fraction, in %), {@code ratio}, {@code count},
     * {@code points}, {@code flag} (yes / no).
     */
    static String kind(String metric) {
        if (metric.equals(IncomeMetrics.RELIABLE)) {
            return "flag";
        }
        if (metric.equals(IncomeMetrics.PERSONS) || metric.equals(IncomeMetrics.HOUSEHOLDS)) {
            return "count";
        }
        if (metric.equals(IncomeMetrics.PER_CAPITA_DI) || metric.equals("mean_equivalised_di") || metric.equals("median")
                || metric.matches("p[0-9]+") || metric.equals("relative_line")) {
            return "yuan";
        }
        if (metric.startsWith("share_") || metric.equals(IncomeMetrics.RELATIONSHIP_ACCURACY)
                || metric.equals(IncomeMetrics.MONITORING_COVERAGE) || metric.equals(IncomeMetrics.DATA_ITEMS_UPDATED)
                || metric.equals("non_positive_share") || metric.equals("arop") || metric.equals("median_gap")
                || metric.startsWith("fgt")) {
            return "share";
        }
        if (metric.equals(IncomeMetrics.GINI)) {
            return "points"; // the Gini × 100, one decimal, as on the cockpit
        }
        return "ratio"; // urban_rural_ratio, theil, mld, palma, p90p10, s80s20
    }

    /** A figure of a metric with its unit; "–" when undefined. */
    static String figure(String metric, double v) {
        if (!Double.isFinite(v)) {
            return Figures.MISSING;
        }
        return switch (kind(metric)) {
            case "count" -> FIGURES.count(v);
            case "yuan" -> FIGURES.yuan(v);
            case "share" -> FIGURES.share(v);
            case "points" -> String.format(Locale.ROOT, "%.1f", v);
            case "flag" -> v == 1 ? "yes" : "no";
            default -> FIGURES.ratio(v);
        };
    }

    static String text(IncomeIndicators ind, Breakdown by) {
        List<Line> lines = IncomeIndicatorFormat.lines(ind, by);
        StringBuilder sb = new StringBuilder();
        sb.append("County indicators of ").append(ind.period()).append(": population = ")
                .append(ind.population().map(s -> FIGURES.count(s.data().residents()) + " residents").orElse("none"))
                .append(", survey = ").append(ind.survey().map(s -> s.data().year() + " (" + FIGURES.count(s.data().rows())
                        + " persons in " + FIGURES.count(s.data().households()) + " households, design-weighted)")
                        .orElse("none")).append('\n');
        sb.append("scale ").append(ind.settings().indicators().scale()).append(", brackets on ")
                .append(ind.settings().indicators().familyIncomeBasis()).append('\n');
        sb.append("shares in %, incomes in whole yuan, ratios to two decimals, Gini × 100; gap = population − survey "
                + "(percentage points for shares)\n");
        if (ind.settings().minSamplePersons() > 0) {
            sb.append("survey groups of fewer than ").append(ind.settings().minSamplePersons())
                    .append(" sample persons are unreliable (reliable = no; income.yaml indicators.survey_min_cell_persons)\n");
        }
        for (String n : ind.notes()) {
            sb.append("note: ").append(n).append('\n');
        }
        sb.append("\nPilot indicators (county)\n");
        sb.append(String.format(Locale.ROOT, "%-4s %-24s %16s %16s %16s%n", "no.", "metric", "population", "survey", "gap"));
        for (Map.Entry<String, String> e : IncomeIndicatorFormat.PILOT.entrySet()) {
            Line l = IncomeIndicatorFormat.pilot(lines, e.getValue());
            sb.append(String.format(Locale.ROOT, "%-4s %-24s %16s %16s %16s%n", e.getKey(), e.getValue(),
                    figure(l.metric(), l.population()), figure(l.metric(), l.survey()), figure(l.metric(), l.gap())));
        }
        Breakdown current = null;
        String group = null;
        for (Line l : lines) {
            if (l.breakdown() != current || !l.group().equals(group)) {
                current = l.breakdown();
                group = l.group();
                sb.append('\n').append(current).append(group.isEmpty() ? "" : " " + group).append('\n');
                sb.append(String.format(Locale.ROOT, "  %-24s %16s %16s %16s%n", "metric", "population", "survey", "gap"));
            }
            sb.append(String.format(Locale.ROOT, "  %-24s %16s %16s %16s%n", l.metric(), figure(l.metric(), l.population()),
                    figure(l.metric(), l.survey()), figure(l.metric(), l.gap())));
        }
        return sb.toString();
    }
}
