package org.olive.app.assistance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.olive.app.account.Permission;
import org.olive.app.audit.AuditLog;
import org.olive.app.population.AreaNames;
import org.olive.app.security.Access;
import org.olive.app.security.AreaScope;
import org.olive.app.security.PersonalDataAccess;
import org.olive.assistance.CaseState;
import org.olive.pipeline.assistance.CaseDesk;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The assistance cases (帮扶; docs/cases.md): the worklist {@code /cases} (a cadre's township only; overdue first, then
 * by due date; filtered by colour, state and township) and a case's page {@code /cases/{id}} with its family, the
 * warning rules that fired, its actions and evaluations, and the forms of the actions (POST, CSRF). Reading needs
 * {@link Permission#READ_PERSONAL_DATA}; acting needs {@link Permission#WORK_CASES}; a case outside the user's township
 * is refused (403) and audited by {@link PersonalDataAccess} and DeniedAudit. Every view and action is audited.
 */
@Controller
public class CaseController {

    /** Audit subject types: the worklist, a case. */
    public static final String AUDIT_LIST = "CASE_LIST";
    public static final String AUDIT_CASE = "ASSISTANCE_CASE";

    private final CaseBoard board;
    private final AreaNames areas;
    private final AuditLog audit;
    private final PersonalDataAccess access;

    public CaseController(CaseBoard board, AreaNames areas, AuditLog audit, PersonalDataAccess access) {
        this.board = board;
        this.areas = areas;
        this.audit = audit;
        this.access = access;
    }

    @GetMapping("/cases")
    public String list(@RequestParam(required = false) String colour, @RequestParam(required = false) String state,
                       @RequestParam(required = false) String township, AreaScope scope, Model model,
                       HttpServletResponse response) {
        access.require(Permission.READ_PERSONAL_DATA, AUDIT_LIST, "worklist");
        String t = access.rowsTownship(scope, township);
        String c = blank(colour);
        if (c != null && !List.of("RED", "YELLOW").contains(c)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "colour '" + c + "': expected RED or YELLOW");
        }
        String s = blank(state);
        if (s != null) {
            try {
                CaseState.of(s);
            } catch (IllegalArgumentException e) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
            }
        }
        LocalDate today = LocalDate.now();
        List<CaseBoard.Row> rows = board.worklist(c, s, t, today);
        long total = board.count(c, s, t);
        audit.recordView(AUDIT_LIST, "worklist", rows.size() + " of " + total + " rows" + (c == null ? "" : ", colour " + c)
                + (s == null ? "" : ", state " + s) + (t == null ? "" : ", township " + t));
        model.addAttribute("ledger", "warnings");
        model.addAttribute("rows", rows);
        model.addAttribute("total", total);
        model.addAttribute("maxRows", CaseBoard.MAX_ROWS);
        model.addAttribute("counts", board.counts(t, today).get(""));
        model.addAttribute("colour", c);
        model.addAttribute("state", s);
        model.addAttribute("township", t);
        model.addAttribute("scopeTownship", Access.township(scope));
        model.addAttribute("states", CaseState.values());
        model.addAttribute("townships", areas.divisions().townships().stream()
                .filter(d -> Access.allows(scope, d.code())).toList());
        model.addAttribute("areas", areas);
        model.addAttribute("today", today);
        return "assistance/cases";
    }

    @GetMapping("/cases/{id}")
    public String detail(@PathVariable long id, AreaScope scope, Model model, Locale locale) {
        CaseBoard.Case c = scoped(id, scope);
        audit.recordView(AUDIT_CASE, String.valueOf(id), "family " + c.row().familyKey() + ", " + c.row().state());
        page(c, scope, model, locale);
        return "assistance/case";
    }

    @PostMapping("/cases/{id}/actions")
    public String act(@PathVariable long id, @RequestParam(required = false) String kind,
                      @RequestParam(required = false) String on, @RequestParam(required = false) String note,
                      @RequestParam(required = false) String policy, @RequestParam(required = false) String amount,
                      @RequestParam(required = false) String cadre, @RequestParam(required = false) String state,
                      AreaScope scope, Model model, Locale locale, RedirectAttributes redirect,
                      HttpServletResponse response) {
        CaseBoard.Case c = scoped(id, scope);
        access.require(Permission.WORK_CASES, AUDIT_CASE, String.valueOf(id));
        String error = null;
        LocalDate day = null;
        BigDecimal money = null;
        try {
            day = blank(on) == null ? null : LocalDate.parse(on.strip());
        } catch (DateTimeParseException e) {
            error = "date '" + on + "': not a date (YYYY-MM-DD)";
        }
        try {
            money = blank(amount) == null ? null : new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            error = "amount '" + amount + "': not a number";
        }
        if (error == null && "ASSIGN".equals(kind) && !board.cadres(c.row().township()).contains(blank(cadre))) {
            error = "cadre '" + cadre + "': not an enabled cadre account of township " + c.row().township();
        }
        if (error == null) {
            try {
                board.act(id, new CaseDesk.Action(kind, day, note, policy, money, blank(cadre), state),
                        Access.currentUser(), LocalDate.now());
            } catch (CaseDesk.CaseException e) {
                error = e.getMessage();
            }
        }
        if (error != null) {
            audit.recordDecision(AUDIT_CASE, String.valueOf(id), "refused " + kind + ": " + error);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", error);
            model.addAttribute("form", kind);
            page(c, scope, model, locale);
            return "assistance/case";
        }
        audit.recordDecision(AUDIT_CASE, String.valueOf(id), kind + " on family " + c.row().familyKey()
                + (state == null || !"STATE".equals(kind) ? "" : " → " + state)
                + (money == null ? "" : ", amount " + money.toPlainString())
                + (blank(policy) == null ? "" : ", policy " + policy.strip())
                + (blank(cadre) == null ? "" : ", cadre " + cadre.strip()));
        redirect.addFlashAttribute("recorded", kind);
        return "redirect:/cases/" + id;
    }

    private void page(CaseBoard.Case c, AreaScope scope, Model model, Locale locale) {
        long id = c.row().id();
        model.addAttribute("ledger", "warnings");
        model.addAttribute("c", c);
        model.addAttribute("actions", board.actions(id));
        model.addAttribute("evaluations", board.evaluations(id));
        model.addAttribute("fired", board.fired(c.row().familyKey(), null, locale).orElse(null));
        model.addAttribute("mayAct", Access.may(Permission.WORK_CASES) && Access.allows(scope, c.row().township()));
        model.addAttribute("next", c.state().next());
        model.addAttribute("cadres", board.cadres(c.row().township()));
        model.addAttribute("areas", areas);
        model.addAttribute("today", LocalDate.now());
    }

    /** The case, if the user may read personal data and the case lies in their township (else 403, audited). */
    private CaseBoard.Case scoped(long id, AreaScope scope) {
        access.require(Permission.READ_PERSONAL_DATA, AUDIT_CASE, String.valueOf(id));
        CaseBoard.Case c = board.get(id, LocalDate.now())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no case " + id));
        access.requireArea(scope, c.row().township(), AUDIT_CASE, String.valueOf(id));
        return c;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
