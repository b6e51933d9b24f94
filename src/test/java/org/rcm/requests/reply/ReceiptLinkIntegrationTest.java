package org.rcm.requests.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.TestMails;
import org.rcm.requests.correspondence.CorrespondenceEntry;
import org.rcm.requests.correspondence.CorrespondenceLog;
import org.rcm.requests.request.NewRequest;
import org.rcm.requests.request.Receipt;
import org.rcm.requests.request.RecipientState;
import org.rcm.requests.request.RequestDetails;
import org.rcm.requests.request.RequestProcess;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.rcm.requests.request.RequestRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The "confirm receipt" link of a request that asks for an acknowledgement: in the email, in the recipient's
 * language; opening it records nothing; its button, with the page's form token, records the first receipt, which
 * the timeline and the API show and which is never the reply.
 */
class ReceiptLinkIntegrationTest extends IntegrationTestBase {

    private static final Pattern RECEIPT_LINK = Pattern.compile("https?://\\S+(/reply/[A-Za-z0-9_.-]+/receipt)");

    @LocalServerPort
    int port;
    @Autowired
    RequestJourney journey;
    @Autowired
    RequestRegistry registry;
    @Autowired
    CorrespondenceLog log;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    FormService forms;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;

    @Test
    void theButtonOfTheLinkLogsTheReceiptOnceAndTheRecipientStillAwaitsItsReply() throws Exception {
        // given a request to IOM (English) and PAHO (Spanish) that asks for an acknowledgement of receipt
        String reference = journey.sent(askingForReceipt("Acuse de recibo " + UUID.randomUUID(), "IOM", "PAHO"));
        String iomText = TestMails.plainText(journey.sentMessage(reference, "IOM").orElseThrow());
        String pahoText = TestMails.plainText(journey.sentMessage(reference, "PAHO").orElseThrow());
        assertThat(iomText).as("IOM's email, in English").contains("Please confirm that you have received this "
                + "request. The confirmation is not your reply.").containsPattern("Confirm receipt: " + RECEIPT_LINK);
        assertThat(pahoText).as("PAHO's email, in Spanish").contains("Le rogamos que confirme que ha recibido esta "
                + "solicitud.").containsPattern("Confirmar recepción: " + RECEIPT_LINK);
        assertThat(journey.sentMessage(reference, "IOM").orElseThrow().getHeader("Auto-Submitted"))
                .as("Auto-Submitted of a request email, which the Secretariat wrote").isNull();

        // when IOM's focal point opens the link (as a mail filter scanning links would, too)
        RecipientPage page = RecipientPage.open(port, receiptPath(iomText));

        // then the page in English shows the request and a button, and nothing is recorded yet
        Document shown = Jsoup.parse(page.shown());
        assertThat(shown.select("html").attr("lang")).as("language of IOM's page").isEqualTo("en");
        assertThat(shown.select("#reference").text()).isEqualTo(reference);
        assertThat(shown.select("#receipt-form button").text()).as("the button").isEqualTo("Confirm receipt");
        assertThat(recipient(reference, "IOM").acknowledgedAt()).as("receipt after opening the page").isNull();

        // and a post without the page's form token (a form of another site, say) is refused and records nothing
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(page.address())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + page.csrf())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("post without the page's session").isEqualTo(403);
        assertThat(recipient(reference, "IOM").acknowledgedAt()).as("receipt after the forged post").isNull();

        // when the focal point presses the button, twice
        HttpResponse<String> pressed = page.press();
        Instant first = recipient(reference, "IOM").acknowledgedAt();
        HttpResponse<String> again = page.press();

        // then the receipt is recorded once, and the page says so
        assertThat(pressed.statusCode()).as("the press, then back to the page").isEqualTo(302);
        assertThat(again.statusCode()).as("the second press").isEqualTo(302);
        assertThat(first).as("IOM's receipt").isNotNull();
        RequestDetails.Recipient iom = recipient(reference, "IOM");
        assertThat(iom.acknowledgedAt()).as("receipt after the second press: the first kept").isEqualTo(first);
        assertThat(iom.acknowledgedVia()).isEqualTo(Receipt.LINK);
        Document confirmed = Jsoup.parse(page.get().body());
        assertThat(confirmed.select("#acknowledged").text()).as("the page after the press")
                .contains("Thank you: receipt confirmed");
        assertThat(confirmed.select("#receipt-form")).as("no button once confirmed").isEmpty();

