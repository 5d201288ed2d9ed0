package org.olive.app.conflict;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.olive.app.account.Permission;
import org.olive.app.audit.AuditLog;
import org.olive.app.conflict.ConflictQueue.Case;
import org.olive.app.conflict.ConflictQueue.DecisionException;
import org.olive.app.population.AreaNames;
import org.olive.app.security.Access;
import org.olive.app.security.AreaScope;
import org.olive.app.security.PersonalDataAccess;
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
 * The conflict queue of the family ledger ({@code /conflicts}, {@code /conflicts/{id}}) and the review queue of
 * record matches ({@code /matches}). Who may decide: a conflict — ADMIN, ANALYST, and a CADRE for a case of their own
 * township (cadres know the families on the ground, which is what most cases need); a match — ADMIN and ANALYST only
 * (it merges source rows into the county registry). Every view and every decision is audited; the next ledger run
 * applies the decision. Rights and scope are checked by {@link PersonalDataAccess} (docs/access.md); a case lies in
 * the township of its family's latest period.
 */
@Controller
public class ConflictController {

    static final String AUDIT_CONFLICT = "FAMILY_CONFLICT";
    static final String AUDIT_MATCH = "PERSON_MATCH";
    static final int PAGE_SIZE = 50;
    static final int MAX_MATCHES = 200;
    static final List<String> STATUSES = List.of("OPEN", "RESOLVED", "CLEARED");
    static final List<String> MATCH_STATUSES = List.of("REVIEW", "MATCHED", "NO_CANDIDATE", "CONFIRMED", "REJECTED");

    private final ConflictQueue queue;
    private final AreaNames areas;
    private final AuditLog audit;
    private final PersonalDataAccess access;

    public ConflictController(ConflictQueue queue, AreaNames areas, AuditLog audit, PersonalDataAccess access) {
        this.queue = queue;
        this.areas = areas;
        this.audit = audit;
        this.access = access;
    }

