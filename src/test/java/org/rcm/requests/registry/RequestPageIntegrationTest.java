package org.rcm.requests.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.TestMailServer;
import org.rcm.requests.TestMails;
import org.rcm.requests.request.NewRequest;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.rcm.requests.request.RequestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The request page through the real application: every kind of step of a request, shown in order and escaped. */
class RequestPageIntegrationTest extends IntegrationTestBase {

    private static final String IOM_FOCAL_POINT = "focal.point@iom.example.org";

    private static final Duration FEW_SECONDS = Duration.ofSeconds(30);
    private static final String REPLY_OVERDUE = Elements.REPLY_OVERDUE;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    RequestService requests;
    @Autowired
    RequestJourney journey;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @Test
    void timelineShowsEveryStepFromRegistrationToClose() throws Exception {
        // given a request whose draft Mexico sends back, approved on the second round, sent to IOM and PAHO
        RequestService.Started started = start("Ventanas epidemiológicas " + UUID.randomUUID(), "IOM", "PAHO");
        String reference = started.reference();
        String pid = started.processInstanceId();
        journey.complete(journey.onlyTask(reference, Elements.DRAFT_REQUEST, "officer1"), "officer1", Map.of());
        journey.complete(journey.onlyTask(reference, Elements.APPROVE_REQUEST, "delegate-mx"), "delegate-mx",
                Map.of(Variables.DECISION, "changes", Variables.COMMENT, "Precisar el plazo de respuesta"));
        journey.complete(journey.onlyTask(reference, Elements.APPROVE_REQUEST, "delegate-hn"), "delegate-hn",
                Map.of(Variables.DECISION, "approve"));
        journey.complete(journey.onlyTask(reference, Elements.APPROVE_REQUEST, "delegate-sv"), "delegate-sv",
                Map.of(Variables.DECISION, "approve"));
        journey.complete(journey.onlyTask(reference, Elements.DRAFT_REQUEST, "officer2"), "officer2", Map.of());
        for (String delegate : List.of("delegate-hn", "delegate-mx", "delegate-sv")) {
            journey.complete(journey.onlyTask(reference, Elements.APPROVE_REQUEST, delegate), delegate,
                    Map.of(Variables.DECISION, "approve"));
        }
        await().atMost(FEW_SECONDS).until(() -> journey.sentMessage(reference, "IOM").isPresent()
                && journey.sentMessage(reference, "PAHO").isPresent());

        // IOM answers by email, the officer asks for a clarification, IOM answers again and the reply is accepted
        TestMailServer.sendToSecretariat(journey.reply(reference, "IOM", IOM_FOCAL_POINT,
                "Adjuntamos los datos <script>alert(1)</script>"));
        Task review = await().atMost(FEW_SECONDS).until(() -> task(reference, Elements.REVIEW_REPLY), t -> t != null);
        Document whileReviewing = page("/registry/" + reference, "officer1");
        journey.complete(review, "officer1", Map.of(Variables.OUTCOME, "clarify",
                Variables.CLARIFICATION, "¿Qué años cubren los datos?"));
        await().atMost(FEW_SECONDS).until(() -> runtime.createExecutionQuery().processInstanceId(pid)
                .activityId(Elements.AWAIT_REPLY).count() == 2);
        TestMailServer.sendToSecretariat(journey.reply(reference, "IOM", IOM_FOCAL_POINT, "Cubren de 2010 a 2016."));
        Task secondReview = await().atMost(FEW_SECONDS).until(() -> task(reference, Elements.REVIEW_REPLY),
                t -> t != null);
        journey.complete(secondReview, "officer2", Map.of(Variables.OUTCOME, "accept"));

        // PAHO stays silent: its due date passes twice, first a reminder with a new date, then it is closed
        management.executeJob(overdueTimer(pid, "PAHO").getId());
        Task followUp = await().atMost(FEW_SECONDS).until(() -> task(reference, Elements.FOLLOW_UP), t -> t != null);
        String newDue = LocalDate.now().plusDays(40).toString();
        journey.complete(followUp, "officer1", Map.of(Variables.ACTION, "remind", Variables.NEW_DUE_DATE, newDue));
        await().atMost(FEW_SECONDS).until(() -> overdueTimerOrNull(pid, "PAHO") != null);
        management.executeJob(overdueTimer(pid, "PAHO").getId());
        Task secondFollowUp = await().atMost(FEW_SECONDS).until(() -> task(reference, Elements.FOLLOW_UP),
                t -> t != null);
        journey.complete(secondFollowUp, "officer2", Map.of(Variables.ACTION, "close"));
        await().atMost(FEW_SECONDS).until(() -> runtime.createProcessInstanceQuery().processInstanceId(pid)
                .count() == 0);

        // when the officer opens the request page
        Document closed = page("/registry/" + reference, "officer1");

        // then the open review was linked to Tasklist and the instance to Cockpit while it ran
        assertThat(whileReviewing.select("a.tasklist-link").eachAttr("href")).as("Tasklist link of the open review")
                .containsExactly("/camunda/app/tasklist/default/#/?task=" + review.getId());
        assertThat(whileReviewing.select("#cockpit-link").attr("href")).as("Cockpit link")
                .isEqualTo("/camunda/app/cockpit/default/#/process-instance/" + pid);
        assertThat(closed.select("a.tasklist-link")).as("Tasklist links once nothing is open").isEmpty();

        // and the timeline tells the story in order
        List<Element> events = closed.select("#timeline > li");
        assertThat(events).extracting(e -> e.attr("data-kind")).as("kinds of events, oldest first")
                .startsWith("REGISTERED", "DRAFTED").endsWith("CLOSED")
                .containsSubsequence("DRAFTED", "APPROVAL_DECIDED", "REDRAFTED", "APPROVAL_DECIDED", "MESSAGE_OUT",
                        "MESSAGE_IN", "REVIEW_DECIDED", "MESSAGE_OUT", "MESSAGE_IN", "REVIEW_DECIDED", "CLOSED")
                .containsSubsequence("REPLY_OVERDUE", "FOLLOW_UP_DECIDED", "MESSAGE_OUT", "REPLY_OVERDUE",
                        "FOLLOW_UP_DECIDED", "CLOSED");
        assertThat(text(events.get(0))).as("registration").contains("Solicitud registrada").contains("officer1");
        assertThat(texts(events, "DRAFTED", "REDRAFTED")).as("drafting, then redrafting by another officer")
                .satisfiesExactly(t -> assertThat(t).contains("Redacción terminada").contains("officer1"),
                        t -> assertThat(t).contains("Redacción revisada").contains("officer2"));
        assertThat(texts(events, "APPROVAL_DECIDED")).as("six Troika decisions, Mexico's with its comment")
                .hasSize(6).anySatisfy(t -> assertThat(t).contains("MX").contains("Pide cambios")
                        .contains("Precisar el plazo de respuesta").contains("delegate-mx"))
                .filteredOn(t -> t.contains("Aprueba"))
                .hasSize(5).anySatisfy(t -> assertThat(t).contains("HN"))
                .anySatisfy(t -> assertThat(t).contains("MX")).anySatisfy(t -> assertThat(t).contains("SV"));
        assertThat(texts(events, "MESSAGE_OUT")).as("messages out")
                .anySatisfy(t -> assertThat(t).contains("Solicitud").contains("focal.point@iom.example.org")
                        .contains(journey.messageId(reference, "IOM").orElseThrow()))
                .anySatisfy(t -> assertThat(t).contains("punto.focal@paho.example.org").contains("Enviado"))
                .anySatisfy(t -> assertThat(t).contains("Aclaración").contains("IOM"))
                .anySatisfy(t -> assertThat(t).contains("Recordatorio").contains("PAHO"));
        assertThat(texts(events, "MESSAGE_IN")).as("replies in, classified, with their stripped text").hasSize(2)
                .allSatisfy(t -> assertThat(t).contains("Respuesta de una persona").contains("Correo electrónico")
                        .doesNotContain("Solicitamos la información indicada"))
                .anySatisfy(t -> assertThat(t).contains("Adjuntamos los datos <script>alert(1)</script>"));
        assertThat(closed.select("#timeline li.in a.original").eachAttr("href")).as("links to the originals")
                .hasSize(2).allSatisfy(href -> assertThat(href).matches("/api/correspondence/\\d+/source"));
        assertThat(closed.select("#timeline script")).as("the reply's script is text, not an element").isEmpty();
        assertThat(closed.html()).as("the reply's script escaped in the page")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(texts(events, "REVIEW_DECIDED")).as("review decisions")
                .satisfiesExactly(t -> assertThat(t).contains("IOM").contains("officer1")
                                .contains("Pedir una aclaración").contains("¿Qué años cubren los datos?"),
                        t -> assertThat(t).contains("IOM").contains("officer2").contains("Respuesta aceptada"));
        assertThat(texts(events, "FOLLOW_UP_DECIDED")).as("follow-up decisions on PAHO")
                .satisfiesExactly(t -> assertThat(t).contains("Enviar un recordatorio").contains(newDue)
                                .contains("PAHO").contains("officer1"),
                        t -> assertThat(t).contains("Cerrar sin respuesta").contains("officer2"));
        assertThat(text(events.get(events.size() - 1))).as("closing with the outcome")
                .contains("Solicitud cerrada").contains("Respondida en parte");
        assertThat(closed.select("#state").text()).as("state badge").isEqualTo("Cerrada");
        assertThat(closed.select("#recipients tbody tr")).extracting(Element::text).as("recipients")
                .anySatisfy(t -> assertThat(t).contains("IOM").contains("Respondida"))
                .anySatisfy(t -> assertThat(t).contains("PAHO").contains("Cerrada sin respuesta"));
    }

