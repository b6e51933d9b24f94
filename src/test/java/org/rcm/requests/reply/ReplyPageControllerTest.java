package org.rcm.requests.reply;

import org.rcm.requests.signing.SigningKey;
import org.rcm.requests.signing.SigningProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.rcm.requests.correspondence.CorrespondenceEntry;
import org.rcm.requests.directory.Directory;
import org.rcm.requests.directory.Party;
import org.rcm.requests.mail.MailProperties;
import org.rcm.requests.mail.inbound.Classification;
import org.rcm.requests.mail.inbound.ReceivedAttachment;
import org.rcm.requests.mail.inbound.ReplyIntake;
import org.rcm.requests.request.RecipientState;
import org.rcm.requests.request.RequestDetails;
import org.rcm.requests.request.RequestRegistry;
import org.rcm.requests.request.RequestService;
import org.rcm.requests.request.RequestState;
import org.rcm.requests.request.RequestText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.rcm.requests.answer.Answers;
import org.rcm.requests.answer.ReplyForms;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The public reply page with a real token service and mocked request, directory and intake: what a link holder
 * sees, in which language, and what reaches the intake. The count of a link's posts stands in for the database's:
 * every answer the intake took counts. The slice's filters run, {@link ReplyPostGate} among them.
 */
@WebMvcTest(ReplyPageController.class)
@Import({ReplyAnswerForms.class, ReplyCases.class, ReplyAdmission.class, ReplySliceSecurity.class, ReplySubmissionCheck.class, ReplyPageView.class,
        ReplyProblemView.class, ReplyNoticeView.class, ReplyTexts.class, ReplyLimits.class,
        ReplyUploadLimitResolver.class, ReplyPageControllerTest.Config.class})
class ReplyPageControllerTest {

    private static final String REFERENCE = "CRM-2026-0007";
    private static final String SUBJECT = "Ventanas de enfermedades infecciosas";
    private static final String BODY = "Solicitamos información sobre las ventanas de enfermedades.";
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final int MB = 1024 * 1024;

    /** The clock of the token service; tests move it forward. */
    static final class MovableClock extends Clock {
        private Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MailProperties.class)
    static class Config {

        @Bean
        MovableClock clock() {
            return new MovableClock();
        }

        /** The defaults of application.yaml: 10 posts an hour, 7 days' grace. */
        @Bean
        ReplyProperties replyProperties() {
            return new ReplyProperties("http://localhost:8080", Duration.ofDays(180), 10, Duration.ofDays(7));
        }

        @Bean
        ReplyTokens replyTokens(ReplyProperties properties, MovableClock clock) {
            return new ReplyTokens(properties, clock, new SigningKey(new SigningProperties("test-secret"), null));
        }

        /** Uploads the dispatcher parsed: the parser below is asked for each. */
        @Bean
        AtomicInteger parsedUploads() {
            return new AtomicInteger();
        }

        /**
         * Stands in for Tomcat parsing a multipart body sent as bytes (not a MockMultipartHttpServletRequest, which
         * comes parsed): it counts the parse and refuses it as over the limits.
         */
        @Bean(DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
        MultipartResolver multipartResolver(AtomicInteger parsedUploads) {
            return new StandardServletMultipartResolver() {
                @Override
                public MultipartHttpServletRequest resolveMultipart(HttpServletRequest request) {
                    parsedUploads.incrementAndGet();
                    throw new MaxUploadSizeExceededException(25L * 1024 * 1024);
                }
            };
        }
    }

    @Autowired
    private MockMvc mvc;
    @Autowired
    private ReplyTokens tokens;
    @Autowired
    private MovableClock clock;
    @Autowired
    private ReplyUploadLimitResolver uploadLimit;
    @Autowired
    private AtomicInteger parsedUploads;

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

    private final List<CorrespondenceEntry> correspondence = new ArrayList<>();
    private final Map<String, RequestDetails.Recipient> recipients = new LinkedHashMap<>();
    /** When the intake took an answer, per recipient: what the correspondence log would hold with source LINK. */
    private final Map<String, List<Instant>> linkPosts = new HashMap<>();
    private RequestState state = RequestState.AWAITING_REPLY;
    private Instant requestClosedAt;
    private String body = BODY;
    private String subject = SUBJECT;

