package org.olive.app.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before the password is checked: a login (POST {@code /login}) for a locked account or from a locked address is
 * refused and sent back to the login page, which says for how long. Not a bean (Boot would also register it outside
 * the security chain): {@link SecurityConfiguration} creates it.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final LoginAudit loginAudit;

    LoginThrottleFilter(LoginThrottle throttle, LoginAudit loginAudit) {
        this.throttle = throttle;
        this.loginAudit = loginAudit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().equals(request.getContextPath() + SecurityConfiguration.LOGIN);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<LoginThrottle.Lock> lock = throttle.lockOf(request.getParameter("username"), request.getRemoteAddr());
        if (lock.isPresent()) {
            loginAudit.refusedWhileLocked(request, response, lock.get());
            return;
        }
        chain.doFilter(request, response);
    }
}
