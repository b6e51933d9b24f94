package org.rcm.requests.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.request.NewRequest;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The engine settings behind "the registry is the record": candidates may work a task but not write its variables,
 * tasks from before that setting are brought in line at start-up, and an object variable naming a type outside the
 * allow-list is never deserialized.
 */
class EngineVariableTrustIntegrationTest extends IntegrationTestBase {

    @Autowired
    RequestService requests;
    @Autowired
    RequestJourney journey;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    TaskPermissionUpgrade upgrade;
    @Autowired
    TestRestTemplate rest;

    @Test
    void aTasksCandidateGroupMayWorkItButNotUpdateIt() {
        Task honduras = journey.onlyTask(inApproval(), Elements.APPROVE_REQUEST, "delegate-hn");

        Authorization grant = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(honduras.getId()).groupIdIn("troika-HN").singleResult();

        assertThat(grant).as("the engine's grant to the task's candidate group").isNotNull();
        assertThat(grant.isPermissionGranted(TaskPermissions.TASK_WORK)).as("TASK_WORK granted").isTrue();
        assertThat(grant.isPermissionGranted(Permissions.UPDATE)).as("UPDATE granted").isFalse();
    }

    @Test
    void aTaskGrantOfUpdateFromBeforeBecomesTaskWorkAtStartUp() {
        Authorization old = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        old.setGroupId("troika-MX");
        old.setResource(Resources.TASK);
        old.setResourceId("task-from-before-" + System.nanoTime());
        old.addPermission(Permissions.READ);
        old.addPermission(Permissions.UPDATE);
        authorizations.saveAuthorization(old);

        upgrade.run(null);

        Authorization now = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(old.getResourceId()).singleResult();
        assertThat(now.isPermissionGranted(Permissions.UPDATE)).as("UPDATE after the upgrade").isFalse();
        assertThat(now.isPermissionGranted(TaskPermissions.TASK_WORK)).as("TASK_WORK after the upgrade").isTrue();
        assertThat(now.isPermissionGranted(Permissions.READ)).as("READ after the upgrade").isTrue();
    }

    @Test
    void anObjectVariableNamingAForeignTypeIsNeverDeserialized() {
        String instance = processInstanceOf(inApproval());
        String variables = "/engine-rest/process-instance/" + instance + "/variables/";
        TestRestTemplate admin = rest.withBasicAuth("admin", "demo");

        // the admin may store such a value (Cockpit can), as text; Jackson would read a Date from it
        ResponseEntity<String> stored = admin.exchange(variables + "probe", HttpMethod.PUT, new HttpEntity<>(Map.of(
                "value", "0", "type", "Object", "valueInfo", Map.of(
                        "objectTypeName", "java.util.Date", "serializationDataFormat", "application/json"))),
                String.class);
        ResponseEntity<String> allowed = admin.exchange(variables + "list", HttpMethod.PUT, new HttpEntity<>(Map.of(
                "value", "[\"IOM\"]", "type", "Object", "valueInfo", Map.of(
                        "objectTypeName", "java.util.ArrayList", "serializationDataFormat", "application/json"))),
                String.class);
        assertThat(stored.getStatusCode()).as("storing a serialized java.util.Date").isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(allowed.getStatusCode()).as("storing a serialized ArrayList").isEqualTo(HttpStatus.NO_CONTENT);

        // but reading it as an object is refused, while a type of the allow-list is read
        ResponseEntity<String> read = admin.getForEntity(variables + "probe", String.class);
        ResponseEntity<String> readAllowed = admin.getForEntity(variables + "list", String.class);
        assertThat(read.getStatusCode().is2xxSuccessful()).as("deserializing java.util.Date: " + read.getBody())
                .isFalse();
        assertThat(read.getBody()).as("why it was refused").contains("Cannot deserialize object in variable 'probe'");
        assertThat(readAllowed.getStatusCode()).as("deserializing an ArrayList: " + readAllowed.getBody())
                .isEqualTo(HttpStatus.OK);
    }

    private String inApproval() {
        String reference = requests.start(new NewRequest("Confianza en las variables", "Solicitamos la información.",
                List.of("IOM"), LocalDate.now().plusDays(30).toString(), "information", "es"), List.of(),
                "officer1").reference();
        journey.complete(journey.onlyTask(reference, Elements.DRAFT_REQUEST, "officer1"), "officer1", Map.of());
        return reference;
    }

    private String processInstanceOf(String reference) {
        return journey.onlyTask(reference, Elements.APPROVE_REQUEST, "delegate-hn").getProcessInstanceId();
    }
}
