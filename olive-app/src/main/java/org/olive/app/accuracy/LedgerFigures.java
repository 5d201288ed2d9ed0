package org.olive.app.accuracy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger figures written by {@code olive run} ({@code ledger_figure}): pilot indicator 4, the family relationship
 * accuracy, per period for the county (area code '') and per township, and — when the generator's truth was at hand,
 * written by olive-accuracy's step that the command line adds to the run — the truth figures (residence precision
 * and recall, share of families rebuilt exactly, pairwise membership precision and recall) and the headline figures beside the truth's (resident count, per-capita DI, pilot indicators
 * 1–3, Gini). Each figure keeps its numerator, denominator and a note on how it was counted.
 */
@Repository
public class LedgerFigures {

    /** The metric of pilot indicator 4. */
    public static final String RELATIONSHIP_ACCURACY = "relationship_accuracy";
    /** Truth metrics in display order. */
    public static final List<String> TRUTH_METRICS = List.of("residence_precision", "residence_recall", "family_exact",
            "family_pair_precision", "family_pair_recall");

    /** One figure. */
    public record Figure(String period, String metric, String area, long numerator, long denominator, Double value,
                         String note) {
        /** The figure as stored, or numerator / denominator when it was not stored. */
        public Double share() {
            if (value != null) {
                return value;
            }
            return denominator == 0 ? null : (double) numerator / denominator;
        }
    }

    private final JdbcClient jdbc;

    public LedgerFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every figure of a metric, oldest period first, county first then townships by code. */
    public List<Figure> of(String metric) {
        return jdbc.sql("SELECT data_period, metric, area_code, numerator, denominator, figure, note FROM ledger_figure "
                        + "WHERE metric = :m ORDER BY data_period, area_code")
                .param("m", metric).query(LedgerFigures::figure).list();
    }

    /** The truth figures of the county, per period (oldest first), metric → figure. */
    public Map<String, Map<String, Figure>> truth() {
        Map<String, Map<String, Figure>> out = new LinkedHashMap<>();
        jdbc.sql("SELECT data_period, metric, area_code, numerator, denominator, figure, note FROM ledger_figure "
                        + "WHERE metric IN (:ms) AND area_code = '' ORDER BY data_period")
                .param("ms", TRUTH_METRICS).query(LedgerFigures::figure).list()
                .forEach(f -> out.computeIfAbsent(f.period(), k -> new LinkedHashMap<>()).put(f.metric(), f));
        return out;
    }

    /**
     * The headline figures against the truth in display order ({@code headline_<figure>_olive|truth|error} rows written
     * by olive-accuracy's HeadlineTruthAccuracy, in the run's step truth that {@code olive run} adds).
     */
    public static final List<String> HEADLINE = List.of("residents", "per_capita_di", "per_capita_di_urban",
            "per_capita_di_rural", "urban_rural_ratio", "share_10_50", "share_20_60", "gini");

    /**
     * One headline figure of a period: Olive's value, the truth's and the error (relative for the count and the
     * yuan figures, absolute otherwise: the shares as fractions, the ratio, the Gini in points); null when missing.
     */
    public record Headline(String period, String figure, Double olive, Double truth, Double error, String note) {

        /** How the values are shown: {@code count}, {@code yuan}, {@code share}, {@code ratio} or {@code gini}. */
        public String kind() {
            return switch (figure) {
                case "residents" -> "count";
                case "share_10_50", "share_20_60" -> "share";
                case "urban_rural_ratio" -> "ratio";
                case "gini" -> "gini";
                default -> "yuan";
            };
        }

        /** The error is relative ((Olive − truth) / truth) for counts and yuan, absolute otherwise. */
        public boolean relativeError() {
            return kind().equals("count") || kind().equals("yuan");
        }

        /** Olive's value as shown: shares in % to 1 decimal, yuan and persons whole, the ratio to 2 decimals. */
        public String oliveText() {
            return text(olive);
        }

        public String truthText() {
            return text(truth);
        }

        /** The error with its sign: relative in % to 1 decimal, shares in points to 1 decimal, the ratio to 2. */
        public String errorText() {
            if (error == null) {
                return "–";
            }
            return switch (kind()) {
                case "count", "yuan" -> String.format(java.util.Locale.ROOT, "%+.1f%%", error * 100);
                case "share" -> String.format(java.util.Locale.ROOT, "%+.1f", error * 100);
                case "ratio" -> String.format(java.util.Locale.ROOT, "%+.2f", error);
                default -> String.format(java.util.Locale.ROOT, "%+.1f", error);
            };
        }

        private String text(Double v) {
            if (v == null) {
                return "–";
            }
            return switch (kind()) {
                case "share" -> String.format(java.util.Locale.ROOT, "%.1f%%", v * 100);
                case "ratio" -> String.format(java.util.Locale.ROOT, "%.2f", v);
                case "gini" -> String.format(java.util.Locale.ROOT, "%.1f", v);
                default -> String.format(java.util.Locale.ROOT, "%,.0f", v);
            };
        }
    }

    /** The headline figures per period, newest first, each in {@link #HEADLINE} order; periods without them are left out. */
    public Map<String, List<Headline>> headline() {
        Map<String, Map<String, Figure>> byPeriod = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        jdbc.sql("SELECT data_period, metric, area_code, numerator, denominator, figure, note FROM ledger_figure "
                        + "WHERE metric LIKE 'headline%' AND area_code = ''")
                .query(LedgerFigures::figure).list()
                .forEach(f -> byPeriod.computeIfAbsent(f.period(), k -> new java.util.HashMap<>()).put(f.metric(), f));
        Map<String, List<Headline>> out = new LinkedHashMap<>();
        byPeriod.forEach((period, m) -> {
            List<Headline> rows = new ArrayList<>();
            for (String h : HEADLINE) {
                Figure o = m.get("headline_" + h + "_olive");
                Figure t = m.get("headline_" + h + "_truth");
                Figure e = m.get("headline_" + h + "_error");
                if (o == null && t == null) {
                    continue;
                }
                String note = (o == null ? "" : o.note()) + (t == null ? "" : " — " + t.note());
                rows.add(new Headline(period, h, o == null ? null : o.value(), t == null ? null : t.value(),
                        e == null ? null : e.value(), note));
            }
            if (!rows.isEmpty()) {
                out.put(period, rows);
            }
        });
        return out;
    }

    /** Indicator 4 arranged as periods (oldest first) × areas (county '' first, then township codes). */
    public record Table(List<String> periods, List<String> areas, Map<String, Map<String, Figure>> byArea) {
        public Figure at(String area, String period) {
            Map<String, Figure> m = byArea.get(area);
            return m == null ? null : m.get(period);
        }
    }

    /** Indicator 4 as a table, limited to one township (9 digits, null = county and every township). */
    public Table relationshipAccuracy(String township) {
        TreeSet<String> periods = new TreeSet<>();
        TreeSet<String> areas = new TreeSet<>();
        Map<String, Map<String, Figure>> byArea = new LinkedHashMap<>();
        for (Figure f : of(RELATIONSHIP_ACCURACY)) {
            if (township != null && !f.area().startsWith(township)) {
                continue;
            }
            periods.add(f.period());
            areas.add(f.area());
            byArea.computeIfAbsent(f.area(), k -> new LinkedHashMap<>()).put(f.period(), f);
        }
        return new Table(new ArrayList<>(periods), new ArrayList<>(areas), byArea);
    }

    private static Figure figure(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        double v = rs.getDouble(6);
        Double value = rs.wasNull() ? null : v;
        return new Figure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), value,
                rs.getString(7));
    }
}
