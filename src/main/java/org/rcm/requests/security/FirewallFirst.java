package org.rcm.requests.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security's firewall, before anything else reads the path: the security chain would refuse a path that is
 * not normalized with 400 too, but the path parsing that runs ahead of its rules fails on some of them (a
 * {@code ;jsessionid=} on a path served by the webapps' API) and answers 500.
 */
final class FirewallFirst extends OncePerRequestFilter {

    private final HttpFirewall firewall;

    FirewallFirst(HttpFirewall firewall) {
        this.firewall = firewall;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }
}
