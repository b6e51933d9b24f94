package org.rcm.requests.reply;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * For tests of the reply page without the whole application: the security chain as the application has it for
 * {@code /reply/**} (open to anyone, the session's CSRF token issued but checked by the page itself).
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableWebSecurity
class ReplySliceSecurity {

    @Bean
    SecurityFilterChain replyPages(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/reply/**"))
                .build();
    }
}
