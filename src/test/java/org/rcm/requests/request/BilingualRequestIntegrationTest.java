package org.rcm.requests.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.TestMailServer;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Requests in both working languages through the real application: the API's {@code subjects} and {@code bodies},
 * the start and draft forms' fields of the other language, and the emails a real SMTP server delivers to IOM (English
 * contact) and PAHO (Spanish contact), each in its language or with a line saying which language the text is in.
 */
class BilingualRequestIntegrationTest extends IntegrationTestBase {

    private static final String TO_IOM = "The Technical Secretariat of the Regional Conference on Migration (RCM) "
            + "addresses the following request to the International Organization for Migration (IOM).";
    private static final String TO_PAHO = "La Secretaría Técnica de la Conferencia Regional sobre Migración (CRM) "
            + "se dirige a la Organización Panamericana de la Salud (OPS) con la siguiente solicitud.";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RequestJourney journey;
    @Autowired
    RequestRegistry registry;
    @Autowired
    FormService forms;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    RepositoryService repository;

    @BeforeEach
    void emptyMailboxes() throws Exception {
        TestMailServer.purge();
    }

    @Test
    void requestInBothLanguagesReachesEachRecipientInItsOwn() throws Exception {
        // given a request with its Spanish text in subject and body, and its English one in subjects and bodies
        String id = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> request = request("Ventanas epidemiológicas " + id,
                "Solicitamos información sobre las ventanas de enfermedades infecciosas.", "IOM", "PAHO");
        request.put("subjects", Map.of("en", "Epidemiological windows " + id));
        request.put("bodies", Map.of("en", "We request information on the windows of infectious diseases."));

        // when it is drafted, approved and sent
        String reference = sent(request, "IOM", "PAHO");

        // then IOM reads it in English and PAHO in Spanish, neither with a line about the language
        MimeMessage iom = journey.sentMessage(reference, "IOM").orElseThrow();
        assertThat(iom.getSubject()).as("IOM's subject").isEqualTo("[" + reference + "] Epidemiological windows " + id);
        assertThat(text(iom)).as("IOM's plain text").contains(TO_IOM)
                .contains("We request information on the windows of infectious diseases.")
                .doesNotContain("Solicitamos").doesNotContain("This request is sent in");
        assertThat(Jsoup.parse(html(iom)).text()).as("IOM's HTML").contains(TO_IOM)
                .contains("We request information on the windows").doesNotContain("Solicitamos");
        MimeMessage paho = journey.sentMessage(reference, "PAHO").orElseThrow();
        assertThat(paho.getSubject()).as("PAHO's subject").isEqualTo("[" + reference + "] Ventanas epidemiológicas "
                + id);
        assertThat(text(paho)).as("PAHO's plain text").contains(TO_PAHO)
                .contains("Solicitamos información sobre las ventanas").doesNotContain("We request")
                .doesNotContain("Esta solicitud se envía en");
        assertThat(Jsoup.parse(html(paho)).select("a#reply-button").text()).as("PAHO's reply button")
                .isEqualTo("Responder en línea");
        assertThat(Jsoup.parse(html(iom)).select("a#reply-button").text()).as("IOM's reply button")
                .isEqualTo("Reply online");
    }

    @Test
    void requestInOneLanguageReachesTheOtherWithALineInItsLanguage() throws Exception {
        String reference = sent(request("Capacitación " + UUID.randomUUID(), "Solicitamos una capacitación.", "IOM",
                "PAHO"), "IOM", "PAHO");

        String toIom = text(journey.sentMessage(reference, "IOM").orElseThrow());
        assertThat(toIom).as("IOM's plain text: the Spanish text, after a line in English that says so")
                .contains(TO_IOM).contains("This request is sent in Spanish.").contains("Solicitamos una capacitación.");
        assertThat(toIom.indexOf("This request is sent in Spanish.")).as("the line comes before the text")
                .isLessThan(toIom.indexOf("Solicitamos una capacitación."));
        assertThat(Jsoup.parse(html(journey.sentMessage(reference, "IOM").orElseThrow())).select("#text-language")
                .text()).as("the line in IOM's HTML").isEqualTo("This request is sent in Spanish.");
        assertThat(text(journey.sentMessage(reference, "PAHO").orElseThrow())).as("PAHO's plain text")
                .contains(TO_PAHO).contains("Solicitamos una capacitación.").doesNotContain("Esta solicitud se envía");
    }

    @Test
    void requestGivenOnlyInEnglishIsAnEnglishRequest() throws Exception {
        Map<String, Object> request = request(null, null, "PAHO");
        request.put("subjects", Map.of("en", "Campaign support " + UUID.randomUUID()));
        request.put("bodies", Map.of("en", "We request support for the campaign."));

        String reference = sent(request, "PAHO");

        Map<?, ?> details = officer().getForObject("/api/requests/" + reference, Map.class);
        assertThat(details.get("language")).as("language of the registered request").isEqualTo("en");
        assertThat(text(journey.sentMessage(reference, "PAHO").orElseThrow())).as("PAHO's plain text")
                .contains(TO_PAHO).contains("Esta solicitud se envía en inglés.")
                .contains("We request support for the campaign.");
    }

