package org.olive.app.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.olive.app.audit.AuditAction;
import org.olive.app.audit.AuditEvent;
import org.olive.app.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/** Records login success, login failure and logout in the audit log, then does what Spring Security would do. */
@Component
public class LoginAudit implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(LoginAudit.class);

    private final AuditLog audit;
    private final SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
    private final SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/login?error");

    public LoginAudit(AuditLog audit) {
        this.audit = audit;
        // without a saved request (the user opened /login directly) the cockpit is the landing page
        success.setDefaultTargetUrl("/cockpit");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        audit.record(new AuditEvent(null, null, authentication.getName(), role(authentication),
                AuditAction.LOGIN_SUCCESS, "ACCOUNT", authentication.getName(), AuditEvent.Outcome.SUCCESS,
                request.getRemoteAddr(), null));
        log.info("login {} from {}", authentication.getName(), request.getRemoteAddr());
        success.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        String attempted = request.getParameter("username");
        attempted = attempted == null || attempted.isBlank() ? "?" : attempted.strip();
        // the reason is kept for the audit trail only; the login page says the same thing for every failure
        String reason = exception instanceof AccountStatusException ? "account " + exception.getClass().getSimpleName()
                : "bad credentials";
        audit.record(new AuditEvent(null, null, attempted, null, AuditAction.LOGIN_FAILURE, "ACCOUNT", attempted,
                AuditEvent.Outcome.FAILURE, request.getRemoteAddr(), reason));
        log.warn("failed login for '{}' from {}: {}", attempted, request.getRemoteAddr(), reason);
        failure.onAuthenticationFailure(request, response, exception);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null) {
            audit.record(new AuditEvent(null, null, authentication.getName(), role(authentication), AuditAction.LOGOUT,
                    "ACCOUNT", authentication.getName(), AuditEvent.Outcome.SUCCESS, request.getRemoteAddr(), null));
        }
    }

    private static String role(Authentication a) {
        return a.getPrincipal() instanceof OliveUser u ? u.role().name() : null;
    }
}
