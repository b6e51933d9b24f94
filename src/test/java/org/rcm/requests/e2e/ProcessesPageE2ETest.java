package org.rcm.requests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.TestProcesses;
import org.rcm.requests.request.RequestProcess;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.rcm.requests.request.RequestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The process owner's journey in a real browser: owner1 logs in and lands on the Processes page, is told a broken
 * model's problem with the element named, then changes the reminder interval, deploys it without a restart, and
 * moves a running request to the new version. An application of its own, reading a copy of {@code processes/}.
 */
@ExtendWith(BrowserAvailable.class)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:processes-page;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "app.mail.inbound.enabled=false"})
@DirtiesContext
class ProcessesPageE2ETest extends IntegrationTestBase {

    private static final Path FOLDER = TestProcesses.copy();
    private static final Path MODEL = FOLDER.resolve("InteragencyRequest.bpmn");

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RequestService requests;
    @Autowired
    RequestJourney journey;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;

    @DynamicPropertySource
    static void models(DynamicPropertyRegistry registry) {
        registry.add("app.processes-dir", FOLDER::toString);
    }

    @BeforeEach
    void openBrowser() {
        CamundaWebapps.serve(engine);
        browser.baseUrl("http://localhost:" + port);
    }

    @Test
    void owner1ChangesTheReminderIntervalDeploysItAndMovesARunningRequest() throws IOException {
        String reference = inApproval();
        int startedOn = version(reference);
        String original = Files.readString(MODEL);

        browser.open("/login");
        browser.visible(By.id("username")).sendKeys("owner1");
        browser.visible(By.id("password")).sendKeys("demo");
        browser.click(By.cssSelector("form button[type=submit]"));
        browser.visible(By.cssSelector("#files"));
        assertThat(browser.driver().getCurrentUrl()).as("a process owner starts on the Processes page")
                .endsWith("/processes");
        browser.shot("processes");

        // a broken model: Check names the element, Deploy deploys nothing
        Files.writeString(MODEL, original.replace("${sendReminderMailDelegate}", "${sendReminderMail}"));
        browser.open("/processes");
        browser.click(By.id("check"));
        String problems = browser.visible(By.id("problems")).getText();
        assertThat(problems).contains("InteragencyRequest.bpmn").contains("Task_SendReminderMail")
                .contains("sendReminderMail");
        browser.shot("check-problems");
        browser.click(By.id("deploy"));
        browser.visible(By.id("problems"));
        assertThat(latestVersion()).as("nothing deployed").isEqualTo(startedOn);

        // the reminder interval, shortened in the timer Reminder due (five working days to three)
        Files.writeString(MODEL, original.replace("'R/P5D'", "'R/P3D'"));
        browser.open("/processes");
        assertThat(browser.visible(By.cssSelector("#files td[data-state=CHANGED]")).getText()).isNotBlank();
        browser.click(By.id("deploy"));
        assertThat(browser.visible(By.id("deployed")).getText()).contains("InteragencyRequest.bpmn");
        browser.shot("deployed");
        int newVersion = latestVersion();
        assertThat(newVersion).as("a new version, without a restart").isEqualTo(startedOn + 1);

        // the plan, then the move
        browser.click(By.cssSelector("form.migration-form[data-key=" + RequestProcess.KEY + "] button.plan"));
        browser.visible(By.cssSelector("#plan tr[data-reference='" + reference + "'][data-can-move=true]"));
        browser.shot("migration-plan");
        browser.click(By.id("migrate"));
        browser.visible(By.id("progress"));
        browser.until(driver -> {
            if ("COMPLETED".equals(driver.findElement(By.id("progress")).getDomAttribute("data-state"))) {
                return true;
            }
            driver.navigate().refresh();
            return false;
        });
        browser.shot("migrated");
        assertThat(version(reference)).as("the request's version after the move").isEqualTo(newVersion);

        // and it goes on: the other two Troika countries approve, the request is sent on the new version
        for (String delegate : List.of("delegate-mx", "delegate-sv")) {
            journey.complete(journey.onlyTask(reference, Elements.APPROVE_REQUEST, delegate), delegate,
                    Map.of(Variables.DECISION, "approve"));
        }
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult()
                .getId();
        // the request email goes out (the job executor), and the recipient waits for a reply
        browser.until(driver -> runtime.createExecutionQuery().processInstanceId(instance)
                .activityId(Elements.AWAIT_REPLY).count() > 0);
        assertThat(version(reference)).as("still on the new version").isEqualTo(newVersion);
    }

    private String inApproval() {
        return journey.approvedByHonduras("Migración desde la página", "ICRC");
    }

    private int version(String reference) {
        String definitionId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .singleResult().getProcessDefinitionId();
        return repository.getProcessDefinition(definitionId).getVersion();
    }

    private int latestVersion() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(RequestProcess.KEY).latestVersion()
                .singleResult().getVersion();
    }
}
