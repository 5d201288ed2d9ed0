package org.olive.pipeline.sample;

import org.olive.indicator.IndicatorReport;
import org.olive.export.SpreadsheetCell;
import org.olive.indicator.IndicatorSet;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.util.Locale;
import java.util.Map;

/**
 * Writes an {@link IndicatorReport} as JSON (the report's structure, undefined values as {@code null}) or as CSV in
 * long form: one row per figure, {@code area,indicator,value}, the area {@code all} for the whole sample.
 */
public final class IndicatorReportFormat {

    /** The area name of the whole-sample rows in CSV. */
    public static final String ALL = "all";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new SimpleModule("undefined-as-null")
                    .addSerializer(Double.class, new NanAsNull())
                    .addSerializer(Double.TYPE, new NanAsNull()))
            .build();

    private IndicatorReportFormat() {
    }

    /** The report as indented JSON. */
    public static String json(IndicatorReport report) {
        return JSON.writeValueAsString(report) + "\n";
    }

    /** The report as CSV: a header, then {@code area,indicator,value} rows; undefined values are empty. */
    public static String csv(IndicatorReport report) {
        StringBuilder sb = new StringBuilder("area,indicator,value\n");
        rows(sb, ALL, report.all());
        for (Map.Entry<String, IndicatorSet> e : report.byArea().entrySet()) {
            rows(sb, e.getKey(), e.getValue());
        }
        return sb.toString();
    }

    private static void rows(StringBuilder sb, String area, IndicatorSet s) {
        String a = quote(area);
        row(sb, a, "persons", s.persons());
        row(sb, a, "households", s.households());
        row(sb, a, "weighted_persons", s.weightedPersons());
        row(sb, a, "per_capita_income", s.perCapitaIncome());
        row(sb, a, "mean_equivalised_income", s.meanEquivalisedIncome());
        for (IndicatorSet.Quantile q : s.quantiles()) {
            row(sb, a, "quantile_" + number(q.level()), q.value());
        }
        row(sb, a, "gini", s.gini());
        row(sb, a, "theil", s.theil());
        row(sb, a, "mean_log_deviation", s.meanLogDeviation());
        row(sb, a, "non_positive_income_share", s.nonPositiveIncomeShare());
        row(sb, a, "palma", s.palma());
        row(sb, a, "p90_p10", s.p90p10());
        row(sb, a, "s80_s20", s.s80s20());
        for (IndicatorSet.LorenzPoint p : s.lorenz()) {
            row(sb, a, "lorenz_" + number(p.populationShare()), p.incomeShare());
        }
        IndicatorSet.RelativePoverty r = s.relativePoverty();
        row(sb, a, "relative_poverty_line", r.line());
        row(sb, a, "at_risk_of_poverty_rate", r.atRiskRate());
        row(sb, a, "relative_median_poverty_gap", r.medianGap());
        for (IndicatorSet.AbsolutePoverty p : s.absolutePoverty()) {
            row(sb, a, "line_" + p.line(), p.amount());
            row(sb, a, "fgt0_" + p.line(), p.headcount());
            row(sb, a, "fgt1_" + p.line(), p.gap());
            row(sb, a, "fgt2_" + p.line(), p.severity());
        }
        for (IndicatorSet.BracketShare b : s.brackets()) {
            row(sb, a, quote("bracket_share_" + b.bracket()), b.share());
        }
    }

    private static void row(StringBuilder sb, String area, String indicator, double value) {
        sb.append(area).append(',').append(indicator).append(',').append(Double.isFinite(value) ? number(value) : "").append('\n');
    }

    /** Shortest exact text: integers without ".0", others as Java prints them. */
    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v).toLowerCase(Locale.ROOT);
    }

    /** A text cell: formula-like text escaped ({@link SpreadsheetCell}), then quoted where RFC 4180 needs it. */
    private static String quote(String text) {
        String s = SpreadsheetCell.safe(text);
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** Undefined ratios (NaN, infinities) become JSON null rather than invalid tokens. */
    private static final class NanAsNull extends ValueSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializationContext ctxt) {
            if (value == null || !Double.isFinite(value)) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }
}
