package org.rcm.requests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.request.NewRequest;
import org.rcm.requests.request.RequestProcess.Elements;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A consulates request in a real browser: the recipient fills the reply form's table on the public page (a mistake
 * shown beside its field with nothing lost, more rows added), the officer sees the rows in Tasklist's review form and
 * accepts them, and the compiled answers page lists them. Drafting and the Troika's approval go through the engine
 * (RequestJourneysE2ETest shows them in Tasklist).
 */
@ExtendWith(BrowserAvailable.class)
class StructuredAnswersE2ETest extends IntegrationTestBase {

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

    private Tasklist tasklist;

    @BeforeEach
    void openBrowser() {
        CamundaWebapps.serve(engine);
        browser.baseUrl("http://localhost:" + port);
        tasklist = new Tasklist(browser);
    }

    @Test
    void consulatesTypedOnTheReplyPageAreReviewedInTasklistAndCompiled() throws Exception {
        String reference = sent("E2E consulados " + UUID.randomUUID(), "GT");

        // the recipient opens the link, types a row without its city and sends
        browser.forgetSessions();
        browser.open(ReplyLink.in(journey.sentMessage(reference, "GT").orElseThrow(), browser.baseUrl()));
        type("answer-consulates-0-country", "México");
        new Select(browser.visible(By.id("answer-consulates-0-type"))).selectByValue("consulate_general");
        type("answer-consulates-0-address", "Av. Reforma 1");
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('answer').scrollIntoView();");
        browser.shot("reply-form-consulates");
        send();
        assertThat(browser.visible(By.id("errors")).getText()).as("the error list")
                .contains("Representaciones, fila 1: Ciudad: este campo es obligatorio.");
        assertThat(browser.visible(By.id("answer-consulates-0-city-error")).getText()).as("beside the field")
                .contains("obligatorio");
        assertThat(browser.visible(By.id("answer-consulates-0-country")).getDomProperty("value"))
                .as("what was typed is kept").isEqualTo("México");
        browser.shot("reply-form-consulates-error");

        // fixes it, adds rows, fills a second mission, sends
        type("answer-consulates-0-city", "Ciudad de México");
        browser.click(By.id("answer-consulates-more"));
        assertThat(browser.visible(By.id("answer-consulates-0-city")).getDomProperty("value")).isEqualTo("Ciudad de México");
        type("answer-consulates-7-country", "Estados Unidos");
        type("answer-consulates-7-city", "Los Ángeles");
        new Select(browser.visible(By.id("answer-consulates-7-type"))).selectByValue("consulate");
        type("answer-consulates-7-address", "3540 Wilshire Blvd");
        send();
        browser.visible(By.id("sent"));
        browser.shot("reply-form-consulates-sent");

        // the officer sees both rows in the review form and accepts
        Task review = reviewTask(reference);
        tasklist.login("officer1");
        tasklist.openTask(review.getId(), reference + " · GT");
        tasklist.claim();
        browser.until(driver -> String.join("\n", inputValues()).contains("Los Ángeles"));
        assertThat(String.join("\n", inputValues())).as("the rows in Tasklist, one line each")
                .contains("México | Ciudad de México | Consulado general | Av. Reforma 1")
                .contains("Estados Unidos | Los Ángeles | Consulado | 3540 Wilshire Blvd");
        tasklist.choose("Field_outcome_59", 0);
        tasklist.complete("review-consulates");
        await().atMost(Duration.ofSeconds(20)).until(() -> tasks.createTaskQuery().taskId(review.getId()).count() == 0);

        // the compiled answers list both missions with their source country
        browser.open("/registry/" + reference + "/answers");
        WebElement compiled = browser.visible(By.id("compiled"));
        browser.shot("compiled-answers");
        assertThat(compiled.findElements(By.cssSelector("tbody tr"))).as("one line per mission").hasSize(2);
        assertThat(compiled.getText()).contains("GT").contains("Ciudad de México").contains("Los Ángeles")
                .contains("Consulado general");
        assertThat(browser.visible(By.id("status")).getText()).as("the status matrix").contains("Respondida");
    }

    private void type(String id, String text) {
        WebElement input = browser.visible(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private void send() {
        browser.click(By.cssSelector("#reply-form button[type=submit]:not(.visually-hidden):not(.secondary)"));
    }

    /** The values of the open form's inputs, as the user sees them (form-js keeps them as properties). */
    @SuppressWarnings("unchecked")
    private List<String> inputValues() {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
                "return Array.from(document.querySelectorAll('.fjs-form input, .fjs-form textarea'))"
                        + ".map(function (i) { return i.value; });");
    }

    private String sent(String subject, String... recipients) {
        return journey.sent(new NewRequest(subject, "Envíen la lista de sus consulados y embajadas.",
                List.of(recipients), LocalDate.now().plusDays(30).toString(), "consulates", "es"));
    }

    private Task reviewTask(String reference) {
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(Elements.REVIEW_REPLY).count() == 1);
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(Elements.REVIEW_REPLY)
                .singleResult();
    }
}
