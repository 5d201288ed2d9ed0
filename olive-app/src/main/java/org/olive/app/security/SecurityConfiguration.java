package org.olive.app.security;

import org.olive.app.account.Permission;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Form login on {@code /login}, everything else needs a logged-in user. The pages of a {@link Permission} need a role
 * that has it (docs/access.md): {@code /admin/**} ADMINISTER, data intake ({@code /ingest/**}: rejected rows with
 * personal data, unmasked downloads) DATA_INTAKE, the pages with personal rows ({@link #PERSONAL_PAGES})
 * READ_PERSONAL_DATA; the controllers check the rest through {@link PersonalDataAccess}. Every refusal goes through
 * {@link DeniedAudit} (audited, then the /denied page). CSRF protection
 * is on (Thymeleaf adds the token to every form), sessions change id at login (fixation protection), there is no
 * remember-me: nothing about the user is kept in the browser beyond the session cookie. Repeated failed logins lock the
 * account or the address for a while ({@link LoginThrottle}).
 */
@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String LOGIN = "/login";

    /** Scripts only from this server (no inline script, no CDN); ECharts and htmx set inline styles. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** The pages with personal rows: persons, families, a person's income and declarations, conflicts, matches, CSV. */
    static final String[] PERSONAL_PAGES = {"/persons", "/persons/**", "/families", "/families/**",
            "/income/persons/**", "/income/declarations/**", "/conflicts", "/conflicts/**", "/matches", "/matches/**",
            "/cases", "/cases/**",
            "/population/members.csv"};

    @Bean
    public SecurityFilterChain securityFilterChain(HttpSecurity http, LoginAudit loginAudit, LoginThrottle throttle,
                                                   DeniedAudit deniedAudit)
            throws Exception {
        http
                // after the CSRF check, before the password check
                .addFilterBefore(new LoginThrottleFilter(throttle, loginAudit), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico",
                                LOGIN, "/error").permitAll()
                        .requestMatchers("/admin/**").hasAnyRole(Permission.ADMINISTER.roleNames())
                        .requestMatchers("/ingest", "/ingest/**").hasAnyRole(Permission.DATA_INTAKE.roleNames())
                        .requestMatchers("/whatif", "/whatif/**").hasAnyRole(Permission.RUN_WHATIF.roleNames())
                        // the policy simulation (docs/policy-simulation.md): aggregates, like the what-if
                        .requestMatchers("/policies/simulate", "/policies/simulate/**")
                        .hasAnyRole(Permission.RUN_WHATIF.roleNames())
                        .requestMatchers(PERSONAL_PAGES).hasAnyRole(Permission.READ_PERSONAL_DATA.roleNames())
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage(LOGIN)
                        .successHandler(loginAudit)
                        .failureHandler(loginAudit)
                        .permitAll())
                .logout(logout -> logout
                        .addLogoutHandler(loginAudit)
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(ex -> ex.accessDeniedHandler(deniedAudit))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }
}
