package org.olive.app.security;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

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
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * Records login success, login failure and logout in the audit log, counts failures in the {@link LoginThrottle}
 * (recording each lock it starts), then does what Spring Security would do.
 */
@Component
public class LoginAudit implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(LoginAudit.class);

    /** Subject type of a lock of an address (a lock of an account has subject type ACCOUNT). */
    public static final String ADDRESS = "ADDRESS";
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final ZoneId displayZone;
    private final SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
    private final SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/login?error");
    private final RedirectStrategy redirect = new DefaultRedirectStrategy();

    public LoginAudit(AuditLog audit, LoginThrottle throttle, ZoneId displayZone) {
        this.audit = audit;
        this.throttle = throttle;
        this.displayZone = displayZone;
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
        throttle.success(authentication.getName());
        success.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        String typed = request.getParameter("username");
        String attempted = attempted(typed);
        // the reason is kept for the audit trail only; the login page says the same thing for every failure
        String reason = exception instanceof AccountStatusException ? "account " + exception.getClass().getSimpleName()
                : "bad credentials";
        audit.record(new AuditEvent(null, null, attempted, null, AuditAction.LOGIN_FAILURE, "ACCOUNT", attempted,
                AuditEvent.Outcome.FAILURE, request.getRemoteAddr(), reason));
        log.warn("failed login for '{}' from {}: {}", attempted, request.getRemoteAddr(), reason);
        List<LoginThrottle.Lock> locks = throttle.failure(typed, request.getRemoteAddr());
        if (locks.isEmpty()) {
            failure.onAuthenticationFailure(request, response, exception);
            return;
        }
        long minutes = 0;
        for (LoginThrottle.Lock lock : locks) {
            boolean account = lock.kind() == LoginThrottle.Kind.ACCOUNT;
            audit.record(new AuditEvent(null, null, attempted, null, AuditAction.LOGIN_LOCKED,
                    account ? "ACCOUNT" : ADDRESS, lock.key(), AuditEvent.Outcome.FAILURE, request.getRemoteAddr(),
                    lock.failures() + " failed logins " + (account ? "for this account" : "from this address")
                            + "; lock " + lock.level() + " for " + lock.duration().toMinutes() + " min until "
                            + UNTIL.format(lock.until().atZone(displayZone))));
            log.warn("login locked: {} {} for {} after {} failures", lock.kind(), lock.key(), lock.duration(),
                    lock.failures());
            minutes = Math.max(minutes, lock.minutesLeft(throttle.now()));
        }
        redirect.sendRedirect(request, response, SecurityConfiguration.LOGIN + "?locked=" + minutes);
    }

    /**
     * A login refused, before its password was checked, because the account or the address is locked: recorded as a
     * failed login (the same page for an existing and an unknown username), then back to the login page.
     */
    void refusedWhileLocked(HttpServletRequest request, HttpServletResponse response, LoginThrottle.Lock lock)
            throws IOException {
        String attempted = attempted(request.getParameter("username"));
        String what = lock.kind() == LoginThrottle.Kind.ACCOUNT ? "account" : "address " + lock.key();
        audit.record(new AuditEvent(null, null, attempted, null, AuditAction.LOGIN_FAILURE, "ACCOUNT", attempted,
                AuditEvent.Outcome.FAILURE, request.getRemoteAddr(), "refused: " + what + " locked until "
                + UNTIL.format(lock.until().atZone(displayZone))));
        redirect.sendRedirect(request, response, SecurityConfiguration.LOGIN + "?locked="
                + lock.minutesLeft(throttle.now()));
    }

    private static String attempted(String typed) {
        return typed == null || typed.isBlank() ? "?" : typed.strip();
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
