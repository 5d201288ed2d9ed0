package org.olive.app.cockpit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.olive.app.income.IncomeLedger;
import org.olive.app.income.IncomeLedger.Figure;
import org.olive.app.web.Figures;
import org.olive.geography.Division;
import org.olive.geography.Divisions;
import org.olive.indicator.registry.Indicator;
import org.olive.indicator.registry.IndicatorRegistry;
import org.olive.indicator.registry.Progress;
import org.olive.indicator.registry.ProgressEvaluator;
import org.olive.indicator.registry.TargetSpan;
import org.olive.pipeline.indicator.IndicatorValue;
import org.olive.pipeline.indicator.IndicatorValues;
import org.olive.pipeline.income.Comparability;
import org.olive.pipeline.income.IncomeDistribution;
import org.springframework.stereotype.Service;

/**
 * The cockpit's figures for one period and one area (docs/cockpit.md): the pilot's eight indicators against the
 * year's targets, the monthly trends, the distribution of families' three-person DI with the middle-income bands,
 * the Lorenz curve and Gini, the urban/rural gap on both bases, the townships and the estimation model's accuracy.
 * Everything is read from the income ledger (V6); the distribution (histogram, Lorenz curve and Gini, persons
 * weighted by residents) is the one step indicators precomputed ({@link IncomeDistribution}, V15), or for a period
 * whose indicators predate it, computed here the same way from {@code family_income}.
 */
@Service
public class CockpitBoard {

    /** The population basis of {@code income_indicator}: every resident with weight 1. */
    public static final String POPULATION = "POPULATION";
    /** The survey basis: the design-weighted survey sample. */
    public static final String SURVEY = "SURVEY";

    /** The registry's metric ids (computed_by) and their {@code income_indicator} metric. */
    static final Map<String, String> METRICS = Map.of(
            "key_group_income_monitoring_coverage", "key_group_monitoring",
            "key_group_policy_coverage", "key_group_policy_coverage",
            "per_capita_disposable_income", "per_capita_di",
            "urban_rural_income_ratio", "urban_rural_ratio",
            "middle_income_share_10_50", "share_10_50",
            "middle_income_share_20_60", "share_20_60",
            "gini", "gini",
            "family_relationship_accuracy", "relationship_accuracy",
            "individual_income_monitoring_coverage", "monitoring_coverage",
            "master_data_items_updated", "data_items_updated");

    /** The trend lines, in order: metric and whether it is a share (shown in %). */
    public static final List<String> TREND_METRICS =
            List.of("per_capita_di", "urban_rural_ratio", "share_10_50", "share_20_60", "monitoring_coverage");

    private static final MathContext MC = new MathContext(10, RoundingMode.HALF_EVEN);

