package org.rcm.requests.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rcm.requests.PanamaHolidaysTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.TestMailServer;
import org.rcm.requests.directory.FocalPoint;
import org.rcm.requests.directory.FocalPoints;
import org.rcm.requests.request.NewRequest;
import org.rcm.requests.request.RecipientState;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.rcm.requests.request.RequestRegistry;
import org.rcm.requests.reply.RecipientPage;
import org.rcm.requests.reply.ReplyTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Structured answers through the whole application: focal-point nominations answered on the reply page and by email
 * keep the directory current and route the next request on the topic; consulates of several countries compile into
 * one list; the statistics folder serves its files to the Secretariat only; the reply page keeps what was typed. The
 * application counts Panama's next three weekdays as holidays ({@link PanamaHolidaysTestBase}).
 */
class StructuredAnswersIntegrationTest extends PanamaHolidaysTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = "Solicitamos la información indicada.";
    private static final String[] FOCAL_POINT_FIELDS = {"focalName", "focalPosition", "focalInstitution",
            "focalEmail", "focalPhone", "focalLanguage"};

    @LocalServerPort
    int port;
    @Autowired
    RequestJourney journey;
    @Autowired
    RequestRegistry registry;
    @Autowired
    ReplyTokens tokens;
    @Autowired
    TaskService tasks;
    @Autowired
    FocalPoints focalPoints;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * Issue 15's story: Agreement 1a asks each member country for its specialised focal points by a date. A nomination
     * request to Mexico, Guatemala and Panama, due in two working days; Mexico and Guatemala answer through the reply
     * form and Panama stays silent. After review the directory has the two new focal points; Panama's due date skips
     * its three holidays, and only then is it overdue; the compiled answers list both nominations.
     */
    @Test
    void aNominationToThreeCountriesAnsweredByTwoUpdatesTheDirectoryAndTheSilentOneIsOverdueAfterItsHolidays()
            throws Exception {
        String topic = "technical-group-" + UUID.randomUUID().toString().substring(0, 8);
        String reference = journey.sent(new NewRequest("Designación de puntos focales especializados", BODY,
                List.of("MX", "GT", "PA"), null, "focal_points", "es", Map.of(), Map.of(), "2", null, topic));

        answerOnThePage(reference, "MX", Map.of("answer.focalName", "Ana Pérez", "answer.focalPosition", "Directora",
                "answer.focalInstitution", "Instituto Nacional de Migración", "answer.focalEmail",
                "ana.perez@inm.example.org", "answer.focalLanguage", "es"));
        answerOnThePage(reference, "GT", Map.of("answer.focalName", "Luis Gómez", "answer.focalPosition", "Jefe",
                "answer.focalInstitution", "Instituto Guatemalteco de Migración", "answer.focalEmail",
                "luis.gomez@igm.example.org", "answer.focalLanguage", "en"));
        acceptAsShown(reviewTask(reference, "MX"), FOCAL_POINT_FIELDS);
        acceptAsShown(reviewTask(reference, "GT"), FOCAL_POINT_FIELDS);

        // the directory: the two nominated focal points for the topic, none for the silent country
        assertThat(focalPoints.current("MX", topic)).hasValueSatisfying(focal ->
                assertThat(focal.email()).isEqualTo("ana.perez@inm.example.org"));
        assertThat(focalPoints.current("GT", topic)).hasValueSatisfying(focal ->
                assertThat(focal.email()).isEqualTo("luis.gomez@igm.example.org"));
        assertThat(focalPoints.current("PA", topic)).isEmpty();

        // Panama is due two working days after its three holidays, three weekdays after the others
        LocalDate othersDue = nextWeekdays(TODAY, 2).get(1);
        LocalDate panamaDue = nextWeekdays(TODAY, 5).get(4);
        Map<String, LocalDate> due = new LinkedHashMap<>();
        registry.recipients(reference).forEach(recipient -> due.put(recipient.code(), recipient.replyDue()));
        assertThat(due).containsEntry("MX", othersDue).containsEntry("GT", othersDue).containsEntry("PA", panamaDue);

        // its reply-overdue timer waits for the end of that day; when it fires, Panama is overdue
        Job overdue = management.createJobQuery().processInstanceId(registry.find(reference).orElseThrow()
                        .processInstanceId()).timers()
                .activityId(Elements.REPLY_OVERDUE).list().stream()
                .filter(job -> "PA".equals(runtime.getVariable(job.getExecutionId(), Variables.RECIPIENT)))
                .findFirst().orElseThrow(() -> new AssertionError("no overdue timer for Panama"));
        assertThat(LocalDate.ofInstant(overdue.getDuedate().toInstant(), ZoneId.systemDefault()))
                .as("Panama's overdue timer").isEqualTo(panamaDue);
        management.executeJob(overdue.getId());
        await().atMost(Duration.ofSeconds(20)).until(() -> registry.recipients(reference).stream()
                .anyMatch(recipient -> recipient.code().equals("PA") && recipient.state() == RecipientState.OVERDUE));

        // the compiled answers: Panama overdue on its own date, and the two nominations in one table
        Document page = Jsoup.parse(get("/registry/" + reference + "/answers",
                "officer1").body());
        assertThat(page.select("table tr[data-recipient=PA]").first().text()).as("Panama's status")
                .contains("Vencida").contains(panamaDue.toString());
        assertThat(page.select("table tr[data-recipient=MX]").first().text()).contains("Respondida");
        assertThat(page.select("#compiled tbody tr")).extracting(row -> row.attr("data-recipient"))
                .as("the compiled nominations").containsExactlyInAnyOrder("MX", "GT");
        assertThat(page.select("#compiled").text()).contains("Ana Pérez").contains("ana.perez@inm.example.org")
                .contains("Luis Gómez").contains("Instituto Guatemalteco de Migración");
    }

    @Test
    void focalPointNominationsAcceptedInReviewUpdateTheDirectoryAndReceiveTheNextRequestOnTheTopic() throws Exception {
        String topic = "smuggling-" + UUID.randomUUID().toString().substring(0, 8);
        String reference = sent("Designación de puntos focales", "focal_points", topic, "MX", "GT", "CR");

        // given: Mexico and Guatemala nominate through the reply page; Costa Rica stays silent
        answerOnThePage(reference, "MX", Map.of("answer.focalName", "Ana Pérez", "answer.focalPosition", "Directora",
                "answer.focalInstitution", "Instituto Nacional de Migración", "answer.focalEmail", "ana.perez@inm.example.org",
                "answer.focalPhone", "+52 55 1234 5678", "answer.focalLanguage", "es"));
        answerOnThePage(reference, "GT", Map.of("answer.focalName", "Luis Gómez", "answer.focalPosition", "Jefe",
                "answer.focalInstitution", "Instituto Guatemalteco de Migración", "answer.focalEmail",
                "luis.gomez@igm.example.org", "answer.focalLanguage", "en"));

        // when: the reviewer accepts both, as Tasklist submits the form: the fields as shown, and the outcome
        Task mexico = reviewTask(reference, "MX");
        assertThat(tasks.getVariable(mexico.getId(), "focalEmail")).as("the review shows the answer's fields")
                .isEqualTo("ana.perez@inm.example.org");
        acceptAsShown(mexico, "focalName", "focalPosition", "focalInstitution", "focalEmail", "focalPhone",
                "focalLanguage");
        acceptAsShown(reviewTask(reference, "GT"), "focalName", "focalPosition", "focalInstitution", "focalEmail",
                "focalPhone", "focalLanguage");

        // then: the directory has their focal points for the topic, with where they came from
        FocalPoint mx = focalPoints.current("MX", topic).orElseThrow(() -> new AssertionError("no MX focal point"));
        assertThat(mx.email()).isEqualTo("ana.perez@inm.example.org");
        assertThat(mx.acceptedBy()).as("who accepted").isEqualTo("officer1");
        assertThat(mx.reference()).as("from which request").isEqualTo(reference);
        assertThat(mx.messageId()).as("from which reply").startsWith("<link.");
        assertThat(mx.replacesId()).as("the first for the topic").isNull();
        assertThat(focalPoints.current("GT", topic)).hasValueSatisfying(gt ->
                assertThat(gt.language()).as("the nominated person's language").isEqualTo("en"));
        assertThat(focalPoints.current("CR", topic)).as("the silent country").isEmpty();

        JsonNode directory = JSON.readTree(get("/api/directory", "officer1").body());
        List<String> listed = new java.util.ArrayList<>();
        directory.path("focalPoints").forEach(focal -> {
            if (topic.equals(focal.path("topic").asText())) {
                listed.add(focal.path("countryCode").asText() + " " + focal.path("email").asText());
            }
        });
        assertThat(listed).as("GET /api/directory").containsExactlyInAnyOrder("MX ana.perez@inm.example.org",
                "GT luis.gomez@igm.example.org");

        String compiled = get("/registry/" + reference + "/answers", "officer1").body();
        assertThat(compiled).as("the compiled answers").contains("Ana Pérez").contains("Luis Gómez")
                .contains("luis.gomez@igm.example.org").doesNotContain("Punto focal Costa Rica");

        String page = get("/focal-points", "officer1").body();
        assertThat(page).as("the focal points page").contains("ana.perez@inm.example.org").contains(topic);

        // and the next request on the topic goes to the new focal points, in their languages
        String next = sent("Reunión del grupo técnico", "information", topic, "MX", "GT");
        MimeMessage toMexico = journey.sentMessage(next, "MX").orElseThrow();
        assertThat(((InternetAddress) toMexico.getRecipients(Message.RecipientType.TO)[0]).getAddress())
                .as("the request email to Mexico").isEqualTo("ana.perez@inm.example.org");
        MimeMessage toGuatemala = journey.sentMessage(next, "GT").orElseThrow();
        assertThat(((InternetAddress) toGuatemala.getRecipients(Message.RecipientType.TO)[0]).getAddress())
                .isEqualTo("luis.gomez@igm.example.org");
        assertThat(plainText(toGuatemala)).as("in English, the focal point's language")
                .contains("We would be grateful for your reply").contains("Luis Gómez");
    }

    @Test
    void anEmailedNominationIsCompletedByTheReviewerAndReplacesTheFocalPointWithItsHistory() throws Exception {
        String topic = "statistics-" + UUID.randomUUID().toString().substring(0, 8);
        String first = sent("Puntos focales de estadística", "focal_points", topic, "PA");
        answerOnThePage(first, "PA", Map.of("answer.focalName", "Rosa Díaz", "answer.focalPosition", "Analista",
                "answer.focalInstitution", "Migración Panamá", "answer.focalEmail", "rosa@migracion.example.org",
                "answer.focalLanguage", "es"));
        acceptAsShown(reviewTask(first, "PA"), "focalName", "focalPosition", "focalInstitution", "focalEmail",
                "focalLanguage");
        FocalPoint rosa = focalPoints.current("PA", topic).orElseThrow();

        // given: a second request on the topic, answered by email from the current focal point
        String second = sent("Actualización de puntos focales", "focal_points", topic, "PA");
        assertThat(((InternetAddress) journey.sentMessage(second, "PA").orElseThrow()
                .getRecipients(Message.RecipientType.TO)[0]).getAddress()).isEqualTo("rosa@migracion.example.org");
        TestMailServer.sendToSecretariat(journey.reply(second, "PA", "rosa@migracion.example.org",
                "A partir de ahora el punto focal es Jorge Ruiz, jefe de estadística, jorge.ruiz@migracion.example.org."));
        Task review = reviewTask(second, "PA");
        assertThat(tasks.getVariable(review.getId(), "focalName")).as("an email has no fields to show").isNull();

        // when: the reviewer fills the fields in from the email
        complete(review, Map.of(Variables.OUTCOME, "accept", "focalName", "Jorge Ruiz", "focalPosition",
                "Jefe de estadística", "focalInstitution", "Migración Panamá", "focalEmail",
                "jorge.ruiz@migracion.example.org", "focalLanguage", "es"));

        // then: Jorge is the focal point; Rosa is kept as the one he replaced
        FocalPoint jorge = focalPoints.current("PA", topic).orElseThrow();
        assertThat(jorge.email()).isEqualTo("jorge.ruiz@migracion.example.org");
        assertThat(jorge.replacesId()).as("what it replaced").isEqualTo(rosa.id());
        assertThat(jorge.messageId()).as("the emailed reply").isNotNull().doesNotStartWith("<link.");
        assertThat(focalPoints.history()).filteredOn(focal -> focal.id() == rosa.id()).singleElement()
                .satisfies(old -> assertThat(old.replacedAt()).as("Rosa replaced").isNotNull());
    }

    @Test
    void theReviewRefusesAnAcceptedNominationWithoutItsRequiredFieldsAndSaysWhichInBothLanguages() throws Exception {
        String topic = "health-" + UUID.randomUUID().toString().substring(0, 8);
        String reference = sent("Punto focal de salud", "focal_points", topic, "HN");
        TestMailServer.sendToSecretariat(journey.reply(reference, "HN", "punto.focal@hn.example.org", "Adjunto."));
        Task review = reviewTask(reference, "HN");

        try {
            complete(review, Map.of(Variables.OUTCOME, "accept", "focalName", "María", "focalEmail", "maria@"));
            throw new AssertionError("an incomplete nomination was accepted");
        } catch (RuntimeException refused) {
            assertThat(refused.getMessage()).contains("focalEmail").contains("escriba una dirección de correo")
                    .contains("write an email address").contains("focalInstitution");
        }
        assertThat(focalPoints.current("HN", topic)).as("nothing accepted").isEmpty();

        complete(review, Map.of(Variables.OUTCOME, "clarify", "clarification", "¿Cuál es su correo completo?"));
        await().atMost(Duration.ofSeconds(20)).until(() -> registry.recipients(reference).get(0).state()
                == RecipientState.AWAITING_REPLY);
    }

    @Test
    void consulatesOfTwoCountriesCompileIntoOneListAndTheirFilesIntoTheAgreementsFolder() throws Exception {
        String reference = sent("Lista de consulados y embajadas", "consulates", null, "HN", "PA");
        String meeting = "gah-test-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into meeting (id, name, place, starts_on, ends_on, language, imported_at) values "
                + "(?, 'Reunión de prueba', 'Panamá', ?, ?, 'es', current_timestamp)")
                .params(meeting, LocalDate.of(2016, 7, 13), LocalDate.of(2016, 7, 14)).update();
        jdbc.sql("insert into agreement (meeting_id, number, text, responsible, position) values "
                + "(?, '2f', 'Lista de consulados', 'Países miembros', 1)").param(meeting).update();
        registry.linkAgreement(reference, meeting, "2f", 1);

        // given: Honduras answers on the page with two rows and a file; Panama by email, completed by the reviewer
        Map<String, String> honduras = new LinkedHashMap<>();
        honduras.putAll(row(0, "Estados Unidos", "Houston", "consulate_general", "1 Main St", "+1 713 000"));
        honduras.putAll(row(1, "México", "Tapachula", "consulate", "Av. Central 5", ""));
        RecipientPage page = RecipientPage.open(port, "/reply/" + tokens.create(reference, "HN"));
        assertThat(page.post(honduras, "consulados.csv", "pais,ciudad\n".getBytes(StandardCharsets.UTF_8))
                .statusCode()).as("the answer taken").isEqualTo(302);
        Task honduranReview = reviewTask(reference, "HN");
        assertThat(tasks.getVariable(honduranReview.getId(), "consulates")).as("the rows shown as lines")
                .isEqualTo("Estados Unidos | Houston | Consulado general | 1 Main St | +1 713 000\n"
                        + "México | Tapachula | Consulado | Av. Central 5");
        acceptAsShown(honduranReview, "consulates");

        TestMailServer.sendToSecretariat(journey.reply(reference, "PA", "punto.focal@pa.example.org",
                "Nuestra embajada en San José: Calle 1, San José."));
        complete(reviewTask(reference, "PA"), Map.of(Variables.OUTCOME, "accept", "consulates",
                "Costa Rica | San José | Embajada | Calle 1"));

        // then: one list of the three missions, each with its source country
        String html = get("/registry/" + reference + "/answers", "officer1").body();
        assertThat(html).contains("Houston").contains("Tapachula").contains("San José")
                .contains("Consulado general").contains("Embajada");
        assertThat(html.split("data-recipient=\"HN\"", -1)).as("HN: status row and two lines").hasSize(4);
        HttpResponse<String> csv = get("/registry/" + reference + "/answers.csv", "officer1");
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(value ->
                assertThat(value).startsWith("attachment"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).as("a head line and a line per mission").hasSize(4);
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("HN,").contains("Houston")
                .contains("Estados Unidos"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("PA,").contains("San José")
                .contains("Embajada"));

        // and the file of the accepted reply is in the agreement's folder, for the Secretariat only
        String meetingPage = get("/meetings/" + meeting, "officer1").body();
        assertThat(meetingPage).contains("consulados.csv").contains("/registry/" + reference + "/answers");
        long fileId = jdbc.sql("select a.id from correspondence_attachment a join correspondence c on c.id = "
                + "a.correspondence_id where c.reference = ? and a.filename = 'consulados.csv'").param(reference)
                .query(Long.class).single();
        String download = "/meetings/" + meeting + "/files/" + fileId;
        HttpResponse<String> file = get(download, "officer1");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo("pais,ciudad\n");
        assertThat(file.headers().firstValue("Content-Type")).hasValue("text/csv");
        assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(value ->
                assertThat(value).startsWith("attachment").contains("consulados.csv"));
        assertThat(get(download, "delegate-hn").statusCode()).as("a delegate").isEqualTo(403);
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + download)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("no login").isIn(302, 401);
        assertThat(anonymous.body()).doesNotContain("pais,ciudad");
        assertThat(get("/meetings/" + meeting + "/files/" + (fileId + 100_000), "officer1").statusCode())
                .as("not in the folder").isEqualTo(404);
    }

    @Test
    void theReplyPageShowsItsErrorsBesideTheFieldsAndKeepsWhatWasTyped() throws Exception {
        String reference = sent("Consulados (validación)", "consulates", null, "MX");
        RecipientPage page = RecipientPage.open(port, "/reply/" + tokens.create(reference, "MX") + "?lang=en");
        Map<String, String> typed = new LinkedHashMap<>(row(0, "Guatemala", "", "consulate", "6a Avenida 1", ""));
        typed.put("text", "Partial list");

        HttpResponse<String> shown = page.post(typed, null, null);

        assertThat(shown.statusCode()).as("shown again, not taken").isEqualTo(200);
        assertThat(shown.body()).contains("Nothing was sent").contains("Missions, row 1: City: this field is required.")
                .contains("value=\"Guatemala\"").contains("value=\"6a Avenida 1\"").contains(">Partial list</textarea>")
                .contains("<option value=\"consulate\" selected=\"selected\">");
        assertThat(jdbc.sql("select count(*) from reply_answer where reference = ?").param(reference)
                .query(Long.class).single()).as("nothing stored").isZero();

        Map<String, String> more = new LinkedHashMap<>(typed);
        more.put("action", "more-rows");
        String wider = page.post(more, null, null).body();
        assertThat(wider).as("more rows, what was typed kept").contains("value=\"Guatemala\"")
                .contains("name=\"answer.consulates.8.city\"").doesNotContain("Nothing was sent");

        RecipientPage spanish = RecipientPage.open(port, "/reply/" + tokens.create(reference, "MX") + "?lang=es");
        String focalStyle = spanish.post(row(0, "Guatemala", "Ciudad de Guatemala", "nonsense", "", ""), null, null)
                .body();
        assertThat(focalStyle).contains("Representaciones, fila 1: Tipo: elija una de las opciones ofrecidas.")
                .contains("Representaciones, fila 1: Dirección: este campo es obligatorio.");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String plainText(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    private static Map<String, String> row(int index, String country, String city, String type, String address,
                                           String contact) {
        String prefix = "answer.consulates." + index + ".";
        Map<String, String> row = new LinkedHashMap<>();
        row.put(prefix + "country", country);
        row.put(prefix + "city", city);
        row.put(prefix + "type", type);
        row.put(prefix + "address", address);
        row.put(prefix + "contact", contact);
        return row;
    }

    /** Starts a request of this kind and topic, due in 30 days, has it drafted and approved, and waits for its emails. */
    private String sent(String subject, String kind, String topic, String... recipients) {
        return journey.sent(new NewRequest(subject, BODY, List.of(recipients), LocalDate.now().plusDays(30).toString(),
                kind, "es", Map.of(), Map.of(), null, null, topic));
    }

    private void answerOnThePage(String reference, String recipient, Map<String, String> fields) throws Exception {
        RecipientPage page = RecipientPage.open(port, "/reply/" + tokens.create(reference, recipient));
        HttpResponse<String> posted = page.post(fields, null, null);
        assertThat(posted.statusCode()).as("the answer of %s taken: %s", recipient, posted.body()).isEqualTo(302);
    }

    private Task reviewTask(String reference, String recipient) {
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(Elements.REVIEW_REPLY).list().stream().anyMatch(task -> recipient.equals(tasks.getVariable(task.getId(),
                        Variables.RECIPIENT))));
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(Elements.REVIEW_REPLY)
                .list().stream().filter(task -> recipient.equals(tasks.getVariable(task.getId(), Variables.RECIPIENT)))
                .findFirst().orElseThrow();
    }

    /** Accepts with the fields as the review form shows them, as Tasklist submits them. */
    private void acceptAsShown(Task task, String... keys) {
        Map<String, Object> submitted = new LinkedHashMap<>();
        for (String key : keys) {
            submitted.put(key, tasks.getVariableTyped(task.getId(), key));
        }
        submitted.put(Variables.OUTCOME, "accept");
        complete(task, submitted);
    }

    private void complete(Task task, Map<String, Object> variables) {
        journey.complete(task, "officer1", variables);
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
