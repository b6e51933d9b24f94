package org.rcm.requests.web;

import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;

/** The user logged into the Camunda webapps in a session (by Tasklist's login or by the pages' login). */
public final class WebappSession {

    static final String ENGINE = "default";

    private WebappSession() {
    }

    public static String user(HttpSession session) {
        if (session == null) {
            return null;
        }
        Authentication authentication = AuthenticationUtil.getAuthsFromSession(session)
                .getAuthenticationForProcessEngine(ENGINE);
        return authentication == null ? null : authentication.getName();
    }
}
