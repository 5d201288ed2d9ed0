package org.olive.app.security;

import org.olive.geography.Divisions;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controller methods declare a parameter {@code AreaScope scope}: the scope of the logged-in user. */
@Component
public class AreaScopeArgumentResolver implements HandlerMethodArgumentResolver {

    private final Divisions divisions;

    public AreaScopeArgumentResolver(Divisions divisions) {
        this.divisions = divisions;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return AreaScope.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        return current(divisions);
    }

    /** The scope of the current user; access denied when nobody (or no Olive user) is logged in. */
    public static AreaScope current(Divisions divisions) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof OliveUser u) {
            return AreaScope.of(u, divisions);
        }
        throw new AccessDeniedException("no area scope without a logged-in user");
    }
}
