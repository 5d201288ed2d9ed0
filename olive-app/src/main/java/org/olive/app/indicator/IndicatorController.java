package org.olive.app.indicator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.olive.app.account.Permission;
import org.olive.app.audit.AuditLog;
import org.olive.app.security.Access;
import org.olive.app.security.PersonalDataAccess;
import org.olive.indicator.registry.Indicator;
import org.olive.indicator.registry.IndicatorRegistry;
import org.olive.pipeline.indicator.IndicatorValue;
import org.olive.pipeline.indicator.IndicatorValues;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /indicators}: the indicator registry — the county's 61 target indicators (2021) and the pilot's 8 (2023),
 * grouped by category, with baseline, the chosen year's target in its own form, the year's value and its verdict.
 * {@code /indicators/{id}}: one indicator's targets, yearly verdicts and value history; {@link Role#ADMIN} and
 * {@link Role#ANALYST} enter values of indicators Olive does not compute there. Every entry is audited. The page
 * shows aggregate figures only (no personal data), so viewing it is not audited.
 */
@Controller
public class IndicatorController {

    static final String AUDIT_SUBJECT = "INDICATOR";

    private final IndicatorRegistry registry;
    private final IndicatorBoard board;
    private final IndicatorEntry entry;
    private final IndicatorValues values;
    private final AuditLog audit;
    private final PersonalDataAccess access;

    public IndicatorController(IndicatorRegistry registry, IndicatorBoard board, IndicatorEntry entry,
                               IndicatorValues values, AuditLog audit, PersonalDataAccess access) {
        this.registry = registry;
        this.board = board;
        this.entry = entry;
        this.values = values;
        this.audit = audit;
        this.access = access;
    }

    @GetMapping("/indicators")
    public String list(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? board.defaultYear() : year;
        if (y < IndicatorBoard.FIRST_YEAR || y > IndicatorBoard.LAST_YEAR) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "year " + y + " outside "
                    + IndicatorBoard.FIRST_YEAR + "-" + IndicatorBoard.LAST_YEAR);
        }
        model.addAttribute("year", y);
        model.addAttribute("firstYear", IndicatorBoard.FIRST_YEAR);
        model.addAttribute("lastYear", IndicatorBoard.LAST_YEAR);
        model.addAttribute("sets", board.board(y));
        model.addAttribute("version", registry.version());
        return "indicator/list";
    }

    @GetMapping("/indicators/{id}")
    public String detail(@PathVariable String id, Model model) {
        Indicator indicator = indicator(id);
        fill(model, indicator);
        return "indicator/detail";
    }

    @PostMapping("/indicators/{id}/values")
    public String enter(@PathVariable String id, @RequestParam(required = false) String year,
                        @RequestParam(required = false) String value, @RequestParam(required = false) String note,
                        Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Indicator indicator = indicator(id);
        access.require(Permission.ENTER_INDICATOR, AUDIT_SUBJECT, indicator.id());
        IndicatorValue stored;
        try {
            stored = entry.enter(indicator, year, value, note, Access.currentUser());
        } catch (IndicatorEntry.EntryException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            fill(model, indicator);
            model.addAttribute("errorKey", e.key());
            model.addAttribute("errorArgs", e.arguments());
            model.addAttribute("formYear", year);
            model.addAttribute("formValue", value);
            model.addAttribute("formNote", note);
            return "indicator/detail";
        }
        audit.recordEntry(AUDIT_SUBJECT, indicator.id(), stored.period() + " = "
                + IndicatorBoard.plain(stored.value()) + (indicator.unit().isEmpty() ? "" : " " + indicator.unit())
                + (stored.note() == null ? "" : "; " + stored.note()));
        redirect.addFlashAttribute("entered", stored.period().text());
        return "redirect:/indicators/" + indicator.id();
    }

    private void fill(Model model, Indicator indicator) {
        model.addAttribute("indicator", indicator);
        model.addAttribute("set", registry.set(indicator.setId()).orElseThrow());
        model.addAttribute("rows", board.years(indicator));
        List<IndicatorValue> history = new ArrayList<>(values.history(indicator.id()));
        Collections.reverse(history);
        model.addAttribute("history", history);
        model.addAttribute("mayEnter", mayEnter() && !indicator.computed());
        model.addAttribute("maxNote", IndicatorValues.MAX_NOTE);
        model.addAttribute("defaultYear", board.defaultYear());
    }

    private Indicator indicator(String id) {
        return registry.indicator(id).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no indicator " + id));
    }

    private static boolean mayEnter() {
        return Access.may(Permission.ENTER_INDICATOR);
    }
}
