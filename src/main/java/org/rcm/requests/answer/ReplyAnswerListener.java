package org.rcm.requests.answer;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.rcm.requests.directory.Directory;
import org.rcm.requests.directory.FocalPoints;
import org.rcm.requests.directory.Party;
import org.rcm.requests.request.RequestKind;
import org.rcm.requests.request.RequestProcess.Variables;
import org.rcm.requests.request.RequestRegistry;
import org.rcm.requests.task.LongTexts;
import org.springframework.stereotype.Component;

/**
 * The structured answer in {@code Task_ReviewReply}. When the task is created, its form's fields show the last answer
 * the recipient sent through the reply page (blank for an emailed answer), as variables of this recipient's instance
 * only; a table's rows as lines of text ({@link TableLines}). When the reviewer accepts, the fields as completed are
 * checked like the reply page's, stored as the accepted answer, and an accepted focal-point nomination updates the
 * directory. What the next steps read is that record.
 */
@Component("replyAnswerListener")
class ReplyAnswerListener implements TaskListener {

    private final ReplyForms forms;
    private final Answers answers;
    private final FocalPoints focalPoints;
    private final RequestRegistry registry;
    private final Directory directory;

    ReplyAnswerListener(ReplyForms forms, Answers answers, FocalPoints focalPoints, RequestRegistry registry,
                        Directory directory) {
        this.forms = forms;
        this.answers = answers;
        this.focalPoints = focalPoints;
        this.registry = registry;
        this.directory = directory;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean created = EVENTNAME_CREATE.equals(task.getEventName());
        boolean accepted = EVENTNAME_COMPLETE.equals(task.getEventName())
                && "accept".equals(task.getVariable(Variables.OUTCOME));
        String recipient = (String) task.getVariable(Variables.RECIPIENT);
        if (!created && !accepted || recipient == null) {
            return; // a clarification asked: nothing to show or record, and no form to look up
        }
        String reference = task.getExecution().getProcessBusinessKey();
        Optional<ReplyForm> form = forms.forRequest(reference,
                ((ExecutionEntity) task.getExecution()).getProcessDefinition().getDeploymentId());
        if (form.isEmpty()) {
            return;
        }
        if (created) {
            show(task.getExecution(), form.get(), answers.latestReceived(reference, recipient)
                    .map(Answers.Stored::answer).orElse(Answer.EMPTY));
        } else {
            accept(task, reference, recipient, form.get());
        }
    }

    /**
     * Every field of the form as a variable of this recipient's instance, blank where the answer has nothing: what
     * the reviewer submits then stays with this recipient, not with the request's other recipients.
     */
    private static void show(DelegateExecution execution, ReplyForm form, Answer answer) {
        for (ReplyForm.Field field : form.fields()) {
            execution.setVariableLocal(field.key(), answer.field(field.key()));
        }
        for (ReplyForm.Table table : form.tables()) {
            List<Map<String, String>> rows = answer.rows(table.key());
            execution.setVariableLocal(table.key(), rows.isEmpty() ? null : TableLines.format(table, rows));
        }
    }

    private void accept(DelegateTask task, String reference, String recipient, ReplyForm form) {
        Answer received = answers.latestReceived(reference, recipient).map(Answers.Stored::answer)
                .orElse(Answer.EMPTY);
        Map<String, String> fields = new LinkedHashMap<>();
        form.fields().forEach(field -> fields.put(field.key(), LongTexts.read(task, field.key())));
        Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
        form.tables().forEach(table -> tables.put(table.key(), TableLines.parse(table,
                LongTexts.read(task, table.key()), received.rows(table.key()))));
        Answer answer = new Answer(fields, tables);
        String topic = registry.topic(reference).orElse(null);
        Set<String> fixed = new HashSet<>();
        for (ReplyForm.Field field : form.fields()) {
            if ("topic".equals(field.fromRequest()) && topic != null) {
                answer = answer.with(field.key(), topic);
                fixed.add(field.key());
            }
        }
        List<AnswerCheck.Problem> problems = AnswerCheck.check(form, answer, fixed);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.stream().map(AnswerCheck.Problem::bilingual)
                    .collect(Collectors.joining("; ")));
        }
        Long correspondenceId = task.getVariable(Variables.REPLY_CORRESPONDENCE_ID) instanceof Number id
                ? id.longValue() : null;
        String messageId = correspondenceId == null ? null
                : answers.inboundMessageId(correspondenceId, reference, recipient).orElse(null);
        String kind = registry.find(reference).map(details -> details.kind()).orElse(null);
        Answers.Stored accepted = answers.accept(reference, recipient, kind, messageId == null ? null : correspondenceId,
                answer, reviewer(task));
        if (RequestKind.FOCAL_POINTS.code().equals(kind)) {
            String language = directory.find(recipient).map(Party::language).orElse("es");
            focalPoints.nominate(FocalPointFields.nomination(answer, recipient, language, accepted, messageId));
        }
    }

    private static String reviewer(DelegateTask task) {
        Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return user != null && user.getUserId() != null ? user.getUserId() : task.getAssignee();
    }
}