    @BeforeEach
    void request() {
        clock.now = START;
        parsedUploads.set(0);
        awaiting("IOM");
        awaiting("PAHO");
        when(requests.details(REFERENCE)).thenAnswer(call -> Optional.of(details()));
        when(registry.texts(REFERENCE)).thenAnswer(call -> List.of(new RequestText("es", subject, body)));
        when(directory.find("IOM")).thenReturn(Optional.of(new Party("IOM", Party.Kind.ORGANIZATION,
                "Organización Internacional para las Migraciones", "International Organization for Migration",
                false, "Focal point", "focal.point@iom.example.org", "en", "la", "the")));
        when(directory.find("PAHO")).thenReturn(Optional.of(new Party("PAHO", Party.Kind.ORGANIZATION,
                "Organización Panamericana de la Salud", "Pan American Health Organization", false, "Punto focal",
                "punto.focal@paho.example.org", "es", "la", "the")));
        when(intake.receiveLinkReply(anyString(), anyString(), anyString(), anyList())).thenAnswer(call -> {
            List<Instant> posted = linkPosts.computeIfAbsent(call.getArgument(1), code -> new ArrayList<>());
            posted.add(clock.now);
            return 40L + posted.size();
        });
        when(posts.since(eq(REFERENCE), anyString(), any())).thenAnswer(call -> {
            Instant since = call.getArgument(2);
            List<Instant> recent = linkPosts.getOrDefault(call.<String>getArgument(1), List.of()).stream()
                    .filter(at -> at.isAfter(since)).sorted().toList();
            return new ReplyPostCount.Recent(recent.size(), recent.isEmpty() ? null : recent.get(0));
        });
    }

    private void awaiting(String code) {
        recipients.put(code, new RequestDetails.Recipient(code, RecipientState.AWAITING_REPLY,
                LocalDate.of(2026, 12, 31), START, null, null));
    }

    private RequestDetails details() {
        return new RequestDetails(REFERENCE, subject, "information", "es", state, null, LocalDate.of(2026, 11, 30),
                "pi-1", "officer1", START, requestClosedAt, List.copyOf(recipients.values()),
                List.copyOf(correspondence));
    }

    // --- GET: the page ---

    @ParameterizedTest
    @CsvSource({
            "PAHO, es, 31 de diciembre de 2026, Su respuesta, Enviar respuesta, Organización Panamericana de la Salud",
            "IOM, en, 'December 31, 2026', Your reply, Send reply, International Organization for Migration"})
    void aValidLinkShowsTheRequestInTheContactsLanguage(String recipient, String language, String due,
                                                        String formTitle, String submit, String name) throws Exception {
        String page = page(get("/reply/" + tokens.create(REFERENCE, recipient)), status().isOk());

        assertThat(page).as("page for " + recipient).contains("<html lang=\"" + language + "\"")
                .contains(REFERENCE).contains(SUBJECT).contains(BODY).contains(due).contains(formTitle)
                .contains(submit).contains(name)
                .contains("enctype=\"multipart/form-data\"").contains("type=\"file\"").contains("multiple")
                .contains("<textarea").containsPattern(CSRF_FIELD);
    }

    @Test
    void theDueDateIsTheRecipientsNotTheRequests() throws Exception {
        String page = page(get("/reply/" + tokens.create(REFERENCE, "PAHO")), status().isOk());

        assertThat(page).contains("31 de diciembre de 2026").doesNotContain("30 de noviembre de 2026");
    }

    @Test
    void langSwitchesTheLanguageOfThePage() throws Exception {
        String token = tokens.create(REFERENCE, "IOM");

        String spanish = page(get("/reply/" + token).param("lang", "es"), status().isOk());
        String ignored = page(get("/reply/" + token).param("lang", "fr"), status().isOk());

        assertThat(spanish).contains("<html lang=\"es\"").contains("Su respuesta").contains("31 de diciembre de 2026")
                .contains("Organización Internacional para las Migraciones").contains("name=\"lang\" value=\"es\"")
                .contains("lang=en");
        assertThat(ignored).as("unknown language: the contact's").contains("<html lang=\"en\"").contains("Your reply")
                .doesNotContain("name=\"lang\"");
    }

    @Test
    void theResponsesCarryTheSecurityHeaders() throws Exception {
        mvc.perform(get("/reply/" + tokens.create(REFERENCE, "IOM"))).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy",
                        "default-src 'self'; style-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("Cache-Control", "no-store"));
        mvc.perform(get("/reply/not-a-token")).andExpect(status().isNotFound())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"));
    }

