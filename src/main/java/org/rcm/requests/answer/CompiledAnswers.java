package org.rcm.requests.answer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rcm.requests.directory.Directory;
import org.rcm.requests.directory.Party;
import org.rcm.requests.request.RecipientState;
import org.rcm.requests.request.RequestDetails;
import org.rcm.requests.request.RequestRegistry;
import org.springframework.stereotype.Component;

/**
 * A request's answers compiled: each recipient's status (sent, acknowledged, answered, overdue, extended) and the
 * accepted structured answers of all recipients in one table; a table answer (the consulates) gives one line per row,
 * each with its source recipient and reply.
 */
@Component
public class CompiledAnswers {

    /**
     * One recipient's status.
     *
     * @param acknowledgedAt when the recipient confirmed receipt, where the registry records receipts; else null
     * @param extended       its due date was moved past the request's
     */
    public record Status(String code, String name, RecipientState state, LocalDate replyDue, boolean extended,
                         Instant sentAt, Instant acknowledgedAt, Instant answeredAt, long daysOverdue,
                         String acceptedBy, Instant acceptedAt) {

        public boolean overdue() {
            return daysOverdue > 0 || state == RecipientState.OVERDUE;
        }
    }

    public record Column(String key, String label) {
    }

    /** One line of the compiled table: its source recipient and reply, and a value per column. */
    public record Line(String code, String name, Long correspondenceId, List<String> values) {
    }

    /**
     * @param form the request's reply form, or null (then there is no compiled table)
     */
    public record Compilation(RequestDetails request, ReplyForm form, List<Status> recipients, List<Column> columns,
                              List<Line> lines, LocalDate today) {
    }

    private final RequestRegistry registry;
    private final Directory directory;
    private final Answers answers;
    private final ReplyForms forms;
    private final Clock clock;

    CompiledAnswers(RequestRegistry registry, Directory directory, Answers answers, ReplyForms forms, Clock clock) {
        this.registry = registry;
        this.directory = directory;
        this.answers = answers;
        this.forms = forms;
        this.clock = clock;
    }

    public Optional<Compilation> of(String reference, String language) {
        return registry.find(reference).map(request -> compile(request, language));
    }

    private Compilation compile(RequestDetails request, String language) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Answers.Stored> accepted = new java.util.HashMap<>();
        answers.accepted(request.reference()).forEach(answer -> accepted.put(answer.partyCode(), answer));
        // the directory once, not a query per recipient
        Map<String, Party> parties = new java.util.HashMap<>();
        directory.all().forEach(party -> parties.put(party.code(), party));
        List<Status> statuses = new ArrayList<>();
        for (RequestDetails.Recipient recipient : request.recipients()) {
            Answers.Stored answer = accepted.get(recipient.code());
            Party party = parties.get(recipient.code());
            statuses.add(new Status(recipient.code(), party == null ? recipient.code() : party.name(language),
                    recipient.state(), recipient.replyDue(),
                    recipient.replyDue() != null && recipient.replyDue().isAfter(request.replyDue()),
                    recipient.sentAt(), recipient.acknowledgedAt(), recipient.answeredAt(),
                    recipient.state().daysOverdue(recipient.replyDue(), today),
                    answer == null ? null : answer.acceptedBy(), answer == null ? null : answer.acceptedAt()));
        }
        ReplyForm form = forms.forRequest(request.reference()).orElse(null);
        List<Column> columns = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        if (form != null) {
            form.fields().forEach(field -> columns.add(new Column(field.key(), field.label(language))));
            ReplyForm.Table table = form.tables().isEmpty() ? null : form.tables().get(0);
            if (table != null) {
                table.columns().forEach(column -> columns.add(new Column(table.key() + "." + column.key(),
                        column.label(language))));
            }
            for (Status status : statuses) {
                Answers.Stored answer = accepted.get(status.code());
                if (answer == null) {
                    continue;
                }
                List<String> fieldValues = form.fields().stream()
                        .map(field -> display(field, answer.answer().field(field.key()), language)).toList();
                List<Map<String, String>> rows = table == null ? List.of() : answer.answer().rows(table.key());
                if (rows.isEmpty()) {
                    List<String> values = new ArrayList<>(fieldValues);
                    if (table != null) {
                        table.columns().forEach(column -> values.add(null));
                    }
                    lines.add(new Line(status.code(), status.name(), answer.correspondenceId(), values));
                }
                for (Map<String, String> row : rows) {
                    List<String> values = new ArrayList<>(fieldValues);
                    table.columns().forEach(column -> values.add(display(column, row.get(column.key()), language)));
                    lines.add(new Line(status.code(), status.name(), answer.correspondenceId(), values));
                }
            }
        }
        return new Compilation(request, form, statuses, columns, lines, today);
    }

    private static String display(ReplyForm.Field field, String value, String language) {
        return value == null ? null : field.choice() ? field.optionLabel(value, language) : value;
    }
}
