package org.olive.pipeline.income;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.olive.export.SpreadsheetCell;
import org.olive.indicator.Breakdown;
import org.olive.indicator.GroupIndicators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prints {@link IncomeIndicators} for {@code olive indicators --period}: population and survey side by side with the
 * gap (population − survey) per breakdown group and metric, and the pilot indicators 1–5 and 8 of the county, as text,
 * CSV or JSON. Undefined figures print as empty (CSV, text "–") or null (JSON).
 */
public final class IncomeIndicatorFormat {

    /** The pilot indicators printed first: number → metric. */
    public static final Map<String, String> PILOT = new LinkedHashMap<>();

    static {
        PILOT.put("1", IncomeMetrics.URBAN_RURAL_RATIO);
        PILOT.put("2", IncomeMetrics.SHARE_10_50);
        PILOT.put("3", IncomeMetrics.SHARE_20_60);
        PILOT.put("4", IncomeMetrics.RELATIONSHIP_ACCURACY);
        PILOT.put("5", IncomeMetrics.MONITORING_COVERAGE);
        PILOT.put("8", IncomeMetrics.DATA_ITEMS_UPDATED);
    }

    private IncomeIndicatorFormat() {
    }

    /** One printed line: a metric of a group on both bases. */
    public record Line(Breakdown breakdown, String group, String metric, double population, double survey) {
        public double gap() {
            return population - survey;
        }
    }

    /** The lines of the county and, when {@code by} is not null and not COUNTY, of every group of that breakdown. */
    public static List<Line> lines(IncomeIndicators ind, Breakdown by) {
        List<Line> out = new ArrayList<>();
        List<Breakdown> bs = by == null || by == Breakdown.COUNTY ? List.of(Breakdown.COUNTY) : List.of(Breakdown.COUNTY, by);
        for (Breakdown b : bs) {
            Map<String, GroupIndicators> pop = ind.population().map(s -> s.report().of(b)).orElse(Map.of());
            Map<String, GroupIndicators> sur = ind.survey().map(s -> s.report().of(b)).orElse(Map.of());
            Set<String> groups = new LinkedHashSet<>(pop.keySet());
            groups.addAll(sur.keySet());
            boolean known = ind.population().map(s -> s.data().relationshipKnown()).orElse(false);
            for (String g : groups) {
                Map<String, IncomeMetrics.Figure> pm = pop.containsKey(g) ? IncomeMetrics.of(pop.get(g), true, known) : Map.of();
                Map<String, IncomeMetrics.Figure> sm = sur.containsKey(g) ? IncomeMetrics.of(sur.get(g), false, false, ind.settings())
                        : Map.of();
                Set<String> metrics = new LinkedHashSet<>(pm.keySet());
                metrics.addAll(sm.keySet());
                for (String m : metrics) {
                    out.add(new Line(b, g, m, pm.containsKey(m) ? pm.get(m).figure() : Double.NaN,
                            sm.containsKey(m) ? sm.get(m).figure() : Double.NaN));
                }
                if (b == Breakdown.COUNTY && ind.dataItems().isPresent()) {
                    out.add(new Line(b, g, IncomeMetrics.DATA_ITEMS_UPDATED, ind.dataItems().get().share(), Double.NaN));
                }
            }
        }
        return out;
    }

    public static Line pilot(List<Line> lines, String metric) {
        for (Line l : lines) {
            if (l.breakdown() == Breakdown.COUNTY && l.metric().equals(metric)) {
                return l;
            }
        }
        return new Line(Breakdown.COUNTY, "", metric, Double.NaN, Double.NaN);
    }

    /** The lines as CSV (Commons CSV, RFC 4180); text cells that a spreadsheet would evaluate are escaped. */
    public static String csv(IncomeIndicators ind, Breakdown by) {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(sb, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            csv.printRecord("breakdown", "group", "metric", "population", "survey", "gap");
            for (Line l : lines(ind, by)) {
                csv.printRecord(SpreadsheetCell.row(l.breakdown().name(), l.group(), l.metric(), num(l.population(), ""),
                        num(l.survey(), ""), num(l.gap(), "")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    public static String json(IncomeIndicators ind, Breakdown by) {
        List<Line> lines = lines(ind, by);
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"period\": \"").append(ind.period()).append("\",\n");
        sb.append("  \"scale\": \"").append(ind.settings().indicators().scale()).append("\",\n");
        sb.append("  \"residents\": ").append(ind.population().map(s -> String.valueOf(s.data().residents())).orElse("null")).append(",\n");
        sb.append("  \"surveyYear\": ").append(ind.survey().map(s -> String.valueOf(s.data().year())).orElse("null")).append(",\n");
        sb.append("  \"surveyPersons\": ").append(ind.survey().map(s -> String.valueOf(s.data().rows())).orElse("null")).append(",\n");
        sb.append("  \"notes\": [");
        for (int i = 0; i < ind.notes().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(quote(ind.notes().get(i)));
        }
        sb.append("],\n  \"pilot\": {");
        int i = 0;
        for (Map.Entry<String, String> e : PILOT.entrySet()) {
            Line l = pilot(lines, e.getValue());
            sb.append(i++ == 0 ? "\n" : ",\n").append("    \"").append(e.getKey()).append("\": {\"metric\": \"").append(e.getValue())
                    .append("\", ").append(triple(l)).append('}');
        }
        sb.append("\n  },\n  \"groups\": [");
        Breakdown current = null;
        String group = null;
        boolean firstGroup = true;
        boolean firstMetric = true;
        for (Line l : lines) {
            if (l.breakdown() != current || !l.group().equals(group)) {
                if (current != null) {
                    sb.append("\n    }}");
                }
                current = l.breakdown();
                group = l.group();
                sb.append(firstGroup ? "\n" : ",\n").append("    {\"breakdown\": \"").append(current).append("\", \"group\": ")
                        .append(quote(group)).append(", \"metrics\": {");
                firstGroup = false;
                firstMetric = true;
            }
            sb.append(firstMetric ? "\n" : ",\n").append("      ").append(quote(l.metric())).append(": {").append(triple(l)).append('}');
            firstMetric = false;
        }
        if (current != null) {
            sb.append("\n    }}");
        }
        sb.append("\n  ]\n}\n");
        return sb.toString();
    }

    private static String triple(Line l) {
        return "\"population\": " + num(l.population(), "null") + ", \"survey\": " + num(l.survey(), "null") + ", \"gap\": "
                + num(l.gap(), "null");
    }

    private static String num(double v, String missing) {
        if (!Double.isFinite(v)) {
            return missing;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.8g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

}
