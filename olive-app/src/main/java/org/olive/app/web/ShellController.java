package org.olive.app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.olive.app.security.AccessRefusal;
import org.olive.app.security.AreaScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.security.web.WebAttributes;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Login page, home (redirects to the cockpit, {@code org.olive.app.cockpit}) and the placeholder pages of the ledgers
 * still to come.
 */
@Controller
public class ShellController {

    private final boolean demo;

    public ShellController(@Value("${olive.demo.accounts:false}") boolean demo) {
        this.demo = demo;
    }

    /** {@code ?locked=N}: too many failed logins, locked for N more minutes (see {@code LoginThrottle}). */
    @GetMapping("/login")
    public String login(@RequestParam(required = false) String locked, Model model) {
        model.addAttribute("demo", demo);
        if (locked != null && locked.matches("[0-9]{1,4}")) {
            model.addAttribute("lockedMinutes", Math.max(1, Integer.parseInt(locked)));
        }
        return "login";
    }

    @GetMapping("/")
    public String home() {
        return "redirect:/cockpit";
    }

    @GetMapping("/{ledger:map}")
    public String ledger(@PathVariable String ledger, AreaScope scope, Model model) {
        model.addAttribute("ledger", ledger);
        return "ledger";
    }

    /**
     * Where Spring Security forwards when a logged-in user may not see a page (status 403 is already set, the refusal
     * is audited): says why in words when {@code PersonalDataAccess} refused (role, township or period).
     */
    @RequestMapping("/denied")
    public String denied(HttpServletRequest request, Model model) {
        if (request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof AccessRefusal r) {
            model.addAttribute("reasonKey", "denied.reason." + r.kind().name());
        }
        model.addAttribute("audited", request.getAttribute(WebAttributes.ACCESS_DENIED_403) != null);
        return "denied";
    }
}
