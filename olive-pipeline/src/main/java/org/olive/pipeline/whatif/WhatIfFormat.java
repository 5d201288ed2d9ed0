package org.olive.pipeline.whatif;

import org.olive.export.SpreadsheetCell;
import org.olive.whatif.Measures;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The what-if's outcome as JSON, text and CSV ({@code olive whatif --format}). */
public final class WhatIfFormat {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private WhatIfFormat() {
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static WhatIfResult parse(String json) {
        return JSON.readValue(json, WhatIfResult.class);
    }

    /** The county's measures, before and after, one line each: name, before, after, change. */
    public static List<String[]> measures(Measures b, Measures a) {
        List<String[]> out = new ArrayList<>();
        out.add(row("families", b.families(), a.families()));
        out.add(row("persons", b.persons(), a.persons()));
        out.add(row("mean_per_capita_di", b.meanPerCapita(), a.meanPerCapita()));
        out.add(row("gini", b.gini(), a.gini()));
        out.add(row("fgt0", b.fgt0(), a.fgt0()));
        out.add(row("fgt1", b.fgt1(), a.fgt1()));
        out.add(row("fgt2", b.fgt2(), a.fgt2()));
        out.add(row("below_dibao", b.belowDibao(), a.belowDibao()));
        out.add(row("below_dibian", b.belowDibian(), a.belowDibian()));
        for (Map.Entry<String, Double> e : b.brackets().entrySet()) {
            out.add(row("bracket_" + e.getKey(), e.getValue(), a.brackets().getOrDefault(e.getKey(), 0.0)));
        }
        out.add(row("red", b.red(), a.red()));
        out.add(row("yellow", b.yellow(), a.yellow()));
        out.add(row("gap_cost_dibao", b.gapCost(), a.gapCost()));
        return out;
    }

    private static String[] row(String name, double b, double a) {
        return new String[] {name, num(b), num(a), num(a - b)};
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return Math.abs(v) < 10 ? String.format(Locale.ROOT, "%.4f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    public static String text(WhatIfResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("What-if ").append(r.scenario()).append(" — ").append(r.title()).append(", period ").append(r.period())
                .append('\n');
        for (String s : r.shocks()) {
            sb.append("  shock: ").append(s).append('\n');
        }
        for (String s : r.notes()) {
            sb.append("  note:  ").append(s).append('\n');
        }
        sb.append("families with an item changed: ").append(r.affectedFamilies()).append(" (").append(r.affectedPersons())
                .append(" residents)\n");
        r.deltas().forEach((k, v) -> sb.append("  change of DI by ").append(k).append(": ").append(num(v)).append('\n'));
        sb.append("gap cost at the 低保 standard: ").append(num(r.county().before().gapCost())).append(" → ")
                .append(num(r.county().after().gapCost())).append(" (change ").append(num(r.gapCostChange()))
                .append(" yuan a year)\n\n");
        for (WhatIfResult.Row row : r.rows()) {
            sb.append(row.breakdown()).append(row.code().isEmpty() ? "" : " " + row.code())
                    .append(row.name().isEmpty() ? "" : " " + row.name()).append('\n');
            sb.append(String.format(Locale.ROOT, "  %-28s %16s %16s %16s%n", "measure", "before", "after", "change"));
            for (String[] m : measures(row.before(), row.after())) {
                sb.append(String.format(Locale.ROOT, "  %-28s %16s %16s %16s%n", (Object[]) m));
            }
        }
        sb.append("\ncolour changes: ").append(r.colourChanges().isEmpty() ? "none" : r.colourChanges().toString())
                .append('\n');
        sb.append("families changing colour or flags: ").append(r.changes().size()).append('\n');
        for (WhatIfResult.Change c : r.changes()) {
            sb.append("  ").append(c.familyKey()).append(' ').append(c.township()).append(' ')
                    .append(c.colourBefore()).append("→").append(c.colourAfter()).append(" per capita ")
                    .append(num(c.perCapitaBefore())).append("→").append(num(c.perCapitaAfter())).append(" flags ")
                    .append(c.flagsBefore()).append("→").append(c.flagsAfter()).append('\n');
            for (String reason : c.reasons()) {
                sb.append("      ").append(reason).append('\n');
            }
        }
        return sb.toString();
    }

    /** CSV: one line per breakdown and measure (section measures), then one per changed family (section change). */
    public static String csv(WhatIfResult r) {
        StringBuilder sb = new StringBuilder("section,breakdown,code,name,measure,before,after,change\n");
        for (WhatIfResult.Row row : r.rows()) {
            for (String[] m : measures(row.before(), row.after())) {
                sb.append(String.join(",", "measures", row.breakdown(), cell(row.code()), cell(row.name()), m[0], m[1],
                        m[2], m[3])).append('\n');
            }
        }
        for (WhatIfResult.Change c : r.changes()) {
            sb.append(String.join(",", "change", "family", cell(c.familyKey()), cell(c.township()),
                    cell("colour " + c.colourBefore() + "→" + c.colourAfter() + "; flags " + String.join(" ", c.flagsBefore())
                            + "→" + String.join(" ", c.flagsAfter()) + "; " + String.join("; ", c.reasons())),
                    num(c.perCapitaBefore()), num(c.perCapitaAfter()), num(c.perCapitaAfter() - c.perCapitaBefore())))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return SpreadsheetCell.csv(s);
    }
}
