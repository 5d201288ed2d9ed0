package org.olive.app.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

import java.util.List;

import org.olive.app.security.AreaScopeArgumentResolver;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Makes {@code AreaScope} available as a controller method parameter. */
@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    private final AreaScopeArgumentResolver areaScopeResolver;

    public WebConfiguration(AreaScopeArgumentResolver areaScopeResolver) {
        this.areaScopeResolver = areaScopeResolver;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(areaScopeResolver);
    }
}
