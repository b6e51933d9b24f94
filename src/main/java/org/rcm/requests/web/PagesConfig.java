package org.rcm.requests.web;

import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/** The pages' language: Spanish unless the browser prefers English, switched with {@code ?lang=en|es}. */
@Configuration(proxyBeanMethods = false)
class PagesConfig implements WebMvcConfigurer {

    static final Locale SPANISH = Locale.forLanguageTag("es");

    @Bean
    LocaleResolver localeResolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver() {
            @Override
            public Locale resolveLocale(jakarta.servlet.http.HttpServletRequest request) {
                Locale locale = super.resolveLocale(request);
                return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : SPANISH;
            }
        };
        // no Accept-Language header: Spanish, the Conference's first language, not the server's locale
        resolver.setDefaultLocaleFunction(request -> request.getHeader("Accept-Language") == null ? SPANISH
                : request.getLocale());
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