        // and it is not the reply: IOM still awaits one, no review opened, no message logged as come in
        assertThat(iom.state()).as("IOM's state").isEqualTo(RecipientState.AWAITING_REPLY);
        assertThat(iom.checkContact()).as("IOM's contact to check").isFalse();
        assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(reference)
                .activityId(Elements.AWAIT_REPLY).count()).as("recipients awaiting a reply").isEqualTo(2);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(Elements.REVIEW_REPLY).count()).as("reviews").isZero();
        assertThat(log.forRequest(reference)).as("inbound messages")
                .noneMatch(entry -> entry.direction() == CorrespondenceEntry.Direction.IN);
        assertThat(recipient(reference, "PAHO").acknowledgedAt()).as("PAHO's receipt").isNull();

        // and the timeline and the API show it
        Document requestPage = Jsoup.parse(officer("/registry/" + reference).body());
        assertThat(requestPage.select("#timeline li[data-kind=ACKNOWLEDGED]").eachText()).as("receipts on the "
                + "timeline").singleElement().satisfies(text -> assertThat(text).contains("Acuse de recibo")
                .contains("IOM").contains("Confirmado con el enlace del correo (no es la respuesta)"));
        assertThat(requestPage.select("#recipients td.acknowledged")).extracting(Element::text)
                .as("acknowledged column, IOM then PAHO").containsExactly(LocalDate.now().toString(), "");
        JsonNode api = new ObjectMapper().readTree(officer("/api/requests/" + reference).body());
        assertThat(api.path("acknowledgement").asBoolean()).as("the request asks for receipts").isTrue();
        assertThat(api.path("recipients")).as("recipients in the API").anySatisfy(recipient -> {
            assertThat(recipient.path("code").asText()).isEqualTo("IOM");
            assertThat(recipient.path("acknowledgedAt").asText()).isNotEmpty();
            assertThat(recipient.path("acknowledgedVia").asText()).isEqualTo("LINK");
            assertThat(recipient.path("state").asText()).isEqualTo("AWAITING_REPLY");
        });
    }

    @Test
    void theSpanishRecipientsPageIsInSpanishAndAnotherLanguageCanBeChosen() throws Exception {
        String reference = journey.sent(askingForReceipt("Idioma del acuse " + UUID.randomUUID(), "PAHO"));
        String path = receiptPath(TestMails.plainText(journey.sentMessage(reference, "PAHO").orElseThrow()));

        Document spanish = Jsoup.parse(RecipientPage.open(port, path).shown());
        Document english = Jsoup.parse(RecipientPage.open(port, path + "?lang=en").shown());

        assertThat(spanish.select("#receipt-form button").text()).as("PAHO's button").isEqualTo("Confirmar recepción");
        assertThat(spanish.select("#receipt-form").text()).as("that it is no reply")
                .contains("Confirmar la recepción no es responder");
        assertThat(spanish.select("#reply-page").attr("href")).as("the reply page, beside it")
                .isEqualTo(path.replace("/receipt", ""));
        assertThat(english.select("#receipt-form button").text()).as("in English on request")
                .isEqualTo("Confirm receipt");
    }

    @Test
    void theStartFormsCheckboxAsksForReceiptsAndTheDraftFormCanTurnItOff() {
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey(RequestProcess.KEY)
                .latestVersion().singleResult().getId();
        identity.setAuthenticatedUserId("officer1");
        String processInstanceId;
        try {
            processInstanceId = forms.submitStartForm(definition, new HashMap<>(Map.of("subject", "Acuse desde "
                    + "Tasklist", "body", "Solicitamos la información.", "recipients",
                    SpinValues.jsonValue("[\"IOM\"]").create(), "replyDue", LocalDate.now().plusDays(15).toString(),
                    "kind", "information", "language", "es", Variables.ACKNOWLEDGEMENT, true))).getId();
        } finally {
            identity.clearAuthentication();
        }
        String reference = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getBusinessKey();
        assertThat(registry.find(reference).orElseThrow().acknowledgement()).as("from the start form").isTrue();

        Task draft = journey.onlyTask(reference, Elements.DRAFT_REQUEST, "officer1");
        assertThat(forms.getTaskFormVariables(draft.getId()).getValue(Variables.ACKNOWLEDGEMENT, Boolean.class))
                .as("the draft form's checkbox").isTrue();
        journey.complete(draft, "officer1", Map.of(Variables.ACKNOWLEDGEMENT, false));

        assertThat(registry.find(reference).orElseThrow().acknowledgement()).as("after the draft").isFalse();
    }

    @Test
    void aRequestThatAsksForNoReceiptHasNoReceiptLink() throws Exception {
        String reference = journey.sent("Sin acuse de recibo " + UUID.randomUUID(), "UNHCR");

        MimeMessage email = journey.sentMessage(reference, "UNHCR").orElseThrow();

        assertThat(TestMails.plainText(email)).as("email of a request without acknowledgement")
                .doesNotContain("/receipt").doesNotContain("Confirm receipt");
        assertThat(email.getHeader("Disposition-Notification-To")).as("read receipt asked").isNull();
    }

    @Test
    void aForgedReceiptLinkShowsNoRequestAndRecordsNothing() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI forged = URI.create("http://localhost:" + port + "/reply/Q1JNLTIwMjYtMDAwMXxJT018OTk5OTk5OTk5OQ."
                + "bm90LWEtc2lnbmF0dXJl/receipt");

        HttpResponse<String> shown = http.send(HttpRequest.newBuilder(forged).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(forged)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(shown.statusCode()).as("forged link opened").isEqualTo(404);
        assertThat(shown.body()).contains("This link is not valid or has expired");
        assertThat(posted.statusCode()).as("forged link posted").isEqualTo(404);
    }

    private static NewRequest askingForReceipt(String subject, String... recipients) {
        return new NewRequest(subject, "Solicitamos la información indicada.", List.of(recipients),
                LocalDate.now().plusDays(30).toString(), "information", "es", Map.of(), Map.of(), null, true, null);
    }

    /** The link's path on this server (the emails name the configured base address). */
    private static String receiptPath(String emailText) {
        Matcher link = RECEIPT_LINK.matcher(emailText);
        assertThat(link.find()).as("a receipt link in the email").isTrue();
        return link.group(1);
    }

    private RequestDetails.Recipient recipient(String reference, String code) {
        return registry.recipients(reference).stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    private HttpResponse<String> officer(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", "es")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("officer1:demo"
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
