package org.rcm.requests.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The list page before any meeting is imported. The shared test database holds other tests' meetings, so the
 * application's list template is rendered over an empty list.
 */
class MeetingListEmptyStateIntegrationTest extends IntegrationTestBase {

    @Autowired
    ThymeleafViewResolver views;

    @Autowired
    WebApplicationContext context;

    @Test
    void withoutMeetingsTheListInvitesToImportOne() throws Exception {
        Locale spanish = Locale.forLanguageTag("es");
        View list = views.resolveViewName("meetings/list", spanish);
        MockHttpServletRequest request = new MockHttpServletRequest(context.getServletContext(), "GET", "/meetings");
        request.setAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
        request.addPreferredLocale(spanish);
        MockHttpServletResponse response = new MockHttpServletResponse();

        list.render(Map.of("meetings", List.of()), request, response);

        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as("empty list page")
                .contains("Aún no hay reuniones: importe una con el formulario de abajo.")
                .contains("enctype=\"multipart/form-data\"").doesNotContain("<table");
    }
}
