package org.rcm.requests.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.config.core.GrantedAuthorityDefaults;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.Http403ForbiddenEntryPoint;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * The gate of everything the application serves: one login (the login page, Tasklist's login form, or single sign-on
 * where configured; HTTP Basic for scripts), one session for the pages, Tasklist, Cockpit and Admin. Who may reach
 * what is in docs/security.md; users and groups are the engine's ({@link EngineUserAuthentication}).
 * Spring Security's firewall refuses paths that are not normalized (dot segments, encoded slashes, {@code ;}
 * parameters, {@code //}) with 400 before any rule.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({OidcGroupMapping.class, LoginThrottle.Settings.class})
class SecurityConfig {

    static final String[] SECRETARIAT = {"secretariat", "camunda-admin"};
    static final String ADMIN = "camunda-admin";
    /** The Prometheus scraper (a user of the group monitoring, HTTP Basic) and admins: /actuator/prometheus only. */
    static final String[] MONITORING = {"monitoring", "camunda-admin"};
    /** Process owners change, deploy and migrate the models of processes/; admins may too. */
    static final String[] PROCESS_OWNERS = {"process-owner", "camunda-admin"};
    /** Pages load scripts only from the application (the chart library comes from a webjar), never inline. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; "
            + "base-uri 'none'";

    /**
     * Every path in the rules below is matched against the whole path within the application, whichever servlet
     * serves it (the webapps' and the engine's REST API are Jersey servlets, not Spring MVC's).
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatterns() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /** The firewall of the security chain (StrictHttpFirewall's defaults), also run ahead of it. */
    @Bean
    static HttpFirewall firewall() {
        return new StrictHttpFirewall();
    }

    @Bean
    static FilterRegistrationBean<FirewallFirst> firewallFirst(HttpFirewall firewall) {
        FilterRegistrationBean<FirewallFirst> registration = new FilterRegistrationBean<>(new FirewallFirst(firewall));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /** Group names are authorities as they are, without Spring's {@code ROLE_} prefix. */
    @Bean
    static GrantedAuthorityDefaults grantedAuthorityDefaults() {
        return new GrantedAuthorityDefaults("");
    }

    /**
     * Tasklist, Cockpit and Admin. Their pages need a login (the login page, then back); their files do not. Their
     * API has Camunda's own CSRF protection and security headers; their login form and "log out" are the chain's.
     */
    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http, EngineUserAuthentication users, ProcessEngine engine,
                                       ObjectMapper json, FirstAdminSetup firstAdminSetup) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher("/camunda/**", "/camunda-welcome/**")
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(FirstAdminSetup.PATH).access(firstAdminSetup)
                        .requestMatchers(HttpMethod.POST, WebappLoginFilter.PATH).permitAll()
                        .requestMatchers(HttpMethod.GET, "/camunda/api/admin/auth/user/**",
                                "/camunda/api/engine/engine/", "/camunda/api/*/plugin/*/static/**").permitAll()
                        .requestMatchers("/camunda/app/*/*/", "/camunda/api/**").authenticated()
                        .anyRequest().permitAll())
                .addFilterAt(new WebappLoginFilter(new ProviderManager(users), engine, json),
                        UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout
                        .logoutRequestMatcher(paths.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout"))
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK)))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new Http403ForbiddenEntryPoint(),
                                paths.matcher(FirstAdminSetup.PATH))
                        .defaultAuthenticationEntryPointFor(new LoginEntryPoint(), AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(new Refusals()))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /** The pages, {@code /api}, {@code /actuator}, {@code /engine-rest} and the public reply page. */
    @Bean
    @Order(2)
    SecurityFilterChain applicationPaths(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> sso,
                                    OidcUsers oidcUsers) throws Exception {
        LoginOutcomes outcomes = new LoginOutcomes();
        LoginEntryPoint entryPoint = new LoginEntryPoint();
        http.authorizeHttpRequests(rules -> rules
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(Paths.PUBLIC).permitAll()
                        .requestMatchers("/reply", "/reply/**").permitAll()
                        .requestMatchers(HttpMethod.GET, Paths.PUBLIC_HEALTH).permitAll()
                        .requestMatchers(HttpMethod.HEAD, Paths.PUBLIC_HEALTH).permitAll()
                        .requestMatchers("/api/processes", "/api/processes/**", "/processes", "/processes/**")
                        .hasAnyAuthority(PROCESS_OWNERS)
                        .requestMatchers("/api/**").hasAnyAuthority(SECRETARIAT)
                        .requestMatchers(Paths.SECRETARIAT_PAGES).hasAnyAuthority(SECRETARIAT)
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyAuthority(MONITORING)
                        .requestMatchers("/actuator/**").hasAuthority(ADMIN)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(outcomes).failureHandler(outcomes)
                        .permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new Refusals()))
                .requestCache(cache -> cache.disable())
                // the reply page checks its own form token, after its link token and before reading an upload
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new CsrfRequired())
                        .ignoringRequestMatchers("/reply/**"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frames -> frames.deny())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        if (sso.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/login").successHandler(outcomes).failureHandler(outcomes)
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers)));
        }
        return http.build();
    }
}