    @Test
    void aDraftingRequestLinksItsDraftTaskAndIsFoundWhateverTheCase() throws Exception {
        RequestService.Started started = start("Carpeta compartida " + UUID.randomUUID(), "UNHCR");
        Task draft = journey.onlyTask(started.reference(), Elements.DRAFT_REQUEST, "officer1");

        Document page = page("/registry/" + started.reference().toLowerCase(), "officer1");

        assertThat(page.select("#reference").text()).as("reference of a lower-case address")
                .isEqualTo(started.reference());
        assertThat(page.select("a.tasklist-link").eachAttr("href")).as("link to the draft task in Tasklist")
                .containsExactly("/camunda/app/tasklist/default/#/?task=" + draft.getId());
        assertThat(page.select("#open-tasks td").eachText()).as("the draft task offered to the Secretariat")
                .contains("secretariat");
        assertThat(page.select("#recipients tbody tr").text()).as("recipient with its directory name")
                .contains("UNHCR").contains("Alto Comisionado de las Naciones Unidas para los Refugiados");
    }

    @Test
    void labelsAreSpanishForASpanishBrowserAndEnglishWithLangEn() throws Exception {
        String reference = start("Idiomas " + UUID.randomUUID(), "ICRC").reference();

        Document spanish = page("/registry/" + reference, "officer1");
        Document english = page("/registry/" + reference + "?lang=en", "officer1");

        assertThat(spanish.select("#state").text()).as("state in Spanish").isEqualTo("En redacción");
        assertThat(spanish.select("#timeline li").first().text()).as("first event in Spanish")
                .contains("Solicitud registrada");
        assertThat(english.select("#state").text()).as("state in English").isEqualTo("Drafting");
        assertThat(english.select("#timeline li").first().text()).as("first event in English")
                .contains("Request registered");
    }

