package org.rcm.requests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A request in both languages in a real browser: the officer writes the English text beside the Spanish one in the
 * start form, finds it again in the draft form, a Troika delegate sees both texts in the approval form, and the HTML
 * email IOM (English) and PAHO (Spanish) receive is opened in the browser as a mail program would show it.
 */
@ExtendWith(BrowserAvailable.class)
class BilingualRequestE2ETest extends IntegrationTestBase {

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
    void requestWrittenInBothLanguagesIsApprovedInBothAndReachesEachRecipientInItsOwn() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String subject = "Ventanas de enfermedades " + id;
        String subjectEn = "Disease windows " + id;
        String body = "Solicitamos información sobre las ventanas de enfermedades infecciosas.";
        String bodyEn = "We request information on the windows of infectious diseases.";

        // the start form offers the English text while the request's language is Spanish, not a Spanish one
        tasklist.login("officer1");
        tasklist.startRequest(subject, body, List.of("IOM", "PAHO"), LocalDate.now().plusDays(30),
                Map.of("Field_subjectEn_61", subjectEn, "Field_bodyEn_62", bodyEn));
        String reference = referenceOf(subject);

        // the officer's first screen (the first filter, "my tasks and my groups' tasks", by due date) lists the
        // drafts waiting for the Secretariat, named in Spanish (other tests' drafts too: the list is shared)
        browser.open(Tasklist.HOME);
        browser.visible(By.xpath("//*[contains(@class,'tasks-list')]//*[contains(normalize-space(.), "
                + "'Redactar solicitud · CRM-')]"));
        assertThat(browser.driver().getCurrentUrl()).as("Tasklist's order: due date, soonest first")
                .contains("sorting=").contains("dueDate");
        browser.shot("first-screen-lists-the-drafts");

        tasklist.openTask(task(reference, Elements.DRAFT_REQUEST, "officer1").getId(), reference);
        tasklist.claim();
        assertThat(tasklist.value("Field_subjectEn_65")).as("the draft form's English subject").isEqualTo(subjectEn);
        assertThat(tasklist.value("Field_bodyEn_66")).as("the draft form's English text").isEqualTo(bodyEn);
        assertThat(browser.driver().findElements(By.cssSelector("[id$='Field_subjectEs_67']")))
                .as("no Spanish fields beside a Spanish request's own").isEmpty();
        tasklist.complete("draft");

        tasklist.login("delegate-hn");
        tasklist.openTask(task(reference, Elements.APPROVE_REQUEST, "delegate-hn").getId(), reference + " · HN");
        tasklist.claim();
        assertThat(tasklist.value("Field_subject_20")).as("the approval form's subject").isEqualTo(subject);
        assertThat(tasklist.value("Field_body_21")).as("the approval form's text").isEqualTo(body);
        assertThat(tasklist.value("Field_subjectEn_69")).as("the approval form's English subject")
                .isEqualTo(subjectEn);
        assertThat(tasklist.value("Field_bodyEn_70")).as("the approval form's English text").isEqualTo(bodyEn);
        assertThat(browser.driver().findElements(By.cssSelector("[id$='Field_subjectEs_71']")))
                .as("no empty Spanish fields in the approval form").isEmpty();
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                tasklist.field("Field_bodyEn_70"));
        browser.shot("approval-form-both-texts");
        tasklist.choose("Field_decision_26", 0);
        tasklist.complete("approve-hn");
        for (String delegate : List.of("delegate-mx", "delegate-sv")) {
            journey.complete(task(reference, Elements.APPROVE_REQUEST, delegate), delegate,
                    Map.of(Variables.DECISION, "approve"));
        }

        showEmail(reference, "IOM");
        assertThat(browser.visible(By.tagName("body")).getText()).as("IOM's email as shown")
                .contains("addresses the following request to the International Organization for Migration (IOM).")
                .contains(subjectEn).contains(bodyEn).doesNotContain(body);
        assertThat(browser.visible(By.id("reply-button")).getText()).as("IOM's reply button").isEqualTo("Reply online");
        assertThat(browser.visible(By.id("reply-link")).getText()).as("IOM's link in plain text")
                .startsWith("or open this link: http").contains("/reply/");

        showEmail(reference, "PAHO");
        assertThat(browser.visible(By.tagName("body")).getText()).as("PAHO's email as shown")
                .contains("se dirige a la Organización Panamericana de la Salud (OPS) con la siguiente solicitud.")
                .contains(subject).contains(body).doesNotContain(bodyEn);
        assertThat(browser.visible(By.id("reply-button")).getText()).as("PAHO's reply button")
                .isEqualTo("Responder en línea");
    }

    /** Opens the HTML part of the request email to {@code recipient} in the browser, from a file beside the shots. */
    private void showEmail(String reference, String recipient) throws Exception {
        MimeMessage message = await().atMost(Browser.PATIENCE).until(() -> journey.sentMessage(reference, recipient)
                .orElse(null), found -> found != null);
        Path file = Path.of("target", "e2e", "mail-" + recipient.toLowerCase() + "-" + reference + ".html")
                .toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, html(message), StandardCharsets.UTF_8);
        browser.driver().get(file.toUri().toString());
        browser.visible(By.id("reply-button"));
        browser.shot("email-" + recipient.toLowerCase());
    }

    private static String html(Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String html = html(multipart.getBodyPart(i));
                if (html != null) {
                    return html;
                }
            }
        }
        return null;
    }

    private String referenceOf(String subject) {
        return await().atMost(Browser.PATIENCE).until(() -> jdbc.sql("select reference from request where subject = ?")
                .param(subject).query(String.class).optional().orElse(null), reference -> reference != null);
    }

    private Task task(String reference, String taskKey, String user) {
        await().atMost(Browser.PATIENCE).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(taskKey).taskCandidateUser(user).count() == 1);
        return journey.onlyTask(reference, taskKey, user);
    }
}
