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
import org.rcm.requests.mail.outbound.MailKind;
import org.rcm.requests.request.NewRequest;
import org.rcm.requests.request.RequestProcess.Elements;
import org.rcm.requests.request.RequestProcess.Variables;
import org.rcm.requests.request.RequestService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Drives a request through the real application as its users would: start, draft, three approvals, sent. */
@Component
public class RequestJourney {

    private static final List<String> DELEGATES = List.of("delegate-hn", "delegate-mx", "delegate-sv");

    private final RequestService requests;
    private final TaskService tasks;
    private final IdentityService identity;
    private final JdbcClient jdbc;

    RequestJourney(RequestService requests, TaskService tasks, IdentityService identity, JdbcClient jdbc) {
        this.requests = requests;
        this.tasks = tasks;
        this.identity = identity;
        this.jdbc = jdbc;
    }

    /** Starts a request and has it drafted: it waits for the Troika's approval. */
    public String toApproval(String subject, String... recipients) {
        String reference = requests.start(new NewRequest(subject, "Solicitamos la información indicada.",
                List.of(recipients), LocalDate.now().plusDays(30).toString(), "information", "es"), List.of(),
                "officer1").reference();
        complete(onlyTask(reference, Elements.DRAFT_REQUEST, "officer1"), "officer1", Map.of());
        return reference;
    }

    /** A request drafted and approved by Honduras alone: it waits for Mexico and El Salvador. */
    public String approvedByHonduras(String subject, String... recipients) {
        String reference = toApproval(subject, recipients);
        complete(onlyTask(reference, Elements.APPROVE_REQUEST, "delegate-hn"), "delegate-hn",
                Map.of(Variables.DECISION, "approve"));
        return reference;
    }

    /** Starts a request, has it drafted and approved, and waits until every recipient's email is delivered. */
    public String sent(String subject, String... recipients) {
        return sent(new NewRequest(subject, "Solicitamos la información indicada.", List.of(recipients),
                LocalDate.now().plusDays(30).toString(), "information", "es"));
    }

    /** The same with a request of one's own (one that asks for an acknowledgement of receipt, say). */
    public String sent(NewRequest request) {
        String reference = requests.start(request, List.of(), "officer1").reference();
        complete(onlyTask(reference, Elements.DRAFT_REQUEST, "officer1"), "officer1", Map.of());
        for (String delegate : DELEGATES) {
            complete(onlyTask(reference, Elements.APPROVE_REQUEST, delegate), delegate,
                    Map.of(Variables.DECISION, "approve"));
        }
        for (String recipient : request.recipients()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> sentMessage(reference, recipient).isPresent());
        }
        return reference;
    }

    /**
     * The Message-ID of the (first) request email to this recipient, as the application recorded it in the
     * correspondence log before sending; empty until then. It carries a keyed part: it cannot be written down here.
     */
    public Optional<String> messageId(String reference, String recipient) {
        // one indexed row of the log: callers poll this while they wait for the email (the lifecycle benchmark too)
        return jdbc.sql("select message_id from correspondence where reference = ? and party_code = ? "
                        + "and direction = 'OUT' and kind = ? order by id").params(reference, recipient,
                        MailKind.REQUEST.name())
                .query(String.class).list().stream().findFirst();
    }

    /** A reply from {@code from} to the request email of {@code recipient}, as {@link TestMails#reply} writes it. */
    public String reply(String reference, String recipient, String from, String text) {
        return TestMails.reply(messageId(reference, recipient).orElseThrow(() -> new IllegalStateException(
                "no request email to " + recipient + " of " + reference + " in the log")), reference, from, text);
    }

    /**
     * The request email delivered for this recipient, found by its recorded Message-ID; the newest, should another
     * application of the test JVM (the cluster and PostgreSQL tests, each with a database of its own) ever send the
     * same one to the same test mail server.
     */
    public Optional<MimeMessage> sentMessage(String reference, String recipient) {
        return messageId(reference, recipient).flatMap(messageId -> Arrays.stream(TestMailServer.MAIL
                .getReceivedMessages()).filter(message -> {
                    try {
                        return messageId.equals(message.getMessageID());
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                }).reduce((earlier, later) -> later));
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
