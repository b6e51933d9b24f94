package org.rcm.requests.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared page layout shows on every page: who is logged in, links back and forth. */
@ControllerAdvice(annotations = Page.class)
class PageModel {

    @ModelAttribute
    void common(HttpServletRequest request, org.springframework.ui.Model model) {
        Principal user = request.getUserPrincipal();
        model.addAttribute("currentUser", user == null ? null : user.getName());
        // which links the header offers: only places the user may open
        model.addAttribute("secretariat", request.isUserInRole("secretariat") || request.isUserInRole("camunda-admin"));
        model.addAttribute("processOwner", request.isUserInRole("process-owner")
                || request.isUserInRole("camunda-admin"));
        model.addAttribute("currentPath", request.getRequestURI());
    }
}