    @Test
    void aSubjectWithoutItsTextIsRefusedWithTheFieldNamed() {
        Map<String, Object> request = request("Mapeo", "Solicitamos el mapeo.", "IOM");
        request.put("subjects", Map.of("en", "Mapping"));
        long before = runtime.createProcessInstanceQuery().count();

        ResponseEntity<Map> refused = officer().postForEntity("/api/requests", request, Map.class);

        assertThat(refused.getStatusCode()).as("status").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, String>) refused.getBody().get("errors")).as("fields named").containsOnlyKeys(
                "bodies.en");
        assertThat(runtime.createProcessInstanceQuery().count()).as("process instances").isEqualTo(before);
    }

    @Test
    void startAndDraftFormsTakeTheOtherLanguageAndTheApprovalFormHasBoth() {
        // given an officer who starts a request from the start form, in Spanish with its English text
        Map<String, Object> start = new HashMap<>(Map.of("subject", "Matriz de legislación",
                "body", "Solicitamos la actualización de la matriz.",
                "recipients", SpinValues.jsonValue("[\"IOM\"]").create(),
                "replyDue", LocalDate.now().plusDays(15).toString(), "kind", "information", "language", "es",
                "subjectEn", "Legislation matrix", "bodyEn", "We request an update of the matrix."));
        // what a client sends in the request's own language's fields is not taken: the form hides them
        start.put("subjectEs", "Ignorado");
        String reference = businessKey(submitStartForm(start));
        assertThat(registry.texts(reference)).as("texts registered from the start form").containsExactly(
                new RequestText("es", "Matriz de legislación", "Solicitamos la actualización de la matriz."),
                new RequestText("en", "Legislation matrix", "We request an update of the matrix."));

        // when the officer corrects the English text in the draft form
        Task draft = journey.onlyTask(reference, Elements.DRAFT_REQUEST, "officer1");
        assertThat(tasks.getVariables(draft.getId())).as("the draft form's English fields")
                .containsEntry(Variables.SUBJECT_EN, "Legislation matrix")
                .containsEntry(Variables.BODY_EN, "We request an update of the matrix.");
        journey.complete(draft, "officer1", Map.of(Variables.BODY_EN,
                "We kindly request an update of the legislation matrix."));

        // then the registry has the corrected text, and each Troika country's approval form shows both texts
        assertThat(registry.texts(reference)).as("texts after drafting").extracting(RequestText::body)
                .containsExactly("Solicitamos la actualización de la matriz.",
                        "We kindly request an update of the legislation matrix.");
        Task approval = journey.onlyTask(reference, Elements.APPROVE_REQUEST, "delegate-mx");
        assertThat(forms.getTaskFormVariables(approval.getId())).as("the approval form's values")
                .containsEntry(Variables.SUBJECT, "Matriz de legislación")
                .containsEntry(Variables.BODY, "Solicitamos la actualización de la matriz.")
                .containsEntry(Variables.SUBJECT_EN, "Legislation matrix")
                .containsEntry(Variables.BODY_EN, "We kindly request an update of the legislation matrix.");
    }

    @Test
    void draftFormWithTheOtherLanguageClearedLeavesTheRequestInOneLanguage() {
        Map<String, Object> request = request("Mapeo " + UUID.randomUUID(), "Solicitamos el mapeo.", "IOM");
        request.put("subjects", Map.of("en", "Mapping"));
        request.put("bodies", Map.of("en", "We request the mapping."));
        String reference = (String) officer().postForEntity("/api/requests", request, Map.class).getBody()
                .get("reference");

        journey.complete(journey.onlyTask(reference, Elements.DRAFT_REQUEST, "officer1"), "officer1",
                Map.of(Variables.SUBJECT_EN, "", Variables.BODY_EN, ""));

        assertThat(registry.texts(reference)).as("texts after the English fields were emptied")
                .extracting(RequestText::language).containsExactly("es");
    }

    private String sent(Map<String, Object> request, String... recipients) {
        ResponseEntity<Map> created = officer().postForEntity("/api/requests", request, Map.class);
        assertThat(created.getStatusCode()).as("POST /api/requests " + created.getBody()).isEqualTo(
                HttpStatus.CREATED);
        String reference = (String) created.getBody().get("reference");
        journey.complete(journey.onlyTask(reference, Elements.DRAFT_REQUEST, "officer1"), "officer1", Map.of());
        for (String delegate : List.of("delegate-hn", "delegate-mx", "delegate-sv")) {
            journey.complete(journey.onlyTask(reference, Elements.APPROVE_REQUEST, delegate), delegate,
                    Map.of(Variables.DECISION, "approve"));
        }
        for (String recipient : recipients) {
            await().atMost(Duration.ofSeconds(30)).until(() -> journey.sentMessage(reference, recipient).isPresent());
        }
        return reference;
    }

    private static Map<String, Object> request(String subject, String body, String... recipients) {
        Map<String, Object> request = new HashMap<>();
        if (subject != null) {
            request.put("subject", subject);
            request.put("body", body);
        }
        request.put("recipients", List.of(recipients));
        request.put("replyDue", LocalDate.now().plusDays(30).toString());
        return request;
    }

    private String submitStartForm(Map<String, Object> variables) {
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey(RequestProcess.KEY)
                .latestVersion().singleResult().getId();
        identity.setAuthenticatedUserId("officer1");
        try {
            return forms.submitStartForm(definition, variables).getId();
        } finally {
            identity.clearAuthentication();
        }
    }

    private String businessKey(String processInstanceId) {
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getBusinessKey();
    }

    private TestRestTemplate officer() {
        return rest.withBasicAuth("officer1", "demo");
    }

    private static String text(MimeMessage message) throws Exception {
        return part(message, "text/plain");
    }

    private static String html(MimeMessage message) throws Exception {
        return part(message, "text/html");
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type) && part.getFileName() == null) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
