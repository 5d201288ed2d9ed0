package org.olive.accuracy.faults;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fault detection report: per fault type the faults injected in the periods, how many the pipeline detected or
 * neutralised (and how), how many could not be judged in this database ("not yet matched"), and the first undetected.
 */
public record FaultReport(String from, String to, List<TypeLine> types) {

    /**
     * @param total      faults of the type in the periods
     * @param detected   detected or neutralised
     * @param notMatched without evidence to judge them (not counted in the rate)
     * @param how        detected per kind of evidence (rejected, repaired, edited, flagged, …)
     * @param undetected the first undetected faults (file:row field original → faulty)
     */
    public record TypeLine(String type, long total, long detected, long notMatched, Map<String, Long> how, String note,
                           List<String> undetected) {

        /** Faults judged: the total less those not yet matched. */
        public long judged() {
            return total - notMatched;
        }

        /** detected / judged (NaN when none was judged). */
        public double rate() {
            return judged() == 0 ? Double.NaN : (double) detected / judged();
        }

        public long undetectedCount() {
            return judged() - detected;
        }
    }

    public TypeLine type(String type) {
        return types.stream().filter(t -> t.type().equals(type)).findFirst().orElseThrow();
    }

    public String toText() {
        StringBuilder b = new StringBuilder("Fault detection " + from + (from.equals(to) ? "" : ".." + to)
                + " (truth/faults.csv against rejects, repairs, edits and flags)\n");
        b.append(String.format(Locale.ROOT, "%-20s %9s %9s %8s %12s  %s%n", "fault type", "faults", "detected", "rate",
                "not matched", "how"));
        for (TypeLine t : types) {
            b.append(String.format(Locale.ROOT, "%-20s %,9d %,9d %8s %,12d  %s%n", t.type(), t.total(), t.detected(),
                    Double.isNaN(t.rate()) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * t.rate()), t.notMatched(),
                    t.how().isEmpty() ? "" : t.how().toString()));
        }
        for (TypeLine t : types) {
            if (t.notMatched() > 0) {
                b.append(t.type()).append(": ").append(t.notMatched()).append(" not yet matched — ").append(t.note())
                        .append('\n');
            }
            if (!t.undetected().isEmpty()) {
                b.append(t.type()).append(": ").append(t.undetectedCount()).append(" undetected")
                        .append(t.undetectedCount() > t.undetected().size() ? ", the first " + t.undetected().size() : "")
                        .append(":\n");
                t.undetected().forEach(u -> b.append("  ").append(u).append('\n'));
            }
        }
        return b.toString();
    }

    public String toJson() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TypeLine t : types) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", t.type());
            m.put("faults", t.total());
            m.put("detected", t.detected());
            m.put("not_matched", t.notMatched());
            m.put("rate", Double.isNaN(t.rate()) ? null : t.rate());
            m.put("how", t.how());
            m.put("note", t.note());
            m.put("undetected", t.undetected());
            rows.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("from", from);
        root.put("to", to);
        root.put("types", rows);
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(root);
    }

    public String toCsv() {
        StringBuilder b = new StringBuilder("type,faults,detected,not_matched,rate\n");
        for (TypeLine t : types) {
            b.append(t.type()).append(',').append(t.total()).append(',').append(t.detected()).append(',')
                    .append(t.notMatched()).append(',')
                    .append(Double.isNaN(t.rate()) ? "" : String.format(Locale.ROOT, "%.4f", t.rate())).append('\n');
        }
        return b.toString();
    }
}