    @Test
    void requestTextAndSubjectAreEscaped() throws Exception {
        body = "Datos <script>alert('x')</script> & más";
        subject = "<b>Asunto</b>";

        String page = page(get("/reply/" + tokens.create(REFERENCE, "PAHO")), status().isOk());

        assertThat(page).contains("Datos &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; más")
                .contains("&lt;b&gt;Asunto&lt;/b&gt;").doesNotContain("<script").doesNotContain("<b>Asunto");
    }

    @Test
    void earlierAnswersOfThisRecipientAreListedAsReceived() throws Exception {
        correspondence.add(entry(1, "IOM", CorrespondenceEntry.Direction.OUT, "2026-03-01T10:00:00Z"));
        correspondence.add(entry(2, "IOM", CorrespondenceEntry.Direction.IN, "2026-03-05T14:30:00Z"));
        correspondence.add(entry(3, "PAHO", CorrespondenceEntry.Direction.IN, "2026-03-06T09:00:00Z"));
        correspondence.add(entry(4, "IOM", CorrespondenceEntry.Direction.IN, "2026-03-07T16:45:00Z"));
        correspondence.add(entry(5, "IOM", CorrespondenceEntry.Direction.IN, "2026-03-08T08:00:00Z", "AUTO_REPLY"));
        correspondence.add(entry(6, "IOM", CorrespondenceEntry.Direction.IN, "2026-03-09T08:00:00Z", "BOUNCE"));

        String page = page(get("/reply/" + tokens.create(REFERENCE, "IOM")), status().isOk());

        assertThat(page).contains("Replies already received").contains("Received on March 5, 2026")
                .contains("Received on March 7, 2026").doesNotContain("March 6, 2026").doesNotContain("March 1, 2026")
                .as("auto-replies and bounces are not answers").doesNotContain("March 8, 2026").doesNotContain("March 9, 2026")
                .contains("it does not replace it").contains("Send additional information");
        assertThat(page.split("Received on ", -1)).as("two answers listed").hasSize(3);
    }

    @Test
    void withoutEarlierAnswersNothingIsListed() throws Exception {
        String page = page(get("/reply/" + tokens.create(REFERENCE, "IOM")), status().isOk());

        assertThat(page).doesNotContain("Replies already received").doesNotContain("Received on");
    }

    @Test
    void aClosedRequestSaysSoAndStillTakesAMessageWithinTheGrace() throws Exception {
        state = RequestState.CLOSED;
        requestClosedAt = START.minus(Duration.ofDays(1));
        MockHttpSession session = new MockHttpSession();
        String token = tokens.create(REFERENCE, "PAHO");

        String page = page(get("/reply/" + token).session(session), status().isOk());
        submit(token, session, csrf(page), "Información tardía").andExpect(status().is3xxRedirection());

        assertThat(page).contains("Esta solicitud está cerrada").contains("Cerrada").contains("<form")
                .as("the end of the grace, a day after closing plus seven")
                .contains("Este enlace recibe mensajes hasta el 7 de marzo de 2026");
        verify(intake).receiveLinkReply(REFERENCE, "PAHO", "Información tardía", List.of());
    }

    @Test
    void aSecondAnswerWithinTheGraceAfterTheRecipientWasClosedIsStillAdded() throws Exception {
        recipients.put("IOM", new RequestDetails.Recipient("IOM", RecipientState.ANSWERED, LocalDate.of(2026, 12, 31),
                START, START.minus(Duration.ofDays(6)), null));
        MockHttpSession session = new MockHttpSession();
        String token = tokens.create(REFERENCE, "IOM");

        String page = page(get("/reply/" + token).session(session), status().isOk());
        submit(token, session, csrf(page), "One more table").andExpect(redirectedUrl("/reply/" + token + "?sent"));

        assertThat(page).contains("This link takes messages until March 2, 2026")
                .contains("please write to the Technical Secretariat at secretaria@crm.example.org");
        verify(intake).receiveLinkReply(REFERENCE, "IOM", "One more table", List.of());
    }

