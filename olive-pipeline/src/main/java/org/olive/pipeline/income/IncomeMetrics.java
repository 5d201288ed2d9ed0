package org.olive.pipeline.income;

import org.olive.indicator.CountySettings;
import org.olive.indicator.GroupIndicators;
import org.olive.indicator.IndicatorSet;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named metrics of one group, as stored in {@code income_indicator} and printed by {@code olive indicators
 * --period}: figure = numerator / denominator for shares, else the value; a figure that is undefined (NaN) is kept with
 * a null figure, so that its absence is visible.
 */
public final class IncomeMetrics {

    public static final String PERSONS = "persons";
    public static final String HOUSEHOLDS = "households";
    public static final String PER_CAPITA_DI = "per_capita_di";
    public static final String URBAN_RURAL_RATIO = "urban_rural_ratio";
    public static final String SHARE_10_50 = "share_10_50";
    public static final String SHARE_20_60 = "share_20_60";
    public static final String RELATIONSHIP_ACCURACY = "relationship_accuracy";
    public static final String MONITORING_COVERAGE = "monitoring_coverage";
    public static final String DATA_ITEMS_UPDATED = "data_items_updated";
    public static final String GINI = "gini";
    /**
     * The small-cell rule of a sample basis (SURVEY): 1 when the group has at least the minimum sample persons, else 0
     * (its figures unreliable); numerator the sample persons, denominator the minimum (income.yaml
     * {@code indicators.survey_min_cell_persons}).
     */
    public static final String RELIABLE = "reliable";

    private IncomeMetrics() {
    }

    /** One metric value; numerator and denominator are NaN when the metric is not a ratio. */
    public record Figure(double figure, double numerator, double denominator) {
        static Figure value(double v) {
            return new Figure(v, Double.NaN, Double.NaN);
        }

        static Figure ratio(double numerator, double denominator) {
            return new Figure(denominator != 0 ? numerator / denominator : Double.NaN, numerator, denominator);
        }
    }

    /** The bracket's metric name: {@code share_<lower in 万>_<upper in 万>}, e.g. share_10_50. */
    public static String bracketMetric(IndicatorSet.BracketShare b) {
        return "share_" + wan(b.lower()) + "_" + wan(b.upper());
    }

    private static String wan(double yuan) {
        double w = yuan / 10_000;
        return w == Math.rint(w) ? String.valueOf((long) w) : String.valueOf(w).replace('.', 'p');
    }

    /**
     * The metrics of a group in a fixed order.
     *
     * @param withPopulationOnly also relationship_accuracy (when {@code relationshipKnown}) and monitoring_coverage:
     *                           the population basis only, a survey knows neither
     */
    public static Map<String, Figure> of(GroupIndicators g, boolean withPopulationOnly, boolean relationshipKnown) {
        return of(g, withPopulationOnly, relationshipKnown, null);
    }

    /**
     * The metrics of a group in a fixed order, with {@link #RELIABLE} for a sample basis.
     *
     * @param sample the settings whose small-cell rule applies ({@link CountySettings#minSamplePersons()} &gt; 0) on a
     *               sample basis; null for the full population
     */
    public static Map<String, Figure> of(GroupIndicators g, boolean withPopulationOnly, boolean relationshipKnown,
                                         CountySettings sample) {
        IndicatorSet d = g.distribution();
        Map<String, Figure> m = new LinkedHashMap<>();
        m.put(PERSONS, new Figure(d.weightedPersons(), d.persons(), Double.NaN));
        m.put(HOUSEHOLDS, Figure.value(d.households()));
        if (sample != null && sample.minSamplePersons() > 0) {
            m.put(RELIABLE, new Figure(sample.reliable(g) ? 1 : 0, d.persons(), sample.minSamplePersons()));
        }
        m.put(PER_CAPITA_DI, Figure.value(d.perCapitaIncome()));
        m.put(URBAN_RURAL_RATIO, new Figure(g.urbanRuralRatio(), g.urbanPerCapita(), g.ruralPerCapita()));
        for (IndicatorSet.BracketShare b : d.brackets()) {
            m.put(bracketMetric(b), Figure.ratio(b.share() * d.weightedPersons(), d.weightedPersons()));
        }
        if (withPopulationOnly) {
            if (relationshipKnown) {
                m.put(RELATIONSHIP_ACCURACY, Figure.ratio(g.relationshipAccurate().numerator(), g.relationshipAccurate().denominator()));
            }
            m.put(MONITORING_COVERAGE, Figure.ratio(g.monitored().numerator(), g.monitored().denominator()));
        }
        m.put("mean_equivalised_di", Figure.value(d.meanEquivalisedIncome()));
        for (IndicatorSet.Quantile q : d.quantiles()) {
            m.put(q.level() == 0.5 ? "median" : "p" + Math.round(q.level() * 100), Figure.value(q.value()));
        }
        m.put(GINI, Figure.value(d.gini()));
        m.put("theil", Figure.value(d.theil()));
        m.put("mld", Figure.value(d.meanLogDeviation()));
        m.put("non_positive_share", Figure.value(d.nonPositiveIncomeShare()));
        m.put("palma", Figure.value(d.palma()));
        m.put("p90p10", Figure.value(d.p90p10()));
        m.put("s80s20", Figure.value(d.s80s20()));
        m.put("relative_line", Figure.value(d.relativePoverty().line()));
        m.put("arop", Figure.value(d.relativePoverty().atRiskRate()));
        m.put("median_gap", Figure.value(d.relativePoverty().medianGap()));
        for (IndicatorSet.AbsolutePoverty a : d.absolutePoverty()) {
            m.put("fgt0_" + a.line(), Figure.value(a.headcount()));
            m.put("fgt1_" + a.line(), Figure.value(a.gap()));
            m.put("fgt2_" + a.line(), Figure.value(a.severity()));
        }
        return m;
    }
}
