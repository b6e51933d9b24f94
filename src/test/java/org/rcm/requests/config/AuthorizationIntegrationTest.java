package org.rcm.requests.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.request.NewRequest;
import org.rcm.requests.request.RequestProcess;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.rcm.requests.request.RequestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Camunda authorization on: who sees and works what, through the services and through /engine-rest. */
class AuthorizationIntegrationTest extends IntegrationTestBase {

    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    RequestService requests;
    @Autowired
    RequestJourney journey;
    @Autowired
    TestRestTemplate rest;

    @Test
    void aDelegateSeesAndCompletesOnlyTheApprovalTasksOfTheirOwnCountry() {
        String reference = inApproval("Autorizaciones por país");
        Task mexico = journey.onlyTask(reference, Elements.APPROVE_REQUEST, "delegate-mx");

        List<Task> seenByHonduras = as("delegate-hn", () -> tasks.createTaskQuery()
                .processInstanceBusinessKey(reference).list());
        assertThat(seenByHonduras).as("tasks delegate-hn sees").hasSize(1)
                .allSatisfy(task -> assertThat(task.getTaskDefinitionKey()).isEqualTo(Elements.APPROVE_REQUEST));
        assertThat(as("delegate-hn", () -> tasks.getVariable(seenByHonduras.get(0).getId(), "troikaCountry")))
                .as("country of the task delegate-hn sees").isEqualTo("HN");
        assertThat(as("delegate-hn", () -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(reference).count())).as("instances delegate-hn sees").isZero();

        assertThatThrownBy(() -> as("delegate-hn", () -> {
            tasks.complete(mexico.getId(), Map.of(Variables.DECISION, "approve"));
            return null;
        })).as("delegate-hn completing Mexico's task").isInstanceOf(AuthorizationException.class);

        ResponseEntity<String> overRest = rest.withBasicAuth("delegate-hn", "demo").postForEntity(
                "/engine-rest/task/" + mexico.getId() + "/complete",
                Map.of("variables", Map.of(Variables.DECISION, Map.of("value", "approve"))), String.class);
        assertThat(overRest.getStatusCode()).as("REST: delegate-hn completing Mexico's task: " + overRest.getBody())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(overRest.getBody()).contains("AuthorizationException");

        ResponseEntity<List> restTasks = rest.withBasicAuth("delegate-hn", "demo").getForEntity(
                "/engine-rest/task?processInstanceBusinessKey=" + reference, List.class);
        assertThat(restTasks.getBody()).as("REST: tasks delegate-hn sees").hasSize(1);

        assertThat(tasks.createTaskQuery().taskId(mexico.getId()).count()).as("Mexico's task still open").isOne();
        journey.complete(mexico, "delegate-mx", Map.of(Variables.DECISION, "approve"));
    }

    @Test
    void anOfficerStartsARequestDraftsItAndReadsItsHistory() {
        String processInstanceId = as("officer1", () -> runtime.startProcessInstanceByKey(RequestProcess.KEY,
                Map.of("subject", "Consulta de un oficial", "body", "Solicitamos datos.",
                        "recipients", org.camunda.spin.plugin.variable.SpinValues
                                .jsonValue("[\"IOM\"]").create(),
                        "replyDue", LocalDate.now().plusDays(15).toString(), "kind", "information",
                        "language", "es")).getId());

        Task draft = as("officer1", () -> tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(Elements.DRAFT_REQUEST).singleResult());
        assertThat(draft).as("the draft task officer1 sees").isNotNull();
        as("officer1", () -> {
            tasks.complete(draft.getId(), Map.of());
            return null;
        });

        assertThat(as("officer1", () -> runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .count())).as("officer1 reads the instance").isOne();
        assertThat(as("officer1", () -> history.createHistoricTaskInstanceQuery()
                .processInstanceId(processInstanceId).finished().count())).as("officer1 reads history").isOne();
        assertThat(as("delegate-sv", () -> runtime.createProcessInstanceQuery()
                .processInstanceId(processInstanceId).count())).as("a delegate reads no instance").isZero();
    }

    @Test
    void aDelegateCannotStartARequest() {
        assertThatThrownBy(() -> as("delegate-mx", () -> runtime.startProcessInstanceByKey(RequestProcess.KEY,
                Map.of("subject", "x"))))
                .as("delegate-mx starting a request").isInstanceOf(AuthorizationException.class);

        ResponseEntity<String> overRest = rest.withBasicAuth("delegate-mx", "demo").postForEntity(
                "/engine-rest/process-definition/key/" + RequestProcess.KEY + "/start", Map.of(), String.class);
        assertThat(overRest.getStatusCode()).as("REST start by a delegate").isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> overApi = rest.withBasicAuth("delegate-mx", "demo").postForEntity("/api/requests",
                Map.of("subject", "x"), String.class);
        assertThat(overApi.getStatusCode()).as("API start by a delegate").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theAdminManagesUsersAndOthersCannot() {
        String id = "auth-test-user";
        as("admin", () -> {
            User user = identity.newUser(id);
            user.setPassword("s3cret-pass");
            identity.saveUser(user);
            identity.createMembership(id, "secretariat");
            return null;
        });
        assertThat(identity.createUserQuery().userId(id).count()).as("user created by admin").isOne();

        assertThatThrownBy(() -> as("officer1", () -> {
            identity.saveUser(identity.newUser("auth-test-intruder"));
            return null;
        })).as("officer1 creating a user").isInstanceOf(AuthorizationException.class);

        ResponseEntity<String> overRest = rest.withBasicAuth("officer1", "demo").postForEntity(
                "/engine-rest/user/create", Map.of("profile", Map.of("id", "auth-test-intruder2"),
                        "credentials", Map.of("password", "whatever-1")), String.class);
        assertThat(overRest.getStatusCode()).as("REST user creation by an officer").isEqualTo(HttpStatus.FORBIDDEN);

        as("admin", () -> {
            identity.deleteUser(id);
            return null;
        });
    }

    private String inApproval(String subject) {
        String reference = requests.start(new NewRequest(subject, "Solicitamos la información indicada.",
                List.of("IOM"), LocalDate.now().plusDays(30).toString(), "information", "es"), List.of(),
                "officer1").reference();
        journey.complete(journey.onlyTask(reference, Elements.DRAFT_REQUEST, "officer1"), "officer1", Map.of());
        return reference;
    }

    private <T> T as(String user, Callable<T> action) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                .toList();
        identity.setAuthentication(user, groups);
        try {
            return action.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            identity.clearAuthentication();
        }
    }
}
