package org.rcm.requests.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.RequestRecord;
import org.rcm.requests.TestMailServer;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 10: the registry is the record. As each demo role — a delegate of another country, the delegate of the task's
 * own country, an officer — every way of writing process variables through {@code /engine-rest} is tried against a
 * running request; the request still goes only where the registry says, with the text the officer drafted and the
 * decisions the Troika took, as the request API and the emails delivered show.
 */
class RequestTamperingIntegrationTest extends IntegrationTestBase {

    private static final String SUBJECT = "Cifras de retorno asistido";
    private static final String BODY = "Solicitamos las cifras de retorno asistido del último trimestre.";
    private static final List<String> RECIPIENTS = List.of("IOM", "PAHO");
    private static final String OWN_COUNTRY = "delegate-hn";
    private static final String OTHER_COUNTRY = "delegate-mx";
    private static final String OFFICER = "officer1";
    private static final List<String> DELEGATES = List.of("delegate-hn", "delegate-mx", "delegate-sv");
    /** A reference the registry does not know: the tries that write it try to point the request elsewhere. */
    private static final String OTHER_REFERENCE = "CRM-1999-0001";
    /** A list-shaped value: stored as a Java list, it would be a collection the per-recipient loop accepts. */
    private static final Map<String, Object> UNODC_ONLY = value(List.of("UNODC"));

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RequestService requests;
    @Autowired
    RequestJourney journey;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;

    /** The request under attack: its instance, its draft task or the approval tasks of Honduras and Mexico. */
    record Running(String reference, String processInstanceId, String draft, String honduras, String mexico) {
    }

    enum Stage { DRAFTING, IN_APPROVAL, AWAITING_REPLY }

    /**
     * Per stage, a request no try has changed: a refused try changes nothing, so the next try may use the same
     * request; after a try that got through (or whose check failed) the next one starts a new request.
     */
    private static final Map<Stage, Running> UNTOUCHED = new EnumMap<>(Stage.class);

    /** What the fixed code answers: 403, 400 naming the field, or (message correlation) any 4xx. */
    enum Refusal { FORBIDDEN, BAD_REQUEST, CLIENT_ERROR }

    /** One try: who calls what, with which body, and how it must be refused. */
    record Try(String name, String user, Stage stage, HttpMethod method, Function<Running, String> path,
               Function<Running, Object> body, Refusal refusal, String field) {

        @Override
        public String toString() {
            return name;
        }
    }

    // --- the tries --------------------------------------------------------------------------------------------

