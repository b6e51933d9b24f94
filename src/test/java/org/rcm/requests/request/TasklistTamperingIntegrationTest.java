package org.rcm.requests.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.RequestRecord;
import org.rcm.requests.TestMailServer;
import org.rcm.requests.directory.Directory;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 10 through Tasklist: {@code delegate-hn}, logged into Tasklist, calls the engine as Tasklist does
 * ({@code /camunda/api/engine}, session cookie and CSRF header) to change where a request goes or to decide for
 * Mexico; the request still goes only to the recipients the registry holds, as the request API and the emails
 * delivered show. {@link RequestTamperingIntegrationTest} tries the same through {@code /engine-rest}.
 */
class TasklistTamperingIntegrationTest extends IntegrationTestBase {

    private static final String ENGINE = "/camunda/api/engine/engine/default";
    private static final String OFFICER = "officer1";
    private static final String BODY = "Solicitamos las cifras de retorno asistido del último trimestre.";
    private static final List<String> RECIPIENTS = List.of("IOM", "PAHO");
    /** The fields of processes/Form_ApproveRequest.form that the form only shows. */
    private static final List<String> DISPLAY_FIELDS = List.of(Variables.REFERENCE, Variables.TROIKA_COUNTRY,
            Variables.SUBJECT, Variables.BODY, Variables.RECIPIENTS, Variables.REPLY_DUE, Variables.KIND,
            Variables.LANGUAGE);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;

    @Autowired
    RequestService requests;
    @Autowired
    RequestJourney journey;
    @Autowired
    ManagementService management;
    @Autowired
    Directory directory;

