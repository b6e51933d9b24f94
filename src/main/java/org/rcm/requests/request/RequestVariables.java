package org.rcm.requests.request;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.rcm.requests.directory.Directory;
import org.rcm.requests.request.RequestProcess.Variables;
import org.rcm.requests.task.LongTexts;
import org.springframework.stereotype.Component;

/**
 * Reads a request from the fields a form submitted, and writes the display copies the forms show and the decision
 * table's input. The registry is the record: nothing here is read back to route or decide.
 */
@Component
public class RequestVariables {

    /**
     * The forms' copies of what the registry holds, as {@link #write} writes them: neither their changes nor their
     * last values are history (config/AuditHistoryPlugin), the registry and its page are.
     */
    public static final Set<String> DISPLAY_COPIES = Set.of(Variables.SUBJECT, Variables.BODY, Variables.RECIPIENTS,
            Variables.REPLY_DUE, Variables.REPLY_DUE_WORKING_DAYS, Variables.KIND, Variables.LANGUAGE,
            Variables.ACKNOWLEDGEMENT, Variables.TOPIC, Variables.SUBJECT_ES, Variables.BODY_ES, Variables.SUBJECT_EN,
            Variables.BODY_EN, Variables.RECIPIENT_SCOPE);

    private final Directory directory;

    RequestVariables(Directory directory) {
        this.directory = directory;
    }

    /**
     * The request a form submitted: subject and body in the chosen language, and the fields of the other working
     * language (the form shows only those; the same language's are ignored, whatever a client sent in them).
     */
    public NewRequest read(VariableScope scope) {
        String language = text(scope, Variables.LANGUAGE);
        String own = language == null || language.isBlank() ? "es" : language.trim().toLowerCase(Locale.ROOT);
        Map<String, String> subjects = new HashMap<>();
        Map<String, String> bodies = new HashMap<>();
        for (String other : RequestText.LANGUAGES) {
            if (!other.equals(own)) {
                subjects.put(other, text(scope, Variables.subjectIn(other)));
                bodies.put(other, LongTexts.read(scope, Variables.bodyIn(other)));
            }
        }
        return new NewRequest(text(scope, Variables.SUBJECT), LongTexts.read(scope, Variables.BODY),
                RecipientCodes.parse(scope.getVariable(Variables.RECIPIENTS)), text(scope, Variables.REPLY_DUE),
                text(scope, Variables.KIND), language, subjects, bodies,
                wholeNumber(scope.getVariable(Variables.REPLY_DUE_WORKING_DAYS)),
                Boolean.TRUE.equals(scope.getVariable(Variables.ACKNOWLEDGEMENT)), text(scope, Variables.TOPIC));
    }

    /** The request as the forms show it (a long text by its beginning), and the decision table's input. */
    public void write(VariableScope scope, String reference, ValidRequest request) {
        show(scope, Variables.REFERENCE, reference);
        show(scope, Variables.SUBJECT, request.subject());
        show(scope, Variables.BODY, BodyPreview.of(reference, request.body()));
        // a JSON array for the forms' tag list
        show(scope, Variables.RECIPIENTS, SpinValues.jsonValue(request.recipients().stream()
                .map(code -> '"' + code + '"').collect(Collectors.joining(",", "[", "]"))).create());
        // a due date in working days shows as their number, and the date field stays empty: the forms take one of the two
        boolean inWorkingDays = request.replyDueWorkingDays() != null;
        show(scope, Variables.REPLY_DUE, inWorkingDays ? null : request.replyDue().toString());
        show(scope, Variables.REPLY_DUE_WORKING_DAYS, request.replyDueWorkingDays());
        show(scope, Variables.KIND, request.kind().code());
        show(scope, Variables.LANGUAGE, request.language());
        show(scope, Variables.ACKNOWLEDGEMENT, request.acknowledgement());
        show(scope, Variables.TOPIC, request.topic());
        // the other working language's text, or nothing; the request's own language has no fields of its own
        for (String language : RequestText.LANGUAGES) {
            RequestText text = request.otherTexts().stream().filter(t -> t.language().equals(language)).findFirst()
                    .orElse(null);
            show(scope, Variables.subjectIn(language), text == null ? null : text.subject());
            show(scope, Variables.bodyIn(language), text == null ? null : BodyPreview.of(reference, text.body()));
        }
        show(scope, Variables.RECIPIENT_SCOPE, directory.scopeOf(request.recipients()));
        // Instances of the first model version read their recipients and the Troika's outcome from variables.
        if (scope.hasVariable(Variables.RECIPIENT_LIST)) {
            scope.setVariable(Variables.RECIPIENT_LIST, new ArrayList<>(request.recipients()));
            scope.setVariable(Variables.APPROVAL_REJECTED, false);
            scope.setVariable(Variables.CHANGES_REQUESTED, false);
        }
    }

    private static void show(VariableScope scope, String name, Object value) {
        scope.setVariable(name, value);
    }

    /** A form's number field gives a Long or a Double: {@code 10.0} is read as {@code 10}. */
    private static String wholeNumber(Object value) {
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return Long.toString(number.longValue());
        }
        return value == null ? null : value.toString();
    }

    private static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }
}
