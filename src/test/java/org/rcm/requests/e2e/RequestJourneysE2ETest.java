package org.rcm.requests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.TestMailServer;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The users' journeys in a real browser: Tasklist for the Secretariat and the Troika, the public reply page for a
 * recipient, the registry page at the end. Only what no user can do in a browser is done here directly: an email
 * reply arrives over SMTP, and in the second journey two delegates approve through the engine (the first journey
 * shows them doing it in Tasklist).
 */
@ExtendWith(BrowserAvailable.class)
class RequestJourneysE2ETest extends IntegrationTestBase {

    private static final List<String> TROIKA = List.of("hn", "mx", "sv");

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    RequestJourney journey;

    @Autowired
    TaskService tasks;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    private Tasklist tasklist;

    @BeforeEach
    void openBrowser() {
        CamundaWebapps.serve(engine);
        browser.baseUrl("http://localhost:" + port);
        tasklist = new Tasklist(browser);
    }

    @Test
    void requestApprovedByTheTroikaAndAnsweredByLinkAndByEmailShowsAsAnsweredInTheRegistry() throws Exception {
        String subject = "E2E respondida " + UUID.randomUUID();
        tasklist.login("officer1");
        tasklist.startRequest(subject, "Solicitamos información sobre el mapeo de la trata.", List.of("IOM", "PAHO"),
                LocalDate.now().plusDays(30));
        String reference = referenceOf(subject);

        tasklist.openTask(task(reference, Elements.DRAFT_REQUEST, "officer1").getId(), reference);
        tasklist.claim();
        assertThat(tasklist.value("Field_subject_11")).as("the draft form shows the subject of the start form")
                .isEqualTo(subject);
        tasklist.complete("draft");

        for (String country : TROIKA) {
            String delegate = "delegate-" + country;
            tasklist.login(delegate);
            tasklist.openTask(task(reference, Elements.APPROVE_REQUEST, delegate).getId(),
                    reference + " · " + country.toUpperCase());
            tasklist.claim();
            tasklist.choose("Field_decision_26", 0);
            tasklist.complete("approve-" + country);
        }

        MimeMessage toIom = sentMessage(reference, "IOM");
        MimeMessage toPaho = sentMessage(reference, "PAHO");
        assertThat(List.of(toIom.getSubject(), toPaho.getSubject())).as("both emails carry the reference")
                .allMatch(mailSubject -> mailSubject.contains("[" + reference + "]"));

        String iomAnswer = "La OIM adjuntará el mapeo actualizado " + reference;
        browser.forgetSessions();
        browser.open(ReplyLink.in(toIom, browser.baseUrl()));
        assertThat(browser.visible(By.id("reference")).getText()).as("the reply page names the request")
                .isEqualTo(reference);
        browser.visible(By.id("text")).sendKeys(iomAnswer);
        browser.shot("reply-page-iom");
        browser.click(By.cssSelector("#reply-form button[type=submit]"));
        browser.visible(By.id("sent"));
        browser.shot("reply-sent-iom");

        String pahoAnswer = "La OPS enviará la información sobre ventanas epidemiológicas " + reference;
        TestMailServer.sendToSecretariat(journey.reply(reference, "PAHO", "punto.focal@paho.example.org",
                pahoAnswer));

        tasklist.login("officer1");
        for (Map.Entry<String, String> reply : List.of(Map.entry("IOM", iomAnswer), Map.entry("PAHO", pahoAnswer))) {
            String recipient = reply.getKey();
            tasklist.openTask(reviewTask(reference, recipient).getId(), reference + " · " + recipient);
            tasklist.claim();
            assertThat(tasklist.value("Field_replyText_56")).as("the review form shows " + recipient + "'s reply")
                    .contains(reply.getValue());
            tasklist.choose("Field_outcome_59", 0);
            tasklist.complete("review-" + recipient.toLowerCase());
        }

        browser.open("/registry/" + reference);
        browser.until(driver -> {
            driver.navigate().refresh();
            return driver.findElement(By.id("state")).getDomAttribute("class").contains("state-CLOSED");
        });
        browser.shot("registry-request");
        assertThat(browser.visible(By.id("outcome")).getText()).as("the request's outcome").isEqualTo("Respondida");
        assertThat(browser.driver().findElements(By.cssSelector("#recipients .badge")))
                .as("both recipients' badges say answered")
                .extracting(WebElement::getText, badge -> badge.getDomAttribute("class"))
                .containsExactly(tuple("Respondida", "badge state-ANSWERED"),
                        tuple("Respondida", "badge state-ANSWERED"));

        browser.open("/registry?q=" + reference);
        assertThat(browser.visible(By.cssSelector("table.data tbody")).getText())
                .as("the registry list shows the request closed").contains(reference).contains("Cerrada");
        browser.shot("registry-list");
    }