    @Test
    void aBounceShowsTheDeliveryFailureAndTheContactDecision() throws Exception {
        String reference = journey.sent("Campaña negocio mortal " + UUID.randomUUID(), "UNODC");
        TestMailServer.sendToSecretariat(TestMails.bounce("focal.point@unodc.example.org",
                journey.messageId(reference, "UNODC").orElseThrow()));
        Task correct = await().atMost(FEW_SECONDS).until(() -> task(reference, Elements.CORRECT_CONTACT),
                t -> t != null);
        journey.complete(correct, "officer2", Map.of(Variables.CONTACT_ACTION, "close"));

        List<Element> events = page("/registry/" + reference, "officer1").select("#timeline > li");

        assertThat(events).extracting(e -> e.attr("data-kind")).as("kinds of events after a bounce")
                .containsSubsequence("MESSAGE_OUT", "MESSAGE_IN", "DELIVERY_FAILED", "CONTACT_CORRECTED");
        assertThat(texts(events, "MESSAGE_IN")).as("the bounce in the log").singleElement()
                .satisfies(t -> assertThat(t).contains("Rebote"));
        assertThat(texts(events, "DELIVERY_FAILED")).as("delivery failure of UNODC").singleElement()
                .satisfies(t -> assertThat(t).contains("UNODC").contains("5.1.1"));
        assertThat(texts(events, "CONTACT_CORRECTED")).as("the officer's decision on the contact").singleElement()
                .satisfies(t -> assertThat(t).contains("UNODC").contains("officer2").contains("Cerrar sin respuesta"));
    }

