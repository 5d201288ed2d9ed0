package org.olive.app.cockpit;

import org.olive.app.account.Permission;
import org.olive.app.security.Access;
import org.olive.app.population.AreaNames;
import org.olive.app.security.AreaScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 驾驶舱, the landing page after login ({@code /} redirects here): the board of {@link CockpitBoard} for the chosen
 * or latest period with income rows. A cadre's board is their township's (distribution, trends, gap, township row);
 * the pilot cards are county figures against the county's targets, labelled as such. Aggregates only: no personal
 * data, so no audit event; the drill-downs it links to are audited.
 */
@Controller
public class CockpitController {

    private final CockpitBoard board;
    private final AreaNames areas;

    private final org.olive.app.assistance.CaseBoard cases;

    public CockpitController(CockpitBoard board, AreaNames areas, org.olive.app.assistance.CaseBoard cases) {
        this.cases = cases;
        this.board = board;
        this.areas = areas;
    }

    @GetMapping("/cockpit")
    public String cockpit(@RequestParam(required = false) String period, AreaScope scope, Model model) {
        model.addAttribute("ledger", "cockpit");
        model.addAttribute("areas", areas);
        model.addAttribute("requested", period);
        // indicator 8's card leads to data intake, for the roles that have it (the others: the indicator's page)
        model.addAttribute("mayIntake", Access.may(Permission.DATA_INTAKE));
        board.board(period, Access.township(scope)).ifPresent(b -> model.addAttribute("board", b));
        // the assistance cases (帮扶) by colour, state and overdue, of the scope and each township: counts only
        model.addAttribute("caseCounts", cases.counts(Access.township(scope), java.time.LocalDate.now()));
        return "cockpit";
    }
}