    @GetMapping("/conflicts")
    public String list(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
                       @RequestParam(required = false) String township, @RequestParam(defaultValue = "1") int page,
                       AreaScope scope, Model model, HttpServletResponse response) {
        access.require(Permission.READ_PERSONAL_DATA, AUDIT_CONFLICT, "queue");
        String s = blank(status);
        String k = blank(kind);
        String t = Access.township(scope);
        String error = null;
        if (s != null && !STATUSES.contains(s)) {
            error = "status '" + s + "': expected one of " + String.join(", ", STATUSES);
            s = null;
        }
        if (blank(township) != null) {
            String asked = areas.township(township.strip());
            if (asked == null) {
                error = "township '" + township + "': not a township of " + areas.divisions().county().name();
            } else {
                access.requireArea(scope, asked, "TOWNSHIP", asked);
                t = asked;
            }
        }
        if (error != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        ConflictQueue.Filter f = new ConflictQueue.Filter(s, k, t);
        ConflictQueue.CasePage cases = queue.cases(f, page, PAGE_SIZE);
        audit.recordView(AUDIT_CONFLICT, "queue", "page " + cases.page()
                + (s == null ? "" : ", status " + s) + (k == null ? "" : ", kind " + k) + (t == null ? "" : ", township " + t));
        model.addAttribute("ledger", "families");
        model.addAttribute("error", error);
        model.addAttribute("filter", f);
        model.addAttribute("cases", cases);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("kinds", queue.kinds());
        model.addAttribute("counts", queue.statusCounts(Access.township(scope)));
        model.addAttribute("townships", areas.divisions().townships().stream()
                .filter(d -> Access.allows(scope, d.code())).toList());
        model.addAttribute("areas", areas);
        return "conflict/queue";
    }

    @GetMapping("/conflicts/{id}")
    public String detail(@PathVariable long id, AreaScope scope, Model model) {
        Case c = scoped(id, scope);
        audit.recordView(AUDIT_CONFLICT, String.valueOf(id), c.kind());
        model.addAttribute("ledger", "families");
        model.addAttribute("c", c);
        model.addAttribute("mayResolve", mayResolve(c, scope) && !"CLEARED".equals(c.status()));
        model.addAttribute("areas", areas);
        model.addAttribute("maxNote", ConflictQueue.MAX_NOTE);
        return "conflict/detail";
    }

    @PostMapping("/conflicts/{id}/resolve")
    public String resolve(@PathVariable long id, @RequestParam(required = false) String decision,
                          @RequestParam(required = false) String note, AreaScope scope, Model model,
                          RedirectAttributes redirect, HttpServletResponse response) {
        Case c = scoped(id, scope);
        access.require(Permission.RESOLVE_CONFLICT, AUDIT_CONFLICT, String.valueOf(id));
        try {
            queue.resolve(id, decision, note, Access.currentUser());
        } catch (DecisionException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("ledger", "families");
            model.addAttribute("c", c);
            model.addAttribute("mayResolve", true);
            model.addAttribute("areas", areas);
            model.addAttribute("maxNote", ConflictQueue.MAX_NOTE);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("note", note);
            return "conflict/detail";
        }
        audit.recordDecision(AUDIT_CONFLICT, String.valueOf(id), c.kind() + " resolved: " + decision
                + (c.decision() == null ? "" : " (was " + c.decision() + ")"));
        redirect.addFlashAttribute("resolved", true);
        return "redirect:/conflicts/" + id;
    }

    @GetMapping("/matches")
    public String matches(@RequestParam(defaultValue = "REVIEW") String status, AreaScope scope, Model model,
                          HttpServletResponse response) {
        access.require(Permission.REVIEW_MATCHES, AUDIT_MATCH, "queue");
        String s = status.strip().toUpperCase(java.util.Locale.ROOT);
        if (!MATCH_STATUSES.contains(s)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", "status '" + status + "': expected one of " + String.join(", ", MATCH_STATUSES));
            s = "REVIEW";
        }
        String t = Access.township(scope);
        var rows = queue.matches(s, t, MAX_MATCHES);
        audit.recordView(AUDIT_MATCH, "queue", "status " + s + ", " + rows.size() + " rows");
        model.addAttribute("ledger", "population");
        model.addAttribute("status", s);
        model.addAttribute("statuses", MATCH_STATUSES);
        model.addAttribute("rows", rows);
        model.addAttribute("total", queue.matchCount(s, t));
        model.addAttribute("max", MAX_MATCHES);
        model.addAttribute("candidates", rows.stream().filter(m -> m.candidateKey() != null)
                .map(m -> queue.person(m.candidateKey()).orElse(null)).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toMap(ConflictQueue.CasePerson::personKey, p -> p, (a, b) -> a)));
        model.addAttribute("areas", areas);
        return "conflict/matches";
    }

    @PostMapping("/matches/{id}/{decision:confirm|reject}")
    public String decideMatch(@PathVariable long id, @PathVariable String decision, AreaScope scope,
                              RedirectAttributes redirect) {
        access.require(Permission.REVIEW_MATCHES, AUDIT_MATCH, String.valueOf(id));
        var m = queue.match(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (m.villageCode() != null) {
            access.requireArea(scope, m.villageCode(), AUDIT_MATCH, String.valueOf(id));
        }
        boolean confirm = "confirm".equals(decision);
        try {
            queue.decideMatch(id, confirm, Access.currentUser());
            audit.recordDecision(AUDIT_MATCH, String.valueOf(id), (confirm ? "CONFIRMED" : "REJECTED")
                    + " candidate " + m.candidateKey() + " for " + m.dataset() + " row " + m.sourceRow());
            redirect.addFlashAttribute("decided", id);
        } catch (DecisionException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/matches";
    }

    /** The case, if the user may read personal data and the case lies in their township. */
    private Case scoped(long id, AreaScope scope) {
        access.require(Permission.READ_PERSONAL_DATA, AUDIT_CONFLICT, String.valueOf(id));
        Case c = queue.get(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        access.requireArea(scope, c.township(), AUDIT_CONFLICT, String.valueOf(id));
        return c;
    }

    /** ADMIN and ANALYST anywhere; a CADRE inside their township (the scope check has been made). */
    private static boolean mayResolve(Case c, AreaScope scope) {
        return Access.may(Permission.RESOLVE_CONFLICT) && Access.allows(scope, c.township());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
