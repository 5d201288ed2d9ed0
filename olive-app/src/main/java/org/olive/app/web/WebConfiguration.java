package org.olive.app.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

import java.time.Duration;
import java.util.List;

import org.olive.app.security.AreaScopeArgumentResolver;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes {@code AreaScope} available as a controller method parameter, and serves the static files under their own
 * paths only ({@code spring.web.resources.add-mappings=false}): with Spring Boot's default mapping of {@code /**} and
 * the resource chain that webjars-locator-lite turns on, every {@code @{...}} link of every page was looked up as a
 * static resource inside the jar, and under 20 concurrent users the request threads queued on the class loader's
 * lock (docs/benchmarks.md, "web pages read precomputed figures").
 */
@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    private final AreaScopeArgumentResolver areaScopeResolver;

    public WebConfiguration(AreaScopeArgumentResolver areaScopeResolver) {
        this.areaScopeResolver = areaScopeResolver;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl cache = CacheControl.maxAge(Duration.ofHours(1));
        for (String dir : List.of("css", "js", "images")) {
            registry.addResourceHandler("/" + dir + "/**").addResourceLocations("classpath:/static/" + dir + "/")
                    .setCacheControl(cache);
        }
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(cache).resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(areaScopeResolver);
    }
}