    @Test
    void delegateAsksForChangesAndTheOfficerSeesTheCommentAndResubmits() throws Exception {
        String subject = "E2E cambios " + UUID.randomUUID();
        tasklist.login("officer1");
        tasklist.startRequest(subject, "Solicitamos capacitación sobre los países de origen.", List.of("UNHCR"),
                LocalDate.now().plusDays(20));
        String reference = referenceOf(subject);
        tasklist.openTask(task(reference, Elements.DRAFT_REQUEST, "officer1").getId(), reference);
        tasklist.claim();
        tasklist.complete("draft");

        String comment = "Precisen las fechas de la capacitación " + reference;
        tasklist.login("delegate-hn");
        tasklist.openTask(task(reference, Elements.APPROVE_REQUEST, "delegate-hn").getId(), reference + " · HN");
        tasklist.claim();
        tasklist.choose("Field_decision_26", 1);
        tasklist.field("Field_comment_27").sendKeys(comment);
        tasklist.complete("ask-for-changes-hn");
        for (String delegate : List.of("delegate-mx", "delegate-sv")) {
            journey.complete(task(reference, Elements.APPROVE_REQUEST, delegate), delegate,
                    Map.of(Variables.DECISION, "approve"));
        }

        tasklist.login("officer1");
        tasklist.openTask(task(reference, Elements.DRAFT_REQUEST, "officer1").getId(), reference);
        tasklist.claim();
        assertThat(tasklist.value("Field_approvalComments_10")).as("the draft shows the Troika's comment")
                .contains("HN (changes): " + comment);
        String revised = subject + " (fechas: 3 y 4 de octubre)";
        tasklist.field("Field_subject_11").sendKeys(" (fechas: 3 y 4 de octubre)");
        tasklist.complete("resubmit");

        await().atMost(Browser.PATIENCE).untilAsserted(() -> assertThat(tasks.createTaskQuery()
                .processInstanceBusinessKey(reference).taskDefinitionKey(Elements.APPROVE_REQUEST).count())
                .as("the revised request is with the Troika again, one task per country").isEqualTo(3));
        browser.open("/registry/" + reference);
        assertThat(browser.visible(By.id("state")).getDomAttribute("class")).as("the registry shows it in approval")
                .contains("state-IN_APPROVAL");
        assertThat(browser.visible(By.tagName("h1")).getText()).as("the registry has the revised subject")
                .contains(revised);
        assertThat(browser.visible(By.id("timeline")).getText()).as("the timeline keeps the delegate's comment")
                .contains(comment);
        browser.shot("registry-request");
    }

    private String referenceOf(String subject) {
        return await().atMost(Browser.PATIENCE).until(() -> jdbc.sql("select reference from request where subject = ?")
                .param(subject).query(String.class).optional().orElse(null), reference -> reference != null);
    }

    /** The one open task of this kind the user may work on, once the engine has created it. */
    private Task task(String reference, String taskKey, String user) {
        await().atMost(Browser.PATIENCE).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(taskKey).taskCandidateUser(user).count() == 1);
        return journey.onlyTask(reference, taskKey, user);
    }

    private Task reviewTask(String reference, String recipient) {
        return await().atMost(Browser.PATIENCE).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(reference).taskDefinitionKey(Elements.REVIEW_REPLY)
                .taskNameLike("% · " + recipient).singleResult(), found -> found != null);
    }

    private MimeMessage sentMessage(String reference, String recipient) {
        return await().atMost(Browser.PATIENCE).until(() -> journey.sentMessage(reference, recipient).orElse(null),
                message -> message != null);
    }
}
