package org.olive.app.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 审计日志: the audit trail, newest first, {@value #PAGE_SIZE} events a page, filtered by actor, action, subject and
 * dates, and exported (CSV or XLSX) as filtered; each export is itself audited. Only for ADMIN (see
 * SecurityConfiguration).
 */
@Controller
public class AuditController {

    static final int PAGE_SIZE = 50;
    /** Most events in one export (the newest); the page says so when the filter selects more. */
    static final int EXPORT_MAX = 100_000;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AuditQueries queries;
    private final AuditLog audit;
    private final MessageSource messages;
    private final ZoneId displayZone;

    public AuditController(AuditQueries queries, AuditLog audit, MessageSource messages, ZoneId displayZone) {
        this.queries = queries;
        this.audit = audit;
        this.messages = messages;
        this.displayZone = displayZone;
    }

    @GetMapping("/admin/audit")
    public String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                       @RequestParam(required = false) String subjectType,
                       @RequestParam(required = false) String subjectId, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to, @RequestParam(defaultValue = "1") int page,
                       Model model) {
        LocalDate fromDate = date(from);
        LocalDate toDate = date(to);
        AuditFilter filter = new AuditFilter(actor, action(action), subjectType, subjectId, fromDate, toDate);
        AuditQueries.AuditPage events = queries.page(filter, page, PAGE_SIZE);
        model.addAttribute("filter", filter);
        model.addAttribute("events", events);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("subjectTypes", queries.subjectTypes());
        model.addAttribute("badDate", (from != null && !from.isBlank() && fromDate == null)
                || (to != null && !to.isBlank() && toDate == null));
        model.addAttribute("exportMax", EXPORT_MAX);
        model.addAttribute("zone", displayZone);
        return "admin/audit";
    }

    /** The filtered events as {@code audit.csv} or {@code audit.xlsx} (the newest {@value #EXPORT_MAX} at most). */
    @GetMapping("/admin/audit/export.{format:csv|xlsx}")
    public void export(@PathVariable String format, @RequestParam(required = false) String actor,
                       @RequestParam(required = false) String action,
                       @RequestParam(required = false) String subjectType,
                       @RequestParam(required = false) String subjectId, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to, Locale locale, HttpServletResponse response)
            throws IOException {
        AuditFilter filter = new AuditFilter(actor, action(action), subjectType, subjectId, date(from), date(to));
        long maxId = queries.maxId();
        long total = queries.count(filter, maxId);
        long exported = Math.min(total, EXPORT_MAX);
        // audited before a byte leaves: a download cut half-way still shows
        audit.recordAuditExport(format.toUpperCase(Locale.ROOT) + ", " + exported + " events"
                + (total > exported ? " (newest of " + total + ")" : "") + ", " + filter.describe());
        response.setContentType("csv".equals(format) ? "text/csv;charset=UTF-8" : XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("审计日志_" + LocalDate.now(displayZone) + "." + format, StandardCharsets.UTF_8).build()
                .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        AuditExport writer = new AuditExport(messages, locale, displayZone);
        AuditExport.Rows rows = each -> queries.forEach(filter, maxId, EXPORT_MAX, each);
        OutputStream out = response.getOutputStream();
        if ("csv".equals(format)) {
            writer.csv(out, rows);
        } else {
            writer.xlsx(out, rows);
        }
        out.flush();
    }

    private static AuditAction action(String name) {
        return name == null ? null : Arrays.stream(AuditAction.values()).filter(a -> a.name().equals(name.strip()))
                .findFirst().orElse(null);
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