    @Test
    void aRequestInBothLanguagesShowsBothTexts() throws Exception {
        String subject = "Capacitación " + UUID.randomUUID();
        String reference = requests.start(new NewRequest(subject, "Solicitamos una capacitación <urgente>.",
                List.of("UNHCR"), LocalDate.now().plusDays(30).toString(), "support", "es",
                Map.of("en", "Training on countries of origin"), Map.of("en", "We request a training.")), List.of(),
                "officer1").reference();

        Document page = page("/registry/" + reference, "officer1");

        assertThat(page.select("#text-es").attr("lang")).as("the Spanish text is marked as Spanish").isEqualTo("es");
        assertThat(page.select("#text-es").text()).as("the Spanish text, with its subject")
                .isEqualTo("Español " + subject + " Solicitamos una capacitación <urgente>.");
        assertThat(page.select("#text-en").text()).as("the English text, with its subject")
                .isEqualTo("Inglés Training on countries of origin We request a training.");
        assertThat(page.select(".request-text").eachAttr("id")).as("the request's own language first")
                .containsExactly("text-es", "text-en");
    }

    @Test
    void aRequestInOneLanguageShowsItsText() throws Exception {
        String reference = start("Un idioma " + UUID.randomUUID(), "IOM").reference();

        Document page = page("/registry/" + reference, "officer1");

        assertThat(page.select(".request-text").eachText()).as("the one text, without a language heading")
                .containsExactly("Solicitamos la información indicada.");
    }

    @Test
    void unknownReferenceAnswersNotFoundWithAFriendlyPage() throws Exception {
        HttpResponse<String> response = get("/registry/CRM-1999-9999", "officer1");

        assertThat(response.statusCode()).as("status of an unknown reference").isEqualTo(404);
        assertThat(Jsoup.parse(response.body()).select("#not-found").text()).as("friendly text")
                .contains("CRM-1999-9999").contains("registro");
    }

    @Test
    void aTroikaDelegateMayNotOpenTheRequestPage() throws Exception {
        String reference = start("Solo Secretaría " + UUID.randomUUID(), "IOM").reference();

        assertThat(get("/registry/" + reference, "delegate-hn").statusCode()).as("status for a delegate")
                .isEqualTo(403);
    }

    private RequestService.Started start(String subject, String... recipients) {
        return requests.start(new NewRequest(subject, "Solicitamos la información indicada.", List.of(recipients),
                LocalDate.now().plusDays(30).toString(), "information", "es"), List.of(), "officer1");
    }

    private Task task(String reference, String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key).singleResult();
    }

    private Job overdueTimer(String processInstanceId, String recipient) {
        Job job = overdueTimerOrNull(processInstanceId, recipient);
        assertThat(job).as("overdue timer of " + recipient).isNotNull();
        return job;
    }

    private Job overdueTimerOrNull(String processInstanceId, String recipient) {
        return management.createJobQuery().timers().processInstanceId(processInstanceId).activityId(REPLY_OVERDUE)
                .list().stream().filter(job -> recipient.equals(runtime.getVariable(job.getExecutionId(),
                        Variables.RECIPIENT))).findFirst().orElse(null);
    }

    private static List<String> texts(List<Element> events, String... kinds) {
        List<String> wanted = List.of(kinds);
        return events.stream().filter(e -> wanted.contains(e.attr("data-kind"))).map(RequestPageIntegrationTest::text)
                .toList();
    }

    /** An event's text without its time, so that assertions read what a user reads. */
    private static String text(Element event) {
        Element copy = event.clone();
        copy.select(".event-time").remove();
        return copy.text();
    }

    private Document page(String path, String user) throws Exception {
        HttpResponse<String> response = get(path, user);
        assertThat(response.statusCode()).as("status of " + path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    /** As a browser set to Spanish, the Secretariat's working language. */
    private HttpResponse<String> get(String path, String user) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", "es")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                        .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
