package org.olive.pipeline.income;

import org.olive.period.Period;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a period's income figures are comparable with those of later periods, and why not. Two things make a month's
 * figures differ from later months' for reasons that are not income change:
 * <ul>
 *   <li>{@link #PARTIAL_WINDOW}: the trailing 12-month window is not fully delivered (months without a succeeded
 *       ingestion, as in a county's first year): monthly sources are scaled ×12/months, the others are not, and
 *       yearly deliveries may be missing;</li>
 *   <li>{@link #NO_ESTIMATION}: no estimation model was applied in the period (no household survey delivered yet to
 *       train one), so the incomes that no record covers count as zero; the first month with a model jumps.</li>
 * </ul>
 * Stored by {@link IncomeIndicatorStep} with the POPULATION county indicators as metrics {@code comparable} (1 or 0),
 * {@code window_months} (months delivered / 12) and {@code estimation_models} (models applied), so that a trend can
 * mark those months and leave them out of any comparison.
 *
 * @param windowMonths     months of the trailing window [P − 11, P] with a succeeded ingestion (at most 12)
 * @param estimationModels estimation models applied to at least one resident in the period (income_model)
 */
public record Comparability(int windowMonths, int estimationModels) {

    public static final String COMPARABLE = "comparable";
    public static final String WINDOW_MONTHS = "window_months";
    public static final String ESTIMATION_MODELS = "estimation_models";
    /** Reason code: the 12-month window is not fully delivered. */
    public static final String PARTIAL_WINDOW = "partial_window";
    /** Reason code: no estimation model was applied. */
    public static final String NO_ESTIMATION = "no_estimation";

    /** The months a full window has. */
    public static final int WINDOW = 12;

    /** Reads the period's delivered months and applied models on the caller's connection. */
    public static Comparability of(Connection c, Period p) throws SQLException {
        int months;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(DISTINCT data_period) FROM ingest_run WHERE "
                + "status = 'SUCCEEDED' AND data_period BETWEEN ? AND ?")) {
            ps.setString(1, p.minusMonths(WINDOW - 1).toString());
            ps.setString(2, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                months = Math.min(WINDOW, rs.getInt(1));
            }
        }
        int models;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM income_model WHERE data_period = ? "
                + "AND applied_to > 0")) {
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                models = rs.getInt(1);
            }
        }
        return new Comparability(months, models);
    }

    /** The reasons the period is not comparable, in a fixed order; empty when it is. */
    public List<String> reasons() {
        List<String> out = new ArrayList<>();
        if (windowMonths < WINDOW) {
            out.add(PARTIAL_WINDOW);
        }
        if (estimationModels == 0) {
            out.add(NO_ESTIMATION);
        }
        return out;
    }

    public boolean comparable() {
        return reasons().isEmpty();
    }

    /** The rows stored with the period's indicators. */
    Map<String, IncomeMetrics.Figure> metrics() {
        Map<String, IncomeMetrics.Figure> m = new LinkedHashMap<>();
        m.put(COMPARABLE, IncomeMetrics.Figure.value(comparable() ? 1 : 0));
        m.put(WINDOW_MONTHS, IncomeMetrics.Figure.ratio(windowMonths, WINDOW));
        m.put(ESTIMATION_MODELS, IncomeMetrics.Figure.value(estimationModels));
        return m;
    }

    /**
     * Reads the stored metrics back (as the web app does): the numerator of window_months and the figure of
     * estimation_models; null when the period has none (indicators written before they existed).
     */
    public static Comparability fromMetrics(Double windowMonths, Double estimationModels) {
        if (windowMonths == null || estimationModels == null) {
            return null;
        }
        return new Comparability((int) Math.round(windowMonths), (int) Math.round(estimationModels));
    }
}
