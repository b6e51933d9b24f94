package org.rcm.requests.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.TestProcesses;
import org.rcm.requests.request.RequestProcess;
import org.springframework.beans.factory.annotation.Autowired;

/** Deploys {@code processes/} as the application does, and what a process owner may drop into it by mistake. */
class ProcessDeploymentIntegrationTest extends IntegrationTestBase {

    @Autowired
    ProcessDeployer deployer;
    @Autowired
    RepositoryService repository;

    /** The shared test application goes on with the models of processes/ (tests elsewhere read their labels). */
    @AfterEach
    void backToTheModelsOfProcesses() {
        deployer.deploy(Path.of("processes"));
    }

    @Test
    void everyFileOfProcessesDeploysWithoutProblems() {
        long versions = processVersions();

        ProcessDeployer.Result result = deployer.deploy(Path.of("processes"));

        assertThat(result.refused()).as("problems found in processes/").isEmpty();
        assertThat(result.deployed()).as("files deployed again, unchanged since start-up").isEmpty();
        assertThat(processVersions()).as("versions after deploying unchanged files again").isEqualTo(versions);
        assertThat(deployer.check(Path.of("processes"))).as("the checks and the engine's parse").isEmpty();
    }

    @Test
    void brokenFileIsRefusedByNameAndTheOthersStillDeploy(@TempDir Path folder) throws IOException {
        TestProcesses.copyInto(folder);
        relabel(folder, "Review reply", "Review the reply");
        Files.writeString(folder.resolve("Broken.bpmn"), "<bpmn:definitions xmlns:bpmn=\"oops\"><unclosed>");

        ProcessDeployer.Result result = deployer.deploy(folder);

        assertThat(result.refused()).as("refused files").extracting(ModelProblem::file).containsExactly("Broken.bpmn");
        assertThat(result.deployed()).as("the changed model still deployed, with the forms it names")
                .contains("InteragencyRequest.bpmn", "Form_ReviewReply.form", "Form_StartRequest.form")
                .doesNotContain("MessageTriage.bpmn", "Decision_ApprovalRequired.dmn");
    }

    @Test
    void modelTheEngineRejectsIsRefusedWithTheElementNamed(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("NoImplementation.bpmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_X" targetNamespace="test">
                  <bpmn:process id="NoImplementation" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Go" />
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Go" targetRef="Task_DoSomething" />
                    <bpmn:serviceTask id="Task_DoSomething" />
                  </bpmn:process>
                </bpmn:definitions>
                """);

        ProcessDeployer.Result result = deployer.deploy(folder);

        assertThat(result.refused()).as("problems of a service task without implementation").isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.file()).isEqualTo("NoImplementation.bpmn"))
                .anySatisfy(problem -> assertThat(problem.element()).isEqualTo("Task_DoSomething"));
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("NoImplementation").count())
                .as("versions of the refused process").isZero();
    }

    @Test
    void modelWithAnExternalEntityIsRefused(@TempDir Path folder) throws IOException {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "do-not-read");
        Files.writeString(folder.resolve("Xxe.bpmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE definitions [<!ENTITY secret SYSTEM "%s">]>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Xxe" targetNamespace="test">
                  <bpmn:process id="Xxe" name="&secret;" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Go" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(secret.toUri()));

        ProcessDeployer.Result result = deployer.deploy(folder);

        assertThat(result.refused()).as("problems of a model with an external entity")
                .extracting(ModelProblem::file).contains("Xxe.bpmn");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("Xxe").count())
                .as("versions of the model with an external entity").isZero();
    }

    @Test
    void changedModelBecomesANewVersion(@TempDir Path folder) throws IOException {
        TestProcesses.copyInto(folder);
        Path model = folder.resolve("InteragencyRequest.bpmn");
        Files.writeString(model, Files.readString(model).replace("name=\"Draft request\"", "name=\"Draft the request\""));
        long versions = processVersions();

        deployer.deploy(folder);

        assertThat(processVersions()).as("versions after a label change").isEqualTo(versions + 1);
    }

    @Test
    void aChangedFormGoesOutWithItsModelAndARunningRequestKeepsTheFormItStartedWith(@TempDir Path folder)
            throws IOException {
        TestProcesses.copyInto(folder);
        relabel(folder, "Review reply", "Review the reply again");
        deployer.deploy(folder);
        String before = repository.createProcessDefinitionQuery().processDefinitionKey(RequestProcess.KEY)
                .latestVersion().singleResult().getDeploymentId();

        Path form = folder.resolve("Form_ReviewReply.form");
        Files.writeString(form, Files.readString(form).replaceFirst("\"label\": \"", "\"label\": \"(v2) "));
        ProcessDeployer.Result result = deployer.deploy(folder);

        assertThat(result.deployed()).as("the form, and the model that names it").contains("Form_ReviewReply.form",
                "InteragencyRequest.bpmn").doesNotContain("MessageTriage.bpmn");
        String after = repository.createProcessDefinitionQuery().processDefinitionKey(RequestProcess.KEY)
                .latestVersion().singleResult().getDeploymentId();
        assertThat(after).as("a new version of the model").isNotEqualTo(before);
        assertThat(formOf(before)).as("the earlier version keeps its form").doesNotContain("(v2) ");
        assertThat(formOf(after)).as("the new version has the new form").contains("(v2) ");
    }

    private String formOf(String deploymentId) throws IOException {
        try (var in = repository.getResourceAsStream(deploymentId, "Form_ReviewReply.form")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static void relabel(Path folder, String label, String newLabel) throws IOException {
        Path model = folder.resolve("InteragencyRequest.bpmn");
        String text = Files.readString(model);
        assertThat(text).contains("name=\"" + label + "\"");
        Files.writeString(model, text.replace("name=\"" + label + "\"", "name=\"" + newLabel + "\""));
    }

    private long processVersions() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(RequestProcess.KEY).count();
    }
}
