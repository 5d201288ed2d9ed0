package org.olive.app.policy;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.olive.app.account.Permission;
import org.olive.app.audit.AuditLog;
import org.olive.app.ingest.Masking;
import org.olive.app.population.AreaNames;
import org.olive.app.security.Access;
import org.olive.app.security.AreaScope;
import org.olive.app.security.PersonalDataAccess;
import org.olive.app.web.PeriodChoice;
import org.olive.pipeline.policy.PolicyDesk;
import org.olive.pipeline.policy.PolicyReport;
import org.olive.policy.PolicyDefinitions.Policy;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The policy ledger's pages (政策一本账; docs/policies-web.md): {@code /policies}, the library with each policy's
 * counts in the user's area, a stacked chart and pilot indicator 7; {@code /policies/{code}}, a policy's rules, its
 * coverage by township and its three lists (covered, missed = the push list, leakage), paginated and filtered, with
 * the missed entries' handling and its form; the push list as XLSX; and the handling itself (POST, CSRF,
 * {@link Permission#HANDLE_POLICY}), written through {@code PolicyDesk}. Every role reads the pages; a cadre sees their
 * township only (another {@code township=} is refused by {@link PersonalDataAccess} and audited). Every view of the
 * lists, every export and every handling is audited; ID numbers are masked (docs/access.md).
 */
@Controller
public class PolicyController {

    /** Entries per page. */
    static final int PAGE_SIZE = 50;
    /** Audit subject types: a list of a policy, its push list's XLSX, a handling. */
    public static final String AUDIT_LIST = "POLICY_LIST";
    public static final String AUDIT_PUSH = "POLICY_PUSH_LIST";
    public static final String AUDIT_HANDLING = "POLICY_HANDLING";

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final PolicyBoard board;
    private final AreaNames areas;
    private final AuditLog audit;
    private final PersonalDataAccess access;
    private final MessageSource messages;

    public PolicyController(PolicyBoard board, AreaNames areas, AuditLog audit, PersonalDataAccess access,
                            MessageSource messages) {
        this.board = board;
        this.areas = areas;
        this.audit = audit;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/policies")
    public String library(@RequestParam(required = false) String period, AreaScope scope, Model model, Locale locale) {
        PeriodChoice choice = board.choice(period);
        choice.addTo(model);
        model.addAttribute("ledger", "policies");
        model.addAttribute("areas", areas);
        model.addAttribute("board", board);
        String t = Access.township(scope);
        model.addAttribute("township", t);
        if (choice.chosen() == null) {
            model.addAttribute("library", board.library(null));
            return "policy/policies";
        }
        PolicyReport report = board.report(choice.chosen(), t);
        model.addAttribute("library", board.library(report));
        model.addAttribute("coverage", report.coverage());
        return "policy/policies";
    }

    @GetMapping("/policies/{code}")
    public String policy(@PathVariable String code, @RequestParam(required = false) String period,
                         @RequestParam(required = false) String status, @RequestParam(required = false) String township,
                         @RequestParam(required = false) String handling, @RequestParam(defaultValue = "1") int page,
                         AreaScope scope, Model model) {
        Policy policy = board.policy(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no policy " + code));
        PeriodChoice choice = board.choice(period);
        choice.addTo(model);
        String t = access.rowsTownship(scope, township);
        String s = blank(status) == null ? "MISSED" : status.strip();
        if (!PolicyBoard.LISTS.contains(s)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status '" + s + "': expected one of "
                    + String.join(", ", PolicyBoard.LISTS));
        }
        String h = s.equals("MISSED") ? blank(handling) : null;
        if (h != null && !PolicyDesk.STATUSES.contains(h)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "handling '" + h + "': expected one of "
                    + String.join(", ", PolicyDesk.STATUSES));
        }
        model.addAttribute("ledger", "policies");
        model.addAttribute("policy", policy);
        model.addAttribute("board", board);
        model.addAttribute("areas", areas);
        model.addAttribute("status", s);
        model.addAttribute("handling", h);
        model.addAttribute("township", t);
        model.addAttribute("scopeTownship", Access.township(scope));
        model.addAttribute("townships", areas.divisions().townships().stream()
                .filter(d -> Access.allows(scope, d.code())).toList());
        model.addAttribute("mayHandle", Access.may(Permission.HANDLE_POLICY));
        model.addAttribute("mayOpen", Access.may(Permission.READ_PERSONAL_DATA));
        model.addAttribute("handlingStatuses", PolicyDesk.STATUSES);
        String chosen = choice.chosen();
        if (chosen == null) {
            return "policy/policy";
        }
        List<PolicyBoard.Area> byTownship = board.byTownship(chosen, code, Access.township(scope));
        model.addAttribute("byTownship", byTownship);
        model.addAttribute("total", new PolicyBoard.Area("", byTownship.stream().mapToLong(PolicyBoard.Area::covered).sum(),
                byTownship.stream().mapToLong(PolicyBoard.Area::missed).sum(),
                byTownship.stream().mapToLong(PolicyBoard.Area::leakage).sum()));
        PolicyBoard.EntryPage entries = board.entries(chosen, code, s, t, h, page, PAGE_SIZE);
        audit.recordView(AUDIT_LIST, code + " " + chosen, s + ", page " + entries.page() + ", " + entries.rows().size()
                + " of " + entries.total() + " rows" + (h == null ? "" : ", handling " + h)
                + (t == null ? "" : ", township " + t));
        model.addAttribute("entries", entries);
        return "policy/policy";
    }

    /** Sets the handling status of a missed entry (HANDLE_POLICY; the entry's township in the scope); audited. */
    @PostMapping("/policies/{code}/handling")
    public String handle(@PathVariable String code, @RequestParam String period, @RequestParam String kind,
                         @RequestParam String key, @RequestParam(required = false) String status,
                         @RequestParam(required = false) String note,
                         @RequestHeader(value = "HX-Request", required = false) String htmx, AreaScope scope, Model model,
                         HttpServletResponse response) {
        String subject = code + " " + period + " " + kind + " " + key;
        access.require(Permission.HANDLE_POLICY, AUDIT_HANDLING, subject);
        PolicyBoard.Entry entry = board.entry(period, code, kind, key)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no entry " + subject));
        access.requireArea(scope, entry.township(), AUDIT_HANDLING, subject);
        String error = null;
        try {
            board.handle(period, code, kind, key, status, note, Access.currentUser());
        } catch (PolicyDesk.HandlingException e) {
            error = e.getMessage();
        }
        String written = blank(note) == null ? "" : ": " + Masking.ids(note.strip());
        if (error != null) {
            audit.recordDecision(AUDIT_HANDLING, subject, "refused " + status + written + " (" + error + ")");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", error);
        } else {
            audit.recordDecision(AUDIT_HANDLING, subject, status + written);
            model.addAttribute("saved", true);
        }
        if (htmx == null) {
            if (error != null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, error);
            }
            return "redirect:/policies/" + code + "?period=" + period + "&status=MISSED";
        }
        model.addAttribute("e", board.entry(period, code, kind, key).orElse(entry));
        model.addAttribute("policy", board.policy(code).orElseThrow());
        model.addAttribute("period", period);
        model.addAttribute("mayHandle", true);
        model.addAttribute("handlingStatuses", PolicyDesk.STATUSES);
        model.addAttribute("history", board.history(code, kind, key));
        return "policy/policy :: handling";
    }

    /** The handling history of an entry (htmx fragment; the entry's township in the scope); audited as a view. */
    @GetMapping("/policies/{code}/handling")
    public String history(@PathVariable String code, @RequestParam String period, @RequestParam String kind,
                          @RequestParam String key, AreaScope scope, Model model) {
        String subject = code + " " + period + " " + kind + " " + key;
        PolicyBoard.Entry entry = board.entry(period, code, kind, key)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no entry " + subject));
        access.requireArea(scope, entry.township(), AUDIT_HANDLING, subject);
        List<PolicyDesk.Handling> history = board.history(code, kind, key);
        audit.recordView(AUDIT_HANDLING, subject, "history, " + history.size() + " rows");
        model.addAttribute("history", history);
        return "policy/policy :: history";
    }

    /** The push list (missed entries of the user's area) as XLSX, IDs masked; audited as an export. */
    @GetMapping("/policies/{code}/push.xlsx")
    public ResponseEntity<byte[]> push(@PathVariable String code, @RequestParam(required = false) String period,
                                       @RequestParam(required = false) String township, AreaScope scope) {
        Policy policy = board.policy(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no policy " + code));
        String t = access.rowsTownship(scope, township);
        String chosen = board.choice(period).chosen();
        if (chosen == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no run of step policies");
        }
        List<PolicyBoard.Entry> entries = board.pushList(chosen, code, t);
        byte[] body = PushListExport.xlsx(policy, chosen, entries, areas::of,
                k -> messages.getMessage(k, null, k, Locale.SIMPLIFIED_CHINESE));
        audit.recordExport(AUDIT_PUSH, code + " " + chosen, "XLSX, " + entries.size() + " rows, IDs masked"
                + (t == null ? "" : ", township " + t));
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(PushListExport.fileName(policy, chosen, t)).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
