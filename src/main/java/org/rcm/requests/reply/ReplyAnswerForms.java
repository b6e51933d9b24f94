package org.rcm.requests.reply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.rcm.requests.answer.Answer;
import org.rcm.requests.answer.AnswerCheck;
import org.rcm.requests.answer.Answers;
import org.rcm.requests.answer.ReplyForm;
import org.rcm.requests.answer.ReplyForms;
import org.rcm.requests.request.RequestRegistry;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * The reply form of a request's kind on the reply page: which fields it asks (a field the request itself answers,
 * such as its topic, is not asked), what the sender typed in them (names {@code answer.<key>} and, in a table,
 * {@code answer.<table>.<row>.<column>}), and storing the answer with its message.
 */
@Component
class ReplyAnswerForms {

    static final String PREFIX = "answer.";

    private final ReplyForms forms;
    private final Answers answers;
    private final RequestRegistry registry;

    ReplyAnswerForms(ReplyForms forms, Answers answers, RequestRegistry registry) {
        this.forms = forms;
        this.answers = answers;
        this.registry = registry;
    }

    /**
     * The form the page shows for a request, with the values the request fixes.
     *
     * @param fixed values of fields the request answers itself, by key; those fields are not asked
     */
    record PageForm(ReplyForm form, Map<String, String> fixed) {

        boolean asks(ReplyForm.Field field) {
            return !fixed.containsKey(field.key());
        }
    }

    Optional<PageForm> of(String reference) {
        return forms.forRequest(reference).map(form -> {
            Map<String, String> fixed = new LinkedHashMap<>();
            String topic = registry.topic(reference).orElse(null);
            for (ReplyForm.Field field : form.fields()) {
                if ("topic".equals(field.fromRequest()) && topic != null) {
                    fixed.put(field.key(), topic);
                }
            }
            return new PageForm(form, fixed);
        });
    }

    /** What the sender typed; rows left blank are dropped, the others keep their order. */
    static Answer read(PageForm page, MultiValueMap<String, String> params) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (ReplyForm.Field field : page.form().fields()) {
            if (page.asks(field)) {
                fields.put(field.key(), params.getFirst(PREFIX + field.key()));
            }
        }
        Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
        for (ReplyForm.Table table : page.form().tables()) {
            List<Map<String, String>> rows = new java.util.ArrayList<>();
            // a page shows at most MAX_ROWS rows, and one more may be added: anything beyond was not typed there
            for (int i = 0; i <= AnswerCheck.MAX_ROWS + 1; i++) {
                Map<String, String> row = new LinkedHashMap<>();
                for (ReplyForm.Field column : table.columns()) {
                    String value = params.getFirst(PREFIX + table.key() + "." + i + "." + column.key());
                    if (value != null) {
                        row.put(column.key(), value);
                    }
                }
                rows.add(row);
            }
            tables.put(table.key(), rows);
        }
        return new Answer(fields, tables);
    }

    /** The problems of a typed answer, with the values the request fixes; none when nothing was typed. */
    static List<AnswerCheck.Problem> check(PageForm page, Answer typed) {
        return typed.blank() ? List.of() : AnswerCheck.check(page.form(), complete(page, typed), page.fixed().keySet());
    }

    /**
     * Stores the answer, then its message ({@code intake}): the answer first, so that the review the message opens
     * finds it; an answer whose message was not taken is removed.
     *
     * @return the id of the stored message
     */
    long store(String reference, String recipient, PageForm page, Answer typed, LongSupplier intake) {
        if (page == null || typed.blank()) {
            return intake.getAsLong();
        }
        String kind = registry.find(reference).map(details -> details.kind()).orElseThrow();
        long answer = answers.receive(reference, recipient, kind, complete(page, typed));
        long message;
        try {
            message = intake.getAsLong();
        } catch (RuntimeException e) {
            answers.discard(answer);
            throw e;
        }
        answers.attachMessage(answer, message);
        return message;
    }

    private static Answer complete(PageForm page, Answer typed) {
        Answer answer = typed;
        for (Map.Entry<String, String> fixed : page.fixed().entrySet()) {
            answer = answer.with(fixed.getKey(), fixed.getValue());
        }
        return answer;
    }
}
