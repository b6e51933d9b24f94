package org.rcm.requests.request;

import java.util.ArrayList;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.rcm.requests.directory.Directory;
import org.rcm.requests.directory.Troika;
import org.rcm.requests.request.RequestProcess.Variables;
import org.springframework.stereotype.Component;

/** Reads a request from process variables, and writes back its cleaned form and the routing data. */
@Component
public class RequestVariables {

    private final Directory directory;
    private final Troika troika;

    RequestVariables(Directory directory, Troika troika) {
        this.directory = directory;
        this.troika = troika;
    }

    public NewRequest read(VariableScope scope) {
        return new NewRequest(text(scope, Variables.SUBJECT), text(scope, Variables.BODY),
                RecipientCodes.parse(scope.getVariable(Variables.RECIPIENTS)), text(scope, Variables.REPLY_DUE),
                text(scope, Variables.KIND), text(scope, Variables.LANGUAGE));
    }

    /** The recipients become a list (the multi-instance collection); the Troika and the DMN's input are set. */
    public void write(VariableScope scope, String reference, ValidRequest request) {
        scope.setVariable(Variables.REFERENCE, reference);
        scope.setVariable(Variables.SUBJECT, request.subject());
        scope.setVariable(Variables.BODY, request.body());
        // A JSON array for the forms' tag list; a plain list for the multi-instance collection.
        scope.setVariable(Variables.RECIPIENTS, SpinValues.jsonValue(request.recipients().stream()
                .map(code -> '"' + code + '"').collect(Collectors.joining(",", "[", "]"))).create());
        scope.setVariable(Variables.RECIPIENT_LIST, new ArrayList<>(request.recipients()));
        scope.setVariable(Variables.REPLY_DUE, request.replyDue().toString());
        scope.setVariable(Variables.KIND, request.kind().code());
        scope.setVariable(Variables.LANGUAGE, request.language());
        scope.setVariable(Variables.RECIPIENT_SCOPE, directory.scopeOf(request.recipients()));
        scope.setVariable(Variables.TROIKA_COUNTRIES, new ArrayList<>(troika.codes()));
        scope.setVariable(Variables.APPROVAL_REJECTED, false);
        scope.setVariable(Variables.CHANGES_REQUESTED, false);
    }

    private static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }
}
