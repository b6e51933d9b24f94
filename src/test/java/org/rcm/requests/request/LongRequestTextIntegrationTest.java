package org.rcm.requests.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
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
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.meeting.ImportReport;
import org.rcm.requests.meeting.MeetingImporter;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A request text of 100,000 characters — beyond the engine's 4,000-character text variables — comes in through the
 * API, the Tasklist start form and a meeting import, stands whole in the registry, goes out whole, and the forms show
 * its beginning with the registry's address.
 */
class LongRequestTextIntegrationTest extends IntegrationTestBase {

    private static final List<String> DELEGATES = List.of("delegate-hn", "delegate-mx", "delegate-sv");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RequestRegistry registry;
    @Autowired
    RequestJourney journey;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    FormService forms;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;
    @Autowired
    MeetingImporter meetings;

    @Test
    void aLongTextFromTheApiIsStoredSentAndShownWhole() throws Exception {
        String body = longText("API");

        // given a request with a 100,000-character text from the API
        ResponseEntity<Map> created = rest.withBasicAuth("officer1", "demo").postForEntity("/api/requests", Map.of(
                "subject", "Texto largo por la API", "body", body, "recipients", List.of("IOM"),
                "replyDue", LocalDate.now().plusDays(20).toString()), Map.class);
        assertThat(created.getStatusCode()).as("status of the API call").isEqualTo(HttpStatus.CREATED);
        String reference = (String) created.getBody().get("reference");

        // then the registry has it whole and the draft form its beginning with the registry's address
        assertThat(registry.body(reference)).as("registry text").contains(body);
        Task draft = journey.onlyTask(reference, Elements.DRAFT_REQUEST, "officer1");
        String shown = (String) tasks.getVariable(draft.getId(), Variables.BODY);
        assertThat(shown).as("the draft form's text").startsWith(body.substring(0, 3_000))
                .endsWith("/registry/" + reference).hasSizeLessThan(4_000);

        // when the officer submits the form with the shortened text unchanged and the Troika approves
        journey.complete(draft, "officer1", Map.of(Variables.SUBJECT, "Texto largo por la API", Variables.BODY,
                shown));
        assertThat(registry.body(reference)).as("registry text after the draft form came back").contains(body);
        approve(reference);

        // then IOM's email carries the whole text
        await().atMost(Duration.ofSeconds(20)).until(() -> journey.sentMessage(reference, "IOM").isPresent());
        assertThat(plainText(journey.sentMessage(reference, "IOM").orElseThrow()))
                .as("the text part of IOM's email").contains(body);
    }

    @Test
    void aLongTextFromTheStartFormIsRegisteredWhole() {
        String body = longText("formulario");
        Map<String, Object> form = new HashMap<>(Map.of("subject", "Texto largo del formulario", "body", body,
                "recipients", SpinValues.jsonValue("[\"PAHO\"]").create(),
                "replyDue", LocalDate.now().plusDays(15).toString(), "kind", "information", "language", "es"));

        identity.setAuthenticatedUserId("officer2");
        String processInstanceId;
        try {
            processInstanceId = forms.submitStartForm(repository.createProcessDefinitionQuery()
                    .processDefinitionKey(RequestProcess.KEY).latestVersion().singleResult().getId(), form).getId();
        } finally {
            identity.clearAuthentication();
        }

        String reference = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getBusinessKey();
        assertThat(registry.body(reference)).as("registry text of a start-form request").contains(body);
        assertThat((String) runtime.getVariable(processInstanceId, Variables.BODY)).as("the forms' copy")
                .endsWith("/registry/" + reference);
    }

    @Test
    void aLongEnglishTextFromTheStartFormIsRegisteredWholeAndKeptThroughTheDraftForm() {
        String english = longText("English");
        Map<String, Object> form = new HashMap<>(Map.of("subject", "Texto largo en dos idiomas", "body", "Texto corto.",
                "recipients", SpinValues.jsonValue("[\"IOM\"]").create(),
                "replyDue", LocalDate.now().plusDays(15).toString(), "kind", "information", "language", "es",
                "subjectEn", "A long text in two languages", "bodyEn", english));

        identity.setAuthenticatedUserId("officer2");
        String processInstanceId;
        try {
            processInstanceId = forms.submitStartForm(repository.createProcessDefinitionQuery()
                    .processDefinitionKey(RequestProcess.KEY).latestVersion().singleResult().getId(), form).getId();
        } finally {
            identity.clearAuthentication();
        }
        String reference = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getBusinessKey();
        assertThat(registry.texts(reference)).as("the English text in the registry").last()
                .satisfies(text -> assertThat(text.body()).isEqualTo(english));

        Task draft = journey.onlyTask(reference, Elements.DRAFT_REQUEST, "officer1");
        String shown = (String) tasks.getVariable(draft.getId(), Variables.BODY_EN);
        assertThat(shown).as("the draft form's English text").startsWith(english.substring(0, 3_000))
                .endsWith("/registry/" + reference);
        journey.complete(draft, "officer1", Map.of(Variables.BODY_EN, shown));

        assertThat(registry.texts(reference)).as("the English text after the draft form came back unchanged").last()
                .satisfies(text -> assertThat(text.body()).isEqualTo(english));
    }

    @Test
    void aLongTextFromAMeetingImportIsRegisteredWhole() {
        String body = longText("reunión");
        String yaml = """
                meeting:
                  id: long-text-%1$d
                  name: Reunión con un texto largo %1$d
                  place: Ciudad de Panamá, Panamá
                  from: 2016-07-13
                  to: 2016-07-14
                agreements:
                  - number: 1a
                    text: Solicitar a la OIM la información indicada.
                    responsible: ST
                    requests:
                      - subject: Texto largo importado %1$d
                        body: "%2$s"
                        recipients: [IOM]
                """.formatted(System.nanoTime(), body.replace("\n", "\\n"));

        ImportReport report = meetings.importFile(yaml.getBytes(StandardCharsets.UTF_8), "officer1");

        assertThat(report.requests()).as("drafts created by the import").hasSize(1);
        assertThat(registry.body(report.requests().get(0).reference())).as("registry text of the imported draft")
                .contains(body);
    }

    private void approve(String reference) {
        for (String delegate : DELEGATES) {
            journey.complete(journey.onlyTask(reference, Elements.APPROVE_REQUEST, delegate), delegate,
                    Map.of(Variables.DECISION, "approve"));
        }
    }

    /** 100,000 characters in numbered paragraphs, so that a cut or a reordering shows. */
    private static String longText(String source) {
        StringBuilder text = new StringBuilder();
        for (int paragraph = 1; text.length() < 100_000; paragraph++) {
            text.append("Párrafo %05d (%s): la Secretaría Técnica solicita la información indicada.\n"
                    .formatted(paragraph, source));
        }
        return text.substring(0, 100_000).strip();
    }

    private static String plainText(MimeMessage message) throws Exception {
        String text = plainText((Part) message);
        return text == null ? "" : text.replace("\r\n", "\n");
    }

    private static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = plainText(child);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