    /**
     * Variable writes outside completion, modification and message correlation: 403 for every task user, on
     * Honduras's approval task (and, for the officer, on their own draft task) and on the request's instance.
     */
    static Stream<Try> writesOutsideCompletion() {
        List<Try> all = new ArrayList<>();
        all.addAll(taskWrites(OTHER_COUNTRY, Stage.IN_APPROVAL, "Honduras's approval task", Running::honduras));
        all.addAll(taskWrites(OWN_COUNTRY, Stage.IN_APPROVAL, "own approval task", Running::honduras));
        all.addAll(taskWrites(OFFICER, Stage.IN_APPROVAL, "Honduras's approval task", Running::honduras));
        all.addAll(taskWrites(OFFICER, Stage.DRAFTING, "own draft task", Running::draft));
        for (String user : List.of(OTHER_COUNTRY, OWN_COUNTRY, OFFICER)) {
            Function<Running, String> instance = r -> "/engine-rest/process-instance/" + r.processInstanceId();
            Function<Running, String> execution = r -> "/engine-rest/execution/" + r.processInstanceId();
            all.add(forbidden(user + " PUT execution local variable recipientList on the request's execution", user,
                    Stage.IN_APPROVAL, HttpMethod.PUT, r -> execution.apply(r) + "/localVariables/recipientList",
                    UNODC_ONLY));
            all.add(forbidden(user + " POST execution local variables approvalRejected on the request's execution",
                    user, Stage.IN_APPROVAL, HttpMethod.POST, r -> execution.apply(r) + "/localVariables",
                    modifications(Map.of(Variables.APPROVAL_REJECTED, value(true)))));
            all.add(forbidden(user + " PUT instance variable recipientList", user, Stage.IN_APPROVAL, HttpMethod.PUT,
                    r -> instance.apply(r) + "/variables/recipientList", UNODC_ONLY));
            all.add(forbidden(user + " POST instance variables changesRequested and reference", user,
                    Stage.IN_APPROVAL, HttpMethod.POST, r -> instance.apply(r) + "/variables", modifications(Map.of(
                            Variables.CHANGES_REQUESTED, value(true), Variables.REFERENCE, value(OTHER_REFERENCE)))));
            all.add(forbidden(user + " DELETE instance variable approvalRejected", user, Stage.IN_APPROVAL,
                    HttpMethod.DELETE, r -> instance.apply(r) + "/variables/approvalRejected", null));
            all.add(forbidden(user + " POST modification starting the sending before the Troika decides", user,
                    Stage.IN_APPROVAL, HttpMethod.POST, r -> instance.apply(r) + "/modification",
                    Map.of("instructions", List.of(
                            Map.of("type", "startBeforeActivity", "activityId", "Gateway_ReadyToSend")))));
            all.add(new Try(user + " POST message Msg_ReplyReceived with a forged reply from IOM", user,
                    Stage.AWAITING_REPLY, HttpMethod.POST, r -> "/engine-rest/message", r -> Map.of(
                            "messageName", RequestProcess.MESSAGE_REPLY_RECEIVED,
                            "businessKey", r.reference(),
                            "localCorrelationKeys", Map.of(Variables.CORRELATION_KEY,
                                    value(RequestProcess.correlationKey(r.reference(), "IOM"))),
                            "processVariables", Map.of(Variables.REPLY_TEXT,
                                    value("Respuesta falsificada: no tenemos cifras."))),
                    Refusal.CLIENT_ERROR, null));
        }
        return all.stream();
    }

    private static List<Try> taskWrites(String user, Stage stage, String task, Function<Running, String> taskId) {
        Function<Running, String> path = r -> "/engine-rest/task/" + taskId.apply(r);
        String on = " on " + task;
        return List.of(
                forbidden(user + " PUT task variable recipientList" + on, user, stage, HttpMethod.PUT,
                        r -> path.apply(r) + "/variables/recipientList", UNODC_ONLY),
                forbidden(user + " PUT task variable reference" + on, user, stage, HttpMethod.PUT,
                        r -> path.apply(r) + "/variables/reference", value(OTHER_REFERENCE)),
                forbidden(user + " POST task variables subject and body" + on, user, stage, HttpMethod.POST,
                        r -> path.apply(r) + "/variables", modifications(Map.of(
                                Variables.SUBJECT, value("Asunto cambiado"), Variables.BODY, value("Texto cambiado")))),
                forbidden(user + " DELETE task variable recipientList" + on, user, stage, HttpMethod.DELETE,
                        r -> path.apply(r) + "/variables/recipientList", null),
                forbidden(user + " PUT task local variable troikaCountry" + on, user, stage, HttpMethod.PUT,
                        r -> path.apply(r) + "/localVariables/troikaCountry", value("MX")),
                forbidden(user + " POST task local variables changesRequested" + on, user, stage, HttpMethod.POST,
                        r -> path.apply(r) + "/localVariables",
                        modifications(Map.of(Variables.CHANGES_REQUESTED, value(true)))),
                forbidden(user + " DELETE task local variable troikaCountry" + on, user, stage, HttpMethod.DELETE,
                        r -> path.apply(r) + "/localVariables/troikaCountry", null));
    }

