package org.olive.app.accuracy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.olive.app.income.IncomeLedger;

import org.olive.app.security.Access;
import org.olive.app.population.AreaNames;
import org.olive.app.security.AreaScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /ledger}: how accurate the ledgers are — pilot indicator 4 (family relationship accuracy; target ≥ 99% in
 * 2025) per period for the county and by township, as a chart over the periods and a table, and the figures against
 * the generator's truth where a run had it, with the headline figures (resident count, per-capita DI, pilot indicators
 * 1–3, Gini) beside the truth's per period. Aggregates only (no personal data): not audited. A cadre sees the county
 * figure and their own township's.
 */
@Controller
public class AccuracyController {

    /** Pilot target of indicator 4 (share, 2025). */
    static final double TARGET = 0.99;

    private final LedgerFigures figures;
    private final AreaNames areas;
    private final IncomeLedger income;

    public AccuracyController(LedgerFigures figures, AreaNames areas, IncomeLedger income) {
        this.figures = figures;
        this.areas = areas;
        this.income = income;
    }

    /**
     * Per period of the headline figures, the estimation's sampling error per resident (the first model row that
     * records it), so that a DI error can be read against it.
     */
    private Map<String, IncomeLedger.Model> samplingErrors(Map<String, ?> headline) {
        Map<String, IncomeLedger.Model> out = new HashMap<>();
        for (String period : headline.keySet()) {
            income.models(period).stream().filter(m -> m.estimateSePerResident() != null).findFirst()
                    .ifPresent(m -> out.put(period, m));
        }
        return out;
    }

    @GetMapping("/ledger")
    public String accuracy(AreaScope scope, Model model) {
        String township = Access.township(scope);
        LedgerFigures.Table all = figures.relationshipAccuracy(null);
        LedgerFigures.Table table = township == null ? all : new LedgerFigures.Table(all.periods(),
                all.areas().stream().filter(a -> a.isEmpty() || a.startsWith(township)).toList(), all.byArea());
        model.addAttribute("ledger", "families");
        model.addAttribute("table", table);
        model.addAttribute("truth", figures.truth());
        model.addAttribute("truthMetrics", LedgerFigures.TRUTH_METRICS);
        Map<String, List<LedgerFigures.Headline>> headline = figures.headline();
        model.addAttribute("headline", headline);
        model.addAttribute("samplingErrors", samplingErrors(headline));
        model.addAttribute("target", TARGET);
        model.addAttribute("areas", areas);
        return "accuracy/ledger";
    }
}
