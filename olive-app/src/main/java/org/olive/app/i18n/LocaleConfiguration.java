package org.olive.app.i18n;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese first: every page is zh-CN whatever the browser asks for, until the user switches with {@code ?lang=en}
 * (or back with {@code ?lang=zh-CN}); the choice is kept in the cookie {@value #COOKIE}.
 */
@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
public class LocaleConfiguration implements WebMvcConfigurer {

    public static final String COOKIE = "olive_lang";
    public static final String PARAM = "lang";
    public static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    @Bean
    public LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE) {
            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                super.setLocale(request, response, supported(locale));
            }

            @Override
            public LocaleContext resolveLocaleContext(HttpServletRequest request) {
                LocaleContext context = super.resolveLocaleContext(request);
                TimeZone zone = context instanceof TimeZoneAwareLocaleContext t ? t.getTimeZone() : null;
                return new SimpleTimeZoneAwareLocaleContext(supported(context.getLocale()), zone);
            }
        };
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    /** Any Chinese → zh-CN, any English → en, anything else → the default zh-CN. */
    static Locale supported(Locale locale) {
        if (locale != null && "en".equals(locale.getLanguage())) {
            return Locale.ENGLISH;
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName(PARAM);
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
