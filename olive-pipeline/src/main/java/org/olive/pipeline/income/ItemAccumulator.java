package org.olive.pipeline.income;

import org.olive.income.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One person's figure from one source while it is being read: the amount, the months of the window with a record,
 * the rows read and the first few of them (for the record reference).
 */
final class ItemAccumulator {

    static final int REFS = 3;

    final String personId;
    final Component component;
    final String source;
    final String dataset;
    final double confidence;
    double amount;
    final Set<String> months = new TreeSet<>();
    /** For sources without month rows (yearly figures, contracts): the months counted. */
    int monthsCounted;
    long records;
    final List<String> refs = new ArrayList<>();

    ItemAccumulator(String personId, Component component, String source, String dataset, double confidence) {
        this.personId = personId;
        this.component = component;
        this.source = source;
        this.dataset = dataset;
        this.confidence = confidence;
    }

    void add(double yuan, String month, long rows, String ref) {
        amount += yuan;
        if (month != null) {
            months.add(month);
        }
        records += rows;
        if (ref != null && refs.size() < REFS && !refs.contains(ref)) {
            refs.add(ref);
        }
    }

    int months() {
        return Math.min(12, months.isEmpty() ? monthsCounted : months.size());
    }

    /** "table from..to: file:row, file:row" — enough to find the rows again. */
    String recordRef(String window) {
        String r = dataset + " " + window + (refs.isEmpty() ? "" : ": " + String.join(", ", refs))
                + (records > refs.size() ? " … (" + records + " rows)" : "");
        return r.length() <= 1000 ? r : r.substring(0, 999) + "…";
    }
}
