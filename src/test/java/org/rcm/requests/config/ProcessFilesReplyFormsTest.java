package org.rcm.requests.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentQuery;
import org.junit.jupiter.api.Test;
import org.rcm.requests.TestProcesses;

/**
 * A changed request model is deployed with the reply forms it names ({@code replyForm}), as with its tasks' forms: the
 * reply page of a request reads its kind's form from the deployment of the model version it runs on.
 */
class ProcessFilesReplyFormsTest {

    @Test
    void aChangedModelTakesItsReplyFormsAlong() {
        Map<String, byte[]> files = ProcessFiles.read(TestProcesses.FOLDER);
        RepositoryService repository = mock(RepositoryService.class);
        DeploymentQuery query = mock(DeploymentQuery.class);
        when(repository.createDeploymentQuery()).thenReturn(query);
        when(query.orderByDeploymentTime()).thenReturn(query);
        when(query.desc()).thenReturn(query);
        Deployment deployed = mock(Deployment.class);
        when(deployed.getId()).thenReturn("d1");
        when(query.list()).thenReturn(List.of(deployed));
        when(repository.getDeploymentResourceNames("d1")).thenReturn(new ArrayList<>(files.keySet()));
        files.forEach((name, content) -> when(repository.getResourceAsStream("d1", name)).thenAnswer(call ->
                new ByteArrayInputStream(name.equals("InteragencyRequest.bpmn")
                        ? (new String(content, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8)
                        : content)));

        Map<String, byte[]> toDeploy = new ProcessFiles(repository).toDeploy(files);

        assertThat(toDeploy.keySet()).as("the changed model and the forms it names")
                .contains("InteragencyRequest.bpmn", "Form_ReviewReply.form", "Form_Reply_focal_points.form",
                        "Form_Reply_consulates.form")
                .doesNotContain("MessageTriage.bpmn", "Form_TriageMessage.form");
    }
}
