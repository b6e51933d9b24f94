package org.rcm.requests.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.request.RequestProcess;
import org.springframework.beans.factory.annotation.Autowired;

/** Deploys {@code processes/} as the application does, and what a process owner may drop into it by mistake. */
class ProcessDeploymentIntegrationTest extends IntegrationTestBase {

    @Autowired
    ProcessDeployer deployer;
    @Autowired
    RepositoryService repository;

    @Test
    void everyFileOfProcessesDeploysWithoutProblems() {
        long versions = processVersions();

        ProcessDeployer.Result result = deployer.deploy(Path.of("processes"));

        assertThat(result.refused()).as("problems found in processes/").isEmpty();
        assertThat(result.deployed()).as("files deployed").contains("InteragencyRequest.bpmn",
                "Decision_ApprovalRequired.dmn", "Decision_ApprovalOutcome.dmn", "Form_StartRequest.form",
                "Form_DraftRequest.form", "Form_ApproveRequest.form", "Form_FollowUp.form", "Form_ReviewReply.form");
        assertThat(processVersions()).as("versions after deploying unchanged files again").isEqualTo(versions);
    }

    @Test
    void brokenFileIsRefusedByNameAndTheOthersStillDeploy(@TempDir Path folder) throws IOException {
        copyProcesses(folder);
        Files.writeString(folder.resolve("Broken.bpmn"), "<bpmn:definitions xmlns:bpmn=\"oops\"><unclosed>");

        ProcessDeployer.Result result = deployer.deploy(folder);

        assertThat(result.refused()).as("refused files").extracting(ModelProblem::file).containsExactly("Broken.bpmn");
        assertThat(result.deployed()).as("files still deployed").contains("InteragencyRequest.bpmn");
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
        copyProcesses(folder);
        Path model = folder.resolve("InteragencyRequest.bpmn");
        Files.writeString(model, Files.readString(model).replace("name=\"Draft request\"", "name=\"Draft the request\""));
        long versions = processVersions();

        deployer.deploy(folder);

        assertThat(processVersions()).as("versions after a label change").isEqualTo(versions + 1);
    }

    private long processVersions() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(RequestProcess.KEY).count();
    }

    private static void copyProcesses(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
    }
}