    @ParameterizedTest
    @CsvSource({"ANSWERED, 8", "CLOSED_UNANSWERED, 8", "UNDELIVERABLE, 8", "AWAITING_REPLY, 30"})
    void aLinkPastItsGraceShowsTheClosedPageAndTakesNothing(RecipientState recipientState, int daysAgo)
            throws Exception {
        Instant closed = START.minus(Duration.ofDays(daysAgo));
        recipients.put("IOM", new RequestDetails.Recipient("IOM", recipientState, LocalDate.of(2026, 12, 31),
                START.minus(Duration.ofDays(40)), recipientState == RecipientState.ANSWERED ? closed : null,
                recipientState == RecipientState.CLOSED_UNANSWERED ? closed : null));
        if (recipientState == RecipientState.UNDELIVERABLE) {
            // the registry stamps no time for it: the bounce that made it undeliverable does
            correspondence.add(entry(7, "IOM", CorrespondenceEntry.Direction.IN, closed.toString(), "BOUNCE"));
        }
        if (recipientState == RecipientState.AWAITING_REPLY) {
            // still awaited, but the request itself ended
            state = RequestState.CLOSED;
            requestClosedAt = closed;
        }
        String token = tokens.create(REFERENCE, "IOM");

        String shown = page(get("/reply/" + token), status().isGone());
        String spanish = page(get("/reply/" + token).param("lang", "es"), status().isGone());
        String posted = page(mvc.perform(post("/reply/" + token).contentType(MediaType.MULTIPART_FORM_DATA)
                .content(new byte[5 * MB])), status().isGone());

        assertThat(shown).as(recipientState + " " + daysAgo + " days ago").contains("<html lang=\"en\"")
                .contains("This link no longer accepts replies").contains(REFERENCE)
                .contains("International Organization for Migration")
                .contains("please write to the Technical Secretariat at secretaria@crm.example.org")
                .contains("mailto:secretaria@crm.example.org").doesNotContain(BODY).doesNotContain("<form")
                .contains("href=\"/reply/" + token + "?lang=es\"");
        assertThat(spanish).contains("Este enlace ya no recibe respuestas").contains("escriba a la Secretaría Técnica");
        assertThat(posted).isEqualTo(shown);
        assertThat(parsedUploads).as("the upload to a closed link was not parsed").hasValue(0);
        verifyNoInteractions(intake);
    }

    @Test
    void aRequestInBothLanguagesIsShownInTheContactsLanguage() throws Exception {
        when(registry.texts(REFERENCE)).thenReturn(List.of(new RequestText("es", SUBJECT, BODY),
                new RequestText("en", "Data on returned migrants", "We request the 2024 figures.")));

        String iom = page(get("/reply/" + tokens.create(REFERENCE, "IOM")), status().isOk());
        String paho = page(get("/reply/" + tokens.create(REFERENCE, "PAHO")), status().isOk());

        assertThat(iom).as("IOM's page").contains("We request the 2024 figures.")
                .contains("Data on returned migrants").doesNotContain(BODY);
        assertThat(paho).as("PAHO's page").contains(BODY).contains(SUBJECT).doesNotContain("We request");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en | Request CRM-2026-0007 no longer awaits a reply from the International Organization for Migration,",
            "es | La solicitud CRM-2026-0007 ya no espera respuesta de la Organización Internacional para las "
                    + "Migraciones,"})
    void theClosedPageNamesTheRecipientWithItsArticle(String language, String sentence) throws Exception {
        Instant closed = START.minus(Duration.ofDays(8));
        recipients.put("IOM", new RequestDetails.Recipient("IOM", RecipientState.ANSWERED, LocalDate.of(2026, 12, 31),
                START.minus(Duration.ofDays(40)), closed, null));

        String page = page(get("/reply/" + tokens.create(REFERENCE, "IOM")).param("lang", language),
                status().isGone());

        assertThat(Jsoup.parse(page).text()).as("the closed page in " + language).contains(sentence);
    }

    // --- links that do not open ---

    @Test
    void aTamperedLinkShowsNoRequestData() throws Exception {
        String token = tokens.create(REFERENCE, "IOM");
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        String page = page(get("/reply/" + tampered), status().isNotFound());

        assertProblemPage(page);
        verifyNoInteractions(requests, registry, directory);
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        String token = tokens.create(REFERENCE, "IOM");
        clock.now = START.plus(Duration.ofDays(181));

        String page = page(get("/reply/" + token), status().isNotFound());

        assertProblemPage(page);
        verifyNoInteractions(requests);
    }

