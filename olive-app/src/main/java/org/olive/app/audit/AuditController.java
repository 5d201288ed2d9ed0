package org.olive.app.audit;

import java.time.ZoneId;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 审计日志: the latest audit events. Only for ADMIN (see SecurityConfiguration). */
@Controller
public class AuditController {

    static final int PAGE = 200;

    private final AuditLog audit;
    private final ZoneId displayZone;

    public AuditController(AuditLog audit, ZoneId displayZone) {
        this.audit = audit;
        this.displayZone = displayZone;
    }

    @GetMapping("/admin/audit")
    public String recent(Model model) {
        model.addAttribute("events", audit.recent(PAGE));
        model.addAttribute("zone", displayZone);
        model.addAttribute("limit", PAGE);
        return "admin/audit";
    }
}
