package org.olive.app.warning;

import java.util.List;
import java.util.Map;

import org.olive.app.account.Permission;
import org.olive.app.audit.AuditLog;
import org.olive.app.population.AreaNames;
import org.olive.app.security.Access;
import org.olive.app.security.AreaScope;
import org.olive.app.security.PersonalDataAccess;
import org.olive.app.web.PeriodChoice;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The 预警 page ({@code /warnings}; docs/warnings.md): the counts of red and yellow families and of colour changes of
 * a period, for the county and each township (aggregates, every role), and the personal rows: the warned families,
 * red first, filtered by colour and township and paginated, and the period's colour changes. The rows need
 * {@link Permission#READ_PERSONAL_DATA}, are limited to a cadre's township (another {@code township=} is refused by
 * {@link PersonalDataAccess} and audited), and every view of them is audited (docs/access.md).
 */
@Controller
public class WarningController {

    /** Families per page. */
    static final int PAGE_SIZE = 50;
    /** Audit subject types: the list of warned families, the colour changes. */
    public static final String AUDIT_LIST = "WARNING_LIST";
    public static final String AUDIT_EVENTS = "WARNING_EVENTS";

    private final WarningBoard board;
    private final AreaNames areas;
    private final AuditLog audit;
    private final PersonalDataAccess access;

    public WarningController(WarningBoard board, AreaNames areas, AuditLog audit, PersonalDataAccess access) {
        this.board = board;
        this.areas = areas;
        this.audit = audit;
        this.access = access;
    }

    @GetMapping("/warnings")
    public String warnings(@RequestParam(required = false) String period, @RequestParam(required = false) String colour,
                           @RequestParam(required = false) String township, @RequestParam(defaultValue = "1") int page,
                           AreaScope scope, Model model) {
        PeriodChoice choice = board.choice(period);
        String chosen = choice.chosen();
        model.addAttribute("ledger", "warnings");
        choice.addTo(model);
        model.addAttribute("areas", areas);
        boolean rows = Access.may(Permission.READ_PERSONAL_DATA);
        model.addAttribute("personalRows", rows);
        // the rows' township: a cadre's own (asking for another is refused and audited), or any for the county
        String t = access.rowsTownship(scope, township);
        String c = blank(colour);
        if (c != null && !List.of("RED", "YELLOW").contains(c)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "colour must be RED or YELLOW");
        }
        model.addAttribute("colour", c);
        model.addAttribute("township", t);
        model.addAttribute("scopeTownship", Access.township(scope));
        model.addAttribute("townships", areas.divisions().townships().stream()
                .filter(d -> Access.allows(scope, d.code())).toList());
        if (chosen == null) {
            return "warning/warnings";
        }
        Map<String, WarningBoard.Counts> counts = board.counts(chosen);
        model.addAttribute("backtest", board.backtest(chosen));
        model.addAttribute("expected", board.expected(chosen));
        model.addAttribute("county", counts.getOrDefault("", new WarningBoard.Counts("", 0, 0, 0, 0)));
        model.addAttribute("byTownship", areas.divisions().townships().stream()
                .map(d -> counts.getOrDefault(d.code().substring(0, 9),
                        new WarningBoard.Counts(d.code().substring(0, 9), 0, 0, 0, 0)))
                .toList());
        if (rows) {
            WarningBoard.WarnedPage list = board.warned(chosen, c, t, page, PAGE_SIZE);
            audit.recordView(AUDIT_LIST, chosen, "page " + list.page() + ", " + list.rows().size() + " rows"
                    + (c == null ? "" : ", colour " + c) + (t == null ? "" : ", township " + t));
            List<WarningBoard.Change> changes = board.changes(chosen, t);
            audit.recordView(AUDIT_EVENTS, chosen, changes.size() + " rows" + (t == null ? "" : ", township " + t));
            model.addAttribute("warned", list);
            model.addAttribute("changes", changes);
            model.addAttribute("maxChanges", WarningBoard.MAX_EVENTS);
        }
        return "warning/warnings";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
