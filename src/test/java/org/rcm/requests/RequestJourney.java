package org.rcm.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.rcm.requests.request.NewRequest;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.rcm.requests.request.RequestService;
import org.springframework.stereotype.Component;

/** Drives a request through the real application as its users would: start, draft, three approvals, sent. */
@Component
public class RequestJourney {

    private static final List<String> DELEGATES = List.of("delegate-hn", "delegate-mx", "delegate-sv");

    private final RequestService requests;
    private final TaskService tasks;
    private final IdentityService identity;

    RequestJourney(RequestService requests, TaskService tasks, IdentityService identity) {
        this.requests = requests;
        this.tasks = tasks;
        this.identity = identity;
    }

    /** Starts a request, has it drafted and approved, and waits until every recipient's email is delivered. */
    public String sent(String subject, String... recipients) {
        String reference = requests.start(new NewRequest(subject, "Solicitamos la información indicada.",
                List.of(recipients), LocalDate.now().plusDays(30).toString(), "information", "es"), List.of(),
                "officer1").reference();
        complete(onlyTask(reference, Elements.DRAFT_REQUEST, "officer1"), "officer1", Map.of());
        for (String delegate : DELEGATES) {
            complete(onlyTask(reference, Elements.APPROVE_REQUEST, delegate), delegate,
                    Map.of(Variables.DECISION, "approve"));
        }
        for (String recipient : recipients) {
            await().atMost(Duration.ofSeconds(20)).until(() -> sentMessage(reference, recipient).isPresent());
        }
        return reference;
    }

    /**
     * The request email delivered for this recipient, found by its Message-ID; the newest, since other applications
     * of the test JVM (the cluster and PostgreSQL tests, each with a database of its own) number their requests
     * from the same counter start and send to the same test mail server.
     */
    public Optional<MimeMessage> sentMessage(String reference, String recipient) {
        String messageId = "<" + (reference + "." + recipient + ".request.1@crm.example.org").toLowerCase() + ">";
        return Arrays.stream(TestMailServer.MAIL.getReceivedMessages()).filter(message -> {
            try {
                return messageId.equals(message.getMessageID());
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).reduce((earlier, later) -> later);
    }

    public Task onlyTask(String reference, String taskKey, String user) {
        List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey)
                .taskCandidateUser(user).list();
        assertThat(found).as(taskKey + " tasks of " + reference + " offered to " + user).hasSize(1);
        return found.get(0);
    }

    public void complete(Task task, String user, Map<String, Object> variables) {
        identity.setAuthenticatedUserId(user);
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}