    @Test
    void aDelegateInTasklistCannotChangeWhereAnApprovedRequestGoesNorDecideForAnotherCountry() throws Exception {
        // given a request to IOM and PAHO with the Troika, and delegate-hn logged into Tasklist
        String subject = "Cifras de retorno asistido " + UUID.randomUUID();
        String reference = requests.start(new NewRequest(subject, BODY, RECIPIENTS,
                LocalDate.now().plusDays(30).toString(), "information", "es"), List.of(), OFFICER).reference();
        journey.complete(journey.onlyTask(reference, Elements.DRAFT_REQUEST, OFFICER), OFFICER, Map.of());
        Task hondurasTask = journey.onlyTask(reference, Elements.APPROVE_REQUEST, "delegate-hn");
        String honduras = ENGINE + "/task/" + hondurasTask.getId();
        Task mexicoTask = journey.onlyTask(reference, Elements.APPROVE_REQUEST, "delegate-mx");
        String mexico = ENGINE + "/task/" + mexicoTask.getId();
        TasklistSession hn = new TasklistSession("delegate-hn");

        // when delegate-hn writes the loop's variable on their own task
        HttpResponse<String> written = hn.send("PUT", honduras + "/variables/recipientList",
                Map.of("value", "[\"UNODC\"]", "type", "Json"));

        // then the engine forbids it (a 403 of Tasklist's CSRF filter would come without the engine's reason)
        assertThat(written.statusCode()).as("PUT variables/recipientList on own task: " + written.body())
                .isEqualTo(403);
        assertThat(written.body()).as("PUT variables/recipientList on own task: refused by the engine")
                .contains("AuthorizationException");

        // when delegate-hn approves with the loop's variable beside the decision
        HttpResponse<String> extra = hn.send("POST", honduras + "/submit-form", Map.of("variables", Map.of(
                Variables.DECISION, Map.of("value", "approve"),
                Variables.RECIPIENT_LIST, Map.of("value", "[\"UNODC\"]", "type", "Json"))));

        // then the submission is refused naming the field
        assertThat(extra.statusCode()).as("submit-form with recipientList: " + extra.body()).isEqualTo(400);
        assertThat(extra.body()).as("the refusal of recipientList names the field")
                .contains(Variables.RECIPIENT_LIST);

        // when delegate-hn approves with every field of the form as shown, but the subject changed
        Map<String, Object> changedSubject = everyFieldAsShown(hn.formVariables(honduras));
        changedSubject.put(Variables.SUBJECT, Map.of("value", "Asunto cambiado por la Troika"));
        HttpResponse<String> changed = hn.send("POST", honduras + "/submit-form",
                Map.of("variables", changedSubject));

        // then the submission is refused naming the field
        assertThat(changed.statusCode()).as("submit-form with a changed subject: " + changed.body()).isEqualTo(400);
        assertThat(changed.body()).as("the refusal of the changed subject names the field")
                .contains(Variables.SUBJECT);

        // when delegate-hn tries Mexico's task
        HttpResponse<String> decideForMexico = hn.send("POST", mexico + "/submit-form", Map.of("variables",
                Map.of(Variables.DECISION, Map.of("value", "reject"), Variables.COMMENT, Map.of("value", "No"))));
        HttpResponse<String> writeOnMexico = hn.send("PUT", mexico + "/variables/decision",
                Map.of("value", "reject"));

        // then the engine forbids both
        assertThat(decideForMexico.statusCode()).as("submit-form on Mexico's task: " + decideForMexico.body())
                .isEqualTo(403);
        assertThat(decideForMexico.body()).as("submit-form on Mexico's task: refused by the engine")
                .contains("AuthorizationException");
        assertThat(writeOnMexico.statusCode()).as("PUT variables/decision on Mexico's task: " + writeOnMexico.body())
                .isEqualTo(403);
        assertThat(writeOnMexico.body()).as("PUT variables/decision on Mexico's task: refused by the engine")
                .contains("AuthorizationException");

        // when delegate-hn approves with every field of the form as shown
        HttpResponse<String> approved = hn.send("POST", honduras + "/submit-form",
                Map.of("variables", everyFieldAsShown(hn.formVariables(honduras))));

        // then it is taken
        assertThat(approved.statusCode()).as("submit-form of the approval form as shown: " + approved.body())
                .isEqualTo(204);

        // when Mexico approves, and El Salvador approves in Tasklist
        journey.complete(mexicoTask, "delegate-mx", Map.of(Variables.DECISION, "approve"));
        String salvador = ENGINE + "/task/" + journey.onlyTask(reference, Elements.APPROVE_REQUEST, "delegate-sv")
                .getId();
        HttpResponse<String> approvedInTasklist = new TasklistSession("delegate-sv").send("POST",
                salvador + "/submit-form", Map.of("variables", asTasklistSubmits("approve")));
        assertThat(approvedInTasklist.statusCode())
                .as("delegate-sv submit-form as Tasklist's form submits it: " + approvedInTasklist.body())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> RECIPIENTS.stream()
                .allMatch(code -> journey.sentMessage(reference, code).isPresent())
                && sendingDone(hondurasTask.getProcessInstanceId()));

        // then the registry has the request sent to IOM and PAHO only, awaiting their replies
        Map<?, ?> details = details(reference);
        assertThat(recipientCodes(details)).as("recipients of " + reference + " in /api/requests")
                .containsExactlyInAnyOrderElementsOf(RECIPIENTS);
        assertThat(details.get("state")).as("state of " + reference + " in /api/requests")
                .isEqualTo("AWAITING_REPLY");

