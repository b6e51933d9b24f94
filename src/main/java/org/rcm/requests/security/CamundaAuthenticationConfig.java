package org.rcm.requests.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the user that Spring Security authenticated to the Camunda webapps (Tasklist, Cockpit, Admin: Camunda's
 * container-based authentication) and to the engine's REST API; both filters run right after the security chain.
 */
@Configuration(proxyBeanMethods = false)
class CamundaAuthenticationConfig {

    private static final int AFTER_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER + 1;

    @Bean
    FilterRegistrationBean<WebappsAuthentication> webappsAuthentication() {
        FilterRegistrationBean<WebappsAuthentication> registration =
                new FilterRegistrationBean<>(new WebappsAuthentication());
        registration.setName("webapps-authentication");
        registration.addUrlPatterns("/camunda/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SpringSecurityUser.class.getName());
        registration.setOrder(AFTER_SECURITY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SpringSecurityUser.class.getName());
        registration.setOrder(AFTER_SECURITY);
        return registration;
    }
}
