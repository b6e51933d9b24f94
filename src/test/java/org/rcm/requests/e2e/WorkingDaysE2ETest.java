package org.rcm.requests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.calendar.WorkingDays;
import org.rcm.requests.request.RequestDetails;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A due date in working days in a real browser: the officer gives ten working days instead of a date in Tasklist's
 * start form (the date field gives way), each recipient is due in its own calendar, and the draft form shows the
 * working days again.
 */
@ExtendWith(BrowserAvailable.class)
class WorkingDaysE2ETest extends IntegrationTestBase {

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
    @Autowired
    RequestRegistry registry;
    @Autowired
    WorkingDays workingDays;

    private Tasklist tasklist;

    @BeforeEach
    void openBrowser() {
        CamundaWebapps.serve(engine);
        browser.baseUrl("http://localhost:" + port);
        tasklist = new Tasklist(browser);
    }

    @Test
    void officerGivesTheDueDateInWorkingDaysInTheStartForm() throws Exception {
        String subject = "Plazo en días hábiles " + UUID.randomUUID().toString().substring(0, 8);

        tasklist.login("officer1");
        tasklist.startRequest(subject, "Solicitamos la información indicada.", List.of("IOM", "UNHCR"), null,
                Map.of("Field_replyDueWorkingDays_65", "10"));
        String reference = await().atMost(Browser.PATIENCE).until(() -> jdbc.sql(
                        "select reference from request where subject = ?").param(subject).query(String.class)
                .optional().orElse(null), found -> found != null);

        RequestDetails registered = registry.find(reference).orElseThrow();
        LocalDate today = LocalDate.now();
        assertThat(registered.replyDueWorkingDays()).as("the working days of the start form").isEqualTo(10);
        assertThat(registered.recipients()).as("each recipient's due date, in its own calendar")
                .extracting(RequestDetails.Recipient::code, RequestDetails.Recipient::replyDue)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("IOM", workingDays.plusWorkingDays(today, 10, "IOM")),
                        org.assertj.core.groups.Tuple.tuple("UNHCR", workingDays.plusWorkingDays(today, 10, "UNHCR")));

        tasklist.openTask(task(reference).getId(), reference);
        tasklist.claim();
        assertThat(tasklist.value("Field_replyDueWorkingDays_69")).as("the draft form's working days")
                .isEqualTo("10");
        assertThat(browser.driver().findElements(By.cssSelector("[id$='Field_replyDue_14-date']")))
                .as("no date field beside the working days").isEmpty();
        tasklist.complete("draft-in-working-days");
        await().atMost(Browser.PATIENCE).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(Elements.DRAFT_REQUEST).count() == 0);
        assertThat(registry.find(reference).orElseThrow().replyDueWorkingDays())
                .as("the working days after drafting").isEqualTo(10);
    }

    private Task task(String reference) {
        await().atMost(Browser.PATIENCE).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(Elements.DRAFT_REQUEST).taskCandidateUser("officer1").count() == 1);
        return journey.onlyTask(reference, Elements.DRAFT_REQUEST, "officer1");
    }
}