    @Test
    void aLinkForARequestThatDoesNotExistIsRefused() throws Exception {
        String page = page(get("/reply/" + tokens.create("CRM-2026-9999", "IOM")), status().isNotFound());

        assertProblemPage(page);
    }

    @Test
    void aLinkForSomeoneTheRequestIsNotAddressedToIsRefused() throws Exception {
        String page = page(get("/reply/" + tokens.create(REFERENCE, "UNHCR")), status().isNotFound());

        assertProblemPage(page);
    }

    @ParameterizedTest
    @CsvSource({"/reply/", "/reply", "/reply/abc/def", "/reply/abc.def"})
    void brokenLinksGetTheSamePage(String path) throws Exception {
        assertProblemPage(page(get(path), status().isNotFound()));
    }

    @ParameterizedTest
    @CsvSource({"tampered", "expired", "not-a-token", "two/segments"})
    void aForgedLinksUploadIsRefusedBeforeItIsParsed(String kind) throws Exception {
        String valid = tokens.create(REFERENCE, "IOM");
        String token = switch (kind) {
            case "tampered" -> valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA");
            case "expired" -> valid;
            default -> kind;
        };
        if (kind.equals("expired")) {
            clock.now = START.plus(Duration.ofDays(181));
        }

        // 9 MB announced as a form upload: it would be parsed (and refused as too large) before any controller
        String page = page(mvc.perform(post("/reply/" + token).contentType(MediaType.MULTIPART_FORM_DATA)
                .content(new byte[9 * MB])), status().isNotFound());

        assertProblemPage(page);
        assertThat(parsedUploads).as("the upload of a %s link was not parsed", kind).hasValue(0);
        verifyNoInteractions(intake);
    }

    @Test
    void postingToAnInvalidLinkStoresNothing() throws Exception {
        mvc.perform(multipart("/reply/bogus.token").param("text", "Hola").param("_csrf", "x"))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/reply/bogus/token").param("text", "Hola").param("_csrf", "x"))
                .andExpect(status().isNotFound());

        verifyNoInteractions(intake);
    }

    // --- POST: answering ---

    @Test
    void textAndTwoFilesReachTheIntakeAndThePageThanks() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String token = tokens.create(REFERENCE, "IOM");
        String csrf = csrf(page(get("/reply/" + token).session(session), status().isOk()));

