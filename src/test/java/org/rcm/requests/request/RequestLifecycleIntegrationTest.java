package org.rcm.requests.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
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
 * The round trip of DESIGN.md: a request started through the API, drafted by an officer, approved by the three Troika
 * delegates, and delivered to IOM (English) and PAHO (Spanish) through a real SMTP server.
 */
class RequestLifecycleIntegrationTest extends IntegrationTestBase {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    RequestJourney journey;
    @Autowired
    FormService forms;
    @Autowired
    RepositoryService repository;

    @BeforeEach
    void emptyMailboxes() throws Exception {
        TestMailServer.MAIL.purgeEmailFromAllMailboxes();
    }

    @Test
    void requestApprovedByTheTroikaReachesEachRecipientInItsLanguage() throws Exception {
        // given a request to IOM (English contact) and PAHO (Spanish contact), started through the API
        ResponseEntity<Map> created = officer().postForEntity("/api/requests", Map.of(
                "subject", "Ventanas de enfermedades infecciosas",
                "body", "Solicitamos información sobre las ventanas de enfermedades infecciosas y virales.",
                "recipients", List.of("IOM", "PAHO"),
                "replyDue", LocalDate.now().plusDays(30).toString()), Map.class);
        assertThat(created.getStatusCode()).as("POST /api/requests status").isEqualTo(HttpStatus.CREATED);
        String reference = (String) created.getBody().get("reference");
        assertThat(reference).as("reference").matches("CRM-\\d{4}-\\d{4}");

        // when the officer completes the draft and each delegate approves the task of their own country
        journey.complete(journey.onlyTask(reference, Elements.DRAFT_REQUEST, "officer1"), "officer1", Map.of());
        for (String delegate : List.of("delegate-hn", "delegate-mx", "delegate-sv")) {
            journey.complete(journey.onlyTask(reference, Elements.APPROVE_REQUEST, delegate), delegate,
                    Map.of(Variables.DECISION, "approve"));
        }

        // then two emails arrive: English for IOM, Spanish for PAHO, tagged and with the recorded Message-IDs
        await().atMost(Duration.ofSeconds(20)).until(() -> TestMailServer.MAIL.getReceivedMessages().length == 2);
        MimeMessage iom = messageTo("focal.point@iom.example.org");
        MimeMessage paho = messageTo("punto.focal@paho.example.org");
        assertThat(iom.getSubject()).as("IOM subject").isEqualTo("[" + reference + "] Ventanas de enfermedades infecciosas");
        assertThat(iom.getMessageID()).as("IOM Message-ID, with its keyed part")
                .matches("<" + reference.toLowerCase() + "\\.iom\\.request\\.1\\.[a-z2-7]{16}@crm\\.example\\.org>")
                .isEqualTo(journey.messageId(reference, "IOM").orElseThrow());
        assertThat(part(iom, "text/plain")).as("IOM plain text is English").contains("Dear IOM focal point")
                .contains("Solicitamos información");
        assertThat(part(iom, "text/html")).as("IOM HTML part is English").contains("Dear IOM focal point");
        assertThat(part(paho, "text/plain")).as("PAHO plain text is Spanish").contains("Estimado/a Punto focal OPS")
                .contains("a más tardar");
        assertThat(part(paho, "text/html")).as("PAHO HTML part").contains("Estimado/a");

        // and the registry shows both recipients awaiting a reply, with both messages in the log
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<?, ?> details = officer().getForObject("/api/requests/" + reference, Map.class);
            assertThat(details.get("state")).as("request state").isEqualTo("AWAITING_REPLY");
            assertThat((List<Map<?, ?>>) details.get("recipients")).as("recipient states")
                    .extracting(r -> r.get("code") + ":" + r.get("state"))
                    .containsExactlyInAnyOrder("IOM:AWAITING_REPLY", "PAHO:AWAITING_REPLY");
            assertThat((List<Map<?, ?>>) details.get("correspondence")).as("correspondence log")
                    .extracting(m -> m.get("messageId") + " " + m.get("status"))
                    .containsExactlyInAnyOrder(iom.getMessageID() + " SENT", paho.getMessageID() + " SENT");
        });
    }

    @Test
    void aDelegateSeesOnlyTheApprovalTaskOfTheirOwnCountry() {
        String reference = (String) officer().postForEntity("/api/requests", Map.of("subject", "Invitación",
                "body", "Invitación a la reunión de septiembre.", "recipients", List.of("BR"),
                "replyDue", LocalDate.now().plusDays(20).toString(), "kind", "invitation"), Map.class)
                .getBody().get("reference");
        journey.complete(journey.onlyTask(reference, Elements.DRAFT_REQUEST, "officer2"), "officer2", Map.of());

        List<Task> seenByHonduras = tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskCandidateUser("delegate-hn").list();

        assertThat(seenByHonduras).as("tasks offered to delegate-hn").hasSize(1);
        assertThat(runtime.getVariable(seenByHonduras.get(0).getExecutionId(), Variables.TROIKA_COUNTRY))
                .as("country of the task offered to delegate-hn").isEqualTo("HN");
        assertThat(seenByHonduras.get(0).getName()).as("task name in Tasklist's list")
                .isEqualTo("Aprobar solicitud · " + reference + " · HN");
    }

    @Test
    void startFormInTasklistRegistersTheRequestUnderANewReference() {
        // given the variables Tasklist submits from the start form: the tag list as a JSON array
        Map<String, Object> form = Map.of("subject", "Matriz de legislación", "body", "Solicitamos la actualización.",
                "recipients", SpinValues.jsonValue("[\"IOM\",\"UNODC\"]").create(),
                "replyDue", LocalDate.now().plusDays(15).toString(), "kind", "information", "language", "es");

        // when an officer starts the process from the form
        identity.setAuthenticatedUserId("officer2");
        String processInstanceId;
        try {
            processInstanceId = forms.submitStartForm(latestDefinition(), form).getId();
        } finally {
            identity.clearAuthentication();
        }

        // then the request has its reference as business key and stands in the registry, waiting at drafting
        String reference = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getBusinessKey();
        assertThat(reference).as("business key of a request started from the form").matches("CRM-\\d{4}-\\d{4}");
        Map<?, ?> details = officer().getForObject("/api/requests/" + reference, Map.class);
        assertThat(details.get("createdBy")).as("who started it").isEqualTo("officer2");
        assertThat(details.get("state")).as("state").isEqualTo("DRAFTING");
        assertThat((List<Map<?, ?>>) details.get("recipients")).as("recipients").extracting(r -> (Object) r.get("code"))
                .containsExactly("IOM", "UNODC");
        assertThat(runtime.getVariable(processInstanceId, Variables.RECIPIENT_LIST))
                .as("recipients as a variable (the route is read from the registry)").isNull();
    }

    @Test
    void startFormWithAnUnknownRecipientIsRefusedWithTheFieldNamed() {
        long before = runtime.createProcessInstanceQuery().count();
        Map<String, Object> form = Map.of("subject", "Asunto", "body", "Texto", "recipients", "IOM, NOPE",
                "replyDue", LocalDate.now().plusDays(15).toString());

        assertThatThrownBy(() -> forms.submitStartForm(latestDefinition(), form))
                .as("starting with an unknown recipient").hasMessageContaining("recipients")
                .hasMessageContaining("NOPE");
        assertThat(runtime.createProcessInstanceQuery().count()).as("process instances").isEqualTo(before);
    }

    @Test
    void invalidRequestIsRefusedWithTheFieldsNamedAndNothingStarted() {
        long before = runtime.createProcessInstanceQuery().count();

        ResponseEntity<Map> refused = officer().postForEntity("/api/requests", Map.of("subject", " ",
                "body", "Texto", "recipients", List.of("IOM", "ZZ"), "replyDue", "2020-01-01"), Map.class);

        assertThat(refused.getStatusCode()).as("status of an invalid request").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, String>) refused.getBody().get("errors")).as("fields named in the error")
                .containsOnlyKeys("subject", "recipients", "replyDue")
                .hasEntrySatisfying("recipients", message -> assertThat(message).contains("ZZ"));
        assertThat(runtime.createProcessInstanceQuery().count()).as("process instances after a refused request")
                .isEqualTo(before);
    }

    @Test
    void malformedDateIsAFieldError() {
        ResponseEntity<Map> refused = officer().postForEntity("/api/requests", Map.of("subject", "Asunto",
                "body", "Texto", "recipients", List.of("IOM"), "replyDue", "28/07/2016"), Map.class);

        assertThat(refused.getStatusCode()).as("status").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, String>) refused.getBody().get("errors")).as("errors").containsOnlyKeys("replyDue");
    }

    @Test
    void apiAndEngineRestRefuseRequestsWithoutCredentials() {
        assertThat(rest.getForEntity("/api/requests", String.class).getStatusCode()).as("/api without credentials")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .as("/engine-rest without credentials").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("nobody", "wrong").getForEntity("/api/directory", String.class)
                .getStatusCode()).as("/api with an unknown user").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void directoryListsTheTroikaAndTheSeedParties() {
        Map<?, ?> directory = officer().getForObject("/api/directory", Map.class);

        assertThat((List<String>) directory.get("troika")).as("Troika").containsExactly("HN", "MX", "SV");
        assertThat((List<Map<?, ?>>) directory.get("parties")).as("parties").extracting(p -> (Object) p.get("code"))
                .contains((Object[]) new String[] {"IOM", "PAHO", "ICRC", "UNHCR", "UNODC", "CSM", "BR", "EC", "CO", "MX"});
    }

    private String latestDefinition() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(RequestProcess.KEY).latestVersion()
                .singleResult().getId();
    }

    private TestRestTemplate officer() {
        return rest.withBasicAuth("officer1", "demo");
    }

    private static MimeMessage messageTo(String address) {
        return Arrays.stream(TestMailServer.MAIL.getReceivedMessagesForDomain(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no message delivered to " + address));
    }

    private static String part(MimeMessage message, String type) throws Exception {
        Object content = message.getContent();
        StringBuilder found = new StringBuilder();
        collect(content, type, found);
        assertThat(found).as(type + " part of " + message.getSubject()).isNotEmpty();
        return found.toString();
    }

    private static void collect(Object content, String type, StringBuilder found) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    found.append(part.getContent());
                } else {
                    collect(part.getContent(), type, found);
                }
            }
        }
    }
}
