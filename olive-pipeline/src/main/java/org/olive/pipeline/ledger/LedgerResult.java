package org.olive.pipeline.ledger;

import org.olive.pipeline.figure.RunFigure;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * What a ledger run of a period produced: counts (lists, families, conflicts by kind, registry), timings per step in
 * milliseconds, the figures written to ledger_figure, and the steps that were skipped with the reason.
 */
public record LedgerResult(long runId, String period, Map<String, Long> counts, Map<String, Long> millis,
                           List<RunFigure> figures, Map<String, String> skipped) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** One row of ledger_figure: value = numerator / denominator, with a note saying what each counts. */
    public record Figure(String metric, String areaCode, long numerator, long denominator, Double value, String note) {
        /** A figure whose value is num / den, null when den is 0. */
        public static Figure of(String metric, String area, long num, long den, String note) {
            return new Figure(metric, area, num, den, den == 0 ? null : (double) num / den, note);
        }
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /** A plain-text summary for the console, listing every county figure. */
    public String summary() {
        return summary(f -> true, "");
    }

    /**
     * A plain-text summary for the console.
     *
     * @param listed which county figures (area '') are listed one a line
     * @param more   text printed after them (e.g. a table of the figures not listed), "" for none
     */
    public String summary(java.util.function.Predicate<RunFigure> listed, String more) {
        StringBuilder b = new StringBuilder();
        b.append("Ledgers of ").append(period).append(" (run ").append(runId).append(")\n");
        b.append(String.format("  lists: registered %d, resident %d, floating %d, separated %d%n",
                counts.getOrDefault("registered", 0L), counts.getOrDefault("resident", 0L),
                counts.getOrDefault("floating", 0L), counts.getOrDefault("separated", 0L)));
        b.append(String.format("  registry: %d persons (%d new); families %d; open conflicts %d%n",
                counts.getOrDefault("registry_persons", 0L), counts.getOrDefault("registry_new", 0L),
                counts.getOrDefault("families", 0L), counts.getOrDefault("conflicts_open", 0L)));
        counts.forEach((k, v) -> {
            if (k.startsWith("conflicts_kind_")) {
                b.append("    ").append(k.substring("conflicts_kind_".length())).append(": ").append(v).append('\n');
            }
        });
        for (RunFigure f : figures) {
            if (f.areaCode().isEmpty() && listed.test(f)) {
                b.append(String.format("  %s: %s (%d / %d)%n", f.metric(),
                        f.value() == null ? "n/a" : String.format("%.4f", f.value()), f.numerator(), f.denominator()));
            }
        }
        b.append(more);
        skipped.forEach((k, v) -> b.append("  skipped ").append(k).append(": ").append(v).append('\n'));
        b.append("  timings (ms): ").append(millis).append('\n');
        return b.toString();
    }
}