        mvc.perform(multipart("/reply/" + token)
                        .file(new MockMultipartFile("files", "datos 2025.xlsx",
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new byte[] {1, 2, 3}))
                        .file(new MockMultipartFile("files", "C:\\Users\\pf\\nota.pdf", "application/pdf",
                                "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
                        .param("text", "  Adjuntamos los datos solicitados.\n")
                        .param("_csrf", csrf).session(session))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/reply/" + token + "?sent"));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<ReceivedAttachment>> files = ArgumentCaptor.forClass(List.class);
        verify(intake).receiveLinkReply(eq(REFERENCE), eq("IOM"), eq("Adjuntamos los datos solicitados."),
                files.capture());
        assertThat(files.getValue()).as("attachments").hasSize(2);
        assertThat(files.getValue().get(0).filename()).isEqualTo("datos 2025.xlsx");
        assertThat(files.getValue().get(0).content()).containsExactly(1, 2, 3);
        assertThat(files.getValue().get(1).filename()).as("path dropped").isEqualTo("nota.pdf");
        assertThat(files.getValue().get(1).contentType()).isEqualTo("application/pdf");
        assertThat(new String(files.getValue().get(1).content(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.7");

        String thanks = page(get("/reply/" + token).param("sent", "").session(session), status().isOk());
        assertThat(thanks).contains("Thank you: we have received your reply").contains("Send additional information");
    }

    @Test
    void filesAloneAreAnAnswer() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String token = tokens.create(REFERENCE, "IOM");
        String csrf = csrf(page(get("/reply/" + token).session(session), status().isOk()));

        mvc.perform(multipart("/reply/" + token)
                        .file(new MockMultipartFile("files", "informe.pdf", null, new byte[] {9}))
                        .param("_csrf", csrf).session(session))
                .andExpect(redirectedUrl("/reply/" + token + "?sent"));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<ReceivedAttachment>> files = ArgumentCaptor.forClass(List.class);
        verify(intake).receiveLinkReply(eq(REFERENCE), eq("IOM"), eq(""), files.capture());
        assertThat(files.getValue()).singleElement()
                .satisfies(file -> assertThat(file.contentType()).isEqualTo("application/octet-stream"));
    }

    @Test
    void aChosenLanguageIsKeptThroughTheRedirect() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String token = tokens.create(REFERENCE, "IOM");
        String csrf = csrf(page(get("/reply/" + token).param("lang", "es").session(session), status().isOk()));

        mvc.perform(multipart("/reply/" + token).session(session).param("text", "Respuesta").param("_csrf", csrf)
                        .param("lang", "es"))
                .andExpect(redirectedUrl("/reply/" + token + "?sent&lang=es"));
    }

    @Test
    void aPostWithoutTheFormTokenIsRefusedAndStoresNothing() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String token = tokens.create(REFERENCE, "PAHO");
        page(get("/reply/" + token).session(session), status().isOk());

        String page = page(multipart("/reply/" + token).session(session).param("text", "Texto <de> prueba"),
                status().isForbidden());

        verifyNoInteractions(intake);
        assertThat(page).as("the text is offered again, escaped").contains("Texto &lt;de&gt; prueba")
                .contains("el formulario había caducado").containsPattern(CSRF_FIELD);
    }

    @Test
    void aPostWithAnotherSessionsTokenIsRefused() throws Exception {
        String token = tokens.create(REFERENCE, "PAHO");
        String csrf = csrf(page(get("/reply/" + token).session(new MockHttpSession()), status().isOk()));

        page(submit(token, new MockHttpSession(), csrf, "Hola"), status().isForbidden());
        page(submit(token, null, csrf, "Hola"), status().isForbidden());
        page(mvc.perform(post("/reply/" + token).param("text", "Hola").param("_csrf", csrf)), status().isForbidden());

        verify(intake, never()).receiveLinkReply(any(), any(), any(), any());
    }

    @Test
    void anEmptySubmissionShowsTheFormAgainWithAFieldMessage() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String token = tokens.create(REFERENCE, "PAHO");
        String csrf = csrf(page(get("/reply/" + token).session(session), status().isOk()));

        // what a browser sends when no file was chosen: one empty part without a name
        String page = page(mvc.perform(multipart("/reply/" + token)
                .file(new MockMultipartFile("files", "", "application/octet-stream", new byte[0]))
                .param("text", "   ").param("_csrf", csrf).session(session)), status().isOk());

        verifyNoInteractions(intake);
        assertThat(page).contains("Escriba una respuesta o adjunte al menos un archivo.").contains("id=\"text-error\"")
                .contains("aria-invalid=\"true\"").contains(SUBJECT);
    }

    @Test
    void theMessagesFollowThePageLanguage() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String token = tokens.create(REFERENCE, "IOM");

        String page = page(submit(token, session, csrf(page(get("/reply/" + token).session(session),
                status().isOk())), ""), status().isOk());