    /** Completing Honduras's task with a variable the approval form does not declare. */
    static Stream<Try> completionsWithExtraFields() {
        Map<String, Map<String, Object>> extras = new LinkedHashMap<>();
        extras.put(Variables.RECIPIENT_LIST, UNODC_ONLY);
        extras.put(Variables.SUBJECT, value("Asunto cambiado por la Troika"));
        extras.put(Variables.BODY, value("Texto cambiado por la Troika"));
        extras.put(Variables.CHANGES_REQUESTED, value(true));
        extras.put(Variables.APPROVAL_REJECTED, value(true));
        extras.put(Variables.REFERENCE, value(OTHER_REFERENCE));
        extras.put(Variables.TROIKA_COUNTRY, value("MX"));
        List<Try> all = new ArrayList<>();
        for (String endpoint : List.of("complete", "submit-form")) {
            extras.forEach((field, extra) -> all.add(new Try(OWN_COUNTRY + " POST " + endpoint + " with extra "
                    + field + " on own approval task", OWN_COUNTRY, Stage.IN_APPROVAL, HttpMethod.POST,
                    r -> "/engine-rest/task/" + r.honduras() + "/" + endpoint,
                    r -> completion(Map.of(Variables.DECISION, value("approve"), field, extra)), Refusal.BAD_REQUEST,
                    field)));
            for (String user : List.of(OTHER_COUNTRY, OFFICER)) {
                all.add(forbidden(user + " POST " + endpoint + " with extra recipientList on Honduras's approval task",
                        user, Stage.IN_APPROVAL, HttpMethod.POST, r -> "/engine-rest/task/" + r.honduras() + "/" + endpoint,
                        completion(Map.of(Variables.DECISION, value("approve"),
                                Variables.RECIPIENT_LIST, UNODC_ONLY))));
            }
        }
        return all.stream();
    }

    /** A value of a declared field that the form does not allow, and the field the refusal must name. */
    private record Malformed(String label, String field, Map<String, Object> variables) {
    }

    /** Completing Honduras's task with the form's own fields, but values the form does not allow. */
    static Stream<Try> malformedCompletions() {
        // a well-formed value, so that only the type (not a broken value) can be the reason to refuse it
        Map<String, Object> url = Map.of("type", "Object", "value", "\"https://example.org/\"", "valueInfo", Map.of(
                "objectTypeName", "java.net.URL", "serializationDataFormat", "application/json"));
        List<Malformed> cases = List.of(
                new Malformed("decision maybe", Variables.DECISION, Map.of(Variables.DECISION, value("maybe"))),
                new Malformed("decision changes without a comment", Variables.COMMENT,
                        Map.of(Variables.DECISION, value("changes"))),
                new Malformed("decision reject without a comment", Variables.COMMENT,
                        Map.of(Variables.DECISION, value("reject"))),
                new Malformed("decision as an Object of type java.net.URL", Variables.DECISION,
                        Map.of(Variables.DECISION, url)),
                new Malformed("comment as an Object of type java.net.URL", Variables.COMMENT,
                        Map.of(Variables.DECISION, value("approve"), Variables.COMMENT, url)));
        List<Try> all = new ArrayList<>();
        for (String endpoint : List.of("complete", "submit-form")) {
            cases.forEach(malformed -> all.add(new Try(OWN_COUNTRY + " POST " + endpoint + " with "
                    + malformed.label() + " on own approval task", OWN_COUNTRY, Stage.IN_APPROVAL, HttpMethod.POST,
                    r -> "/engine-rest/task/" + r.honduras() + "/" + endpoint,
                    r -> completion(malformed.variables()), Refusal.BAD_REQUEST, malformed.field())));
        }
        return all.stream();
    }

