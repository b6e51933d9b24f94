package org.rcm.requests.reply;

import org.rcm.requests.signing.SigningKey;
import org.rcm.requests.signing.SigningProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.rcm.requests.directory.Directory;
import org.rcm.requests.mail.MailProperties;
import org.rcm.requests.mail.inbound.ReceivedAttachment;
import org.rcm.requests.mail.inbound.ReplyIntake;
import org.rcm.requests.request.RecipientState;
import org.rcm.requests.request.RequestDetails;
import org.rcm.requests.request.RequestRegistry;
import org.rcm.requests.request.RequestService;
import org.rcm.requests.request.RequestState;
import org.rcm.requests.request.RequestText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.autoconfigure.web.embedded.EmbeddedWebServerFactoryCustomizerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.MultipartAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.rcm.requests.answer.Answers;
import org.rcm.requests.answer.ReplyForms;

/**
 * The reply form on a real Tomcat, with the multipart limits of application.yaml (10 MB a file, 25 MB a request):
 * the container parses what a browser sends, and refuses what is too large with the 413 page, not a dropped
 * connection. Only web auto-configuration is loaded, so it starts in a second or two.
 * <p>
 * {@code server.tomcat.max-swallow-size}: Tomcat reads on past a refused upload only up to this size (2 MB by
 * default) before it drops the connection, and a browser then shows a connection error instead of the page; with
 * the default, the 27 MB submission below ends in "Broken pipe"; this test reads the setting from application.yaml.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = ReplyUploadLimitTest.Web.class)
class ReplyUploadLimitTest {

    private static final String REFERENCE = "CRM-2026-0007";
    private static final int MB = 1024 * 1024;
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class,
            ServletWebServerFactoryAutoConfiguration.class, EmbeddedWebServerFactoryCustomizerAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, MultipartAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
            ThymeleafAutoConfiguration.class, ErrorMvcAutoConfiguration.class, SecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class})
    @EnableConfigurationProperties(MailProperties.class)
    @Import({ReplyPageController.class, ReplyCases.class, ReplyAdmission.class, ReplySliceSecurity.class,
            ReplySubmissionCheck.class, ReplyPageView.class, ReplyProblemView.class, ReplyNoticeView.class,
            ReplyTexts.class, ReplyLimits.class, ReplyUploadLimitResolver.class, ReplySecurityHeaders.class,
            ReplyPostGate.class, ReplyAnswerForms.class})
    static class Web {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        ReplyProperties replyProperties() {
            return new ReplyProperties("http://localhost", Duration.ofDays(180), 10, Duration.ofDays(7));
        }

        @Bean
        ReplyTokens replyTokens(ReplyProperties properties, Clock clock) {
            return new ReplyTokens(properties, clock, new SigningKey(new SigningProperties("test-secret"), null));
        }
    }

    @LocalServerPort
    private int port;
    @Autowired
    private ReplyTokens tokens;

    @MockitoBean
    private ReplyIntake intake;
    @MockitoBean
    private ReplyForms replyForms;
    @MockitoBean
    private Answers answers;
    @MockitoBean
    private RequestService requests;
    @MockitoBean
    private RequestRegistry registry;
    @MockitoBean
    private Directory directory;
    @MockitoBean
    private ReplyPostCount posts;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String form;
    private String csrf;

    @BeforeEach
    void openTheForm() throws Exception {
        when(requests.details(REFERENCE)).thenReturn(Optional.of(new RequestDetails(REFERENCE, "Asunto", "information",
                "es", RequestState.AWAITING_REPLY, null, LocalDate.of(2026, 12, 31), "pi-1", "officer1", null, null,
                List.of(new RequestDetails.Recipient("IOM", RecipientState.AWAITING_REPLY, LocalDate.of(2026, 12, 31),
                        null, null, null)), List.of())));
        when(registry.texts(REFERENCE)).thenReturn(List.of(new RequestText("es", "Asunto", "Texto")));
        when(directory.find("IOM")).thenReturn(Optional.empty());
        when(posts.since(anyString(), anyString(), any())).thenReturn(new ReplyPostCount.Recent(0, null));
        when(intake.receiveLinkReply(anyString(), anyString(), anyString(), anyList())).thenReturn(7L);
        form = "http://localhost:" + port + "/reply/" + tokens.create(REFERENCE, "IOM");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher matcher = CSRF_FIELD.matcher(page.body());
        assertThat(matcher.find()).as("CSRF field").isTrue();
        csrf = matcher.group(1);
    }

    @Test
    void whatABrowserSendsIsTaken() throws Exception {
        MultipartForm body = new MultipartForm().field("_csrf", csrf).field("text", "Respuesta con adjunto")
                .file("informe final.pdf", "application/pdf", "%PDF-1.7 contenido".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = send(body);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith(URI.create(form).getPath() + "?sent"));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<ReceivedAttachment>> files = ArgumentCaptor.forClass(List.class);
        verify(intake).receiveLinkReply(eq(REFERENCE), eq("IOM"), eq("Respuesta con adjunto"), files.capture());
        assertThat(files.getValue()).singleElement().satisfies(file -> {
            assertThat(file.filename()).isEqualTo("informe final.pdf");
            assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.7 contenido");
        });
    }

    @Test
    void noFileChosenIsNoFile() throws Exception {
        // a browser's form with the file input left empty: one part with an empty file name and no content
        HttpResponse<String> response = send(new MultipartForm().field("_csrf", csrf).field("text", "Solo texto")
                .file("", "application/octet-stream", new byte[0]));

        assertThat(response.statusCode()).isEqualTo(302);
        verify(intake).receiveLinkReply(REFERENCE, "IOM", "Solo texto", List.of());
    }

    @Test
    void aFileOverTheLimitGetsThe413Page() throws Exception {
        HttpResponse<String> response = send(new MultipartForm().field("_csrf", csrf).field("text", "Anexo grande")
                .file("grande.zip", "application/zip", new byte[11 * MB]));

        assertTooLarge(response);
    }

    @Test
    void aSubmissionOverTheTotalLimitGetsThe413Page() throws Exception {
        MultipartForm body = new MultipartForm().field("_csrf", csrf).field("text", "Tres anexos");
        for (int i = 1; i <= 3; i++) {
            body.file("parte-" + i + ".zip", "application/zip", new byte[9 * MB]);
        }

        assertTooLarge(send(body));
    }

    private void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("El envío supera el tamaño permitido")
                .contains("The submission is larger than allowed").contains("10 MB").contains("25 MB")
                .contains("href=\"" + URI.create(form).getPath() + "\"").doesNotContain("Asunto");
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValue(ReplySecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        verifyNoInteractions(intake);
    }

    private HttpResponse<String> send(MultipartForm body) throws Exception {
        return http.send(body.post(URI.create(form)), HttpResponse.BodyHandlers.ofString());
    }
}