        assertThat(page).contains("Write a reply or attach at least one file.");
        verifyNoInteractions(intake);
    }

    @Test
    void tooManyFilesAreRefusedWithAFieldMessage() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String token = tokens.create(REFERENCE, "PAHO");
        String csrf = csrf(page(get("/reply/" + token).session(session), status().isOk()));
        var request = multipart("/reply/" + token);
        for (int i = 1; i <= 11; i++) {
            request.file(new MockMultipartFile("files", "anexo-" + i + ".pdf", "application/pdf", new byte[] {1}));
        }

        String page = page(mvc.perform(request.param("text", "Adjuntos").param("_csrf", csrf).session(session)),
                status().isOk());

        verifyNoInteractions(intake);
        assertThat(page).contains("Seleccionó 11 archivos; el máximo es 10 por envío.").contains("id=\"files-error\"")
                .contains("Adjuntos");
    }

    @Test
    void aTextOverTheLimitIsRefusedWithAFieldMessage() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String token = tokens.create(REFERENCE, "PAHO");
        String csrf = csrf(page(get("/reply/" + token).session(session), status().isOk()));

        String page = page(submit(token, session, csrf, "a".repeat(20_001)), status().isOk());
        submit(token, session, csrf, "a".repeat(20_000)).andExpect(status().is3xxRedirection());

        assertThat(page).contains("El texto tiene 20.001 caracteres; el máximo es 20.000.");
        verify(intake, times(1)).receiveLinkReply(any(), any(), any(), any());
    }

    @Test
    void anEmptyFileIsNamedInAFieldMessage() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String token = tokens.create(REFERENCE, "PAHO");
        String csrf = csrf(page(get("/reply/" + token).session(session), status().isOk()));

        String page = page(mvc.perform(multipart("/reply/" + token)
                .file(new MockMultipartFile("files", "vacío.docx", "application/octet-stream", new byte[0]))
                .param("text", "Ver adjunto").param("_csrf", csrf).session(session)), status().isOk());

        verifyNoInteractions(intake);
        assertThat(page).contains("El archivo «vacío.docx» está vacío.");
    }

    // --- posts per link and hour ---

    @Test
    void theEleventhPostInAnHourGetsA429UnparsedAndTheTwelfthAnHourAfterTheFirstIsTaken() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String token = tokens.create(REFERENCE, "IOM");
        String csrf = csrf(page(get("/reply/" + token).session(session), status().isOk()));
        for (int i = 1; i <= 10; i++) {
            submit(token, session, csrf, "Parte " + i).andExpect(status().isFound());
            clock.now = clock.now.plus(Duration.ofMinutes(5));
        }
        // the tenth went in at 10:45; it is 10:50 now

        var eleventh = mvc.perform(post("/reply/" + token).session(session)
                .contentType(MediaType.MULTIPART_FORM_DATA).content(new byte[5 * MB]));

        String page = page(eleventh, status().isTooManyRequests());
        eleventh.andExpect(header().string("Retry-After", String.valueOf(Duration.ofMinutes(10).toSeconds())));
        assertThat(page).contains("<html lang=\"en\"").contains("You have sent many replies in a short time")
                .contains("at most 10 submissions per hour").contains("This submission was not received")
                .contains("try again after March 1, 2026").contains("11:00")
                .contains("write to the Technical Secretariat at secretaria@crm.example.org")
                .contains("mentioning reference " + REFERENCE).contains("href=\"/reply/" + token + "\"")
                .doesNotContain(BODY);
        assertThat(parsedUploads).as("the eleventh upload was not parsed").hasValue(0);
        verify(intake, times(10)).receiveLinkReply(any(), any(), any(), any());

        clock.now = START.plus(Duration.ofHours(1)).plusSeconds(1);
        submit(token, session, csrf, "Parte 11").andExpect(status().isFound());
        verify(intake).receiveLinkReply(REFERENCE, "IOM", "Parte 11", List.of());
    }

    @Test
    void theLimitIsPerRecipientAndSaidInTheRecipientsLanguage() throws Exception {
        linkPosts.put("PAHO", new ArrayList<>(Collections.nCopies(10, START.minus(Duration.ofMinutes(30)))));
        MockHttpSession session = new MockHttpSession();
        String paho = tokens.create(REFERENCE, "PAHO");
        String iom = tokens.create(REFERENCE, "IOM");

        String refused = page(submit(paho, session, csrf(page(get("/reply/" + paho).session(session),
                status().isOk())), "Otra parte"), status().isTooManyRequests());
        submit(iom, session, csrf(page(get("/reply/" + iom).session(session), status().isOk())), "Our part")
                .andExpect(status().isFound());

        assertThat(refused).contains("<html lang=\"es\"").contains("Ha enviado muchas respuestas en poco tiempo")
                .contains("como máximo 10 envíos por hora").contains("escriba a la Secretaría Técnica");
        verify(intake, never()).receiveLinkReply(eq(REFERENCE), eq("PAHO"), any(), any());
        verify(intake).receiveLinkReply(REFERENCE, "IOM", "Our part", List.of());
    }

    @Test
    void aSecondSubmissionIsAddedNotReplacing() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String token = tokens.create(REFERENCE, "PAHO");
        String csrf = csrf(page(get("/reply/" + token).session(session), status().isOk()));

        submit(token, session, csrf, "Primera parte").andExpect(redirectedUrl("/reply/" + token + "?sent"));
        submit(token, session, csrf, "Segunda parte").andExpect(redirectedUrl("/reply/" + token + "?sent"));

        verify(intake).receiveLinkReply(REFERENCE, "PAHO", "Primera parte", List.of());
        verify(intake).receiveLinkReply(REFERENCE, "PAHO", "Segunda parte", List.of());
        verify(intake, times(2)).receiveLinkReply(any(), any(), any(), any());
    }

    @Test
    void whenTheIntakeFailsTheTextIsKeptAndTheSenderToldToRetry() throws Exception {
        when(intake.receiveLinkReply(anyString(), anyString(), anyString(), anyList()))
                .thenThrow(new IllegalStateException("database down"));
        MockHttpSession session = new MockHttpSession();
        String token = tokens.create(REFERENCE, "PAHO");
        String csrf = csrf(page(get("/reply/" + token).session(session), status().isOk()));

        String page = page(submit(token, session, csrf, "Nuestra respuesta"), status().isServiceUnavailable());

        assertThat(page).contains("No pudimos registrar su respuesta").contains("secretaria@crm.example.org")
                .contains("Nuestra respuesta").doesNotContain("database down");
    }

    // --- uploads over the multipart limits ---

    @Test
    void anUploadOverTheLimitsGetsA413PageInBothLanguages() throws Exception {
        String token = tokens.create(REFERENCE, "IOM");

        // not a MockMultipartHttpServletRequest: the dispatcher parses it, and the parser refuses it
        String page = page(mvc.perform(post("/reply/" + token).contentType(MediaType.MULTIPART_FORM_DATA)
                .content(new byte[] {1})), status().isPayloadTooLarge());

        assertThat(parsedUploads).as("a valid link's upload is parsed").hasValue(1);
        verifyNoInteractions(intake);
        assertThat(page).contains("El envío supera el tamaño permitido").contains("The submission is larger than allowed")
                .contains("10 MB").contains("25 MB").contains("lo que haya enviado antes se conserva")
                .contains("anything you sent before is kept").contains("href=\"/reply/" + token + "\"")
                .doesNotContain(SUBJECT);
    }

    @Test
    void uploadFailuresElsewhereAreLeftToTheDefaults() {
        MockHttpServletRequest api = new MockHttpServletRequest("POST", "/api/requests");
        api.setServletPath("/api/requests");
        MockHttpServletRequest reply = new MockHttpServletRequest("POST", "/reply/abc.def");
        reply.setServletPath("/reply/abc.def");
        MaxUploadSizeExceededException tooLarge = new MaxUploadSizeExceededException(1);

        assertThat(uploadLimit.resolveException(api, new MockHttpServletResponse(), null, tooLarge)).as("/api").isNull();
        assertThat(uploadLimit.resolveException(reply, new MockHttpServletResponse(), null,
                new IllegalStateException())).as("other failure").isNull();
        assertThat(uploadLimit.resolveException(reply, new MockHttpServletResponse(), null, tooLarge)).as("/reply")
                .isNotNull();
    }

    // --- helpers ---

    private void assertProblemPage(String page) {
        assertThat(page).contains("Este enlace no es válido o ha caducado").contains("This link is not valid or has expired")
                .contains("secretaria@crm.example.org").doesNotContain(SUBJECT).doesNotContain(BODY)
                .doesNotContain(REFERENCE).doesNotContain("<form");
    }

    private ResultActions submit(String token, MockHttpSession session, String csrf, String text) throws Exception {
        var request = multipart("/reply/" + token).param("text", text).param("_csrf", csrf);
        return mvc.perform(session == null ? request : request.session(session));
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request, ResultMatcher expected)
            throws Exception {
        return page(mvc.perform(request), expected);
    }

    private static String page(ResultActions actions, ResultMatcher expected) throws Exception {
        return actions.andExpect(expected).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF_FIELD.matcher(page);
        assertThat(matcher.find()).as("CSRF field in the form").isTrue();
        return matcher.group(1);
    }

    private static CorrespondenceEntry entry(long id, String recipient, CorrespondenceEntry.Direction direction,
                                             String at) {
        return entry(id, recipient, direction, at,
                direction == CorrespondenceEntry.Direction.IN ? Classification.HUMAN_REPLY.name() : null);
    }

    private static CorrespondenceEntry entry(long id, String recipient, CorrespondenceEntry.Direction direction,
                                             String at, String classification) {
        return new CorrespondenceEntry(id, REFERENCE, recipient, direction, "REPLY", classification,
                direction == CorrespondenceEntry.Direction.IN ? CorrespondenceEntry.Status.RECEIVED
                        : CorrespondenceEntry.Status.SENT, "<m" + id + "@example.org>", null, "a@example.org",
                "b@example.org", "Re: " + SUBJECT, "es", Instant.parse(at), null);
    }
}
