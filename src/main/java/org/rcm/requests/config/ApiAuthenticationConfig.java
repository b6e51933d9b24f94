package org.rcm.requests.config;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.rcm.requests.web.SessionCsrf;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic, against the engine's users, for everything the application serves except its public paths (see
 * {@link ApiAuthenticationFilter}), and for the engine's REST API ({@code /engine-rest}), which the Camunda starter
 * would otherwise leave open. The Camunda webapps ({@code /camunda}) keep their own session login and CSRF filter.
 */
@Configuration(proxyBeanMethods = false)
class ApiAuthenticationConfig {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        return basicAuthentication("engine-rest-authentication", "/engine-rest/*");
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(
            org.camunda.bpm.engine.IdentityService identity, SessionCsrf csrf) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity, csrf));
        registration.setName("api-authentication");
        // default deny: every path; the filter itself skips /camunda, /engine-rest and the public paths
        registration.addUrlPatterns("/*");
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    private static FilterRegistrationBean<ProcessEngineAuthenticationFilter> basicAuthentication(String name,
                                                                                                 String pattern) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName(name);
        registration.addUrlPatterns(pattern);
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        return registration;
    }
}