        // and the emails went to IOM's and PAHO's addresses, none to UNODC's
        for (String code : RECIPIENTS) {
            MimeMessage message = journey.sentMessage(reference, code).orElseThrow();
            assertThat(subjectOf(message)).as("subject of the request email for " + code).contains(subject);
            assertThat(addressees(message)).as("addressees of the request email for " + code)
                    .containsExactly(directory.get(code).email());
        }
        String unodc = directory.get("UNODC").email();
        assertThat(Arrays.stream(TestMailServer.MAIL.getReceivedMessages())
                .filter(message -> subjectOf(message).contains("[" + reference + "]")
                        && subjectOf(message).contains(subject))
                .filter(message -> addressees(message).contains(unodc)).toList())
                .as("emails of " + reference + " to UNODC's address " + unodc).isEmpty();
    }

    /**
     * The approval as a client of the engine may send it: every field of the approval form with the value
     * {@code form-variables} shows (a JSON value with its type, as text, the way Tasklist sends object values), and
     * the decision.
     */
    private static Map<String, Object> everyFieldAsShown(Map<String, Map<String, Object>> shown) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (String field : DISPLAY_FIELDS) {
            Map<String, Object> value = shown.get(field);
            assertThat(value).as("the approval task shows " + field).isNotNull();
            variables.put(field, "Json".equals(value.get("type"))
                    ? Map.of("type", "Json", "valueInfo", value.get("valueInfo"), "value", value.get("value"))
                    : Map.of("value", value.get("value")));
        }
        variables.putAll(asTasklistSubmits("approve"));
        return variables;
    }

    /**
     * What Tasklist 7.24 submits for the approval form: its form renderer (form-js) leaves disabled fields out, so
     * only the decision and the comment (an untouched text area is empty) are sent.
     */
    private static Map<String, Object> asTasklistSubmits(String decision) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(Variables.DECISION, Map.of("value", decision));
        variables.put(Variables.COMMENT, Map.of("value", ""));
        return variables;
    }

    private boolean sendingDone(String processInstanceId) {
        return new RequestRecord(rest, management).sendingDone(processInstanceId);
    }

    private Map<?, ?> details(String reference) {
        return new RequestRecord(rest, management).details(reference);
    }

    private static List<Object> recipientCodes(Map<?, ?> details) {
        return RequestRecord.recipientCodes(details);
    }

    private static List<String> addressees(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            return all == null ? List.of() : Arrays.stream(all).map(a -> ((InternetAddress) a).getAddress()).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A browser's Tasklist session: its cookies, and the CSRF token it sends back as a header. */
    private final class TasklistSession {

        private final Map<String, String> cookies = new LinkedHashMap<>();

        TasklistSession(String user) throws Exception {
            // Tasklist's login form asks who is logged in first, which issues the session and the webapps' token
            keep(HTTP.send(request("/camunda/api/admin/auth/user/default").GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
            assertThat(cookies).as("Tasklist issues a session and a CSRF token").containsKeys("JSESSIONID",
                    "XSRF-TOKEN");
            HttpResponse<String> login = HTTP.send(request("/camunda/api/admin/auth/user/default/login/tasklist")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(user + " logs into Tasklist: " + login.body()).isEqualTo(200);
            keep(login);
            // the login starts a new session; its token comes with the first read, as Tasklist's first call gets it
            HttpResponse<String> firstRead = HTTP.send(request("/camunda/api/engine/engine/").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(firstRead.statusCode()).as("Tasklist's first read after the login: " + firstRead.body())
                    .isEqualTo(200);
            keep(firstRead);
        }

        HttpResponse<String> send(String method, String path, Object body) throws Exception {
            HttpResponse<String> response = HTTP.send(request(path).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            keep(response);
            return response;
        }

        /** What Tasklist reads to fill the task's form. */
        Map<String, Map<String, Object>> formVariables(String task) throws Exception {
            HttpResponse<String> response = HTTP.send(request(task + "/form-variables?deserializeValues=false")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET form-variables: " + response.body()).isEqualTo(200);
            keep(response);
            return JSON.readValue(response.body(), new TypeReference<>() {
            });
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "application/json");
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
            if (cookies.containsKey("XSRF-TOKEN")) {
                request.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
            }
            return request;
        }

        /** A login may renew the session id and its token, as a browser would take them. */
        private void keep(HttpResponse<String> response) {
            for (String set : response.headers().allValues("Set-Cookie")) {
                String[] pair = set.split(";", 2)[0].split("=", 2);
                cookies.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
            response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> cookies.put("XSRF-TOKEN", token));
        }
    }
}
