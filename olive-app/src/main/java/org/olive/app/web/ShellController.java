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

    @GetMapping("/login")
    public String login(Model model) {
        model.addAttribute("demo", demo);
        return "login";
    }

    @GetMapping("/")
    public String home() {
        return "redirect:/cockpit";
    }

    @GetMapping("/{ledger:groups|warnings|policies|map}")
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
