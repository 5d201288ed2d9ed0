package org.olive.app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.olive.app.security.AreaScope;
import org.olive.app.security.OliveUser;
import org.olive.geography.Divisions;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts what the shared layout needs into every model: user, role, area scope, menus, the current path and
 * the months still being built behind the web app ({@link BuildStatus}). */
@ControllerAdvice
public class LayoutAdvice {

    private final Navigation navigation;
    private final Divisions divisions;
    private final BuildStatus build;

    public LayoutAdvice(Navigation navigation, Divisions divisions, BuildStatus build) {
        this.navigation = navigation;
        this.divisions = divisions;
        this.build = build;
    }

    @ModelAttribute
    public void layout(HttpServletRequest request, Model model) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        model.addAttribute("currentPath", path.isEmpty() ? "/" : path);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof OliveUser user) {
            model.addAttribute("currentUser", user);
            model.addAttribute("roleKey", user.role().messageKey());
            model.addAttribute("scope", AreaScope.of(user, divisions));
            model.addAttribute("nav", navigation.ledgers(user.role()));
            model.addAttribute("adminNav", navigation.administration(user.role()));
            model.addAttribute("build", build.view());
        }
    }
}
