package org.olive.pipeline.policy;

import org.olive.pipeline.whatif.WhatIfFormat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A policy simulation's outcome as text and JSON ({@code olive simulate --format}). */
public final class PolicySimulationFormat {

    private PolicySimulationFormat() {
    }

    /** The whole outcome as JSON (the same as the what-if's writer: indented, records as objects). */
    public static String json(PolicySimulation.Result r) {
        return WhatIfFormat.json(r);
    }

    /**
     * The outcome for a reader: the changes, each policy's beneficiaries and annual cost before and after, all
     * policies by decile, key group and township, winners and losers, the distribution, the notes.
     *
     * @param names township and group names by code (codes shown when absent)
     */
    public static String text(PolicySimulation.Result r, Map<String, String> names) {
        StringBuilder b = new StringBuilder();
        b.append("Policy simulation ").append(r.reform()).append(" — ").append(r.title()).append(", period ")
                .append(r.period()).append('\n');
        b.append("Changes:\n");
        r.changes().forEach(c -> b.append("  ").append(c).append('\n'));
        b.append(String.format(Locale.ROOT, "%nPolicies: beneficiaries and annual cost (yuan) before → after%n"));
        b.append(String.format(Locale.ROOT, "  %-22s %-7s %-9s %21s %31s %14s%n", "policy", "unit", "frequency",
                "beneficiaries", "annual cost", "change"));
        for (PolicySimulation.PolicyRow p : r.policies()) {
            b.append(String.format(Locale.ROOT, "  %-22s %-7s %-9s %9d → %9d %14s → %14s %14s%s%n", p.code(), p.unit(),
                    p.frequency(), p.beneficiariesBefore(), p.beneficiariesAfter(), money(p.costBefore()),
                    money(p.costAfter()), signed(p.costChange()), p.inForceBefore() ? "" : "  (new)"));
        }
        PolicySimulation.Cell total = r.total();
        b.append(String.format(Locale.ROOT, "  %-40s %9d → %9d %14s → %14s %14s%n", "all policies (distinct subjects)",
                total.beneficiariesBefore(), total.beneficiariesAfter(), money(total.costBefore()),
                money(total.costAfter()), signed(total.costChange())));
        for (String[] breakdown : new String[][] {{"decile", "By decile of per-capita DI (D01 poorest)"},
                {"group", "By key group"}, {"township", "By township"}}) {
            b.append('\n').append(breakdown[1]).append(", all policies:\n");
            for (PolicySimulation.Cell c : r.cells(PolicySimulation.ALL, breakdown[0])) {
                String name = names.getOrDefault(c.key(), c.key());
                b.append(String.format(Locale.ROOT, "  %-22s %9d → %9d %14s → %14s %14s%n", name.isEmpty() ? "(none)" : name,
                        c.beneficiariesBefore(), c.beneficiariesAfter(), money(c.costBefore()), money(c.costAfter()),
                        signed(c.costChange())));
            }
        }
        b.append(String.format(Locale.ROOT, "%nFamilies whose annual policy income changes: %d gain (%s yuan), %d lose "
                + "(%s yuan); outside the families with an income figure: %s yuan (persons without a family: %d)%n",
                r.winners(), signed(r.gains()), r.losers(), signed(r.losses()), signed(r.outsideChange()),
                r.personsWithoutFamily()));
        list(b, "Largest gains", r.largestGains());
        list(b, "Largest losses", r.largestLosses());
        b.append("\nDistribution of per-capita DI (families, residents weighted): before, after, change\n");
        for (String[] row : WhatIfFormat.measures(r.distribution().before(), r.distribution().after())) {
            if (!row[0].equals("red") && !row[0].equals("yellow")) {
                b.append(String.format(Locale.ROOT, "  %-28s %16s %16s %16s%n", row[0].equals("fgt0") ? "fgt0_dibao"
                        : row[0].equals("fgt1") ? "fgt1_dibao" : row[0].equals("fgt2") ? "fgt2_dibao" : row[0], row[1],
                        row[2], row[3]));
            }
        }
        for (int a = 0; a < 3; a++) {
            double x = r.distribution().fgtDibianBefore()[a];
            double y = r.distribution().fgtDibianAfter()[a];
            b.append(String.format(Locale.ROOT, "  %-28s %16.4f %16.4f %16.4f%n", "fgt" + a + "_dibian", x, y, y - x));
        }
        b.append("\nNotes:\n");
        r.notes().forEach(n -> b.append("  ").append(n).append('\n'));
        b.append(String.format(Locale.ROOT, "Read %d ms, simulated %d ms %s%n", r.readMillis(), r.simulateMillis(),
                r.parts()));
        return b.toString();
    }

    private static void list(StringBuilder b, String title, List<PolicySimulation.FamilyChange> l) {
        if (l.isEmpty()) {
            return;
        }
        b.append(title).append(" (family, township, residents, policy income before → after, per-capita DI before → after):\n");
        for (PolicySimulation.FamilyChange c : l) {
            b.append(String.format(Locale.ROOT, "  %-12s %-9s %2d %12s → %12s (%s)   %12s → %12s%n", c.familyKey(),
                    c.township() == null ? "" : c.township(), c.residents(), money(c.policyIncomeBefore()),
                    money(c.policyIncomeAfter()), signed(c.change()), money(c.perCapitaBefore()),
                    money(c.perCapitaAfter())));
        }
    }

    static String money(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String signed(double v) {
        return String.format(Locale.ROOT, "%+,.0f", v);
    }
}
