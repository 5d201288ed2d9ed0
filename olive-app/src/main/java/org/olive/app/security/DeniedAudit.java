package org.olive.app.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.olive.app.audit.AuditAction;
import org.olive.app.audit.AuditEvent;
import org.olive.app.audit.AuditLog;
import org.olive.app.ingest.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * Every refusal of a logged-in user's request passes here — a URL rule of {@link SecurityConfiguration}, a refusal of
 * {@link PersonalDataAccess} inside a controller, a missing or wrong CSRF token — and becomes one audit event
 * {@link AuditAction#ACCESS_DENIED} (outcome FAILURE) with the user, their role, the target, the reason and the
 * address, before the /denied page is shown with status 403. The detail names the request (method, path and the
 * values of the plain filter parameters; free-text values such as a search are left out) with ID numbers masked.
 */
@Component
public class DeniedAudit implements AccessDeniedHandler {

    /** Audit subject type of a page refused by a URL rule or the CSRF filter; the subject id is its path. */
    public static final String PAGE = "PAGE";

    /** Query parameters whose values are codes or choices, kept in the detail; others are written as "…". */
    static final Set<String> PLAIN_PARAMETERS = Set.of("period", "list", "township", "village", "sex", "age", "status",
            "kind", "bracket", "line", "urban", "page", "year", "lang");

    private static final Logger log = LoggerFactory.getLogger(DeniedAudit.class);

    private final AuditLog audit;
    private final AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();

    public DeniedAudit(AuditLog audit) {
        this.audit = audit;
        page.setErrorPage("/denied");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String type = PAGE;
        String id = path;
        String reason;
        if (denied instanceof AccessRefusal r) {
            type = r.targetType();
            id = r.targetId();
            reason = r.getMessage();
        } else if (denied instanceof CsrfException) {
            reason = "CSRF token missing or invalid";
        } else {
            reason = "URL rule: role " + role() + " may not open " + path;
        }
        String detail = Masking.ids(reason + " — " + request.getMethod() + " " + path + query(request.getQueryString()));
        String actor = actor();
        audit.record(new AuditEvent(null, null, actor, role(), AuditAction.ACCESS_DENIED, type, Masking.ids(id),
                AuditEvent.Outcome.FAILURE, request.getRemoteAddr(), detail));
        log.warn("access denied to {} ({}) from {}: {}", actor, role(), request.getRemoteAddr(), detail);
        page.handle(request, response, denied);
    }

    /** The query string with the values of free-text parameters left out, decoded; "" without one. */
    static String query(String queryString) {
        if (queryString == null || queryString.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String pair : queryString.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? null : decode(pair.substring(eq + 1));
            parts.add(value == null ? name : name + "=" + (PLAIN_PARAMETERS.contains(name) ? value : "…"));
        }
        return "?" + String.join("&", parts);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "anonymous" : auth.getName();
    }

    private static String role() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof OliveUser u ? u.role().name() : null;
    }
}
