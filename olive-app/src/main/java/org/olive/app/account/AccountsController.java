package org.olive.app.account;

import java.time.ZoneId;

import org.olive.geography.Divisions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 账号管理: the list of accounts (read-only for now). Only for ADMIN (see SecurityConfiguration). */
@Controller
public class AccountsController {

    private final AccountService accounts;
    private final Divisions divisions;
    private final ZoneId displayZone;

    public AccountsController(AccountService accounts, Divisions divisions, ZoneId displayZone) {
        this.accounts = accounts;
        this.divisions = divisions;
        this.displayZone = displayZone;
    }

    @GetMapping("/admin/accounts")
    public String list(Model model) {
        model.addAttribute("accounts", accounts.findAll());
        model.addAttribute("divisions", divisions);
        model.addAttribute("zone", displayZone);
        return "admin/accounts";
    }
}
