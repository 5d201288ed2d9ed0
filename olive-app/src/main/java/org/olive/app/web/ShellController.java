package org.olive.app.web;

import java.util.List;

import org.olive.app.security.AreaScope;
import org.olive.geography.Divisions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** Login page, home (the cockpit) and the placeholder pages of the ledgers still to come. */
@Controller
public class ShellController {

    /** One bar of the cockpit's demonstration chart. */
    public record TownshipVillages(String code, String name, int villages) {
    }

    private final Divisions divisions;
    private final boolean demo;

    public ShellController(Divisions divisions, @Value("${olive.demo.accounts:false}") boolean demo) {
        this.divisions = divisions;
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

    @GetMapping("/cockpit")
    public String cockpit(AreaScope scope, Model model) {
        List<TownshipVillages> townships = divisions.townships().stream()
                .map(t -> new TownshipVillages(t.code(), t.name(), divisions.villagesOf(t.code()).size()))
                .toList();
        model.addAttribute("ledger", "cockpit");
        model.addAttribute("townships", townships);
        model.addAttribute("villageTotal", townships.stream().mapToInt(TownshipVillages::villages).sum());
        return "cockpit";
    }

    @GetMapping("/{ledger:income|groups|warnings|policies|map}")
    public String ledger(@PathVariable String ledger, AreaScope scope, Model model) {
        model.addAttribute("ledger", ledger);
        return "ledger";
    }

    /** Where Spring Security forwards when a logged-in user may not see a page (status 403 is already set). */
    @RequestMapping("/denied")
    public String denied() {
        return "denied";
    }
}