    /**
     * One pilot indicator.
     *
     * @param value  the value in the indicator's unit (% as 0–100), or null
     * @param origin where the value comes from: {@code ledger} (income_indicator, or for pilot 4 ledger_figure, of the
     *               period), {@code registry}
     *               (indicator_value of the year, computed or entered), or {@code none}
     * @param link   where the card drills down to
     */
    public record Card(Indicator indicator, int year, BigDecimal value, String origin, TargetSpan target,
                       boolean ownTarget, Progress progress, String link) {
        public String statusKey() {
            return progress.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** The reason's arguments, values formatted by the indicator's unit ({@link Figures}). */
        public Object[] reasonArguments() {
            return new Figures().reasonArguments(indicator, progress);
        }
    }

    /** One bar of the histogram: [from, to) yuan ({@code to} null for the open last bin). */
    public record Bin(double from, Double to, long families, long persons, boolean in1050, boolean in2060) {
        public String label() {
            return to == null ? "≥" + wan(from) : wan(from) + "–" + wan(to);
        }

        private static String wan(double yuan) {
            return BigDecimal.valueOf(yuan / 10_000).stripTrailingZeros().toPlainString();
        }
    }

    /** A point of the Lorenz curve: population share and income share, both 0–1. */
    public record LorenzPoint(double population, double income) {
    }

    /** The urban/rural gap on one basis. */
    public record Gap(String basis, Double urban, Double rural, Double ratio) {
    }

    /** A township row. Shares as 0–1 fractions; null when the figure is missing. */
    public record TownshipRow(String code, String name, Double residents, Double perCapita, Double ratio,
                              Double share1050, Double share2060, Double coverage, Double accuracy) {
    }

    /**
     * A trend: the periods and, per metric, a value per period (null = missing); per period whether its figures are
     * comparable with later periods' ({@link Comparability}, stored by the indicators step; null when the period's
     * indicators predate the flag, read as comparable) and the reason codes when not.
     */
    public record Trend(List<String> periods, Map<String, List<Double>> lines, List<Boolean> comparable,
                        List<List<String>> reasons) {

        public Trend(List<String> periods, Map<String, List<Double>> lines) {
            this(periods, lines, java.util.Collections.nCopies(periods.size(), null),
                    java.util.Collections.nCopies(periods.size(), List.of()));
        }

        /** Whether the i-th period's figures may be compared with later ones. */
        public boolean isComparable(int i) {
            return !Boolean.FALSE.equals(comparable.get(i));
        }

        /** Periods whose figures are not comparable with later ones. */
        public long notComparable() {
            return comparable.stream().filter(Boolean.FALSE::equals).count();
        }

        /** The distinct reason codes of the periods that are not comparable, in order of appearance. */
        public List<String> allReasons() {
            return reasons.stream().flatMap(List::stream).distinct().toList();
        }

        /**
         * The change of a metric over the comparable periods only: from the first comparable period with a value to the
         * last period; empty when the last period is not comparable or fewer than two comparable periods have values.
         */
        public Optional<Change> change(String metric) {
            List<Double> values = lines.get(metric);
            int last = periods.size() - 1;
            if (values == null || last < 1 || !isComparable(last) || values.get(last) == null) {
                return Optional.empty();
            }
            for (int i = 0; i < last; i++) {
                if (isComparable(i) && values.get(i) != null) {
                    return Optional.of(new Change(metric, periods.get(i), periods.get(last), values.get(i), values.get(last),
                            notComparable()));
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A trend statement over comparable periods only.
     *
     * @param excluded periods left out because their figures are not comparable
     */
    public record Change(String metric, String from, String to, double fromValue, double toValue, long excluded) {
        /** (to − from) / from; NaN when from is 0. */
        public double relative() {
            return fromValue == 0 ? Double.NaN : (toValue - fromValue) / fromValue;
        }
    }

    /**
     * The whole board.
     *
     * @param township     the 9-digit township the figures are limited to, or null for the county
     * @param distributionFamilies families in the histogram (residents > 0)
     */
    public record Board(String period, List<String> periods, String township, List<Card> cards, Trend trend,
                        List<Bin> bins, int distributionFamilies, long distributionPersons, List<LorenzPoint> lorenz,
                        Double gini, Double storedGini, List<Gap> gaps, List<TownshipRow> townships,
                        List<IncomeLedger.Model> models) {
    }

    private final IncomeLedger ledger;
    private final IndicatorRegistry registry;
    private final IndicatorValues values;
    private final ProgressEvaluator evaluator;
    private final Divisions divisions;

    public CockpitBoard(IncomeLedger ledger, IndicatorRegistry registry, IndicatorValues values,
                        ProgressEvaluator evaluator, Divisions divisions) {
        this.ledger = ledger;
        this.registry = registry;
        this.values = values;
        this.evaluator = evaluator;
        this.divisions = divisions;
    }

    /**
     * The board of a period (the latest with income rows when null or unknown), for the county ({@code township}
     * null) or one township (9 digits): then trends, distribution, gap and township table are that township's; the
     * pilot cards stay county figures (the targets are the county's).
     *
     * @return empty when no period has income rows yet
     */
    public Optional<Board> board(String requested, String township) {
        String period = ledger.choose(requested);
        if (period == null) {
            return Optional.empty();
        }
        IncomeDistribution.Summary d = ledger.distributionSummary(period, township)
                .orElseGet(() -> IncomeDistribution.of(ledger.distribution(period, township).stream()
                        .map(p -> new IncomeDistribution.Point(p.residents(), p.perCapita(), p.threePerson())).toList()));
        List<Double> l = d.lorenz();
        List<LorenzPoint> lorenz = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            lorenz.add(new LorenzPoint((double) i / (l.size() - 1), l.get(i)));
        }
        String breakdown = township == null ? "COUNTY" : "TOWNSHIP";
        String group = township == null ? "" : township;
        Figure stored = ledger.group(period, POPULATION, breakdown, group).get("gini");
        return Optional.of(new Board(period, ledger.periods(), township, cards(period), trend(breakdown, group),
                bins(d.bins()), d.families(), d.persons(), lorenz, d.gini(), stored == null ? null : stored.figure(),
                gaps(period, township), townships(period, township), ledger.models(period)));
    }

    /** The pilot set's indicators for the period's year, county figures. */
    List<Card> cards(String period) {
        int year = Integer.parseInt(period.substring(0, 4));
        Map<String, Figure> county = ledger.group(period, POPULATION, "COUNTY", "");
        List<Card> out = new ArrayList<>();
        List<Indicator> pilot = registry.set("pilot").map(s -> s.indicators()).orElse(List.of());
        for (Indicator i : pilot) {
            TreeMap<Integer, IndicatorValue> byYear = values.byYear(i.id());
            BigDecimal value = null;
            String origin = "none";
            String metric = i.computedBy() == null ? null : METRICS.get(i.computedBy());
            Figure f = metric == null ? null : county.get(metric);
            Double v = f == null ? null : ratio(f);
            if (v == null && metric != null && (metric.equals("relationship_accuracy") || metric.equals("key_group_monitoring"))) {
                // pilot 4 is also a figure of the family ledger itself (ledger_figure), written before income existed;
                // pilot 6 is only there (step groups)
                v = ledger.ledgerFigure(period, metric).orElse(null);
            }
            if (v == null && "key_group_policy_coverage".equals(metric)) {
                // pilot 7 is quarterly (step policies, at a quarter's last month): the latest quarter by the period
                org.olive.period.Period p = org.olive.period.Period.parse(period);
                v = ledger.ledgerFigure(p.minusMonths(p.monthValue() % 3).toString(), metric).orElse(null);
            }
            if (v != null) {
                value = BigDecimal.valueOf("%".equals(i.unit()) ? v * 100 : v).round(MC);
                origin = "ledger";
            } else if (byYear.containsKey(year)) {
                value = byYear.get(year).value();
                origin = "registry";
            }
            Map<Integer, BigDecimal> history = IndicatorValues.values(byYear.headMap(year, false));
            Progress progress = evaluator.evaluate(i, year, value, history);
            Optional<TargetSpan> own = i.targetFor(year);
            TargetSpan target = own.orElseGet(() -> i.targetAfter(year).orElse(null));
            out.add(new Card(i, year, value, origin, target, own.isPresent(), progress, link(i, period)));
        }
        return out;
    }

    private static String link(Indicator i, String period) {
        String c = i.computedBy() == null ? "" : i.computedBy();
        return switch (c) {
            case "middle_income_share_10_50" -> "/income/families?period=" + period + "&bracket=middle_10_50";
            case "middle_income_share_20_60" -> "/income/families?period=" + period + "&bracket=middle_20_60";
            case "urban_rural_income_ratio" -> "#gap";
            case "individual_income_monitoring_coverage" -> "#townships";
            case "family_relationship_accuracy" -> "/ledger";
            case "key_group_income_monitoring_coverage" -> "/groups?period=" + period;
            case "key_group_policy_coverage" -> "/policies?period=" + period;
            case "master_data_items_updated" -> "/ingest";
            default -> "/indicators/" + i.id();
        };
    }

    /** The share as numerator / denominator when both are there, else the stored figure. */
    static Double ratio(Figure f) {
        if (f.numerator() != null && f.denominator() != null && f.denominator() > 0) {
            return f.numerator() / f.denominator();
        }
        return f.figure();
    }

    Trend trend(String breakdown, String group) {
        Map<String, TreeMap<String, Double>> byMetric = new LinkedHashMap<>();
        TreeSet<String> periods = new TreeSet<>();
        for (String m : TREND_METRICS) {
            TreeMap<String, Double> s = ledger.series(POPULATION, breakdown, group, m);
            byMetric.put(m, s);
            periods.addAll(s.keySet());
        }
        Map<String, List<Double>> lines = new LinkedHashMap<>();
        byMetric.forEach((m, s) -> lines.put(m, periods.stream().map(s::get).toList()));
        // comparability is a property of the period (its window and estimation), stored with the county figures
        TreeMap<String, Double> window = ledger.series(POPULATION, "COUNTY", "", Comparability.WINDOW_MONTHS);
        TreeMap<String, Double> models = ledger.series(POPULATION, "COUNTY", "", Comparability.ESTIMATION_MODELS);
        List<Boolean> comparable = new ArrayList<>();
        List<List<String>> reasons = new ArrayList<>();
        for (String p : periods) {
            Double w = window.get(p);
            Comparability c = Comparability.fromMetrics(w == null ? null : w * Comparability.WINDOW, models.get(p));
            comparable.add(c == null ? null : c.comparable());
            reasons.add(c == null ? List.of() : c.reasons());
        }
        return new Trend(List.copyOf(periods), lines, comparable, reasons);
    }

    /** The histogram's bins; bins inside [10万, 50万) and [20万, 60万) are marked. */
    static List<Bin> bins(List<IncomeDistribution.Bin> bins) {
        List<Bin> out = new ArrayList<>();
        for (IncomeDistribution.Bin bin : bins) {
            double from = bin.from();
            Double to = bin.to();
            boolean in1050 = to != null && from >= 100_000 && to <= 500_000;
            boolean in2060 = to != null && from >= 200_000 && to <= 600_000;
            out.add(new Bin(from, to, bin.families(), bin.persons(), in1050, in2060));
        }
        return out;
    }

    List<Gap> gaps(String period, String township) {
        List<Gap> out = new ArrayList<>();
        for (String basis : List.of(POPULATION, SURVEY)) {
            Double urban = null, rural = null, ratio = null;
            if (township == null) {
                for (Figure f : ledger.figures(period, basis, "URBAN_RURAL")) {
                    if (f.metric().equals("per_capita_di")) {
                        if (f.groupCode().equals("URBAN")) {
                            urban = f.figure();
                        } else if (f.groupCode().equals("RURAL")) {
                            rural = f.figure();
                        }
                    }
                }
                Figure r = ledger.group(period, basis, "COUNTY", "").get("urban_rural_ratio");
                ratio = r == null ? null : r.figure();
            } else {
                Figure r = ledger.group(period, basis, "TOWNSHIP", township).get("urban_rural_ratio");
                ratio = r == null ? null : r.figure();
            }
            if (ratio == null && urban != null && rural != null && rural > 0) {
                ratio = urban / rural;
            }
            out.add(new Gap(basis, urban, rural, ratio));
        }
        return out;
    }

    List<TownshipRow> townships(String period, String township) {
        Map<String, Map<String, Figure>> byGroup = new TreeMap<>();
        for (Figure f : ledger.figures(period, POPULATION, "TOWNSHIP")) {
            String code = f.groupCode().length() == 12 ? f.groupCode().substring(0, 9) : f.groupCode();
            byGroup.computeIfAbsent(code, k -> new TreeMap<>()).put(f.metric(), f);
        }
        List<TownshipRow> out = new ArrayList<>();
        for (Division t : divisions.townships()) {
            String code = t.code().substring(0, 9);
            if (township != null && !township.equals(code)) {
                continue;
            }
            Map<String, Figure> m = byGroup.getOrDefault(code, Map.of());
            Figure shareFig = m.get("share_10_50");
            Figure covFig = m.get("monitoring_coverage");
            Double residents = shareFig != null && shareFig.denominator() != null ? shareFig.denominator()
                    : covFig != null ? covFig.denominator() : null;
            out.add(new TownshipRow(code, t.name(), residents, value(m, "per_capita_di"), value(m, "urban_rural_ratio"),
                    share(m, "share_10_50"), share(m, "share_20_60"), share(m, "monitoring_coverage"),
                    share(m, "relationship_accuracy")));
        }
        return out;
    }

    private static Double value(Map<String, Figure> m, String metric) {
        Figure f = m.get(metric);
        return f == null ? null : f.figure();
    }

    private static Double share(Map<String, Figure> m, String metric) {
        Figure f = m.get(metric);
        return f == null ? null : ratio(f);
    }
}
