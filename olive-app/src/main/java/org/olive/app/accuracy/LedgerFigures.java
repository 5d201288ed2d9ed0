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
 * accuracy, per period for the county (area code '') and per township, and — when the generator's truth was at hand
 * — the truth figures (residence precision and recall, share of families rebuilt exactly, pairwise membership
 * precision and recall). Each figure keeps its numerator, denominator and a note on how it was counted.
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
