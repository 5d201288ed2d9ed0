package org.olive.app.accuracy;

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

    public AccuracyController(LedgerFigures figures, AreaNames areas) {
        this.figures = figures;
        this.areas = areas;
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
        model.addAttribute("headline", figures.headline());
        model.addAttribute("target", TARGET);
        model.addAttribute("areas", areas);
        return "accuracy/ledger";
    }
}
