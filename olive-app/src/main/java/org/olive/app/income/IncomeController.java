package org.olive.app.income;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.olive.app.account.Permission;
import org.olive.app.audit.AuditLog;
import org.olive.app.person.PersonController;
import org.olive.app.person.PersonDirectory;
import org.olive.app.population.AreaNames;
import org.olive.app.security.Access;
import org.olive.app.security.AreaScope;
import org.olive.app.security.PersonalDataAccess;
import org.olive.income.Component;
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
 * 收入一本账 pages: the families of a period by bracket, line, area and income range ({@code /income/families}, the
 * cockpit's drill-down; {@code /income} is the same list unfiltered), a person's income items with their provenance
 * ({@code /income/persons/{key}?period=}), and declared corrections (申报更正: ADMIN and ANALYST only, reason
 * required, audited; they apply from the next run of their period). Every view of families' or persons' income is
 * audited. {@link PersonalDataAccess} decides what a user sees: a cadre lists their township's families and sees a
 * person's income only in the periods the person belonged to it; the policy officer gets the list's totals without
 * its rows (docs/access.md).
 */
@Controller
public class IncomeController {

    /** Families per page of the list. */
    static final int PAGE_SIZE = 50;
    /** Audit subject of a declaration. */
    public static final String DECLARATION_SUBJECT = "INCOME_DECLARATION";

    /** The filter values of the pages before issue 12 (bookmarked links): 10_50 and 20_60, marginal. */
    static final java.util.Map<String, String> OLD_VALUES = java.util.Map.of("10_50", "middle_10_50",
            "20_60", "middle_20_60", "marginal", "dibian");

    private final IncomeLedger ledger;
    private final PersonDirectory persons;
    private final AreaNames areas;
    private final AuditLog audit;
    private final PersonalDataAccess access;

    public IncomeController(IncomeLedger ledger, PersonDirectory persons, AreaNames areas, AuditLog audit,
                            PersonalDataAccess access) {
        this.ledger = ledger;
        this.persons = persons;
        this.areas = areas;
        this.audit = audit;
        this.access = access;
    }

    @GetMapping({"/income", "/income/families"})
    public String families(@RequestParam(required = false) String period,
                           @RequestParam(required = false) String township,
                           @RequestParam(required = false) String bracket,
                           @RequestParam(required = false) String line,
                           @RequestParam(required = false) Boolean urban,
                           @RequestParam(required = false) BigDecimal min,
                           @RequestParam(required = false) BigDecimal max,
                           @RequestParam(defaultValue = "1") int page, AreaScope scope, Model model) {
        String b = blank(bracket);
        String l = blank(line);
        b = b == null ? null : OLD_VALUES.getOrDefault(b, b);
        l = l == null ? null : OLD_VALUES.getOrDefault(l, l);
        // the brackets are the county profile's (income.yaml brackets:), the lines those it defines
        if (b != null && !ledger.knownBracket(b) || l != null && !ledger.lines().contains(l)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown bracket or line");
        }
        String t = blank(township);
        if (t != null) {
            String code = areas.township(t);
            if (code == null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown township " + t);
            }
            access.requireArea(scope, code, "TOWNSHIP", code);
            t = code;
        } else {
            t = Access.township(scope);
        }
        String chosen = ledger.choose(period);
        model.addAttribute("ledger", "income");
        model.addAttribute("periods", ledger.periods());
        model.addAttribute("period", chosen);
        model.addAttribute("unknownPeriod", period != null && !period.isBlank() && !period.equals(chosen));
        model.addAttribute("areas", areas);
        model.addAttribute("townships", areas.divisions().townships().stream()
                .filter(d -> Access.allows(scope, d.code())).toList());
        IncomeLedger.Filter filter = new IncomeLedger.Filter(chosen, t, b, l, urban, min, max);
        model.addAttribute("filter", filter);
        model.addAttribute("brackets", ledger.brackets(chosen));
        model.addAttribute("lines", ledger.lines());
        boolean rows = Access.may(Permission.READ_PERSONAL_DATA);
        model.addAttribute("personalRows", rows);
        if (chosen != null) {
            IncomeLedger.FamilyPage result = ledger.families(filter, page, PAGE_SIZE);
            if (rows) {
                audit.recordView("FAMILY", "income list " + chosen, describe(filter) + ", page " + result.page());
            } else {
                // the totals only: no family, no name, nothing to audit
                result = new IncomeLedger.FamilyPage(List.of(), result.total(), result.persons(), 1, 1);
            }
            model.addAttribute("families", result);
        }
        return "income/families";
    }

    /** The filter in words for the audit trail. */
    static String describe(IncomeLedger.Filter f) {
        List<String> parts = new ArrayList<>();
        if (f.township() != null) {
            parts.add("township " + f.township());
        }
        if (f.bracket() != null) {
            parts.add("bracket " + f.bracket());
        }
        if (f.line() != null) {
            parts.add("line " + f.line());
        }
        if (f.urban() != null) {
            parts.add(f.urban() ? "urban" : "rural");
        }
        if (f.min() != null || f.max() != null) {
            parts.add("three-person DI " + (f.min() == null ? "" : f.min().toPlainString()) + ".."
                    + (f.max() == null ? "" : f.max().toPlainString()));
        }
        return parts.isEmpty() ? "all families" : String.join(", ", parts);
    }

    @GetMapping("/income/persons/{key}")
    public String person(@PathVariable long key, @RequestParam(required = false) String period, AreaScope scope,
                         Model model) {
        PersonDirectory.Person p = persons.person(key)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        PersonalDataAccess.Window window = access.person(key, period, scope);
        List<String> periods = window.filter(ledger.personPeriods(key), x -> x);
        String shown = periods.contains(window.shown()) ? window.shown() : periods.isEmpty() ? null : periods.get(0);
        IncomeLedger.PersonIncome income = shown == null ? null : ledger.person(key, shown).orElse(null);
        audit.recordView(PersonController.AUDIT_SUBJECT, "person " + key, "income, period " + (shown == null ? "-" : shown));
        model.addAttribute("ledger", "income");
        model.addAttribute("person", p);
        model.addAttribute("periods", periods);
        model.addAttribute("period", shown);
        model.addAttribute("income", income);
        model.addAttribute("items", shown == null ? List.of() : ledger.items(key, shown));
        // a cadre sees the corrections that take effect within the periods they may see
        model.addAttribute("declarations", window.restricted() ? ledger.declarations(key).stream()
                .filter(d -> d.effectiveFrom().compareTo(window.last()) <= 0).toList() : ledger.declarations(key));
        model.addAttribute("mayDeclare", mayDeclare());
        model.addAttribute("components", Component.values());
        model.addAttribute("areas", areas);
        return "income/person";
    }

    @PostMapping("/income/persons/{key}/declarations")
    public String declare(@PathVariable long key, @RequestParam String component, @RequestParam BigDecimal amount,
                          @RequestParam String effectiveFrom, @RequestParam(required = false) String reason,
                          @RequestParam(required = false) String period, AreaScope scope,
                          RedirectAttributes redirect) {
        access.require(Permission.DECLARE_INCOME, DECLARATION_SUBJECT, "person " + key);
        persons.person(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Component c;
        try {
            c = Component.valueOf(component);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown component " + component);
        }
        String back = "redirect:/income/persons/" + key + (period == null || period.isBlank() ? "" : "?period=" + period);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 1000) {
            redirect.addFlashAttribute("declarationError", "income.declare.error.reason");
            return back;
        }
        if (!effectiveFrom.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            redirect.addFlashAttribute("declarationError", "income.declare.error.period");
            return back;
        }
        if (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 16) {
            redirect.addFlashAttribute("declarationError", "income.declare.error.amount");
            return back;
        }
        long id = ledger.declare(key, c.name(), amount, effectiveFrom, why, Access.currentUser());
        audit.recordEntry(DECLARATION_SUBJECT, String.valueOf(id), "person " + key + ", " + c.name() + " "
                + amount.toPlainString() + " from " + effectiveFrom + ": " + why);
        redirect.addFlashAttribute("declared", effectiveFrom);
        return back;
    }

    @PostMapping("/income/declarations/{id}/withdraw")
    public String withdraw(@PathVariable long id, @RequestParam(required = false) String reason,
                           RedirectAttributes redirect) {
        access.require(Permission.DECLARE_INCOME, DECLARATION_SUBJECT, String.valueOf(id));
        IncomeLedger.Declaration d = ledger.declaration(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String back = "redirect:/income/persons/" + d.personKey();
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            redirect.addFlashAttribute("declarationError", "income.declare.error.reason");
            return back;
        }
        if (ledger.withdraw(id, Access.currentUser())) {
            audit.recordEntry(DECLARATION_SUBJECT, String.valueOf(id), "withdrawn: " + why);
            redirect.addFlashAttribute("withdrawn", d.effectiveFrom());
        }
        return back;
    }

    /** Whether the current role may declare or withdraw a correction (ADMIN, ANALYST). */
    static boolean mayDeclare() {
        return Access.may(Permission.DECLARE_INCOME);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