    // --- one test per theme -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("writesOutsideCompletion")
    void aTaskUserCannotWriteVariablesOutsideCompletion(Try attempt) {
        // given a running request at the stage the try needs
        Running request = untouched(attempt.stage());

        // when the task user tries
        ResponseEntity<String> answer = send(attempt, request);

        // then the engine refuses, and a refused correlation leaves IOM waiting for its reply
        assertRefused(attempt, answer);
        if (attempt.stage() == Stage.AWAITING_REPLY) {
            assertThat(awaitsReply(request, "IOM")).as(attempt + ": IOM still awaits its reply").isTrue();
            assertThat(recipientStates(request.reference())).as(attempt + ": recipient states in the registry")
                    .containsExactlyInAnyOrder("IOM:AWAITING_REPLY", "PAHO:AWAITING_REPLY");
        }
        UNTOUCHED.put(attempt.stage(), request);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"completionsWithExtraFields", "malformedCompletions"})
    void completingAnApprovalTakesOnlyTheFormsFieldsWithValuesTheyAllow(Try attempt) {
        // given a request waiting for the Troika
        Running request = untouched(Stage.IN_APPROVAL);

        // when Honduras's delegate completes with a field the form does not declare, or a value it does not allow
        ResponseEntity<String> answer = send(attempt, request);

        // then the completion is refused naming the field, and Honduras's task is still open
        assertRefused(attempt, answer);
        assertThat(tasks.createTaskQuery().taskId(request.honduras()).count())
                .as(attempt + ": Honduras's approval task still open").isOne();
        UNTOUCHED.put(Stage.IN_APPROVAL, request);
    }

    @Test
    void afterEveryTryTheRequestGoesOnlyWhereTheRegistrySaysWithTheTextTheOfficerDrafted() throws Exception {
        // given a request to IOM and PAHO waiting for the Troika, and every try made against it
        Running request = inApproval();
        Stream.of(writesOutsideCompletion(), completionsWithExtraFields(), malformedCompletions())
                .flatMap(tries -> tries).filter(attempt -> attempt.stage() == Stage.IN_APPROVAL)
                .forEach(attempt -> send(attempt, request));

        // when the three delegates approve, each their own country's task (one a try got through with is gone)
        for (String delegate : DELEGATES) {
            for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(request.reference())
                    .taskDefinitionKey(Elements.APPROVE_REQUEST).taskCandidateUser(delegate).list()) {
                ResponseEntity<String> approved = call(delegate, HttpMethod.POST,
                        "/engine-rest/task/" + task.getId() + "/complete",
                        completion(Map.of(Variables.DECISION, value("approve"))));
                assertThat(approved.getStatusCode()).as(delegate + " approves: " + approved.getBody())
                        .isEqualTo(HttpStatus.NO_CONTENT);
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> sendingDone(request));

        // then the registry shows the request as drafted, sent to IOM and PAHO and awaiting their replies
        Map<?, ?> details = details(request.reference());
        assertThat(details.get("state")).as("request state").isEqualTo("AWAITING_REPLY");
        assertThat(details.get("subject")).as("subject in the registry").isEqualTo(SUBJECT);
        assertThat(recipientStates(request.reference())).as("recipients and their states in the registry")
                .containsExactlyInAnyOrder("IOM:AWAITING_REPLY", "PAHO:AWAITING_REPLY");

        // and the emails went only to IOM and PAHO, with the subject and text the officer drafted
        Map<String, String> emails = directoryEmails();
        List<String> addressees = new ArrayList<>();
        for (MimeMessage message : sentFor(request.reference())) {
            for (Address to : message.getAllRecipients()) {
                addressees.add(((InternetAddress) to).getAddress());
            }
            String to = Arrays.toString(message.getAllRecipients());
            assertThat(message.getSubject()).as("subject of the email to " + to)
                    .isEqualTo("[" + request.reference() + "] " + SUBJECT);
            assertThat(plainText(message)).as("text of the email to " + to).contains(BODY);
        }
        assertThat(addressees).as("addressees of the emails of " + request.reference())
                .containsExactlyInAnyOrder(emails.get("IOM"), emails.get("PAHO"))
                .doesNotContain(emails.get("UNODC"));
    }

    @Test
    void aDelegateCannotWorkOrOverrideAnotherCountrysDecision() {
        // given a request waiting for the Troika
        Running request = inApproval();
        String mexico = "/engine-rest/task/" + request.mexico();

        // when delegate-hn tries Mexico's task
        Map<String, ResponseEntity<String>> onMexico = new LinkedHashMap<>();
        onMexico.put("complete", call(OWN_COUNTRY, HttpMethod.POST, mexico + "/complete",
                completion(Map.of(Variables.DECISION, value("approve")))));
        onMexico.put("submit-form", call(OWN_COUNTRY, HttpMethod.POST, mexico + "/submit-form",
                completion(Map.of(Variables.DECISION, value("approve")))));
        onMexico.put("PUT variable decision", call(OWN_COUNTRY, HttpMethod.PUT, mexico + "/variables/decision",
                value("approve")));
        onMexico.put("PUT local variable decision", call(OWN_COUNTRY, HttpMethod.PUT,
                mexico + "/localVariables/decision", value("approve")));

        // then each is forbidden, and leaves nothing in Mexico's scope (the answer is written there before the
        // completion checks the permission, and rolled back with it)
        onMexico.forEach((what, answer) -> assertThat(answer.getStatusCode())
                .as("delegate-hn " + what + " on Mexico's approval task: " + answer.getBody())
                .isEqualTo(HttpStatus.FORBIDDEN));
        String mexicoScope = tasks.createTaskQuery().taskId(request.mexico()).singleResult().getExecutionId();
        assertThat(runtime.getVariables(mexicoScope))
                .as("Mexico's approval after delegate-hn's attempts").doesNotContainKey(Variables.DECISION);

        // when Mexico asks for changes, and delegate-hn tries to clear that through their own task
        ResponseEntity<String> mexicoDecides = call(OTHER_COUNTRY, HttpMethod.POST, mexico + "/complete",
                completion(Map.of(Variables.DECISION, value("changes"),
                        Variables.COMMENT, value("Precisen el periodo de las cifras."))));
        assertThat(mexicoDecides.getStatusCode()).as("delegate-mx asks for changes: " + mexicoDecides.getBody())
                .isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> override = call(OWN_COUNTRY, HttpMethod.PUT,
                "/engine-rest/task/" + request.honduras() + "/variables/changesRequested", value(false));
        assertThat(override.getStatusCode())
                .as("delegate-hn PUT task variable changesRequested=false on own approval task: " + override.getBody())
                .isEqualTo(HttpStatus.FORBIDDEN);
        approve(request, "delegate-hn");
        approve(request, "delegate-sv");

        // then Mexico's decision stands: the request is back with the officers, with Mexico's comment
        assertThat(details(request.reference()).get("state")).as("request state after Mexico asked for changes")
                .isEqualTo("DRAFTING");
        Task draft = journey.onlyTask(request.reference(), Elements.DRAFT_REQUEST, OFFICER);
        Map<?, ?> form = rest.withBasicAuth(OFFICER, "demo").getForObject(
                "/engine-rest/task/" + draft.getId() + "/form-variables", Map.class);
        assertThat(String.valueOf(form.get(Variables.APPROVAL_COMMENTS)))
                .as("Troika comments on the draft form").contains("MX (changes): Precisen el periodo");
    }

    @ParameterizedTest(name = "officer1 POST {0} with extra recipientList on the draft task")
    @MethodSource("completionEndpoints")
    void anOfficerCannotAddRecipientsWhenCompletingTheDraft(String endpoint) {
        // given a request being drafted
        String reference = started();
        Task draft = journey.onlyTask(reference, Elements.DRAFT_REQUEST, OFFICER);

        // when the officer completes the draft with the loop's variable instead of the form's recipients
        ResponseEntity<String> answer = call(OFFICER, HttpMethod.POST,
                "/engine-rest/task/" + draft.getId() + "/" + endpoint,
                completion(Map.of(Variables.RECIPIENT_LIST, UNODC_ONLY)));

        // then it is refused naming the field, and the registry keeps the recipients and the draft
        String name = "officer1 POST " + endpoint + " with extra recipientList on the draft task";
        assertThat(answer.getStatusCode()).as(name + ": status, body " + answer.getBody())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).as(name + ": the refusal names the field").contains(Variables.RECIPIENT_LIST);
        Map<?, ?> details = details(reference);
        assertThat(recipientCodes(details)).as(name + ": recipients in the registry")
                .containsExactlyInAnyOrder("IOM", "PAHO");
        assertThat(details.get("state")).as(name + ": request state").isEqualTo("DRAFTING");
    }

    static Stream<String> completionEndpoints() {
        return Stream.of("complete", "submit-form");
    }

    @Test
    void anOfficerCannotRejectARequestByWritingTheTroikasVariable() {
        // given a request waiting for the Troika
        Running request = inApproval();

        // when an officer writes approvalRejected on the instance and the Troika then approves
        ResponseEntity<String> answer = call(OFFICER, HttpMethod.PUT, "/engine-rest/process-instance/"
                + request.processInstanceId() + "/variables/approvalRejected", Map.of("value", true,
                "type", "Boolean"));
        assertThat(answer.getStatusCode()).as("officer1 PUT instance variable approvalRejected: "
                + answer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        DELEGATES.forEach(delegate -> approve(request, delegate));

        // then the request goes out as the Troika decided
        assertThat(details(request.reference()).get("state")).as("request state after three approvals")
                .isEqualTo("AWAITING_REPLY");
    }

    @Test
    void theAdminKeepsWhatCockpitNeeds() {
        // given a request waiting for the Troika
        Running request = inApproval();
        String note = "/engine-rest/process-instance/" + request.processInstanceId() + "/variables/someNote";

        // when the admin writes a variable on the instance, as Cockpit does
        ResponseEntity<String> answer = call("admin", HttpMethod.PUT, note, value("Revisado por el administrador"));

        // then it is taken
        assertThat(answer.getStatusCode()).as("admin PUT instance variable someNote: " + answer.getBody())
                .isEqualTo(HttpStatus.NO_CONTENT);
        Map<?, ?> written = rest.withBasicAuth("admin", "demo").getForObject(note, Map.class);
        assertThat(written.get("value")).as("someNote read back by the admin").isEqualTo("Revisado por el administrador");
    }

    // --- requests and calls -----------------------------------------------------------------------------------

    private String started() {
        return requests.start(new NewRequest(SUBJECT, BODY, RECIPIENTS, LocalDate.now().plusDays(30).toString(),
                "information", "es"), List.of(), OFFICER).reference();
    }

    /** A request at {@code stage} that no try has changed; the caller puts it back once its try was refused. */
    private Running untouched(Stage stage) {
        Running kept = UNTOUCHED.remove(stage);
        if (kept != null) {
            return kept;
        }
        return switch (stage) {
            case DRAFTING -> drafting();
            case IN_APPROVAL -> inApproval();
            case AWAITING_REPLY -> awaitingReply();
        };
    }

    /** Started by officer1, with the draft task open. */
    private Running drafting() {
        String reference = started();
        Task draft = journey.onlyTask(reference, Elements.DRAFT_REQUEST, OFFICER);
        return new Running(reference, draft.getProcessInstanceId(), draft.getId(), null, null);
    }

    /** Started by officer1, drafted by officer1, now with the three Troika tasks open. */
    private Running inApproval() {
        String reference = started();
        journey.complete(journey.onlyTask(reference, Elements.DRAFT_REQUEST, OFFICER), OFFICER, Map.of());
        Task honduras = journey.onlyTask(reference, Elements.APPROVE_REQUEST, "delegate-hn");
        Task mexico = journey.onlyTask(reference, Elements.APPROVE_REQUEST, "delegate-mx");
        return new Running(reference, honduras.getProcessInstanceId(), null, honduras.getId(), mexico.getId());
    }

    /** Approved by the Troika, both request emails sent, IOM and PAHO awaiting their replies. */
    private Running awaitingReply() {
        Running request = inApproval();
        for (String delegate : DELEGATES) {
            journey.complete(journey.onlyTask(request.reference(), Elements.APPROVE_REQUEST, delegate), delegate,
                    Map.of(Variables.DECISION, "approve"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> awaitsReply(request, "IOM") && awaitsReply(request, "PAHO"));
        return request;
    }

    private void approve(Running request, String delegate) {
        Task task = journey.onlyTask(request.reference(), Elements.APPROVE_REQUEST, delegate);
        ResponseEntity<String> approved = call(delegate, HttpMethod.POST, "/engine-rest/task/" + task.getId()
                + "/complete", completion(Map.of(Variables.DECISION, value("approve"))));
        assertThat(approved.getStatusCode()).as(delegate + " approves: " + approved.getBody())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    private ResponseEntity<String> send(Try attempt, Running request) {
        return call(attempt.user(), attempt.method(), attempt.path().apply(request), attempt.body().apply(request));
    }

    private ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers),
                String.class);
    }

    private static void assertRefused(Try attempt, ResponseEntity<String> answer) {
        String seen = attempt + ": status, body " + answer.getBody();
        switch (attempt.refusal()) {
            case FORBIDDEN -> assertThat(answer.getStatusCode()).as(seen).isEqualTo(HttpStatus.FORBIDDEN);
            case CLIENT_ERROR -> assertThat(answer.getStatusCode().is4xxClientError()).as(seen + " is a 4xx")
                    .isTrue();
            case BAD_REQUEST -> {
                assertThat(answer.getStatusCode()).as(seen).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(answer.getBody()).as(attempt + ": the refusal names the field").contains(attempt.field());
            }
        }
    }

    private static Try forbidden(String name, String user, Stage stage, HttpMethod method,
                                 Function<Running, String> path, Object body) {
        return new Try(name, user, stage, method, path, r -> body, Refusal.FORBIDDEN, null);
    }

    private static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }

    private static Map<String, Object> modifications(Map<String, Object> variables) {
        return Map.of("modifications", variables);
    }

    private static Map<String, Object> completion(Map<String, ?> variables) {
        return Map.of("variables", variables);
    }

    // --- what users see ---------------------------------------------------------------------------------------

    private boolean awaitsReply(Running request, String recipient) {
        return runtime.createExecutionQuery().processInstanceId(request.processInstanceId())
                .messageEventSubscriptionName(RequestProcess.MESSAGE_REPLY_RECEIVED)
                .variableValueEquals(Variables.CORRELATION_KEY,
                        RequestProcess.correlationKey(request.reference(), recipient)).count() == 1;
    }

    private boolean sendingDone(Running request) {
        return new RequestRecord(rest, management).sendingDone(request.processInstanceId());
    }

    private Map<?, ?> details(String reference) {
        return new RequestRecord(rest, management).details(reference);
    }

    private static List<Object> recipientCodes(Map<?, ?> details) {
        return RequestRecord.recipientCodes(details);
    }

    @SuppressWarnings("unchecked")
    private List<String> recipientStates(String reference) {
        return ((List<Map<?, ?>>) details(reference).get("recipients")).stream()
                .map(r -> r.get("code") + ":" + r.get("state")).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> directoryEmails() {
        Map<?, ?> directory = rest.withBasicAuth(OFFICER, "demo").getForObject("/api/directory", Map.class);
        Map<String, String> emails = new LinkedHashMap<>();
        ((List<Map<String, Object>>) directory.get("parties")).forEach(party ->
                emails.put((String) party.get("code"), (String) party.get("email")));
        return emails;
    }

    private static List<MimeMessage> sentFor(String reference) {
        return Arrays.stream(TestMailServer.MAIL.getReceivedMessages()).filter(message -> {
            try {
                return message.getSubject() != null && message.getSubject().contains("[" + reference + "]");
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private static String plainText(MimeMessage message) throws Exception {
        StringBuilder found = new StringBuilder();
        collect(message.getContent(), found);
        return found.toString();
    }

    private static void collect(Object content, StringBuilder found) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    found.append(part.getContent());
                } else {
                    collect(part.getContent(), found);
                }
            }
        } else if (content instanceof String text) {
            found.append(text);
        }
    }
}
